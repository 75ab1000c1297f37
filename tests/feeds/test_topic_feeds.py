"""Theme and association feeds gather every show's episodes, out of directories; OPML lists all."""

import pytest
from django.conf import settings
from django.urls import reverse
from lxml import etree

from tests import factories
from tests.feeds.helpers import NS, channel_of, item_by_guid, items_of


@pytest.fixture
def second_show(home):
    return factories.make_show(parent=home, title="Paroles d'élus", slug="paroles-d-elus")


def fetch(client, route, slug):
    response = client.get(reverse(route, kwargs={"slug": slug}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    return response.content


def test_theme_feed_gathers_the_theme_episodes_of_every_show(client, show, second_show, theme):
    first = factories.make_episode(show=show, title="Béguinage", themes=[theme])
    second = factories.make_episode(show=second_show, title="Colocation", themes=[theme])
    factories.make_episode(show=show, title="Hors thème")
    titles = {item.findtext("title") for item in items_of(fetch(client, "theme_feed", theme.slug))}
    assert titles == {first.title, second.title}


def test_episode_keeps_its_guid_in_the_show_feed_and_the_theme_feed(client, show, theme):
    episode = factories.make_episode(show=show, themes=[theme])
    in_show = item_by_guid(fetch(client, "show_feed", show.slug), episode.guid)
    in_theme = item_by_guid(fetch(client, "theme_feed", theme.slug), episode.guid)
    assert in_show.findtext("guid") == in_theme.findtext("guid") == episode.guid
    assert in_show.find("enclosure").attrib == in_theme.find("enclosure").attrib


def test_theme_feed_is_blocked_from_directories_with_its_own_guid(client, show, theme):
    factories.make_episode(show=show, themes=[theme])
    channel = channel_of(fetch(client, "theme_feed", theme.slug))
    assert channel.findtext("title") == "Radio des Territoires – Habitat inclusif"
    assert channel.findtext("itunes:block", namespaces=NS) == "Yes"
    assert channel.findtext("podcast:block", namespaces=NS) == "yes"
    assert channel.findtext("podcast:guid", namespaces=NS) == str(theme.feed_guid)
    assert channel.findtext("podcast:guid", namespaces=NS) != str(show.podcast_guid)
    assert channel.find("atom:link", NS).get("href") == theme.feed_url
    assert channel.find("itunes:image", NS).get("href").endswith(".jpg")


def test_association_feed_is_blocked_from_directories_with_its_own_guid(client, show, association):
    episode = factories.make_episode(show=show, associations=[association])
    body = fetch(client, "association_feed", association.slug)
    channel = channel_of(body)
    assert channel.findtext("title") == "Radio des Territoires – Vivre en béguinage"
    assert channel.findtext("itunes:block", namespaces=NS) == "Yes"
    assert channel.findtext("podcast:block", namespaces=NS) == "yes"
    assert channel.findtext("podcast:guid", namespaces=NS) == str(association.feed_guid)
    assert [item.findtext("guid") for item in items_of(body)] == [episode.guid]


def test_unknown_theme_and_association_feeds_are_404(client, show):
    for route in ("theme_feed", "association_feed"):
        assert client.get(reverse(route, kwargs={"slug": "inconnu"})).status_code == 404


def test_opml_lists_every_show_theme_and_association_feed(
    client, show, second_show, theme, association
):
    response = client.get(reverse("feeds_opml"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/x-opml; charset=utf-8"
    assert response["ETag"] and response["Last-Modified"]
    outlines = etree.fromstring(response.content).findall("body/outline")
    feeds = {outline.get("xmlUrl"): outline.get("htmlUrl") for outline in outlines}
    base = settings.PUBLIC_BASE_URL
    assert feeds == {
        show.feed_url: f"{base}/radio-des-territoires/",
        second_show.feed_url: f"{base}/paroles-d-elus/",
        theme.feed_url: f"{base}/themes/habitat-inclusif/",
        association.feed_url: f"{base}/associations/vivre-en-beguinage/",
    }
    assert all(outline.get("type") == "rss" for outline in outlines)


def test_opml_answers_304_to_a_matching_etag(client, show, theme):
    etag = client.get(reverse("feeds_opml"))["ETag"]
    response = client.get(reverse("feeds_opml"), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304 and response.content == b""
