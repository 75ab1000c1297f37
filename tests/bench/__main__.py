"""make bench: feed, audio delivery, search and episode editor speed on a throwaway database,
printed as tables.

Run with `make bench` (SQLite) or `make bench DB=postgres` (a throwaway PostgreSQL database on
127.0.0.1:5432). Never part of the test suite: figures depend on the machine.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager

from tests.bench import production
from tests.bench.tables import (
    print_machine,
    print_page_queries,
    print_search_table,
    print_seeding_table,
)

SIZES = (10, 1000, 5000, 10000)
HTTPS = {"secure": True, "headers": {"host": "127.0.0.1"}}


@contextmanager
def throwaway_database(kind, folder):
    """A database URL that exists only for this run."""
    if kind == "sqlite":
        yield f"sqlite:///{folder}/bench.sqlite3"
        return
    import psycopg

    name = f"radio_bench_{os.getpid()}"
    admin = "postgresql://postgres@127.0.0.1:5432/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    try:
        yield f"postgres://postgres@127.0.0.1:5432/{name}"
    finally:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def configure(database_url, folder, port):
    """Production settings against the throwaway database, then migrate."""
    os.environ.update(
        DJANGO_SETTINGS_MODULE="radio.settings.production",
        SECRET_KEY="bench-only-" + "k" * 50,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        PUBLIC_BASE_URL=f"http://127.0.0.1:{port}",
        DATABASE_URL=database_url,
        MEDIA_ROOT=f"{folder}/media",
        STATIC_ROOT=f"{folder}/static",
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # hashed names in pages


def median_ms(function, runs):
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def measure_feed(client, path):
    """Uncached, cached and 304 timings, SQL queries and size of one feed."""
    from django.core.cache import cache
    from django.db import connection

    def uncached():
        cache.clear()
        return client.get(path, **HTTPS)

    uncached()  # first build: makes the artwork renditions once, as the first listener would
    queries = []  # counted by a wrapper: the debug query log is reset at each request start
    with connection.execute_wrapper(
        lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)
    ):
        response = uncached()
    assert response.status_code == 200, response.status_code
    etag = response["ETag"]
    not_modified = {**HTTPS, "headers": {"host": "127.0.0.1", "if-none-match": etag}}
    assert client.get(path, **not_modified).status_code == 304
    return {
        "uncached": median_ms(uncached, 7),
        "cached": median_ms(lambda: client.get(path, **HTTPS), 30),
        "304": median_ms(lambda: client.get(path, **not_modified), 50),
        "queries": len(queries),
        "bytes": len(response.content),
    }


def measure_http(fixture, port):
    """Requests per second of the cached feed and of audio ranges, gunicorn vs nginx."""
    from episodes.models import EpisodePage
    from tests.bench import servers

    episode = EpisodePage.objects.live().first()
    feed, audio = "/podcasts/radio-des-territoires/feed.xml", episode.audio_path
    proto = "X-Forwarded-Proto: https"
    chunk = "Range: bytes=100000-165535"
    rows = {}
    with servers.gunicorn(port) as base:
        servers.load(base + feed, [proto], seconds=1)  # warm the cache in both workers
        rows["feed (cached), gunicorn"] = servers.load(base + feed, [proto])
        rows["audio 64 KiB range, gunicorn"] = servers.load(base + audio, [proto, chunk])
        rows["audio bytes=0-1, gunicorn"] = servers.load(base + audio, [proto, "Range: bytes=0-1"])
    media = os.environ["MEDIA_ROOT"]
    with servers.nginx(media) as base:
        if base:
            path = "/" + episode.audio.file.name
            rows["audio 64 KiB range, nginx static"] = servers.load(base + path, [chunk])
            rows["audio bytes=0-1, nginx static"] = servers.load(base + path, ["Range: bytes=0-1"])
    return rows


def print_feed_table(results):
    print("\nFeed of the show (Django test client, median ms)")
    print(f"{'N':>6} | {'uncached':>9} | {'cached':>7} | {'304':>6} | {'SQL':>4} | {'bytes':>9}")
    for size, row in results.items():
        print(
            f"{size:>6} | {row['uncached']:>9.1f} | {row['cached']:>7.2f} | {row['304']:>6.2f} | "
            f"{row['queries']:>4} | {row['bytes']:>9}"
        )
    print("targets: uncached ≤ 100 ms at N=1000, ≤ 500 ms at N=5000; SQL constant ≤ 10; 304 ≤ 5 ms")


def print_http_table(rows):
    print("\nHTTP under load (wrk, 2 threads, 16 connections, 5 s; 127.0.0.1)")
    print(f"{'what':<34} | {'req/s':>8} | {'p50 ms':>7} | non-2xx")
    for name, row in rows.items():
        if row is None:
            print(f"{name:<34} | wrk not installed (apt-get install wrk)")
            continue
        print(f"{name:<34} | {row['rate']:>8.0f} | {row['p50']:>7.2f} | {row['errors'] or 0}")
    print("targets: cached feed ≥ 500 req/s at N=1000; audio ranges ≥ half of nginx's rate")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES, help="episode counts")
    parser.add_argument(
        "--search-only",
        action="store_true",
        help="seed the largest size at once and measure the search page only",
    )
    parser.add_argument(
        "--editor-only",
        action="store_true",
        help="seed no episode and measure the episode editor only (a 5,000-cue transcript)",
    )
    parser.add_argument(
        "--audience-only",
        action="store_true",
        help="seed 1000 episodes and measure only the audience figures",
    )
    parser.add_argument(
        "--overview-only",
        action="store_true",
        help="seed 1000 episodes and measure only the audience overview report (no 1M hits)",
    )
    parser.add_argument(
        "--import-only",
        action="store_true",
        help="measure only the import of a 730-episode podcast (first import, re-import)",
    )
    parser.add_argument(
        "--audio-only",
        action="store_true",
        help="no database: measure a one-hour MP3's loudness, true peak and waveform only",
    )
    parser.add_argument(
        "--production-only",
        action="store_true",
        help="seed 1000 episodes and measure only the production stack (a 40-minute MP3)",
    )
    arguments = parser.parse_args()
    if arguments.audio_only:
        from tests.bench import audio

        return audio.run_and_print()
    sizes = [max(arguments.sizes)] if arguments.search_only else sorted(arguments.sizes)
    audience_only = arguments.audience_only or arguments.overview_only
    only_one = arguments.search_only or audience_only or arguments.production_only
    if audience_only or arguments.production_only:
        sizes = [1000]
    from tests.bench import servers

    port = servers.free_port()
    if arguments.import_only:  # the podcast host is on loopback
        os.environ["IMPORT_ALLOW_PRIVATE_ADDRESSES"] = "1"
    with tempfile.TemporaryDirectory() as folder, throwaway_database(arguments.db, folder) as url:
        configure(url, folder, port)
        if arguments.import_only:
            from tests.bench import importing

            rows = importing.measure_import()
            print_machine(arguments.db)
            importing.print_import_table(rows)
            return
        from django.test import Client

        from tests.bench import editor, pages, seed

        fixture, client, results, http, queries = seed.create_show(), Client(), {}, {}, {}
        if arguments.editor_only:
            editing = editor.measure_editor(fixture, HTTPS)
            print_machine(arguments.db)
            editor.print_editor_table(editing)
            return
        production_rows = None
        done, seeding = 0, {}
        for size in sizes:
            start = time.perf_counter()
            seed.add_episodes(fixture, done, size)
            seed.settle()
            seeding[size] = time.perf_counter() - start
            done = size
            if only_one:
                break
            results[size] = measure_feed(client, "/podcasts/radio-des-territoires/feed.xml")
            queries[size] = pages.page_queries(client, HTTPS)
            if size == 1000:
                http = measure_http(fixture, port)
                production_rows = production.measure_stack(folder)
        if arguments.production_only:
            production.print_production_table(*production.measure_stack(folder))
            print_machine(arguments.db)
            return
        if arguments.overview_only:
            from tests.bench import audience as audience_bench

            print(f"\nAudience overview on {arguments.db}")
            audience_bench.print_overview(
                audience_bench.measure_overview(client, audience_bench.bench_episodes())
            )
            return
        audience = None if arguments.search_only else measure_audience(fixture, client, port)
        if arguments.audience_only:
            from tests.bench import audience as audience_bench

            audience_bench.print_tables(*audience, arguments.db)
            return
        searches = pages.search_medians(client, HTTPS, done)
        editing = None if arguments.search_only else editor.measure_editor(fixture, HTTPS)
        print_machine(arguments.db)
        print_seeding_table(seeding)
        if not arguments.search_only:
            print_feed_table(results)
            print_http_table(http)
            if production_rows:
                production.print_production_table(*production_rows)
            print_page_queries(queries)
            editor.print_editor_table(editing)
        print_search_table(done, arguments.db, searches)
        if audience:
            from tests.bench import audience as audience_bench

            audience_bench.print_tables(*audience, arguments.db)
    # The quality set runs on the demo content, in a database of its own.
    subprocess.run([sys.executable, "-m", "tests.bench.quality", "--db", arguments.db], check=True)


def measure_audience(fixture, client, port):
    """The audience rows: recording on and off, aggregation, overview (tests/bench/audience.py)."""
    from episodes.models import EpisodePage
    from tests.bench import audience, servers

    episodes = audience.bench_episodes()
    path = EpisodePage.objects.live().first().audio_path
    recording = audience.measure_recording(servers.gunicorn, path)
    aggregation = audience.measure_aggregation(episodes, fixture["audio"].size)
    return recording, aggregation, audience.measure_overview(client, episodes)


if __name__ == "__main__":
    main()
