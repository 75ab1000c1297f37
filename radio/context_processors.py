"""Template context shared by every public page."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject


def site(request):
    """The public base URL and the shows' feeds (looked up only if a template uses them)."""

    def show_feeds():
        from episodes.models import PodcastPage

        return [(show.title, show.feed_url) for show in PodcastPage.objects.live().public()]

    return {"base_url": settings.PUBLIC_BASE_URL, "site_feeds": SimpleLazyObject(show_feeds)}
