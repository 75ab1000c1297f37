"""The index updates of an import asked of the task worker once per batch, not at each save.

Wagtail has an object indexed again, for the search and for its references, at each of its saves:
a task written to the queue each time, seven per episode published (the page is saved three
times, its audio once). Within indexed_together(), saves are only noted; at the end of the block
one task indexes every object noted, once, as those tasks would have (a rolled-back object is
skipped). Outside the block, saves are indexed as Wagtail does.

Wagtail lets the reference index be paused (disable_reference_index_auto_update); modelsearch has
no such switch, so its receiver is replaced, the first time a block opens (modelsearch connects it
after our app is ready), by one that defers to it outside the blocks.
"""

import threading
from contextlib import contextmanager, nullcontext
from contextvars import ContextVar

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import post_save
from django_tasks import task
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler as index_for_search
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task

from operations.gathering import gathered

NOTED = ContextVar("importer_saved_objects", default=None)
RECEIVERS_LOCK = threading.Lock()
RECEIVERS_TAKEN = []


def indexed_for_search(model):
    return index.class_is_indexed(model) and getattr(model, "search_auto_update", True)


def note_saved(sender, instance, raw=False, **kwargs):
    """Within a block, remember an object just saved that an index holds (fixtures, raw, are
    not indexed)."""
    noted = NOTED.get()
    if noted is None or raw or instance.pk is None:
        return
    if indexed_for_search(sender) or sender in ReferenceIndex.tracked_models:
        noted.append((instance._meta.app_label, instance._meta.model_name, str(instance.pk)))


def index_for_search_outside_blocks(sender, instance, **kwargs):
    """modelsearch's receiver, except within a block (its objects are indexed at its end)."""
    if NOTED.get() is None:
        index_for_search(sender=sender, instance=instance, **kwargs)


def take_over_receivers():
    """Put our receivers in place, once per process."""
    with RECEIVERS_LOCK:
        if RECEIVERS_TAKEN:
            return
        post_save.connect(note_saved, weak=False, dispatch_uid="importer-note-saved")
        for model in index.get_indexed_models():
            if post_save.disconnect(index_for_search, sender=model):
                post_save.connect(index_for_search_outside_blocks, sender=model, weak=False)
        RECEIVERS_TAKEN.append(True)


@contextmanager
def indexed_together():
    """Have what the block saves indexed (search, references) by one task at its end; nothing
    if the block fails (its writes are rolled back). Blocks nest: an inner block's objects go
    to the outer one's."""
    take_over_receivers()
    # Wagtail's switch does not nest: the outermost block holds it
    pause = disable_reference_index_auto_update() if NOTED.get() is None else nullcontext()
    with gathered(NOTED, enqueue_indexing), pause:
        yield


def enqueue_indexing(noted):
    """One task for the objects noted, each once."""
    index_saved_objects.enqueue([list(key) for key in dict.fromkeys(noted)])


@task()
def index_saved_objects(objects):
    """Index again, for the search and for references, these [app label, model name, pk]
    objects, each as Wagtail's task for one saved object does; those gone are skipped."""
    for app_label, model_name, pk in objects:
        model = apps.get_model(app_label, model_name)
        try:
            if indexed_for_search(model):
                insert_or_update_object_task.func(app_label, model_name, pk)
            if model in ReferenceIndex.tracked_models:
                update_reference_index_task.func(app_label, model_name, pk)
        except ObjectDoesNotExist:
            continue  # written in a savepoint rolled back since
