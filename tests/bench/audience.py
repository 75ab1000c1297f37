"""Audience benchmark rows: what recording costs the audio path under gunicorn (same run), the
aggregation of 1,000,000 recorded requests (time, peak memory of its own process), and the
overview report over 1,000 episodes × 365 days (time, SQL queries)."""

import datetime
import os
import random
import resource
import statistics
import subprocess
import sys
import time

from tqdm import tqdm

HITS = 1_000_000
BATCH = 20_000
DAY = datetime.date(2026, 3, 2)
AGENTS = [
    "AppleCoreMedia/1.0.0.21E236 (iPhone; U; CPU OS 17_4 like Mac OS X; fr_fr)",
    "Spotify/8.8.96 Android/33 (SM-G991B)",
    "AntennaPod/3.2.0",
    "Deezer/7.0 (Android; 12)",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36",
]
COLUMNS = (
    "recorded_at, episode_id, day_key, month_key, first_byte, last_byte, status, "
    "user_agent, referrer, country"
)


ROUNDS = 5


def measure_recording(server_on, path):
    """{row name: median wrk result} for the same 64 KiB range, recording off and on.

    Both servers run side by side (server_on(port) starts one with the current environment)
    and are loaded in turn, off then on, ROUNDS times: a burst of the shared machine's other
    work then weighs on both, and the ratio of the medians is what is compared.
    """
    from contextlib import ExitStack

    from tests.bench import servers

    chunk = ["X-Forwarded-Proto: https", "Range: bytes=100000-165535"]
    bases, runs = {}, {"off": [], "on": []}
    with ExitStack() as stack:
        for state in runs:
            os.environ["AUDIENCE_RECORDING"] = state
            bases[state] = stack.enter_context(server_on(servers.free_port())) + path
            check(bases[state])
            servers.load(bases[state], chunk, seconds=1)
        os.environ["AUDIENCE_RECORDING"] = "on"
        for _round in range(ROUNDS):
            for state, base in bases.items():
                runs[state].append(servers.load(base, chunk, seconds=3))
    if None in runs["off"]:
        return {f"audio 64 KiB range, recording {state}": None for state in runs}
    return {
        f"audio 64 KiB range, recording {state}": {
            key: statistics.median(result[key] for result in results) for key in ("rate", "p50")
        }
        for state, results in runs.items()
    }


def check(url):
    """One request first, so that a broken server is told rather than measured as 0 req/s."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(
        url, headers={"Range": "bytes=0-1", "X-Forwarded-Proto": "https"}
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            print(f"{url}: {response.status}")
    except urllib.error.HTTPError as error:
        print(f"{url}: {error.code} {error.read()[:300]!r}")


def hit_rows(count, episodes, size, randomness):
    """Recorded requests of one day as apps make them: probes, opening ranges, seeks."""
    start = datetime.datetime.combine(DAY, datetime.time(), tzinfo=datetime.UTC)
    produced = 0
    while produced < count:
        key = f"{randomness.getrandbits(128):032x}"
        episode = randomness.choice(episodes)
        agent = randomness.choice(AGENTS)
        moment = start + datetime.timedelta(seconds=randomness.randrange(86_400))
        position = 0
        for _ in range(randomness.choice((1, 2, 3, 5, 8))):
            first = position
            last = min(size - 1, first + randomness.choice((1, 65_535, 300_000, size)))
            yield (moment, episode, key, key, first, last, 206, agent, "", "FR")
            position = randomness.randrange(size)
            produced += 1


def seed_hits(count, episodes, size):
    """count raw hits written in batches (executemany, COPY on PostgreSQL), with progress."""
    from django.db import connection, transaction

    randomness = random.Random(7)
    rows = hit_rows(count, episodes, size, randomness)
    progress = tqdm(total=count, desc="raw hits", unit="hit", file=sys.stdout, mininterval=2)
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY audience_hit ({COLUMNS}) FROM STDIN") as copy:
                for index, row in zip(range(count), rows, strict=False):
                    copy.write_row(row)
                    if index % BATCH == 0:
                        progress.update(BATCH if index else 1)
        else:
            marks = ", ".join(["%s"] * 10)
            sql = f"INSERT INTO audience_hit ({COLUMNS}) VALUES ({marks})"
            batch = []
            for _index, row in zip(range(count), rows, strict=False):
                batch.append(row)
                if len(batch) == BATCH:
                    cursor.executemany(sql, batch)
                    progress.update(len(batch))
                    batch = []
            if batch:
                cursor.executemany(sql, batch)
    progress.close()


def measure_aggregation(episodes, size):
    """Seconds and peak memory (MiB) of `manage.py aggregate_downloads` over HITS hits."""
    seed_hits(HITS, episodes, size)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "manage.py", "aggregate_downloads"],
        check=True,
        env=dict(os.environ),
        stdout=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"seconds": seconds, "peak_mib": max(peak, before) / 1024}


def seed_figures(episodes, days):
    """Final daily figures of each episode on each day (one EpisodeDay row each)."""
    from audience import rollup
    from audience.models import DayFigures, EpisodeDay

    EpisodeDay.objects.all().delete()
    DayFigures.objects.all().delete()
    first = DAY - datetime.timedelta(days=days - 1)
    dates = [first + datetime.timedelta(days=n) for n in range(days)]
    for day in tqdm(dates, desc="daily figures", unit="day", file=sys.stdout, mininterval=2):
        EpisodeDay.objects.bulk_create(
            [EpisodeDay(day=day, episode_id=pk, downloads=3, age=None) for pk in episodes],
            batch_size=5000,
        )
    DayFigures.objects.bulk_create(
        [DayFigures(day=day, downloads=3 * len(episodes), listeners=len(episodes)) for day in dates]
    )
    rollup.roll_up(dates)  # the monthly sums, as aggregation writes them
    return first


def measure_overview(client, episodes):
    """Median ms and SQL queries of the overview over a year, with 10 and all episodes."""
    from django.contrib.auth import get_user_model

    from tests.bench import pages

    user, _created = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_superuser": True, "is_staff": True}
    )
    client.force_login(user)
    results = {}
    for count in (10, len(episodes)):
        first = seed_figures(episodes[:count], 365)
        path = f"/admin/audience/?since={first}&until={DAY}"
        https = {"secure": True, "headers": {"host": "127.0.0.1"}}
        queries = pages.count_queries(client, path, https)
        timings = []
        for _ in range(5):
            start = time.perf_counter()
            client.get(path, **https)
            timings.append((time.perf_counter() - start) * 1000)
        results[count] = {"ms": statistics.median(timings), "queries": queries}
    return results


def print_tables(recording, aggregation, overview, database):
    print(f"\nAudience on {database}")
    print(f"{'what':<40} | {'req/s':>8} | {'p50 ms':>7}")
    for name, row in recording.items():
        if row is None:
            print(f"{name:<40} | wrk not installed")
            continue
        print(f"{name:<40} | {row['rate']:>8.0f} | {row['p50']:>7.2f}")
    off, on = (recording.get(f"audio 64 KiB range, recording {s}") for s in ("off", "on"))
    if off and on and off["rate"]:
        print(
            f"  recording on / off: {on['rate'] / off['rate']:.2f} (target ≥ 0.90; "
            f"medians of {ROUNDS} interleaved rounds)"
        )
    print(
        f"aggregation of {HITS:,} raw hits: {aggregation['seconds']:.1f} s, "
        f"peak memory {aggregation['peak_mib']:.0f} MiB (target ≤ 60 s, bounded)"
    )
    print_overview(overview)


def print_overview(overview):
    for count, row in overview.items():
        print(
            f"overview over 365 days × {count:>5} episodes: {row['ms']:>6.1f} ms, "
            f"{row['queries']} SQL queries (target ≤ 300 ms, constant)"
        )
    print("load average (1, 5, 15 min): " + ", ".join(f"{n:.2f}" for n in os.getloadavg()))


def bench_episodes():
    """The pks of the first 1,000 seeded episodes, the ones the audience rows count."""
    from episodes.models import EpisodePage

    return list(EpisodePage.objects.order_by("pk").values_list("pk", flat=True)[:1000])
