"""The Dispatch 3216 compliance page: red, amber or green for each item of the dispatch.

Items come from the ``wagtail_bhxh_compliance_items`` hook, so each app
reports on what it owns and the core never imports the others. A hook
function takes ``(request, today)`` and returns an iterable of
:class:`ComplianceItem`; an item of :data:`EXPECTED` that no installed app
reports on is shown red, "not checked". For example, the spokesperson app::

    from wagtail import hooks
    from wagtail_bhxh.editorial.compliance import GREEN, RED, ComplianceItem

    @hooks.register("wagtail_bhxh_compliance_items")
    def spokesperson_compliance(request, today):
        current = Spokesperson.objects.current().first()
        return [
            ComplianceItem(
                key="spokesperson",
                status=GREEN if current and current.is_up_to_date(today) else RED,
                summary=...,
                evidence_url=reverse(...),
            )
        ]
"""

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks

from wagtail_bhxh.conf import bhxh_settings

GREEN = "green"
AMBER = "amber"
RED = "red"

STATUS_LABELS = {GREEN: gettext_lazy("Done"), AMBER: gettext_lazy("Attention"), RED: gettext_lazy("Not done")}

#: The items of Dispatch 3216 the page always shows, in order.
EXPECTED = {
    "monthly_norm": gettext_lazy("Monthly norm of news and articles met"),
    "quarterly_nominations": gettext_lazy("Model articles sent to the central portal each quarter"),
    "plan_approved": gettext_lazy("Annual operation plan approved by the Director"),
    "spokesperson": gettext_lazy("Spokesperson details current and posted in time"),
    "partner_links": gettext_lazy("Partner links alive"),
    "training": gettext_lazy("Staff training held"),
    "organisation_review": gettext_lazy("Organisation page reviewed"),
    "statistics_sealed": gettext_lazy("Visitor statistics sealed"),
}


@dataclass
class ComplianceItem:
    key: str
    status: str
    summary: str
    evidence_url: str = ""
    label: str = ""

    def __post_init__(self):
        if self.status not in STATUS_LABELS:
            raise ValueError(f"status must be one of {', '.join(STATUS_LABELS)}, not {self.status!r}")
        self.label = self.label or str(EXPECTED.get(self.key, self.key))

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]


def collect(request, today=None):
    """Every item: those reported by the hooks, then placeholders for expected items nobody reported."""
    today = today or timezone.localdate()
    reported = {}
    for hook in hooks.get_hooks("wagtail_bhxh_compliance_items"):
        for item in hook(request, today) or ():
            reported.setdefault(item.key, item)
    items = []
    for key in EXPECTED:
        items.append(
            reported.pop(key, None)
            or ComplianceItem(key, RED, _("Not checked: no installed app reports on this item."))
        )
    return items + list(reported.values())


# --- The items this app and the core own ----------------------------------------------


def _url(name, query=""):
    return reverse(name) + (f"?{query}" if query else "")


def _previous_month(today):
    return (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)


def monthly_norm_item(today):
    from . import norms

    month = _previous_month(today)
    report = norms.month_report(month)
    lines = [line for line in report.lines if line.target]
    evidence = _url("wagtail_bhxh_editorial:norms", f"year={month.year}&month={month.month}")
    label = month.strftime("%m/%Y")
    if not lines:
        return ComplianceItem("monthly_norm", RED, _("No approved target for %(month)s.") % {"month": label}, evidence)
    text = ", ".join(f"{line.count}/{line.target} {line.kind}" for line in lines)
    if all(line.met for line in lines):
        status = GREEN
    elif all(line.count * 100 >= line.target * bhxh_settings.EDITORIAL_REMINDER_PERCENT for line in lines):
        status = AMBER
    else:
        status = RED
    return ComplianceItem(
        "monthly_norm", status, _("%(month)s: %(counts)s") % {"month": label, "counts": text}, evidence
    )


def nominations_item(today):
    from .models import Nomination
    from .models.nominations import quarter_of
    from .nominations import quarter_target

    quarter, year = quarter_of(today) - 1, today.year
    if quarter == 0:
        quarter, year = 4, year - 1
    sent = Nomination.objects.in_quarter(year, quarter).sent().count()
    target = quarter_target(year)
    status = GREEN if sent >= target else AMBER if sent else RED
    summary = _("Quarter %(quarter)s/%(year)s: %(sent)s of %(target)s sent.") % {
        "quarter": quarter,
        "year": year,
        "sent": sent,
        "target": target,
    }
    evidence = _url("wagtail_bhxh_editorial:nominations", f"year={year}&quarter={quarter}")
    return ComplianceItem("quarterly_nominations", status, summary, evidence)


def plan_item(today):
    from .models import AnnualPlan

    plan = AnnualPlan.objects.filter(year=today.year).first()
    if plan is None:
        return ComplianceItem(
            "plan_approved",
            RED,
            _("No operation plan for %(year)s.") % {"year": today.year},
            _url("wagtail_bhxh_editorial_plans:list"),
        )
    evidence = reverse("wagtail_bhxh_editorial_plans:edit", args=(plan.pk,))
    if plan.live:
        return ComplianceItem("plan_approved", GREEN, _("%(plan)s approved.") % {"plan": plan}, evidence)
    return ComplianceItem("plan_approved", AMBER, _("%(plan)s not approved yet.") % {"plan": plan}, evidence)


def partner_links_item(today):
    from wagtail_bhxh.models import PartnerLink

    from .models import PartnerLinkCheck

    links = list(PartnerLink.objects.filter(is_active=True).values_list("pk", flat=True))
    checks = {c.link_id: c for c in PartnerLinkCheck.objects.filter(link_id__in=links)}
    evidence = _url("wagtailsnippets_wagtail_bhxh_partnerlink:list")
    if not links:
        return ComplianceItem("partner_links", AMBER, _("No partner link is shown."), evidence)
    broken = [pk for pk in links if pk in checks and not checks[pk].ok]
    recent = timezone.now() - datetime.timedelta(days=7)
    stale = [pk for pk in links if pk not in checks or checks[pk].checked_at < recent]
    if broken:
        status = RED
    elif stale:
        status = AMBER
    else:
        status = GREEN
    summary = _("%(broken)s of %(total)s links broken; %(stale)s not checked in the last 7 days.") % {
        "broken": len(broken),
        "total": len(links),
        "stale": len(stale),
    }
    return ComplianceItem("partner_links", status, summary, evidence)


def training_item(today):
    from .norms import approved_plan
    from .training import yearly_summary

    summary = yearly_summary(today.year, approved_plan(today.year))
    status = GREEN if summary.held and summary.met else AMBER if summary.held else RED
    text = _("%(held)s of %(planned)s planned sessions held in %(year)s.") % {
        "held": summary.held,
        "planned": summary.planned,
        "year": today.year,
    }
    return ComplianceItem("training", status, text, _url("wagtail_bhxh_editorial_training:list"))


def organisation_item(today):
    from wagtail_bhxh.models import OrganisationPage

    pages = list(OrganisationPage.objects.live().values_list("last_reviewed", flat=True))
    evidence = _url("wagtail_bhxh_reports:organisation_review")
    if not pages:
        return ComplianceItem("organisation_review", RED, _("No organisation page is published."), evidence)
    cutoff = today - datetime.timedelta(days=bhxh_settings.ORGANISATION_REVIEW_DAYS)
    overdue = sum(1 for reviewed in pages if reviewed < cutoff)
    if overdue:
        return ComplianceItem(
            "organisation_review",
            RED,
            _("%(count)s organisation page(s) overdue for review.") % {"count": overdue},
            evidence,
        )
    return ComplianceItem(
        "organisation_review",
        GREEN,
        _("Reviewed within %(days)s days.") % {"days": bhxh_settings.ORGANISATION_REVIEW_DAYS},
        evidence,
    )


def statistics_item(today):
    if not apps.is_installed("wagtail_bhxh.analytics"):
        return None
    from wagtail_bhxh.analytics.models import SiteDailyStats
    from wagtail_bhxh.analytics.sealing import last_closable_day

    evidence = _url("wagtail_bhxh_analytics:dashboard")
    last = SiteDailyStats.objects.order_by("-day").values_list("day", flat=True).first()
    closable = last_closable_day()
    if last is None:
        return ComplianceItem("statistics_sealed", RED, _("No day has been sealed yet."), evidence)
    status = GREEN if last >= closable else AMBER if last >= closable - datetime.timedelta(days=3) else RED
    return ComplianceItem(
        "statistics_sealed", status, _("Sealed up to %(day)s.") % {"day": last.strftime("%d/%m/%Y")}, evidence
    )


def editorial_items(request, today):
    items = [
        monthly_norm_item(today),
        nominations_item(today),
        plan_item(today),
        partner_links_item(today),
        training_item(today),
        organisation_item(today),
        statistics_item(today),
    ]
    return [item for item in items if item is not None]
