"""WebSub: the hubs named in WEBSUB_HUBS are announced in every feed and pinged, on loopback,
when an episode is published or unpublished or a snippet it shows is edited."""

import io
import logging

import feedparser
import podcastparser
import pytest
from django.urls import reverse
from lxml import etree

from tests import factories
from tests.production.services import WebSubHub, unused_url

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def hub(settings):
    with WebSubHub() as hub:
        settings.WEBSUB_HUBS = [hub.url]
        yield hub


def feed_links(client, path):
    channel = etree.fromstring(client.get(path).content).find("channel")
    return [(link.get("rel"), link.get("href")) for link in channel.iter(f"{ATOM}link")]


def test_every_feed_announces_the_hub_after_its_self_link(client, hub, tagged_episode, theme):
    for path in (show_feed_url(tagged_episode), reverse("theme_feed", kwargs={"slug": theme.slug})):
        links = feed_links(client, path)
        assert links[0][0] == "self" and links[0][1].endswith(path)
        assert links[1] == ("hub", hub.url)


def show_feed_url(episode):
    return reverse("show_feed", kwargs={"slug": episode.get_parent().slug})


def test_feeds_with_a_hub_still_parse_in_podcast_apps(client, hub, episode):
    body = client.get(show_feed_url(episode)).content
    parsed = feedparser.parse(body)
    assert not parsed.bozo
    assert {"rel": "hub", "href": hub.url} in [
        {"rel": link.rel, "href": link.href} for link in parsed.feed.links
    ]
    assert podcastparser.parse(show_feed_url(episode), io.BytesIO(body))["episodes"]


def test_publishing_an_episode_pings_the_hub_with_each_feed_it_is_in(hub, show, theme, association):
    hub.pinged.clear()
    factories.make_episode(show=show, themes=[theme], associations=[association])
    assert set(hub.pinged) >= {show.feed_url, theme.feed_url, association.feed_url}
    assert hub.pinged.count(show.feed_url) == 1


def test_unpublishing_an_episode_pings_the_hub(hub, show, episode):
    hub.pinged.clear()
    episode.unpublish()
    assert show.feed_url in hub.pinged


def test_editing_a_theme_pings_its_feed(hub, show, theme):
    factories.make_episode(show=show, themes=[theme])
    hub.pinged.clear()
    theme.description = "Vivre chez soi, entouré."
    theme.save()
    assert theme.feed_url in hub.pinged and show.feed_url in hub.pinged


def test_publishing_still_works_when_the_hub_is_down(settings, show, caplog):
    settings.WEBSUB_HUBS = [unused_url()]
    with caplog.at_level(logging.WARNING, logger="episodes.announce"):
        episode = factories.make_episode(show=show, title="Malgré tout")
    assert episode.live
    assert "WebSub hub" in caplog.text and show.feed_url in caplog.text
