"""What a feed is about, and a cheap version of its content: its cache key, ETag and Last-Modified.

A version is read in two queries (and Wagtail's view-restriction look-ups), never by building the
feed. It changes whenever what the feed shows may have changed: an episode published, edited and
republished, unpublished, deleted, or reaching its scheduled time (the count and the sum of ids of
published episodes move), the show republished, or an audio file, event, person, theme or
association edited or deleted (each table's latest updated_at and row count). The key is computed
from the database on every request, so no process can serve a stale cached feed.
"""

import datetime
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.db.models import Count, Max, QuerySet, Sum
from django.http import Http404
from django.utils import timezone
from django.utils.dateparse import parse_datetime
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
LOG_MODELS = (PageLogEntry, ModelLogEntry)
STAMPS = ("changed_at", "count")


@dataclass
class FeedScope:
    """A feed's subject (show, theme or association), the show lending the channel, the episodes."""

    kind: str
    subject: object
    show: PodcastPage
    episodes: QuerySet
    version: FeedVersion


def stamps_sql():
    """One statement: each snippet table's latest updated_at and row count, the latest logs."""
    quote = connection.ops.quote_name
    columns = []
    for model in SNIPPET_MODELS:
        table = quote(model._meta.db_table)
        updated_at = quote(model._meta.get_field("updated_at").column)
        columns += [f"(SELECT MAX({updated_at}) FROM {table})", f"(SELECT COUNT(*) FROM {table})"]
    for model in LOG_MODELS:
        table, timestamp = quote(model._meta.db_table), quote("timestamp")
        columns.append(f"(SELECT MAX({timestamp}) FROM {table})")
    return "SELECT " + ", ".join(columns)


def as_datetime(value):
    """A date read by raw SQL (a string on SQLite) as an aware datetime."""
    if isinstance(value, str):
        value = parse_datetime(value)
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value, datetime.UTC)
    return value


def content_stamps():
    """When each snippet table last changed and how many rows it has; the latest admin logs.

    Raw SQL on purpose: the ORM spent more time compiling twelve subqueries than the database
    spent answering them, on every feed request.
    """
    with connection.cursor() as cursor:
        cursor.execute(stamps_sql())
        row = cursor.fetchone()
    names = [f"{model._meta.model_name}_{kind}" for model in SNIPPET_MODELS for kind in STAMPS]
    names += [f"{model._meta.model_name}_logged_at" for model in LOG_MODELS]
    return {
        name: as_datetime(value) if name.endswith("_at") else value
        for name, value in zip(names, row, strict=True)
    }


def changed_dates(stamps):
    """When the snippet tables last changed."""
    return [value for name, value in stamps.items() if name.endswith("_changed_at")]


def logged_dates(stamps):
    """The latest admin actions: deletions and unpublications leave no other date."""
    return [value for name, value in stamps.items() if name.endswith("_logged_at")]


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
    stamps = content_stamps()
    stats = episode_stats(episodes)
    parts = (
        FEED_FORMAT,
        settings.PUBLIC_BASE_URL,
        kind,
        subject.pk,
        show.pk,
        show.last_published_at,
        # Admin logs move Last-Modified only: the same content keeps the same ETag and cache.
        *sorted((name, value) for name, value in stamps.items() if "_logged_at" not in name),
        *sorted(stats.items()),
    )
    key = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    dates = [show.last_published_at, stats["published_at"], stats["newest"]]
    changed_at = latest(dates + changed_dates(stamps))
    return FeedVersion(key, changed_at, latest([changed_at, *logged_dates(stamps)]), parts)


def latest(dates):
    """The latest of these dates, None if none is set."""
    return max(filter(None, dates), default=None)


def live_shows():
    """Shows listeners can reach, the main one first."""
    return PodcastPage.objects.live().public().order_by("path")


def show_scope(slug):
    """The feed of one show: its own published episodes."""
    show = live_shows().filter(slug=slug).first()
    if show is None:
        raise Http404("No such show.")
    episodes = EpisodePage.objects.published().child_of(show)
    return FeedScope("show", show, show, episodes, feed_version("show", show, show, episodes))


def topic_scope(kind, model, slug, episode_filter):
    """The feed of a theme or an association: episodes of every show, under the main show's art."""
    subject = model.objects.filter(slug=slug).first()
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
