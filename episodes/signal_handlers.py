"""The Wagtail events the podcast domain listens to, connected per sender in apps.ready()."""

from wagtail.signals import page_published

from episodes.models import EpisodePage, PodcastPage
from episodes.tasks import enqueue_feed_renditions


def make_feed_renditions_on_publish(sender, instance, **kwargs):
    """A show or episode just published: its feed artwork is made on the worker, now."""
    enqueue_feed_renditions(instance)


def register_signal_handlers():
    for model in (EpisodePage, PodcastPage):
        page_published.connect(make_feed_renditions_on_publish, sender=model)
