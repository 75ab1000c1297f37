"""What an import leaves for the search and the admin, now that its indexes and vocabulary are
updated once per batch: imported episodes are found by the visitors' search, their words
correct a misspelt query, the admin lists where their audio is used, and their history reads
as an editor's."""

import io

from django.core.management import call_command
from wagtail.models import PageLogEntry, ReferenceIndex

from episodes.models import EpisodePage
from tests.importer.helpers import publish_podcast
from tests.search.helpers import episode_slugs, search

GUID_1 = "tag:ancien-hebergeur.example,2024:episode-1"


def import_podcast(source):
    call_command("import_podcast", source, publish=True, stdout=io.StringIO())


def test_imported_episodes_are_found_by_the_visitors_search(client, host, home):
    publish_podcast(host)
    import_podcast(host.url("/feed.xml"))
    reuse = EpisodePage.objects.get(title="Épisode 2 : le réemploi")
    assert episode_slugs(search(client, q="réemploi")) == [reuse.slug]


def test_an_imported_transcript_corrects_a_misspelt_query(client, host, home):
    publish_podcast(host)
    import_podcast(host.url("/feed.xml"))
    html = search(client, q="bienvnue")
    assert "Résultats pour <strong>bienvenue</strong> (au lieu de bienvnue)" in html
    assert episode_slugs(html) == [EpisodePage.objects.get(source_guid=GUID_1).slug]


def test_the_admin_lists_the_imported_episode_where_its_audio_is_used(host, home):
    publish_podcast(host)
    import_podcast(host.url("/feed.xml"))
    episode = EpisodePage.objects.get(source_guid=GUID_1)
    uses = ReferenceIndex.get_references_to(episode.audio).group_by_source_object()
    assert [source.pk for source, _references in uses] == [episode.pk]


def test_an_imported_episode_history_says_created_then_published(host, home):
    publish_podcast(host)
    import_podcast(host.url("/feed.xml"))
    episode = EpisodePage.objects.get(source_guid=GUID_1)
    actions = PageLogEntry.objects.filter(page=episode).order_by("timestamp", "pk")
    assert list(actions.values_list("action", flat=True)) == ["wagtail.create", "wagtail.publish"]


def test_a_second_import_changes_neither_history_nor_index(client, host, home):
    publish_podcast(host)
    import_podcast(host.url("/feed.xml"))
    entries = PageLogEntry.objects.count()
    import_podcast(host.url("/feed.xml"))
    assert PageLogEntry.objects.count() == entries
    assert len(episode_slugs(search(client, q="épisode"))) == 2
