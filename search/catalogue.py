"""Every published episode with its facet values, kept in memory between searches.

At 10 000 episodes, listing the episodes newest first, keeping only the published ones among the
matches and counting five facets over thousands of them cost more in SQL than the search itself.
They only need a small table of the episodes (pk, publication date, themes, associations,
regions, event, year): it is read in three queries and kept in each process's memory until the
content changes: each search reads the content stamps (episodes/freshness.py, one statement, the
feeds' answer too), and the table is read again when they moved, whichever process made the
change; it is also read again after MAX_AGE seconds whatever happens. An episode whose
publication time is still to come is in the table and left out of the searches until then.
"""

import threading
import time
from dataclasses import dataclass
from functools import cached_property

from django.db.models import CharField, Value
from django.utils import timezone

from episodes.freshness import content_stamps
from episodes.models import EpisodePage

MAX_AGE = 300
# Podcasts began in 2004; earlier years are not offered as choices (search/facets.py).
FIRST_YEAR = 2004


@dataclass(frozen=True)
class Entry:
    """An episode as the search page filters and counts it: its values of each facet, as text
    (as they appear in addresses), under the facet's name."""

    pk: int
    published: object  # aware datetime
    theme: tuple  # slugs
    association: tuple  # slugs
    region: tuple
    event: tuple  # the event's pk, or nothing
    year: tuple  # the year of publication in the site's time zone


@dataclass
class Catalogue:
    """The published episodes, newest first, and the labels of the facet values."""

    entries: dict  # pk → Entry, newest first
    labels: dict  # facet name → {value: label}

    def visible(self, now=None):
        """The entries whose publication time has come, newest first."""
        now = now or timezone.now()
        return [entry for entry in self.entries.values() if entry.published <= now]

    @cached_property
    def positions(self):
        """{pk: the entry's place in the catalogue}: its bit in the masks."""
        return {pk: position for position, pk in enumerate(self.entries)}

    @cached_property
    def masks(self):
        """{facet name: {value: the entries having it, as the bits of an int}}, to count the
        matches of each value with one `&` (search/facets.py)."""
        having = {name: {} for name in self.labels}
        for position, entry in enumerate(self.entries.values()):
            for name, values in having.items():
                for value in getattr(entry, name):
                    values.setdefault(value, []).append(position)
        size = len(self.entries)
        return {
            name: {value: bits(positions, size) for value, positions in values.items()}
            for name, values in having.items()
        }

    def mask_of(self, entries):
        """Some of the catalogue's entries as the bits of an int."""
        positions = self.positions
        return bits((positions[entry.pk] for entry in entries), len(self.entries))


def bits(positions, size):
    """An int with these bits set, made in one pass."""
    flags = bytearray(size // 8 + 1)
    for position in positions:
        flags[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(flags, "little")


def build():
    """The catalogue, read from the database."""
    episodes = (
        EpisodePage.objects.live()
        .public()
        .exclude(publication_date=None)
        .newest_first()
        .values_list("pk", "publication_date", "event_id", "event__name")
    )
    themes, associations = {}, {}
    labels = {name: {} for name in ("theme", "association", "event", "year", "region")}
    for kind, pk, slug, name, region in theme_and_association_links():
        if kind == "theme":
            themes.setdefault(pk, []).append(slug)
        else:
            associations.setdefault(pk, []).append((slug, region))
            if region:
                labels["region"][region] = region
        labels[kind][slug] = name
    entries = {}
    for pk, published, event_id, event_name in episodes:
        year = str(timezone.localtime(published).year)
        event = None if event_id is None else str(event_id)
        if event is not None:
            labels["event"][event] = event_name
        labels["year"][year] = year
        linked = associations.get(pk, [])
        entries[pk] = Entry(
            pk=pk,
            published=published,
            theme=tuple(themes.get(pk, ())),
            association=tuple(slug for slug, _ in linked),
            region=tuple(dict.fromkeys(region for _, region in linked if region)),
            event=() if event is None else (event,),
            year=(year,),
        )
    return Catalogue(entries, labels)


def theme_and_association_links():
    """(kind, episode pk, slug, name, region) of every episode's themes and associations, in one
    query."""
    themes = EpisodePage.themes.through.objects.values_list(
        Value("theme", output_field=CharField()),
        "episodepage_id",
        "theme__slug",
        "theme__name",
        Value("", output_field=CharField()),
    )
    associations = EpisodePage.associations.through.objects.values_list(
        Value("association", output_field=CharField()),
        "episodepage_id",
        "association__slug",
        "association__name",
        "association__region",
    )
    return themes.union(associations, all=True)


_built = {"version": None, "at": 0.0, "catalogue": None}
_lock = threading.Lock()


def current():
    """The catalogue of the current content, read again only when the content has changed."""
    version = tuple(content_stamps().items())
    with _lock:
        fresh = time.monotonic() - _built["at"] < MAX_AGE
        if _built["version"] != version or not fresh or _built["catalogue"] is None:
            _built.update(version=version, at=time.monotonic(), catalogue=build())
        return _built["catalogue"]
