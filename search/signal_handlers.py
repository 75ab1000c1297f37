"""Keeps the search vocabulary up to date: a published page's words and a saved name's words
are added when Wagtail publishes or the snippet is saved (search/understanding/vocabulary.py)."""

from django.db.models.signals import post_save
from wagtail.signals import page_published


def add_words(sender, instance, **kwargs):
    """Add the words of a page just published or a snippet just saved."""
    from search.understanding.vocabulary import add_objects

    add_objects([instance])


def register():
    """Connect the handlers, each to the models whose words the search indexes."""
    from episodes.models import Association, EpisodePage, KnowledgePage, Person, Theme

    for model in (EpisodePage, KnowledgePage):
        page_published.connect(add_words, sender=model, dispatch_uid=f"vocabulary-{model.__name__}")
    for model in (Association, Theme, Person):
        post_save.connect(add_words, sender=model, dispatch_uid=f"vocabulary-{model.__name__}")
