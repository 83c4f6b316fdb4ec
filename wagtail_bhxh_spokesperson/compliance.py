"""The spokesperson item of the Dispatch 3216 compliance page (``wagtail_bhxh.editorial``).

Green: the site has a spokesperson in office and nothing signed is overdue;
amber: a spokesperson is in office but an appointment or authorisation is past
the posting deadline; red: nobody is in office.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Site

from .models import Authorisation, Spokesperson


def spokesperson_items(request, today):
    from wagtail_bhxh.editorial.compliance import AMBER, GREEN, RED, ComplianceItem

    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    current = Spokesperson.objects.current(site, on=today) if site else None
    overdue = Spokesperson.objects.overdue().count() + Authorisation.objects.overdue().count()
    evidence = reverse(Spokesperson.snippet_viewset.get_url_name("list"))
    if current is None:
        status, summary = RED, _("No spokesperson in office is published.")
    elif overdue:
        status = AMBER
        summary = _("%(name)s is in office; %(count)s signed item(s) not posted within the deadline.") % {
            "name": current.full_name,
            "count": overdue,
        }
    else:
        status, summary = GREEN, _("%(name)s is in office and posted.") % {"name": current.full_name}
    return [ComplianceItem("spokesperson", status, summary, evidence)]
