"""sitemap.xml: the Wagtail pages plus the theme and association pages."""

from django.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import Sitemap as PageSitemap

from episodes.models import Association, Theme


class SnippetPagesSitemap(Sitemap):
    """The public pages of themes and associations."""

    def items(self):
        return [*Theme.objects.all(), *Association.objects.all()]

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"pages": PageSitemap, "snippets": SnippetPagesSitemap}
