"""Migration 0011 merges the episodes two concurrent imports made twice, before 0012 makes
(show, former GUID) unique: the oldest is kept and gets what only a duplicate had.

The merge runs with the models as 0011 sees them, on today's schema with 0012's constraint
lifted for the test: migrating the database back to 0010 would leave today's models (and their
later columns) without a table to match, and every test after this one with them."""

import importlib
from contextlib import contextmanager

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.loader import MigrationLoader

from episodes.models import EpisodePage, ImportedFile, TranscriptSegment
from tests.factories import make_episode, make_home, make_show

MERGE_NAME = "0011_merge_duplicate_imported_episodes"
MERGE = importlib.import_module(f"episodes.migrations.{MERGE_NAME}")


def models_of_the_merge():
    """The models as migration 0011 sees them (plain managers, as when it runs)."""
    return MigrationLoader(connection).project_state(("episodes", MERGE_NAME)).apps


@contextmanager
def unique_guid_lifted():
    """0012's constraint dropped while duplicates are made, put back afterwards."""
    (constraint,) = (
        c for c in EpisodePage._meta.constraints if c.name == "unique_source_guid_per_show"
    )
    with connection.schema_editor() as editor:
        editor.remove_constraint(EpisodePage, constraint)
    try:
        yield
    finally:
        with connection.schema_editor() as editor:
            editor.add_constraint(EpisodePage, constraint)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_episodes_imported_twice_are_merged_into_the_oldest():
    home = make_home()
    show, other_show = make_show(parent=home), make_show(parent=home, slug="autre", title="Autre")
    with unique_guid_lifted():
        oldest = make_episode(show=show, title="Épisode 1", source_guid="ep-1")
        duplicate = make_episode(
            show=show,
            title="Épisode 1",
            source_guid="ep-1",
            transcript_segments=[TranscriptSegment(start_time=0, end_time=1, body="Bonjour.")],
        )
        ImportedFile.objects.create(
            page=duplicate, kind="transcript", url="https://x.example/1.vtt"
        )
        second = make_episode(show=show, title="Épisode 2", source_guid="ep-2")
        same_guid_elsewhere = make_episode(show=other_show, title="Autre 1", source_guid="ep-1")
        EpisodePage.objects.update(source_show=None)  # as before 0011 recorded the origins
        MERGE.forwards(models_of_the_merge(), None)

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
