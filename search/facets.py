"""Facets of the episode search: theme, association, event, year and region, with their counts.

Counts are disjunctive: each facet's choices are counted with every other selected facet applied
but not its own, so that a visitor can switch from one theme to another without clearing first.
They are counted in memory over the catalogue's entries (search/catalogue.py), as bits.
"""

from dataclasses import dataclass, field

from search.catalogue import FIRST_YEAR
from search.query import fold

# name: (label, what choosing nothing means)
FACETS = {
    "theme": ("Thème", "Tous les thèmes"),
    "association": ("Association", "Toutes les associations"),
    "event": ("Événement", "Tous les événements"),
    "year": ("Année", "Toutes les années"),
    "region": ("Territoire", "Tous les territoires"),
}


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


def narrow_all(entries, selected):
    """The entries having every selected facet value."""
    for name, value in selected.items():
        value = str(value)
        entries = [entry for entry in entries if value in getattr(entry, name)]
    return entries


def counts_by_facet(entries, selected, catalogue):
    """{facet name: {value: count}}: each facet counted with the other selected facets applied.

    An episode missing no selected value counts for every facet; missing exactly one, it counts
    for that facet only (choosing another value there would list it); missing two, for none.
    Counted as bits: the entries, each selected value and each value are ints whose bits are
    the catalogue's entries (search/catalogue.py), so a count is one `&` and a bit count.
    """
    masks, listed = catalogue.masks, catalogue.mask_of(entries)
    having = {name: masks[name].get(str(value), 0) for name, value in selected.items()}
    counts = {}
    for name in FACETS:
        counted = listed
        for other, mask in having.items():
            if other != name:
                counted &= mask
        values = ((value, (mask & counted).bit_count()) for value, mask in masks[name].items())
        counts[name] = {value: count for value, count in values if count}
    return counts


def facet_counts(entries, selected, catalogue):
    """The facets with their choices and counts, for the listed entries and the selection."""
    facets, counts = [], counts_by_facet(entries, selected, catalogue)
    labels = catalogue.labels
    for name, (label, all_label) in FACETS.items():
        facet = Facet(name, label, all_label)
        for value, count in counts[name].items():
            if name == "year" and int(value) < FIRST_YEAR:
                continue
            facet.choices.append(Choice(value, labels[name].get(value, value), count))
        facet.choices = ordered_choices(facet, selected.get(name))
        facets.append(facet)
    return facets


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
