"""Wagtail's tsvectors on PostgreSQL, read concept by concept in the GIN indexes.

The backend's SEARCH_CONFIG (french_unaccent) folds accents and stems with Snowball's French
stemmer itself. Each concept is looked up alone, in the GIN indexes on the title and the body:
asked for all of them at once, the planner reads one term's index and checks the others on each
row, reading every matching body's tsvector, tens of kilobytes for an hour of transcript, which
takes seconds once the words are common.

For the same reason, ranking by the body is affordable for RANKED_MATCHES entries, not for
thousands. Past that, the words are said in most testimonies and say little about relevance
(a term's weight falls with the share of documents having it): title matches come first, then
the newest.

The tsvectors hold stems only, so the visitor's exact spelling is looked for in the entries'
titles as stored (title_text), unaccented and unstemmed ('simple' configuration), on the
matching entries only: a title with the word as typed (or its singular or plural, as SQLite's
exact tier) ranks before a title with another word of the same stem, and before any body.
"""

from collections import Counter
from functools import reduce
from operator import and_, or_

from django.db import connection, transaction
from django.db.models import F, Func, Q

from search.backends.tiers import (
    EXACT_WEIGHT,
    MAX_MATCHES,
    TITLE_WEIGHT,
    needed_for_partial,
    pk_in,
    wants_partial,
)
from search.query import fold, spellings

RANKED_MATCHES = 500


def concept_query(concept, config):
    """A concept as a tsquery: any alternative, each with all its words (plainto_tsquery each)."""
    from django.contrib.postgres.search import SearchQuery

    alternatives = [
        reduce(and_, (SearchQuery(word, config=config) for word in alternative))
        for alternative in concept.alternatives
    ]
    return reduce(or_, alternatives)


def exact_query(concepts, joiner):
    """The concepts as typed (singular or plural), unaccented and unstemmed: 'simple' tsquery."""
    from django.contrib.postgres.search import SearchQuery

    def word_query(word):
        return reduce(or_, (SearchQuery(fold(form), config="simple") for form in spellings(word)))

    return reduce(
        joiner,
        (
            reduce(or_, (reduce(and_, map(word_query, words)) for words in concept.alternatives))
            for concept in concepts
        ),
    )


def title_as_typed():
    """The entry's title unaccented and unstemmed, as a 'simple' tsvector."""
    from django.contrib.postgres.search import SearchVector

    return SearchVector(Func(F("title_text"), function="unaccent"), config="simple")


def ranked(ids, content_type_ids, query, exact):
    """(id, content type id, object id) of the entries with these ids, best first: titles
    with the exact words, then by rank."""
    from django.contrib.postgres.search import SearchRank
    from wagtail.search.models import IndexEntry

    entries = IndexEntry.objects.filter(pk_in(sorted(ids), "id"))
    entries = entries.filter(content_type_id__in=content_type_ids)
    # Divided by the title's length (normalization 2): the shorter the title saying the words,
    # the better, as SQLite's bm25 has it.
    as_typed = SearchRank(title_as_typed(), exact, normalization=2) * EXACT_WEIGHT
    rank = as_typed + SearchRank(F("title"), query) * TITLE_WEIGHT
    if len(ids) <= RANKED_MATCHES:
        rank = rank + SearchRank(F("body"), query)
    rows = entries.annotate(rank=rank).order_by("-rank", "-id")
    return list(rows.values_list("id", "content_type_id", "object_id")[:MAX_MATCHES])


def postgres_matches(content_type_ids, interpretation, backend):
    """(full matches, partial matches): (content type id, object id) rows, best first."""
    from wagtail.search.models import IndexEntry

    concepts = interpretation.concepts
    queries = [concept_query(concept, backend.config) for concept in concepts]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # the planner ignores TOAST reads
        found = []
        for query in queries:
            having = IndexEntry.objects.filter(Q(title=query) | Q(body=query))
            found.append(set(having.values_list("id", flat=True)))
        everywhere = set.intersection(*found)
        every = reduce(and_, queries), exact_query(concepts, and_)
        full = ranked(everywhere, content_type_ids, *every) if everywhere else []
        if not wants_partial(concepts, full):
            return [row[1:] for row in full], []
        hits = Counter(entry for ids in found for entry in ids)
        needed = needed_for_partial(concepts)
        some = {entry for entry, count in hits.items() if count >= needed} - everywhere
        some_query = reduce(or_, queries), exact_query(concepts, or_)
        partial = ranked(some, content_type_ids, *some_query) if some else []
        partial.sort(key=lambda row: -hits[row[0]])
        return [row[1:] for row in full], [row[1:] for row in partial]
