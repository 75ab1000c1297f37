"""What a feed is about, and a cheap version of its content: its cache key, ETag and Last-Modified.

A version is read in two queries (and Wagtail's view-restriction look-ups), never by building the
feed: the content stamps every reader of the content shares (episodes/freshness.py) and one
aggregate over the feed's published episodes (their count and the sum of their ids move when one
is published, unpublished, deleted or reaches its scheduled time). The key is computed from the
database on every request, so no process can serve a stale cached feed.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Max, QuerySet, Sum
from django.http import Http404

from episodes.delivery.addresses import public_url
from episodes.feeds.data import FeedOutline, FeedVersion
from episodes.feeds.items import public_page_url
from episodes.feeds.queries import site_root_paths
from episodes.freshness import (
    changed_dates,
    content_stamps,
    latest,
    logged_dates,
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


def feed_version(kind, subject, show, episodes):
    """The version of a feed: a key for cache and ETag, and the Last-Modified date."""
    stamps = content_stamps()
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


def show_scope(slug):
    """The feed of one show: its own published episodes."""
    show = PodcastPage.objects.listed().filter(slug=slug).first()
    if show is None:
        raise Http404("No such show.")
    episodes = EpisodePage.objects.published().child_of(show)
    return FeedScope("show", show, show, episodes, feed_version("show", show, show, episodes))


def topic_scope(kind, model, slug, episode_filter):
    """The feed of a theme or an association: episodes of every show, under the main show's art."""
    subject = model.objects.filter(slug=slug).first()
    show = PodcastPage.objects.listed().first()
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
