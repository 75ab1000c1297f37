"""Migration 0011 merges the episodes two concurrent imports made twice, before 0012 makes
(show, former GUID) unique: the oldest is kept and gets what only a duplicate had."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from episodes.models import EpisodePage, ImportedFile, TranscriptSegment
from tests.factories import make_episode, make_home, make_show

BEFORE, AFTER = (
    ("episodes", "0010_import_origin_lock_publish"),
    (
        "episodes",
        "0012_unique_source_guid_per_show",
    ),
)


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.migrate([target])


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_episodes_imported_twice_are_merged_into_the_oldest():
    migrate(BEFORE)
    home = make_home()
    show, other_show = make_show(parent=home), make_show(parent=home, slug="autre", title="Autre")
    oldest = make_episode(show=show, title="Épisode 1", source_guid="ep-1")
    duplicate = make_episode(
        show=show,
        title="Épisode 1",
        source_guid="ep-1",
        transcript_segments=[TranscriptSegment(start_time=0, end_time=1, body="Bonjour.")],
    )
    ImportedFile.objects.create(page=duplicate, kind="transcript", url="https://x.example/1.vtt")
    second = make_episode(show=show, title="Épisode 2", source_guid="ep-2")
    same_guid_elsewhere = make_episode(show=other_show, title="Autre 1", source_guid="ep-1")
    migrate(AFTER)

    assert set(EpisodePage.objects.values_list("pk", flat=True)) == {
        oldest.pk,
        second.pk,
        same_guid_elsewhere.pk,
    }
    kept = EpisodePage.objects.get(pk=oldest.pk)
    assert kept.source_show_id == show.pk and [s.body for s in kept.transcript_segments.all()] == [
        "Bonjour."
    ]
    assert ImportedFile.objects.get(kind="transcript").page_id == kept.pk
    assert EpisodePage.objects.get(pk=same_guid_elsewhere.pk).source_show_id == other_show.pk
    show.refresh_from_db()
    assert show.numchild == 2 == show.get_children().count()
    kept.get_latest_revision().publish()  # a revision older than the origin keeps it
    assert EpisodePage.objects.get(pk=kept.pk).source_show_id == show.pk
    with pytest.raises(IntegrityError), transaction.atomic():
        make_episode(show=show, title="Encore", source_guid="ep-2", source_show=show)
