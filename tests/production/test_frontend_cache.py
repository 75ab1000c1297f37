"""A Varnish in front of the site stays correct: publishing, unpublishing and snippet edits purge
the pages and every feed an episode appears in (show, theme, association, OPML)."""

import datetime
import logging
import tempfile
import time
import urllib.error
import urllib.request

import feedparser
import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests import factories
from tests.bench.servers import free_port
from tests.production.helpers import Stack
from tests.production.services import WebSubHub, unused_url, varnish

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def front_cache(live_server, settings):
    """Varnish in front of the live site, the site's public address being Varnish's."""
    with varnish(live_server.url) as url:
        settings.PUBLIC_BASE_URL = url
        yield url


@pytest.fixture
def purging(front_cache, settings):
    """The site told to purge Varnish (FRONTEND_CACHE_PURGE_URL)."""
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": front_cache,
        }
    }
    return front_cache


def titles(front_cache, path):
    # A generous timeout: a feed's first build on a busy two-core machine may take seconds.
    with urllib.request.urlopen(front_cache + path, timeout=60) as response:
        return [entry.title for entry in feedparser.parse(response.read()).entries]


def page_text(front_cache, path):
    with urllib.request.urlopen(front_cache + path, timeout=10) as response:
        return response.read().decode()


def show_feed(show):
    return reverse("show_feed", kwargs={"slug": show.slug})


def test_without_purge_varnish_keeps_serving_the_cached_feed(front_cache, settings, show, episode):
    settings.WAGTAILFRONTENDCACHE = {}
    assert titles(front_cache, show_feed(show)) == [episode.title]
    factories.make_episode(show=show, title="Le club des six")
    assert titles(front_cache, show_feed(show)) == [episode.title]


def test_publishing_purges_the_show_feed_and_page(purging, show, episode):
    assert titles(purging, show_feed(show)) == [episode.title]
    assert "Le club des six" not in page_text(purging, show.url)
    factories.make_episode(show=show, title="Le club des six")
    assert titles(purging, show_feed(show)) == ["Le club des six", episode.title]
    assert "Le club des six" in page_text(purging, show.url)


def test_publishing_purges_the_theme_and_association_feeds(purging, show, theme, association):
    theme_feed = reverse("theme_feed", kwargs={"slug": theme.slug})
    association_feed = reverse("association_feed", kwargs={"slug": association.slug})
    assert titles(purging, theme_feed) == titles(purging, association_feed) == []
    factories.make_episode(
        show=show, title="Bien vieillir", themes=[theme], associations=[association]
    )
    assert titles(purging, theme_feed) == titles(purging, association_feed) == ["Bien vieillir"]


def test_unpublishing_purges_the_feed_and_the_audio(purging, show, episode):
    audio = reverse("episode_audio", kwargs={"guid": episode.guid, "ext": "mp3"})
    assert titles(purging, show_feed(show)) == [episode.title]
    assert urllib.request.urlopen(purging + audio, timeout=10).status == 200
    episode.unpublish()
    assert titles(purging, show_feed(show)) == []
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(purging + audio, timeout=10)
    assert answer.value.code == 404


def test_a_theme_renamed_is_purged_from_the_opml_list(purging, show, theme):
    opml = reverse("feeds_opml")
    assert "Habitat inclusif" in page_text(purging, opml)
    theme.name = "Habitat partagé"
    theme.save()
    assert "Habitat partagé" in page_text(purging, opml)


def test_a_scheduled_episode_purges_the_feed_when_it_goes_out(purging, show, episode):
    later = timezone.now() + datetime.timedelta(hours=1)
    scheduled = factories.make_episode(show=show, title="Programmé", live=False, go_live_at=later)
    revision = scheduled.save_revision()
    revision.publish()  # approved for its time, not live yet
    assert titles(purging, show_feed(show)) == [episode.title]
    # Its time comes (moved back rather than waited for: a loaded machine is slow to get there).
    past = timezone.now() - datetime.timedelta(seconds=1)
    revision.refresh_from_db()
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled", verbosity=0)
    assert titles(purging, show_feed(show)) == ["Programmé", episode.title]


def test_publishing_still_works_when_the_purge_endpoint_is_down(
    front_cache, settings, show, caplog
):
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": unused_url(),
        }
    }
    with caplog.at_level(logging.ERROR, logger="wagtail.frontendcache"):
        new = factories.make_episode(show=show, title="Malgré tout")
    assert new.live
    assert "Couldn't purge" in caplog.text


def test_on_the_production_stack_the_worker_purges_varnish_and_pings_the_hub(private_postgres):
    """gunicorn behind nginx with the task worker, Varnish in front: an episode published (as the
    scheduler or an editor would) is in the feed Varnish serves once the worker has purged it."""
    private_postgres.run(
        "createdb", "-h", "127.0.0.1", "-p", str(private_postgres.port), "-U", "postgres", "cdn"
    )
    database = private_postgres.url.rsplit("/", 1)[0] + "/cdn"
    varnish_port = free_port()
    public = f"http://127.0.0.1:{varnish_port}"
    with WebSubHub() as hub, tempfile.TemporaryDirectory() as folder:
        stack = Stack(database, folder, FRONTEND_CACHE_PURGE_URL=public, WEBSUB_HUBS=hub.url)
        stack.env["PUBLIC_BASE_URL"] = public  # visitors and apps reach the site through Varnish
        stack.prepare()
        stack.start()
        try:
            with varnish(stack.url, port=varnish_port):
                feed = "/podcasts/radio-des-territoires/feed.xml"
                assert "Le club des six" not in titles(public, feed)
                stack.python(PUBLISH_AN_EPISODE)
                assert eventually(lambda: "Le club des six" in titles(public, feed))
                assert eventually(lambda: public + feed in hub.pinged)
        finally:
            stack.stop()


PUBLISH_AN_EPISODE = """
from episodes.models import PodcastPage
from tests import factories
factories.make_episode(show=PodcastPage.objects.get(slug="radio-des-territoires"),
                       title="Le club des six")
"""


def eventually(check, seconds=20):
    """Whether check() comes true within seconds (the worker polls its queue)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return False
