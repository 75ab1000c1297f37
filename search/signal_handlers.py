"""Keeps the search vocabulary up to date: a published page's words and a saved name's words
are added when Wagtail publishes or the snippet is saved (search/understanding/vocabulary.py).
Within words_added_together() (an import publishing hundreds of episodes), they are added once
at the end of the block, in one go."""

from contextvars import ContextVar

from django.db.models.signals import post_save
from wagtail.signals import page_published

from operations.gathering import gathered

COLLECTED = ContextVar("vocabulary_collected", default=None)


def add_words(sender, instance, **kwargs):
    """Add the words of a page just published or a snippet just saved."""
    from search.understanding.vocabulary import add_objects

    collected = COLLECTED.get()
    if collected is not None:
        collected.append(instance)
    else:
        add_objects([instance])


def words_added_together():
    """Add the words of what is published or saved in the block at its end, all at once; none
    if the block fails (its writes are rolled back). Blocks nest."""
    from search.understanding.vocabulary import add_objects

    return gathered(COLLECTED, add_objects)


def register():
    """Connect the handlers, each to the models whose words the search indexes."""
    from episodes.models import Association, EpisodePage, KnowledgePage, Person, Theme

    for model in (EpisodePage, KnowledgePage):
        page_published.connect(add_words, sender=model, dispatch_uid=f"vocabulary-{model.__name__}")
    for model in (Association, Theme, Person):
        post_save.connect(add_words, sender=model, dispatch_uid=f"vocabulary-{model.__name__}")
