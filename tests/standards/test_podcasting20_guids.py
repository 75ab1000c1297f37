"""GUIDs that podcast apps rely on never change once given."""

import uuid

import pytest

from episodes.models import EpisodePage, PodcastPage
from episodes.standards.podcasting20 import podcast_guid_for_feed_url
from tests import factories


@pytest.mark.parametrize(
    ("feed_url", "expected"),
    [
        ("https://podnews.net/rss", "9b024349-ccf0-5f69-a609-6b82873eab3c"),
        ("podnews.net/rss", "9b024349-ccf0-5f69-a609-6b82873eab3c"),
        ("http://podnews.net/rss/", "9b024349-ccf0-5f69-a609-6b82873eab3c"),
        ("https://mp3s.nashownotes.com/pc20rss.xml", "917393e3-1b1e-5cef-ace4-edaa54e1f810"),
    ],
)
def test_podcast_guid_matches_the_podcasting_2_0_vectors(feed_url, expected):
    assert podcast_guid_for_feed_url(feed_url) == uuid.UUID(expected)


def test_podcast_guid_is_not_seeded_with_the_scheme():
    seeded_with_scheme = uuid.uuid5(
        uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6"), "https://podnews.net/rss"
    )
    assert podcast_guid_for_feed_url("https://podnews.net/rss") != seeded_with_scheme


def test_new_show_gets_the_guid_of_its_feed_url(show):
    assert show.podcast_guid == podcast_guid_for_feed_url(show.feed_url)


def test_show_guid_is_kept_when_its_slug_and_feed_url_change(show):
    original = show.podcast_guid
    show.slug = "nouveau-nom"
    show.save_revision().publish()
    show = PodcastPage.objects.get(pk=show.pk)
    assert show.feed_url.endswith("/podcasts/nouveau-nom/feed.xml")
    assert show.podcast_guid == original


def test_copied_show_gets_its_own_guid(show, home):
    copy = show.copy(update_attrs={"slug": "copie", "title": "Copie"}, to=home)
    assert copy.podcast_guid == podcast_guid_for_feed_url(copy.feed_url)
    assert copy.podcast_guid != show.podcast_guid


def test_episode_guid_survives_title_and_slug_changes_and_republishing(show):
    episode = factories.make_episode(show=show)
    original = episode.guid
    episode.title = "Un tout autre titre"
    episode.slug = "un-tout-autre-titre"
    episode.save_revision().publish()
    assert EpisodePage.objects.get(pk=episode.pk).guid == original
    uuid.UUID(original)  # a well-formed UUID


def test_each_new_episode_gets_a_different_guid(show):
    first = factories.make_episode(show=show, title="Premier")
    second = factories.make_episode(show=show, title="Second")
    assert first.guid != second.guid


def test_copied_episode_gets_a_new_guid(show):
    episode = factories.make_episode(show=show)
    copy = episode.copy(update_attrs={"slug": "copie", "title": "Copie"})
    assert copy.guid != episode.guid
    assert EpisodePage.objects.get(pk=episode.pk).guid == episode.guid
