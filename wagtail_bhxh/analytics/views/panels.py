"""The statistics summary on the Wagtail admin home page."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Site

from .. import stats


class StatisticsPanel(Component):
    """Online now, today, and the last 7 days against the 7 before, for the default site."""

    name = "bhxh_statistics"
    template_name = "wagtail_bhxh_analytics/admin/home_panel.html"
    order = 110

    class Media:
        css = {"all": ["wagtail_bhxh_analytics/css/dashboard.css"]}

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        site = Site.find_for_request(self.request) or Site.objects.filter(is_default_site=True).first()
        context = {"title": _("Visitor statistics"), "site": site}
        if site is None:
            return context
        today = timezone.localdate()
        week = stats.daily_series(site.pk, today - datetime.timedelta(days=6), today)
        before = stats.daily_series(site.pk, today - datetime.timedelta(days=13), today - datetime.timedelta(days=7))
        context.update(
            counters=stats.site_counters(site.pk),
            comparison=stats.period_comparison(week, before),
        )
        return context
