"""Wagtail's events that change what the public sees, each connected per sender: an episode or a
show published (also by the scheduler, publish_scheduled) or unpublished, a snippet saved or
deleted. Each computes its addresses now (targets.py) and sends them after the commit."""

from django.conf import settings
from django.db.models.signals import post_save, pre_delete
from wagtail.signals import page_published, page_unpublished

from episodes.announce.targets import episode_targets, show_targets, snippet_targets
from episodes.announce.tasks import announce
from episodes.models import Association, AudioFile, EpisodePage, Event, Person, PodcastPage, Theme

SNIPPETS = (Theme, Association, Person, Event, AudioFile)


def announcing():
    """Whether a front cache or a hub is configured: else nothing is computed."""
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None) or settings.WEBSUB_HUBS)


def episode_changed(sender, instance, **kwargs):
    if announcing():
        announce(episode_targets(instance))


def show_changed(sender, instance, **kwargs):
    if announcing():
        announce(show_targets(instance))


def snippet_changed(sender, instance, raw=False, **kwargs):
    if announcing() and not raw:  # raw: loaddata, nothing public yet
        announce(snippet_targets(instance))


def register_signal_handlers():
    """Connect the handlers, once, from EpisodesConfig.ready()."""
    for signal in (page_published, page_unpublished):
        signal.connect(episode_changed, sender=EpisodePage, dispatch_uid=("announce", signal))
        signal.connect(show_changed, sender=PodcastPage, dispatch_uid=("announce", signal))
    for model in SNIPPETS:
        for signal in (post_save, pre_delete):
            signal.connect(snippet_changed, sender=model, dispatch_uid=("announce", signal, model))
