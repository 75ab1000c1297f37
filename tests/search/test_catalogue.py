"""The search's in-memory catalogue of episodes follows the content as editors change it."""

import datetime

from django.utils import timezone
from wagtail.models import PageLogEntry

from episodes.models import EpisodePage, PodcastPage, Theme
from tests import factories
from tests.search.helpers import episode_slugs, search


def test_a_renamed_theme_is_offered_under_its_new_name(client, demo):
    assert "Habitat inclusif (1)" in search(client)
    theme = Theme.objects.get(slug="habitat-inclusif")
    theme.name = "Habitat partagé"
    theme.save()
    html = search(client)
    assert "Habitat partagé (1)" in html and "Habitat inclusif" not in html


def test_a_newly_published_episode_is_listed_and_counted_at_once(client, demo):
    assert episode_slugs(search(client, theme="habitat-inclusif")) == ["habitat-inclusif"]
    factories.make_episode(
        show=PodcastPage.objects.get(),
        title="Un autre béguinage",
        slug="autre-beguinage",
        audio=EpisodePage.objects.first().audio,
        themes=[Theme.objects.get(slug="habitat-inclusif")],
    )
    html = search(client, theme="habitat-inclusif")
    assert episode_slugs(html) == ["autre-beguinage", "habitat-inclusif"]
    assert "Habitat inclusif (2)" in html


def test_an_episode_scheduled_for_later_appears_when_its_time_comes(client, demo, monkeypatch):
    in_an_hour = timezone.now() + datetime.timedelta(hours=1)
    factories.make_episode(
        show=PodcastPage.objects.get(),
        title="Bientôt",
        slug="bientot",
        audio=EpisodePage.objects.first().audio,
        publication_date=in_an_hour,
    )
    assert "bientot" not in episode_slugs(search(client))
    later = in_an_hour + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert "bientot" in episode_slugs(search(client))


def test_a_theme_deleted_by_another_process_is_seen_at_the_next_search(client, demo):
    assert "wimoov" in episode_slugs(search(client, theme="travail-adapte"))
    # Deleted in another process: no cache is shared, only the database (the themes' row count).
    Theme.objects.get(slug="travail-adapte").delete()
    assert "wimoov" not in episode_slugs(search(client, theme="travail-adapte"))


def test_a_publication_by_another_process_without_a_shared_cache_is_seen(client, demo):
    """In development each process has its own cache: the scheduler's publications still show."""
    assert "wimoov" in episode_slugs(search(client, theme="travail-adapte"))
    # What the other process writes: the page row and the admin log, no signal in this process.
    EpisodePage.objects.filter(slug="wimoov").update(live=False)
    PageLogEntry.objects.log_action(EpisodePage.objects.get(slug="wimoov"), "wagtail.unpublish")
    assert "wimoov" not in episode_slugs(search(client, theme="travail-adapte"))


def test_a_query_of_only_common_words_lists_no_episode(client, demo):
    html = search(client, q="le la les")
    assert episode_slugs(html) == []
    assert "Aucun résultat pour « le la les »." in html
