"""What a feed is about, and a cheap version of its content: its cache key, ETag and Last-Modified.

A version is read in two queries (and Wagtail's view-restriction look-ups), never by building the
feed. It changes whenever what the feed shows may have changed: an episode published, edited and
republished, unpublished, deleted, or reaching its scheduled time (the count and the sum of ids of
published episodes move), the show republished, or an audio file, event, person, theme or
association edited or deleted (each table's latest updated_at and row count). The key is computed
from the database on every request, so no process can serve a stale cached feed.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, F, Func, Max, QuerySet, Subquery, Sum
from django.http import Http404
from wagtail.models import ModelLogEntry, PageLogEntry

from episodes.feeds.data import FeedVersion
from episodes.models import (
    Association,
    AudioFile,
    EpisodePage,
    Event,
    Person,
    PodcastPage,
    Theme,
)

# Bump when the XML the builder writes changes, so that no cache keeps the former format.
FEED_FORMAT = "1"
SNIPPET_MODELS = (AudioFile, Event, Person, Theme, Association)
STAMPS = ("changed_at", "count")


@dataclass
class FeedScope:
    """A feed's subject (show, theme or association), the show lending the channel, the episodes."""

    kind: str
    subject: object
    show: PodcastPage
    episodes: QuerySet
    version: FeedVersion


def table_value(model, function, field):
    """A scalar subquery over a whole table, such as MAX(updated_at) or COUNT(id)."""
    rows = model.objects.order_by().annotate(value=Func(F(field), function=function))
    return Subquery(rows.values("value")[:1])


def content_stamps():
    """Annotations: when each snippet table last changed, how many rows it has, the last logs."""
    stamps = {}
    for model in SNIPPET_MODELS:
        stamps[f"{model._meta.model_name}_changed_at"] = table_value(model, "MAX", "updated_at")
        stamps[f"{model._meta.model_name}_count"] = table_value(model, "COUNT", "pk")
    stamps["page_logged_at"] = table_value(PageLogEntry, "MAX", "timestamp")
    stamps["model_logged_at"] = table_value(ModelLogEntry, "MAX", "timestamp")
    return stamps


def stamp_values(subject):
    """The stamps annotated on a subject, by name."""
    names = [f"{model._meta.model_name}_{kind}" for model in SNIPPET_MODELS for kind in STAMPS]
    return {name: getattr(subject, name) for name in names}


def content_dates(subject):
    """When the snippet tables last changed, and when the subject was last published (a show)."""
    dates = [getattr(subject, f"{model._meta.model_name}_changed_at") for model in SNIPPET_MODELS]
    return dates + [getattr(subject, "last_published_at", None)]


def log_dates(subject):
    """The latest admin actions: deletions and unpublications leave no other date."""
    return [subject.page_logged_at, subject.model_logged_at]


def episode_stats(episodes):
    """One aggregate over the feed's published episodes."""
    return episodes.aggregate(
        count=Count("pk"),
        ids=Sum("pk"),
        published_at=Max("last_published_at"),
        newest=Max("publication_date"),
    )


def feed_version(kind, subject, show, episodes):
    """The version of a feed: a key for cache and ETag, and the Last-Modified date."""
    stamps = stamp_values(subject)
    stats = episode_stats(episodes)
    parts = (
        FEED_FORMAT,
        settings.PUBLIC_BASE_URL,
        kind,
        subject.pk,
        show.pk,
        show.last_published_at,
        *sorted(stamps.items()),
        *sorted(stats.items()),
    )
    key = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    dates = [
        show.last_published_at,
        stats["published_at"],
        stats["newest"],
        *content_dates(subject),
    ]
    changed_at = latest(dates)
    return FeedVersion(key, changed_at, latest([changed_at, *log_dates(subject)]), parts)


def latest(dates):
    """The latest of these dates, None if none is set."""
    return max(filter(None, dates), default=None)


def live_shows():
    """Shows listeners can reach, the main one first."""
    return PodcastPage.objects.live().public().order_by("path")


def show_scope(slug):
    """The feed of one show: its own published episodes."""
    show = live_shows().annotate(**content_stamps()).filter(slug=slug).first()
    if show is None:
        raise Http404("No such show.")
    episodes = EpisodePage.objects.published().child_of(show)
    return FeedScope("show", show, show, episodes, feed_version("show", show, show, episodes))


def topic_scope(kind, model, slug, episode_filter):
    """The feed of a theme or an association: episodes of every show, under the main show's art."""
    subject = model.objects.annotate(**content_stamps()).filter(slug=slug).first()
    show = live_shows().first()
    if subject is None or show is None:
        raise Http404(f"No such {kind}.")
    episodes = EpisodePage.objects.published().filter(**{episode_filter: subject})
    return FeedScope(kind, subject, show, episodes, feed_version(kind, subject, show, episodes))


def theme_scope(slug):
    """The feed of a theme."""
    return topic_scope("theme", Theme, slug, "themes")


def association_scope(slug):
    """The feed of an association."""
    return topic_scope("association", Association, slug, "associations")


SCOPES = {"show": show_scope, "theme": theme_scope, "association": association_scope}


def request_scope(request, kind, slug):
    """The scope of a feed, read once per request (condition() and the view both need it)."""
    memo = request.__dict__.setdefault("_feed_scopes", {})
    if (kind, slug) not in memo:
        memo[kind, slug] = SCOPES[kind](slug)
    return memo[kind, slug]
