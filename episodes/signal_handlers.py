"""The Wagtail events the podcast domain listens to, connected per sender in apps.ready(): a show
or an episode published gets its feed artwork made on the worker; an episode or a show published
(also by the scheduler, publish_scheduled) or unpublished, a snippet saved or deleted, purges the
front cache and pings the WebSub hubs (episodes/announce/). The addresses are computed at the
event, sent after the commit."""

from django.db.models.signals import post_save, pre_delete
from wagtail.signals import page_published, page_unpublished

from episodes.announce.targets import episode_targets, show_targets, snippet_targets
from episodes.announce.tasks import announce, announcing
from episodes.models import Association, AudioFile, EpisodePage, Event, Person, PodcastPage, Theme
from episodes.tasks import enqueue_feed_renditions

SNIPPETS = (Theme, Association, Person, Event, AudioFile)


def make_feed_renditions_on_publish(sender, instance, **kwargs):
    """A show or episode just published: its feed artwork is made on the worker, now."""
    enqueue_feed_renditions(instance)


def announce_episode(sender, instance, **kwargs):
    if announcing():
        announce(episode_targets(instance))


def announce_show(sender, instance, **kwargs):
    if announcing():
        announce(show_targets(instance))


def announce_snippet(sender, instance, raw=False, **kwargs):
    if announcing() and not raw:  # raw: loaddata, nothing public yet
        announce(snippet_targets(instance))


def register_signal_handlers():
    for model in (EpisodePage, PodcastPage):
        page_published.connect(make_feed_renditions_on_publish, sender=model)
    for signal in (page_published, page_unpublished):
        signal.connect(announce_episode, sender=EpisodePage)
        signal.connect(announce_show, sender=PodcastPage)
    for model in SNIPPETS:
        post_save.connect(announce_snippet, sender=model)
        pre_delete.connect(announce_snippet, sender=model)
