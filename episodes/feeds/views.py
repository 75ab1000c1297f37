"""The feed endpoints: shows, themes and associations as RSS, and the OPML list of them all.

Each request reads the feed's version in a few aggregate queries (versions.py). A matching
If-None-Match or If-Modified-Since is answered 304 from it alone; otherwise the XML comes from the
cache under that version, or is built and cached.
"""

import gzip
import hashlib
import re
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import cache_control
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import condition, require_safe

from episodes.feeds.builder import build_feed, build_opml
from episodes.feeds.queries import feed_content
from episodes.feeds.versions import feed_outlines, request_scope

RSS_CONTENT_TYPE = "application/rss+xml; charset=utf-8"
OPML_CONTENT_TYPE = "text/x-opml; charset=utf-8"
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# The key holds the content's version, so entries never go stale: the timeout only frees memory.
CACHE_SECONDS = 24 * 60 * 60
# The latest bodies this process served, by cache key: reading a feed of 1,000 episodes back
# from the cache (unpickling a megabyte) cost as much as the rest of the request. Keys hold the
# version, so an entry is never stale; the oldest is dropped past MEMO_SIZE.
MEMO_SIZE = 16
recent_bodies = OrderedDict()


def public_endpoint(etag_func, last_modified_func):
    """GET and HEAD only, cacheable for a minute, gzipped when asked, conditional requests."""

    def decorate(view):
        view = condition(etag_func=etag_func, last_modified_func=last_modified_func)(view)
        return require_safe(cache_control(public=True, max_age=60)(gzip_page(view)))

    return decorate


def feed_endpoint(kind):
    """A feed view of one kind (show, theme or association), its version read once per request."""

    def etag(request, slug):
        return request_scope(request, kind, slug).version.key

    def last_modified(request, slug):
        return request_scope(request, kind, slug).version.last_modified

    return public_endpoint(etag, last_modified)


def rendered_feed(scope, encoding):
    """The feed's XML, plain or gzipped, from the cache, or built and cached under its version."""
    key = f"episodes.feeds:{scope.kind}:{scope.version.key}:{encoding}"
    body = recent_bodies.get(key)
    if body is None:
        body = cache.get(key)
    if body is None:
        if encoding == "gzip":
            body = gzip.compress(rendered_feed(scope, "identity"), compresslevel=6, mtime=0)
        else:
            body = build_feed(*feed_content(scope))
        cache.set(key, body, CACHE_SECONDS)
    recent_bodies[key] = body
    recent_bodies.move_to_end(key)
    while len(recent_bodies) > MEMO_SIZE:
        recent_bodies.popitem(last=False)
    return body


def feed_response(request, kind, slug):
    """The RSS response of a feed, gzipped once and cached as such when the client accepts it."""
    scope = request_scope(request, kind, slug)
    wants_gzip = ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")) is not None
    encoding = "gzip" if wants_gzip else "identity"
    response = HttpResponse(rendered_feed(scope, encoding), content_type=RSS_CONTENT_TYPE)
    patch_vary_headers(response, ["Accept-Encoding"])
    if wants_gzip:
        response["Content-Encoding"] = "gzip"
        # One representation per encoding: the gzipped one carries a weak validator.
        response["ETag"] = f'W/"{scope.version.key}"'
    return response


@feed_endpoint("show")
def show_feed(request, slug):
    """A show's RSS feed, given to podcast apps and directories."""
    return feed_response(request, "show", slug)


@feed_endpoint("theme")
def theme_feed(request, slug):
    """A theme's RSS feed: its episodes from every show, kept out of directories."""
    return feed_response(request, "theme", slug)


@feed_endpoint("association")
def association_feed(request, slug):
    """An association's RSS feed: its episodes from every show, kept out of directories."""
    return feed_response(request, "association", slug)


def request_outlines(request):
    """The OPML outlines and their ETag, read once per request."""
    if not hasattr(request, "_feed_outlines"):
        outlines, last_modified = feed_outlines()
        parts = repr((settings.PUBLIC_BASE_URL, outlines)).encode()
        etag = hashlib.sha256(parts).hexdigest()[:32]
        request._feed_outlines = (outlines, etag, last_modified)
    return request._feed_outlines


@public_endpoint(
    etag_func=lambda request: request_outlines(request)[1],
    last_modified_func=lambda request: request_outlines(request)[2],
)
def opml(request):
    """The OPML list of every feed of the radio, to subscribe to them all at once."""
    body = build_opml(settings.WAGTAIL_SITE_NAME, request_outlines(request)[0])
    return HttpResponse(body, content_type=OPML_CONTENT_TYPE)
