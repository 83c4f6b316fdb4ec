"""RSS feed of the latest news and articles of the current site."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from .conf import bhxh_settings
from .models import ArticlePage
from .models.takedown import exclude_withdrawn


class LatestNewsFeed(Feed):
    feed_type = Rss201rev2Feed
    description = _("Latest news and articles")

    def get_object(self, request):
        site = Site.find_for_request(request)
        if site is None:
            raise Http404
        self.request = request
        return site

    def title(self, site):
        return site.site_name or site.root_page.title

    def link(self, site):
        return site.root_url + "/"

    def items(self, site):
        return exclude_withdrawn(
            ArticlePage.objects.live().public().descendant_of(site.root_page, inclusive=True).defer_streamfields()
        ).order_by("-first_published_at")[: bhxh_settings.RSS_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_categories(self, item):
        return [item.get_kind_display()]
