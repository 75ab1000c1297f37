"""The site's URLs plus two reference views for make bench: the floor of any request that
passes through Python (an empty 200), and the show's feed bytes held in memory."""

from django.http import HttpResponse
from django.urls import include, path

from episodes.feeds.versions import current_scope
from episodes.feeds.views import RSS_CONTENT_TYPE, rendered_feed

FEED_BYTES = {}


def empty(request):
    return HttpResponse(b"")


def feed_from_memory(request, slug):
    if slug not in FEED_BYTES:
        FEED_BYTES[slug] = rendered_feed(current_scope("show", slug), "identity")
    return HttpResponse(FEED_BYTES[slug], content_type=RSS_CONTENT_TYPE)


urlpatterns = [
    path("bench/empty/", empty),
    path("bench/feed-from-memory/<slug:slug>/", feed_from_memory),
    path("", include("radio.urls")),
]
