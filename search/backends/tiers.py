"""What every index reader shares: how many matches, when partial matches are looked for, and
long lists of ids sent as one parameter."""

from functools import lru_cache

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

MAX_MATCHES = 10_000
TITLE_WEIGHT = 2.0
# On PostgreSQL, a title holding the visitor's words as typed outranks any stem match: its
# rank (about 0.06 over the title's length in words) times this is above any body's rank (< 1).
EXACT_WEIGHT = 1000.0
# Partial matches (not every concept found) are listed after the full ones when the full ones
# fill less than a page: past that, a visitor has enough to read.
PARTIAL_BELOW = 10


def wants_partial(concepts, full):
    return len(concepts) > 1 and len(full) < PARTIAL_BELOW


def needed_for_partial(concepts):
    """How many of the query's concepts a partial match must have: at least half."""
    return (len(concepts) + 1) // 2


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
