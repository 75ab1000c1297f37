"""Wagtail's FTS5 index on SQLite, read with one MATCH per tier, best bm25 first.

FTS5 folds case and accents, not stems: each word is searched in its singular and plural
spellings (exact tier), then in every indexed word sharing its French stem (stem tier), so that
the visitor's own words rank first.
"""

from collections import Counter

from django.db import connection

from search.backends.tiers import MAX_MATCHES, TITLE_WEIGHT, needed_for_partial, wants_partial
from search.query import spellings


def quoted(forms):
    return "(" + " OR ".join(f'"{form}"' for form in sorted(set(forms))) + ")"


def concept_expression(concept, forms_of):
    """One concept: any of its alternatives, each with all its words."""
    alternatives = (
        "(" + " AND ".join(quoted(forms_of(word)) for word in alternative) + ")"
        for alternative in concept.alternatives
    )
    return "(" + " OR ".join(alternatives) + ")"


def fts5_expression(concepts, forms_of, joiner=" AND "):
    """« logements beguinage » → {title body} : ((("logement" OR "logements")) AND (…))."""
    return "{title body} : (" + joiner.join(concept_expression(c, forms_of) for c in concepts) + ")"


def read(content_type_ids, expression, ranked=True):
    """(content type id, object id) rows matching an FTS5 expression.

    The unary + on content_type_id keeps SQLite from driving the join by content type and
    probing FTS5 per row.
    """
    from wagtail.search.models import IndexEntry, SQLiteFTSIndexEntry

    fts, entries = SQLiteFTSIndexEntry._meta.db_table, IndexEntry._meta.db_table
    placeholders = ", ".join(["%s"] * len(content_type_ids))
    order = f"ORDER BY bm25({fts}, 0, 1, {TITLE_WEIGHT}) " if ranked else ""
    sql = (
        f"SELECT e.content_type_id, e.object_id FROM {fts} JOIN {entries} e ON e.id = {fts}.rowid "
        f"WHERE {fts} MATCH %s AND +e.content_type_id IN ({placeholders}) "
        f"{order}LIMIT {MAX_MATCHES}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [expression, *content_type_ids])
        return cursor.fetchall()


def sqlite_matches(content_type_ids, interpretation, backend):
    """(full matches, partial matches): rows best first, the visitor's exact words first."""
    concepts = interpretation.concepts

    def stemmed(word):
        return [*spellings(word), *interpretation.forms_of(word)]

    full = read(content_type_ids, fts5_expression(concepts, spellings))
    if any(set(stemmed(word)) != set(spellings(word)) for word in interpretation.words):
        seen = set(full)
        more = read(content_type_ids, fts5_expression(concepts, stemmed))
        full += [row for row in more if row not in seen]
    if not wants_partial(concepts, full):
        return full, []
    hits = Counter()
    for concept in concepts:
        hits.update(set(read(content_type_ids, fts5_expression([concept], stemmed), False)))
    seen, needed = set(full), needed_for_partial(concepts)
    anywhere = read(content_type_ids, fts5_expression(concepts, stemmed, " OR "))
    partial = [row for row in anywhere if row not in seen and hits[row] >= needed]
    return full, sorted(partial, key=lambda row: -hits[row])
