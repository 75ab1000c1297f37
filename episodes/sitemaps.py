"""sitemap.xml: the Wagtail pages plus the theme and association pages."""

from django.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from episodes.models import Association, EpisodePage, Theme


class PagesSitemap(WagtailSitemap):
    """The live, public pages, without the episodes whose publication time has not come."""

    def items(self):
        waiting = EpisodePage.objects.awaiting_publication().values("pk")
        return super().items().exclude(pk__in=waiting)


class SnippetPagesSitemap(Sitemap):
    """The public pages of themes and associations."""

    def items(self):
        return [*Theme.objects.all(), *Association.objects.all()]

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"pages": PagesSitemap, "snippets": SnippetPagesSitemap}
