"""Facets of the episode search: theme, association, event, year and region, with their counts.

Counts are disjunctive: each facet's choices are counted with every other selected facet applied
but not its own, so that a visitor can switch from one theme to another without clearing first.
All five facets are counted in one UNION query.
"""

from dataclasses import dataclass, field

from django.db.models import Case, CharField, Count, F, Value, When
from django.db.models.functions import Cast
from django.utils import timezone

from episodes.models import EpisodePage
from search.matching import pk_in
from search.query import fold

# Podcasts began in 2004; earlier years are not offered as choices.
FIRST_YEAR = 2004
# name: (label, what choosing nothing means)
FACETS = {
    "theme": ("Thème", "Tous les thèmes"),
    "association": ("Association", "Toutes les associations"),
    "event": ("Événement", "Tous les événements"),
    "year": ("Année", "Toutes les années"),
    "region": ("Territoire", "Tous les territoires"),
}
THEME_LINKS = EpisodePage.themes.through.objects
ASSOCIATION_LINKS = EpisodePage.associations.through.objects


@dataclass(frozen=True)
class Choice:
    """One value of a facet, as offered to the visitor."""

    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    """A facet and its choices, in the order visitors read them."""

    name: str
    label: str
    all_label: str
    choices: list = field(default_factory=list)


def narrow(episodes, name, value):
    """The episodes having this value of the facet."""
    if name == "theme":
        return episodes.filter(pk__in=THEME_LINKS.filter(theme__slug=value).values("episodepage"))
    if name == "association":
        links = ASSOCIATION_LINKS.filter(association__slug=value)
        return episodes.filter(pk__in=links.values("episodepage"))
    if name == "region":
        links = ASSOCIATION_LINKS.filter(association__region=value)
        return episodes.filter(pk__in=links.values("episodepage"))
    if name == "event":
        return episodes.filter(event_id=value)
    return episodes.filter(publication_date__year=value)


def narrow_all(episodes, selected, leaving_out=None):
    """The episodes having every selected facet value, except the facet left out."""
    for name, value in selected.items():
        if name != leaving_out:
            episodes = narrow(episodes, name, value)
    return episodes


def counted(rows, facet, value, label, counting="pk", distinct=False):
    """Rows as (facet, value, label, count), the shape shared by the UNION's members."""
    return (
        rows.order_by()
        .values(facet=Value(facet, output_field=CharField()), value=value, label=label)
        .annotate(count=Count(counting, distinct=distinct))
    )


def links_of(links, listed, selected, leaving_out):
    """Theme or association links of the listed episodes having the other selected values."""
    rows = links.filter(pk_in(listed, "episodepage_id"))
    others = {name: value for name, value in selected.items() if name != leaving_out}
    if others:
        rows = rows.filter(episodepage__in=narrow_all(EpisodePage.objects.order_by(), others))
    return rows


def grouped_counts(listed, selected):
    """(facet, value, label, count) rows for the five facets, in one UNION query."""

    def links(objects, name):
        return links_of(objects, listed, selected, leaving_out=name)

    def episodes(name):
        return narrow_all(listed_episodes(listed), selected, leaving_out=name)

    theme, association = F("theme__slug"), F("association__slug")
    region, year = F("association__region"), publication_year()
    members = [
        counted(links(THEME_LINKS, "theme"), "theme", theme, F("theme__name")),
        counted(
            links(ASSOCIATION_LINKS, "association"),
            "association",
            association,
            F("association__name"),
        ),
        counted(
            links(ASSOCIATION_LINKS, "region").exclude(association__region=""),
            "region",
            region,
            region,
            counting="episodepage",
            distinct=True,
        ),
        counted(
            episodes("event").exclude(event=None),
            "event",
            Cast("event_id", CharField()),
            F("event__name"),
        ),
        counted(episodes("year"), "year", year, year),
    ]
    return members[0].union(*members[1:], all=True)


def publication_year():
    """The publication year in the site's time zone, as text, from plain date comparisons.

    Django's ExtractYear is a Python function per row on SQLite; `__year` lookups are ranges.
    """
    years = range(FIRST_YEAR, timezone.localdate().year + 1)
    whens = [When(publication_date__year=year, then=Value(str(year))) for year in years]
    return Case(*whens, output_field=CharField())


def listed_episodes(listed):
    """The listed episodes, as a queryset that reads only the episode table."""
    return EpisodePage.objects.order_by().filter(pk_in(listed))


def facet_counts(listed, selected):
    """The facets with their choices and counts, for the listed episodes' pks and the selection."""
    facets = {name: Facet(name, *labels) for name, labels in FACETS.items()}
    for row in grouped_counts(listed, selected):
        if row["value"] is not None:
            choice = Choice(row["value"], row["label"], row["count"])
            facets[row["facet"]].choices.append(choice)
    for facet in facets.values():
        facet.choices = ordered_choices(facet, selected.get(facet.name))
    return list(facets.values())


def ordered_choices(facet, selected_value):
    """Choices sorted for reading (years newest first), the selected one marked and kept."""
    selected_value = None if selected_value is None else str(selected_value)
    choices = [
        Choice(choice.value, choice.label, choice.count, choice.value == selected_value)
        for choice in facet.choices
    ]
    if selected_value is not None and not any(choice.selected for choice in choices):
        choices.append(Choice(selected_value, selected_value, 0, True))
    if facet.name == "year":
        return sorted(choices, key=lambda choice: choice.value, reverse=True)
    return sorted(choices, key=lambda choice: fold(choice.label))
