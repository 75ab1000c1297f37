"""Which episodes, associations and knowledge pages match a query, best first.

Wagtail indexes each object's search_fields: for an episode its title, summary, show notes,
speakers, associations, themes and whole transcript. With Wagtail's database backend we read that
index with queries of our own (search/backends/: a few on SQLite; on PostgreSQL one per concept
and one to rank), which stay fast at 10 000 episodes where the backend's .search() does not (on
SQLite it probes FTS5 once per indexed row and ranks with a correlated subquery; on PostgreSQL
it matches `title || body`, which no index serves). Any other backend (Elasticsearch,
OpenSearch) is asked through Wagtail's .search().

Objects having every concept of the query are full matches; when they fill less than a page,
objects having at least half of them follow as partial matches, most concepts first.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, PlainText

from search.query import spellings

MAX_BACKEND_MATCHES = 1_000


@dataclass
class Found:
    """{model: [pk, …]} of the full matches and of the partial ones, best first."""

    full: dict = field(default_factory=dict)
    partial: dict = field(default_factory=dict)

    def of(self, model):
        """The model's full matches, then its partial ones."""
        return self.full.get(model, []) + self.partial.get(model, [])


def matching_pks(models, interpretation):
    """The Found objects of each model for an interpretation of the query."""
    backend = get_search_backend()
    read_index = index_reader(backend)
    if read_index is None:
        full = {model: backend_matches(backend, model, interpretation) for model in models}
        return Found(full, {model: [] for model in models})
    content_types = ContentType.objects.get_for_models(*models)
    models_by_type = {content_type.pk: model for model, content_type in content_types.items()}
    full, partial = read_index(list(models_by_type), interpretation, backend)
    return Found(by_model(full, models_by_type), by_model(partial, models_by_type))


def by_model(rows, models_by_type):
    found = {model: [] for model in models_by_type.values()}
    for content_type_id, object_id in rows:
        model = models_by_type[content_type_id]
        found[model].append(model._meta.pk.to_python(object_id))
    return found


def index_reader(backend):
    """The function reading the database backend's own index tables, or None for other backends."""
    if connection.vendor == "sqlite":
        from wagtail.search.backends.database.sqlite.sqlite import SQLiteSearchBackend

        from search.backends.sqlite import sqlite_matches

        return sqlite_matches if isinstance(backend, SQLiteSearchBackend) else None
    if connection.vendor == "postgresql":
        from wagtail.search.backends.database.postgres.postgres import PostgresSearchBackend

        from search.backends.postgres import postgres_matches

        return postgres_matches if isinstance(backend, PostgresSearchBackend) else None
    return None


def backend_query(concepts):
    """A Wagtail search query requiring every concept, each word in any of its spellings."""

    def either(queries):
        return queries[0] if len(queries) == 1 else Or(queries)

    def every(queries):
        return queries[0] if len(queries) == 1 else And(queries)

    return every(
        [
            either(
                [
                    every([either([PlainText(f) for f in spellings(word)]) for word in alternative])
                    for alternative in concept.alternatives
                ]
            )
            for concept in concepts
        ]
    )


def backend_matches(backend, model, interpretation):
    """The pks of the model's objects matching every concept, from any Wagtail search backend."""
    results = backend.search(backend_query(interpretation.concepts), model.objects.all())
    return [instance.pk for instance in results[:MAX_BACKEND_MATCHES]]
