"""Which episodes, associations and knowledge pages match a query, best first.

Wagtail indexes each object's search_fields: for an episode its title, summary, show notes,
speakers, associations, themes and whole transcript. With Wagtail's database backend we read that
index with queries of our own (one on SQLite; on PostgreSQL one per word and one to rank), which
stay fast at 10 000 episodes where the backend's .search() does not (on SQLite it probes FTS5
once per indexed row and ranks with a correlated subquery; on PostgreSQL it matches
`title || body`, which no index serves). Any other backend (Elasticsearch,
OpenSearch) is asked through Wagtail's .search().
"""

from functools import lru_cache

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F, Q
from django.db.models.expressions import RawSQL
from wagtail.search.backends import get_search_backend

from search.query import backend_query, spellings

MAX_MATCHES = 10_000
MAX_BACKEND_MATCHES = 1_000
RANKED_MATCHES = 500
TITLE_WEIGHT = 2.0


def matching_pks(models, terms):
    """{model: [pk, …]}: each model's indexed objects matching every term, best first."""
    backend = get_search_backend()
    read_index = index_reader(backend)
    if read_index is None:
        return {model: backend_matches(backend, model, terms) for model in models}
    content_types = ContentType.objects.get_for_models(*models)
    models_by_type = {content_type.pk: model for model, content_type in content_types.items()}
    found = {model: [] for model in models}
    for content_type_id, object_id in read_index(list(models_by_type), terms, backend):
        model = models_by_type[content_type_id]
        found[model].append(model._meta.pk.to_python(object_id))
    return found


def index_reader(backend):
    """The function reading the database backend's own index tables, or None for other backends."""
    if connection.vendor == "sqlite":
        from wagtail.search.backends.database.sqlite.sqlite import SQLiteSearchBackend

        return sqlite_matches if isinstance(backend, SQLiteSearchBackend) else None
    if connection.vendor == "postgresql":
        from wagtail.search.backends.database.postgres.postgres import PostgresSearchBackend

        return postgres_matches if isinstance(backend, PostgresSearchBackend) else None
    return None


def fts5_expression(terms):
    """« logements beguinage » → {title body} : (("logement" OR "logements") AND (…))."""
    clauses = [" OR ".join(f'"{form}"' for form in spellings(term)) for term in terms]
    return "{title body} : (" + " AND ".join(f"({clause})" for clause in clauses) + ")"


def sqlite_matches(content_type_ids, terms, backend):
    """(content type id, object id) rows from Wagtail's FTS5 table, best bm25 first.

    FTS5 folds case and accents itself; spellings() adds the plurals. The unary + on
    content_type_id keeps SQLite from driving the join by content type and probing FTS5 per row.
    """
    from wagtail.search.models import IndexEntry, SQLiteFTSIndexEntry

    fts, entries = SQLiteFTSIndexEntry._meta.db_table, IndexEntry._meta.db_table
    placeholders = ", ".join(["%s"] * len(content_type_ids))
    sql = (
        f"SELECT e.content_type_id, e.object_id FROM {fts} JOIN {entries} e ON e.id = {fts}.rowid "
        f"WHERE {fts} MATCH %s AND +e.content_type_id IN ({placeholders}) "
        f"ORDER BY bm25({fts}, 0, 1, {TITLE_WEIGHT}) LIMIT {MAX_MATCHES}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [fts5_expression(terms), *content_type_ids])
        return cursor.fetchall()


def postgres_matches(content_type_ids, terms, backend):
    """(content type id, object id) rows from Wagtail's tsvectors, best first.

    The backend's SEARCH_CONFIG (french_unaccent) folds accents and stems plurals itself. Each
    term is looked up alone, in the GIN indexes on the title and the body: asked for all terms
    at once, the planner reads one term's index and checks the others on each row, reading
    every matching body's tsvector, tens of kilobytes for an hour of transcript, which takes
    seconds once the words are common.

    For the same reason, ranking by the body is affordable for RANKED_MATCHES entries, not for
    thousands. Past that, the words are said in most testimonies and say little about relevance
    (a term's weight falls with the share of documents having it): title matches come first,
    then the newest.
    """
    from django.contrib.postgres.search import SearchQuery, SearchRank
    from wagtail.search.models import IndexEntry

    queries = [SearchQuery(term, config=backend.config) for term in terms]
    everything = queries[0]
    for query in queries[1:]:
        everything &= query
    title_rank = SearchRank(F("title"), everything) * TITLE_WEIGHT
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # the planner ignores TOAST reads
        matching = None
        for query in queries:
            having = IndexEntry.objects.filter(Q(title=query) | Q(body=query))
            ids = set(having.values_list("id", flat=True))
            matching = ids if matching is None else matching & ids
            if not matching:
                return []
        entries = IndexEntry.objects.filter(pk_in(sorted(matching), "id"))
        entries = entries.filter(content_type_id__in=content_type_ids)
        rank = title_rank
        if len(matching) <= RANKED_MATCHES:
            rank = title_rank + SearchRank(F("body"), everything)
        rows = entries.annotate(rank=rank).order_by("-rank", "-id")
        return list(rows.values_list("content_type_id", "object_id")[:MAX_MATCHES])


def backend_matches(backend, model, terms):
    """The pks of the model's objects matching every term, from any Wagtail search backend."""
    results = backend.search(backend_query(terms), model.objects.all())
    return [instance.pk for instance in results[:MAX_BACKEND_MATCHES]]


def pk_in(pks, field="pk"):
    """A filter on a field in a long list of pks, sent as one text parameter where possible."""
    if connection.vendor == "sqlite":
        subquery = RawSQL("SELECT value FROM json_each(%s)", (pk_list_text(tuple(pks), "[]"),))
    elif connection.vendor == "postgresql":
        subquery = RawSQL("SELECT unnest(%s::bigint[])", (pk_list_text(tuple(pks), "{}"),))
    else:
        subquery = list(pks)
    return Q(**{f"{field}__in": subquery})


@lru_cache(maxsize=8)
def pk_list_text(pks, brackets):
    """« [1,2,3] » for SQLite's json_each, « {1,2,3} » for a PostgreSQL array: one parameter."""
    return brackets[0] + ",".join(str(int(pk)) for pk in pks) + brackets[1]
