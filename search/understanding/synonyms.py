"""Synonym groups: read from the editors' text, checked, and applied to a query's words.

A group is one level deep: a query word found in a group is searched as any of the group's
entries, never through a second group, so a group cannot lead to another in a loop; the editor
refuses an entry that already belongs to another group, or twice to the same one.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from django.utils.translation import gettext as _

from search.query import query_terms
from search.understanding.stemming import masculine, meaning

SEPARATORS = re.compile(r"[,;\n]+")
MAX_ENTRY_WORDS = 4


@dataclass(frozen=True)
class Concept:
    """What one part of the query asks for: any of its alternatives, each a group of words that
    must all be found (a single word, or an expression such as « personnes âgées »)."""

    alternatives: tuple  # of tuples of words, the visitor's own first
    synonyms: bool = False

    @property
    def words(self):
        """Every word of every alternative."""
        return tuple(word for alternative in self.alternatives for word in alternative)


def group_entries(text):
    """The entries of a group as the editor wrote them: « seniors, personnes âgées »."""
    return [entry.strip() for entry in SEPARATORS.split(text or "") if entry.strip()]


def entry_key(entry):
    """What an entry means for the search: the stems of its words that count."""
    return tuple(meaning(word) for word in query_terms(entry))


def validate_entries(text, other_groups):
    """French messages saying why a group cannot be saved (none when it can)."""
    entries = group_entries(text)
    if len(entries) < 2:
        return [_("Un groupe réunit au moins deux mots ou expressions, séparés par des virgules.")]
    errors, seen = [], {}
    taken = {entry_key(entry): other for other in other_groups for entry in group_entries(other)}
    for entry in entries:
        key = entry_key(entry)
        if not key:
            errors.append(
                _("« %s » ne contient aucun mot que la recherche prend en compte.") % entry
            )
        elif len(key) > MAX_ENTRY_WORDS:
            errors.append(_("« %s » : une expression compte au plus quatre mots.") % entry)
        elif key in seen:
            errors.append(
                _("« %(entry)s » et « %(first)s » sont le même mot, deux fois dans ce groupe.")
                % {"entry": entry, "first": seen[key]}
            )
        elif key in taken:
            errors.append(
                _(
                    "« %(entry)s » figure déjà dans le groupe « %(group)s » : un mot n'appartient "
                    "qu'à un groupe, sinon les groupes renverraient l'un à l'autre en boucle."
                )
                % {"entry": entry, "group": ", ".join(group_entries(taken[key]))}
            )
        seen.setdefault(key, entry)
    return errors


@lru_cache(maxsize=32)
def synonym_index(group_texts):
    """{entry key: the group's entries as tuples of words}, from the groups' texts."""
    index = {}
    for text in group_texts:
        entries = [tuple(query_terms(entry)) for entry in group_entries(text)]
        entries = [entry for entry in entries if entry]
        for entry in entries:
            index.setdefault(tuple(meaning(word) for word in entry), tuple(entries))
    return index


def concepts(terms, group_texts=()):
    """The query's words as concepts: expressions of a synonym group become the whole group."""
    index, keys = synonym_index(tuple(group_texts)), [meaning(term) for term in terms]
    found, position = [], 0
    while position < len(terms):
        for length in range(min(MAX_ENTRY_WORDS, len(terms) - position), 0, -1):
            group = index.get(tuple(keys[position : position + length]))
            if group:
                typed = tuple(terms[position : position + length])
                others = tuple(
                    entry
                    for entry in group
                    if entry_key(" ".join(entry)) != tuple(keys[position : position + length])
                )
                found.append(Concept((typed, *others), synonyms=True))
                position += length
                break
        else:
            variant = masculine(terms[position])
            found.append(Concept(((terms[position],), *([(variant,)] if variant else []))))
            position += 1
    return found
