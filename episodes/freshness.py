"""Has the content changed? One answer, read by the feeds (their version, feeds/versions.py) and
by the search (its catalogue of episodes, search/catalogue.py): the content stamps, one statement.

Every change listeners and visitors can see moves a stamp: a page published, unpublished, moved or
deleted, a view restriction set or lifted (each leaves an entry in Wagtail's log, including those
made by another process, such as the scheduler or an import); a page added, even in bulk (the
newest page id); an audio file, event, person, theme or association saved or deleted (each table's
latest updated_at and row count; a snippet's links to themes are saved with it). Writes that
bypass Wagtail's actions and the models' save() (queryset.update(), raw SQL) are not seen.
"""

import datetime
import functools

from django.db import connection
from django.db.models import Min
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from wagtail.models import ModelLogEntry, Page, PageLogEntry

from episodes.models import Association, AudioFile, EpisodePage, Event, Person, Theme

SNIPPET_MODELS = (AudioFile, Event, Person, Theme, Association)
LOG_MODELS = (PageLogEntry, ModelLogEntry)
SNIPPET_STAMPS = ("changed_at", "count")
NEWEST_PAGE = "page_newest_id"


@functools.cache  # the same statement for the life of the process (one database)
def stamps_sql():
    """One statement: each snippet table's latest updated_at and row count, the latest logs, the
    newest page."""
    quote = connection.ops.quote_name
    columns = []
    for model in SNIPPET_MODELS:
        table = quote(model._meta.db_table)
        updated_at = quote(model._meta.get_field("updated_at").column)
        columns += [f"(SELECT MAX({updated_at}) FROM {table})", f"(SELECT COUNT(*) FROM {table})"]
    for model in LOG_MODELS:
        table, timestamp = quote(model._meta.db_table), quote("timestamp")
        columns.append(f"(SELECT MAX({timestamp}) FROM {table})")
    columns.append(f"(SELECT MAX({quote('id')}) FROM {quote(Page._meta.db_table)})")
    return "SELECT " + ", ".join(columns)


def as_datetime(value):
    """A date read by raw SQL (a string on SQLite) as an aware datetime."""
    if isinstance(value, str):
        value = parse_datetime(value)
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value, datetime.UTC)
    return value


def content_stamps():
    """The stamps of the content, by name: compare two readings to know whether it changed.

    Raw SQL on purpose: the ORM spent more time compiling a dozen subqueries than the database
    spent answering them, on every feed request.
    """
    with connection.cursor() as cursor:
        cursor.execute(stamps_sql())
        row = cursor.fetchone()
    return named_stamps(tuple(row))


@functools.lru_cache(maxsize=8)  # the same row on every request until the content changes
def named_stamps(row):
    """The stamps of one reading, by name, dates parsed (read-only: the dict is shared)."""
    return {
        name: as_datetime(value) if name.endswith("_at") else value
        for name, value in zip(stamp_names(), row, strict=True)
    }


@functools.cache
def stamp_names():
    """The names of the stamps, in the order of the statement's columns."""
    names = [f"{m._meta.model_name}_{kind}" for m in SNIPPET_MODELS for kind in SNIPPET_STAMPS]
    names += [f"{model._meta.model_name}_logged_at" for model in LOG_MODELS]
    return (*names, NEWEST_PAGE)


def snippet_stamps(stamps):
    """The stamps of the snippet tables alone, (name, value) in a stable order."""
    return sorted(item for item in stamps.items() if item[0].endswith(("_changed_at", "_count")))


def changed_dates(stamps):
    """When the snippet tables last changed."""
    return [value for name, value in stamps.items() if name.endswith("_changed_at")]


def logged_dates(stamps):
    """The latest admin actions: deletions and unpublications leave no other date."""
    return [value for name, value in stamps.items() if name.endswith("_logged_at")]


def latest(dates):
    """The latest of these dates, None if none is set."""
    return max(filter(None, dates), default=None)


NEVER = datetime.datetime.max.replace(tzinfo=datetime.UTC)


def next_publication_time(now):
    """When the next live episode dated in the future reaches its publication time: the one
    change that time makes without a stamp moving."""
    upcoming = EpisodePage.objects.live().filter(publication_date__gt=now)
    return upcoming.aggregate(at=Min("publication_date"))["at"] or NEVER
