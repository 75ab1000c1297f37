"""sitemap.xml: the site's published pages, then the theme and association pages, at their
addresses on PUBLIC_BASE_URL whatever Host the request named."""

from django.contrib.sitemaps import Sitemap
from django.utils.functional import cached_property
from wagtail.models import Page, Site

from episodes.delivery.addresses import page_path, public_origin
from episodes.feeds.queries import site_root_paths
from episodes.models import Association, EpisodePage, Theme


class PublicSitemap(Sitemap):
    """A sitemap on PUBLIC_BASE_URL: Django joins the scheme and host given here to each
    location, where it would otherwise take the request's."""

    def get_protocol(self, protocol=None):
        return public_origin().scheme

    def get_domain(self, site=None):
        return public_origin().netloc


class PagesSitemap(PublicSitemap):
    """The default site's live, public pages, without the episodes whose publication time has
    not come."""

    def items(self):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            return Page.objects.none()
        waiting = EpisodePage.objects.awaiting_publication().values("pk")
        pages = site.root_page.get_descendants(inclusive=True).live().public()
        return pages.exclude(pk__in=waiting).order_by("path")

    @cached_property
    def root_paths(self):
        return site_root_paths()

    def location(self, page):
        return page_path(page.url_path, self.root_paths)

    def lastmod(self, page):
        return page.last_published_at or page.latest_revision_created_at


class SnippetPagesSitemap(PublicSitemap):
    """The public pages of themes and associations."""

    def items(self):
        return [*Theme.objects.all(), *Association.objects.all()]

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"pages": PagesSitemap, "snippets": SnippetPagesSitemap}
