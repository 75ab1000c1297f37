"""Feeds over HTTP: content type, validators and 304s, gzip, methods, and a cache never stale."""

import gzip
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date, parse_http_date
from wagtail.models import PageLogEntry

from episodes.feeds import builder
from tests import factories
from tests.factories import make_full_episode
from tests.feeds.helpers import items_of


@pytest.fixture
def url(show):
    factories.make_episode(show=show, title="Premier témoignage")
    return reverse("show_feed", kwargs={"slug": show.slug})


def forbid_feed_building(monkeypatch):
    """From now on, fail the test if a feed gets built or read from the database."""

    def refuse(*args):
        raise AssertionError("the feed was built")

    monkeypatch.setattr("episodes.feeds.views.build_feed", refuse)
    monkeypatch.setattr("episodes.feeds.views.feed_content", refuse)


def test_feed_is_served_as_rss_with_validators_and_public_caching(client, url):
    response = client.get(url)
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    assert response["ETag"].startswith('"') and response["Last-Modified"].endswith("GMT")
    assert response["Cache-Control"] == "public, max-age=60"


def test_matching_etag_answers_304_from_the_version_queries_alone(
    client, url, monkeypatch, django_assert_max_num_queries
):
    etag = client.get(url)["ETag"]
    cache.clear()
    forbid_feed_building(monkeypatch)
    # The show, the content stamps, the episodes aggregate, Wagtail's 2 restriction look-ups.
    with django_assert_max_num_queries(5) as queries:
        response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304 and response.content == b""
    assert not any("episodes_episodespeaker" in query["sql"] for query in queries.captured_queries)


def test_a_cached_feed_and_its_304_cost_one_query_while_nothing_changes(
    client, url, django_assert_num_queries
):
    etag = client.get(url)["ETag"]
    with django_assert_num_queries(1):  # the content stamps
        assert client.get(url).status_code == 200
    with django_assert_num_queries(1):
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_matching_if_modified_since_answers_304_without_body(client, url, monkeypatch):
    last_modified = client.get(url)["Last-Modified"]
    forbid_feed_building(monkeypatch)
    response = client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified)
    assert response.status_code == 304 and response.content == b""
    assert response["Cache-Control"] == "public, max-age=60"


def test_older_if_modified_since_gets_the_feed(client, url):
    response = client.get(url, HTTP_IF_MODIFIED_SINCE=http_date(0))
    assert response.status_code == 200 and items_of(response.content)


def test_gzip_when_asked_decompresses_to_the_same_xml(client, url):
    plain = client.get(url).content
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert gzip.decompress(response.content) == plain


def test_head_answers_the_headers_without_body(client, url):
    response = client.head(url)
    assert response.status_code == 200 and response.content == b""
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    assert response["ETag"] == client.get(url)["ETag"]


def test_post_is_refused_with_405(client, url):
    assert client.post(url).status_code == 405


def test_second_request_is_served_from_the_cache(client, url, monkeypatch):
    first = client.get(url).content
    forbid_feed_building(monkeypatch)
    assert client.get(url).content == first


def test_unpublishing_an_episode_removes_it_at_once(client, show, url):
    leaving = factories.make_episode(show=show, title="Retiré bientôt")
    assert len(items_of(client.get(url).content)) == 2
    leaving.unpublish()
    assert [item.findtext("title") for item in items_of(client.get(url).content)] == [
        "Premier témoignage"
    ]


def test_editing_an_episode_title_shows_at_once_with_a_new_etag(client, show):
    episode = factories.make_episode(show=show, title="Ancien titre")
    url = reverse("show_feed", kwargs={"slug": show.slug})
    before = client.get(url)
    episode.title = "Nouveau titre"
    episode.save_revision().publish()
    after = client.get(url)
    assert after["ETag"] != before["ETag"]
    assert items_of(after.content)[0].findtext("title") == "Nouveau titre"


def test_editing_a_speaker_changes_the_feed_at_once(client, show):
    episode = make_full_episode(show=show)
    url = reverse("show_feed", kwargs={"slug": show.slug})
    assert b"Vincent Bel" in client.get(url).content
    person = episode.speakers.get(role="guest").person
    person.name = "Vincent Bel-Durand"
    person.save()
    assert b"Vincent Bel-Durand" in client.get(url).content


def feed_queries(client, url):
    """How many queries an uncached show feed costs, its renditions already made."""
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries)


def test_show_feed_query_count_does_not_grow_with_episodes(client, show):
    url = reverse("show_feed", kwargs={"slug": show.slug})
    make_full_episode(show=show)
    with_one = feed_queries(client, url)
    for number in range(5):
        make_full_episode(show=show, title=f"Épisode {number}", episode_number=number + 1)
    with_six = feed_queries(client, url)
    items = items_of(client.get(url).content)
    assert len({item.find("enclosure").get("url") for item in items}) == 6
    assert with_one == with_six <= 10


def test_feed_building_is_pure_and_repeatable(client, url):
    first = client.get(url).content
    cache.clear()
    assert client.get(url).content == first
    assert builder.XML_DECLARATION in first


def test_admin_actions_elsewhere_move_last_modified_but_keep_the_same_bytes(client, show, url):
    first = client.get(url)
    PageLogEntry.objects.log_action(show, "wagtail.edit", timestamp=timezone.now() + timedelta(1))
    cache.clear()
    second = client.get(url)
    assert second["ETag"] == first["ETag"] and second.content == first.content
    assert parse_http_date(second["Last-Modified"]) > parse_http_date(first["Last-Modified"])
