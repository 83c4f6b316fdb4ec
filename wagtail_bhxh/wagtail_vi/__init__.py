"""Vietnamese translations of the Wagtail admin strings that Wagtail's own catalogue does not have yet.

Add ``"wagtail_bhxh.wagtail_vi"`` to ``INSTALLED_APPS``. The catalogue holds
only messages Wagtail leaves untranslated, so it never replaces a Wagtail
translation; where Wagtail later translates a message itself, its own
translation is used (``scripts/wagtail_vi.py`` drops the entry on the next
build). The file follows Wagtail's own catalogues (same msgids and contexts,
each entry naming its Wagtail catalogue), so it can be offered upstream.
"""

from pathlib import Path

#: Add to ``LOCALE_PATHS`` as well: Wagtail's admin loads its JavaScript strings
#: only from its own catalogue and from ``LOCALE_PATHS``.
LOCALE_PATH = Path(__file__).resolve().parent / "locale"
