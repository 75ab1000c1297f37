"""Records the show each imported episode came from (its parent), then merges the episodes that
two imports running at once made twice (same show, same former GUID) before 0012 forbids them.

The oldest (smallest id) is kept. What only a duplicate has moves to it: imported-file records,
speakers, chapters and transcript passages of a kind the kept one lacks. The duplicates are then
deleted with their revisions, workflow states, search and reference entries, and their show's
child count is corrected (treebeard's own delete is not available to migrations).
"""

from collections import defaultdict

from django.db import migrations
from django.db.models import F

STEPLEN = 4  # treebeard's path step for Wagtail pages
CHILD_MODELS = ("EpisodeSpeaker", "Chapter", "TranscriptSegment")
GENERIC_MODELS = (("wagtailcore", "WorkflowState"), ("wagtailcore", "Revision"))


def record_origins(apps):
    """Each imported episode's source_show; {(show id, former GUID): [episode ids]}."""
    EpisodePage = apps.get_model("episodes", "EpisodePage")
    PodcastPage = apps.get_model("episodes", "PodcastPage")
    show_ids = dict(PodcastPage.objects.values_list("path", "pk"))
    groups = defaultdict(list)
    imported = EpisodePage.objects.exclude(source_guid="").order_by("pk")
    for pk, path, guid in imported.values_list("pk", "path", "source_guid"):
        show_id = show_ids.get(path[:-STEPLEN])
        EpisodePage.objects.filter(pk=pk).update(source_show_id=show_id)
        if show_id is not None:
            groups[(show_id, guid)].append(pk)
    return groups


def move_what_is_missing(apps, keep, duplicates):
    ImportedFile = apps.get_model("episodes", "ImportedFile")
    for duplicate in duplicates:
        kinds = set(ImportedFile.objects.filter(page_id=keep).values_list("kind", flat=True))
        ImportedFile.objects.filter(page_id=duplicate).exclude(kind__in=kinds).update(page_id=keep)
        for name in CHILD_MODELS:
            model = apps.get_model("episodes", name)
            if not model.objects.filter(episode_id=keep).exists():
                model.objects.filter(episode_id=duplicate).update(episode_id=keep)


def delete_duplicates(apps, show_id, duplicates):
    EpisodePage = apps.get_model("episodes", "EpisodePage")
    Page = apps.get_model("wagtailcore", "Page")
    object_ids = [str(pk) for pk in duplicates]
    for app_label, name in GENERIC_MODELS:
        apps.get_model(app_label, name).objects.filter(object_id__in=object_ids).delete()
    for app_label, name in (("wagtailsearch", "IndexEntry"), ("wagtailcore", "ReferenceIndex")):
        try:
            model = apps.get_model(app_label, name)
        except LookupError:
            continue
        model.objects.filter(object_id__in=object_ids).delete()
    EpisodePage.objects.filter(pk__in=duplicates).delete()
    Page.objects.filter(pk=show_id).update(numchild=F("numchild") - len(duplicates))


def forwards(apps, schema_editor):
    for (show_id, _guid), pks in record_origins(apps).items():
        if len(pks) > 1:
            keep, duplicates = pks[0], pks[1:]
            move_what_is_missing(apps, keep, duplicates)
            delete_duplicates(apps, show_id, duplicates)


class Migration(migrations.Migration):

    dependencies = [
        ("episodes", "0010_import_origin_lock_publish"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
