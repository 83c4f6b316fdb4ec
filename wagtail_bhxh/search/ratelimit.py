"""Moved to :mod:`wagtail_bhxh.ratelimit`, shared with the view beacon; kept so existing imports work."""

from ..ratelimit import WINDOW_SECONDS, client_key, is_limited

__all__ = ["WINDOW_SECONDS", "client_key", "is_limited"]
