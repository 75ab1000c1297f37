"""The public site's absolute addresses, as feeds, apps, search engines and partner sites get
them: every path is joined to PUBLIC_BASE_URL here and nowhere else, never to the Host header a
request named nor to Wagtail's Site record."""

from urllib.parse import urlsplit

from django.conf import settings
from django.utils.encoding import iri_to_uri


def public_url(url, base_url=None):
    """An absolute address on the public site; storage and CDN addresses already are one.

    base_url defaults to PUBLIC_BASE_URL; the feed builder passes it, read once per feed.
    """
    if url.startswith(("http://", "https://")):
        return url
    return (base_url or settings.PUBLIC_BASE_URL) + url


def public_origin():
    """PUBLIC_BASE_URL split (scheme, netloc…), for Django's sitemap, which joins the scheme
    and host it is given to each path itself."""
    return urlsplit(settings.PUBLIC_BASE_URL)


def page_path(url_path, root_paths):
    """A Wagtail page's path on the public site, from its url_path and the site roots' url_paths
    (longest first), percent-encoded as Wagtail's own page URLs are."""
    for root_path in root_paths:
        if url_path.startswith(root_path):
            return iri_to_uri(url_path[len(root_path) - 1 :])
    return iri_to_uri(url_path)
