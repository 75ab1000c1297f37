"""The search's quality score: the natural queries of tests/search/helpers.py on the demo content
(load_initial_data), each expected in the top 3 of its kind. Run by `make bench` after the
timings, in a throwaway database of its own: python -m tests.bench.quality --db sqlite."""

import argparse
import tempfile

from tests.bench.__main__ import HTTPS, configure, throwaway_database
from tests.bench.servers import free_port


def score(client):
    """(queries finding their page in the top 3, total, the misses)."""
    from tests.search.helpers import NATURAL_QUERIES, top_slugs

    misses = []
    for query, kind, slug in NATURAL_QUERIES:
        response = client.get("/recherche/", {"q": query}, **HTTPS)
        assert response.status_code == 200, (query, response.status_code)
        found = top_slugs(response.content.decode(), kind)
        if slug not in found:
            misses.append((query, kind, slug, found))
    return len(NATURAL_QUERIES) - len(misses), len(NATURAL_QUERIES), misses


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, throwaway_database(arguments.db, folder) as url:
        configure(url, folder, free_port())
        from django.core.management import call_command
        from django.test import Client

        call_command("load_initial_data", verbosity=0)
        # The search index is written by the task worker, as on the site: let it do its work.
        call_command("run_worker", queue_name="*", batch=True, no_startup_delay=True, verbosity=0)
        found, total, misses = score(Client())
    print(f"\nSearch quality on the demo content ({arguments.db}): {found}/{total} natural queries")
    print("find their page in the top 3 of its kind (target: all)")
    for query, kind, slug, top in misses:
        print(f"  missed: {query!r} should find the {kind} {slug!r}; top 3: {top}")


if __name__ == "__main__":
    main()
