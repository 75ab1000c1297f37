"""What a feed is about, and a cheap version of its content: its cache key, ETag and Last-Modified.

A version is worked out in two queries (and Wagtail's view-restriction look-ups), never by
building the feed: the content stamps every reader of the content shares (episodes/freshness.py)
and one aggregate over the feed's published episodes (their count and the sum of their ids move
when one is published, unpublished, deleted or reaches its scheduled time). Each request reads
the stamps again, in one statement, and reuses the version this process last worked out while
they are the same and no episode's publication time has come: no process serves a stale feed,
and a cached feed costs one query.
"""

import datetime
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Max, QuerySet, Sum
from django.http import Http404
from django.utils import timezone

from episodes.delivery.addresses import public_url
from episodes.feeds.data import FeedOutline, FeedVersion
from episodes.feeds.items import public_page_url
from episodes.feeds.queries import site_root_paths
from episodes.freshness import (
    changed_dates,
    content_stamps,
    latest,
    logged_dates,
    next_publication_time,
    snippet_stamps,
)
from episodes.models import Association, EpisodePage, PodcastPage, Theme

# Bump when the XML the builder writes changes, so that no cache keeps the former format.
FEED_FORMAT = "1"


@dataclass
class FeedScope:
    """A feed's subject (show, theme or association), the show lending the channel, the episodes."""

    kind: str
    subject: object
    show: PodcastPage
    episodes: QuerySet
    version: FeedVersion


def episode_stats(episodes):
    """One aggregate over the feed's published episodes."""
    return episodes.aggregate(
        count=Count("pk"),
        ids=Sum("pk"),
        published_at=Max("last_published_at"),
        newest=Max("publication_date"),
    )


def feed_version(kind, subject, show, episodes, stamps):
    """The version of a feed: a key for cache and ETag, and the Last-Modified date."""
    stats = episode_stats(episodes)
    parts = (
        FEED_FORMAT,
        settings.PUBLIC_BASE_URL,
        tuple(settings.WEBSUB_HUBS),
        kind,
        subject.pk,
        show.pk,
        show.last_published_at,
        # Admin logs move Last-Modified only: the same content keeps the same ETag and cache. The
        # feed's own episodes are in stats; a page added elsewhere does not change its content.
        *snippet_stamps(stamps),
        *sorted(stats.items()),
    )
    key = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    dates = [show.last_published_at, stats["published_at"], stats["newest"]]
    changed_at = latest(dates + changed_dates(stamps))
    return FeedVersion(key, changed_at, latest([changed_at, *logged_dates(stamps)]), parts)


def show_scope(slug, stamps):
    """The feed of one show: its own published episodes."""
    show = PodcastPage.objects.listed().filter(slug=slug).first()
    if show is None:
        raise Http404("No such show.")
    episodes = EpisodePage.objects.published().child_of(show)
    version = feed_version("show", show, show, episodes, stamps)
    return FeedScope("show", show, show, episodes, version)


def topic_scope(kind, model, slug, episode_filter, stamps):
    """The feed of a theme or an association: episodes of every show, under the main show's art."""
    subject = model.objects.filter(slug=slug).first()
    show = PodcastPage.objects.listed().first()
    if subject is None or show is None:
        raise Http404(f"No such {kind}.")
    episodes = EpisodePage.objects.published().filter(**{episode_filter: subject})
    version = feed_version(kind, subject, show, episodes, stamps)
    return FeedScope(kind, subject, show, episodes, version)


def theme_scope(slug, stamps):
    """The feed of a theme."""
    return topic_scope("theme", Theme, slug, "themes", stamps)


def association_scope(slug, stamps):
    """The feed of an association."""
    return topic_scope("association", Association, slug, "associations", stamps)


SCOPES = {"show": show_scope, "theme": theme_scope, "association": association_scope}


@dataclass
class KnownScope:
    """A feed's scope as this process last worked it out, and until when it holds."""

    stamps: dict
    valid_until: datetime.datetime
    scope: FeedScope


# By (kind, slug, public address); one entry per feed that exists.
KNOWN_SCOPES = {}


def request_scope(request, kind, slug):
    """The scope of a feed, read once per request (condition() and the view both need it)."""
    memo = request.__dict__.setdefault("_feed_scopes", {})
    if (kind, slug) not in memo:
        memo[kind, slug] = current_scope(kind, slug)
    return memo[kind, slug]


def current_scope(kind, slug):
    """The scope of a feed, in one statement (the content stamps) when they are those of the
    scope this process last worked out and no episode's publication time has come since:
    every change a listener could see moves a stamp (episodes/freshness.py), and time moves
    the rest. Otherwise worked out again (the show, the view restrictions, one aggregate)."""
    stamps, now = content_stamps(), timezone.now()
    key = (kind, slug, settings.PUBLIC_BASE_URL)
    known = KNOWN_SCOPES.get(key)
    if known and known.stamps == stamps and now < known.valid_until:
        return known.scope
    scope = SCOPES[kind](slug, stamps)
    KNOWN_SCOPES[key] = KnownScope(stamps, next_publication_time(now), scope)
    return scope


def feed_outlines():
    """(outlines, last modified) of the OPML file: every show, theme and association feed."""
    roots = site_root_paths()
    shows = list(PodcastPage.objects.listed())
    stamps = content_stamps()
    outlines = [
        FeedOutline(show.title, show.feed_url, public_page_url(show.url_path, roots))
        for show in shows
    ]
    prefix = f"{shows[0].title} – " if shows else ""
    for model in (Theme, Association):
        outlines += [
            FeedOutline(
                prefix + subject.name, subject.feed_url, public_url(subject.get_absolute_url())
            )
            for subject in model.objects.order_by("name")
        ]
    dates = [show.last_published_at for show in shows]
    return outlines, latest(dates + changed_dates(stamps) + logged_dates(stamps))
