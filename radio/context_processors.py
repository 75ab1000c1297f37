"""Template context shared by every public page."""

from django.utils.functional import SimpleLazyObject

from episodes.models import PodcastPage


def site(request):
    """The shows' feeds (looked up only if a template uses them)."""

    def show_feeds():
        return [(show.title, show.feed_url) for show in PodcastPage.objects.listed()]

    return {"site_feeds": SimpleLazyObject(show_feeds)}
