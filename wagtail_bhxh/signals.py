"""Signals other apps of the suite listen to.

``page_taken_down``
    Sent when an approved takedown request is carried out (Decision 2474).
    Arguments: ``page`` (the specific page), ``outcome`` (``"removed"``,
    ``"withdrawn"`` or ``"consolidated"``), ``request`` (the HTTP request of
    the head's decision; may be None) and ``takedown_request`` (the
    :class:`~wagtail_bhxh.models.TakedownRequest`).
    Search drops or demotes the page at once; analytics and norms counters
    note it. A removed page is also unpublished, which sends Wagtail's own
    ``page_unpublished``.
"""

from django.dispatch import Signal

page_taken_down = Signal()
