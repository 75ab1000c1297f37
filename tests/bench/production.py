"""make bench through the production stack (tests/production/helpers.py: nginx on the file made
from deploy/nginx.conf, gunicorn with deploy/gunicorn.conf.py), each row against its reference
measured in the same run: nginx serving the file statically, or a minimal view under the same
gunicorn behind the same nginx."""

import os
import time
from pathlib import Path

from tests.bench import servers
from tests.production.helpers import Stack

FEED = "/podcasts/radio-des-territoires/feed.xml"
RANGE_64K = "Range: bytes=100000-165535"
PROBE = "Range: bytes=0-1"


def run_stack(folder):
    """The stack on the bench's database and media, with the reference views."""
    stack = Stack(
        os.environ["DATABASE_URL"],
        folder,
        DJANGO_SETTINGS_MODULE="tests.bench.settings",
        MEDIA_ROOT=os.environ["MEDIA_ROOT"],
    )
    stack.configure()
    stack.start_web()
    stack.start_nginx()
    return stack


def measure_production(episode, folder):
    """{row: (measure, reference, target ratio, unit)} of the production stack."""
    stack = run_stack(folder)
    base = stack.url
    audio = base + episode.audio_path
    try:
        servers.load(base + FEED, seconds=1)  # warm the cache in both workers
        etag = servers.headers_of(base + FEED)["etag"]
        empty = servers.load(base + "/bench/empty/")
        rows = {
            "audio bytes=0-1, nginx + X-Accel": (servers.load(audio, [PROBE]), empty, 0.7),
            "audio 64 KiB range, nginx + X-Accel": (servers.load(audio, [RANGE_64K]), empty, 0.7),
            "cached feed N=1000": (
                servers.load(base + FEED),
                servers.load(f"{base}/bench/feed-from-memory/radio-des-territoires/"),
                0.7,
            ),
            "feed 304": (servers.load(base + FEED, [f"If-None-Match: {etag}"]), empty, 1.0),
        }
        whole = servers.load(audio, connections=4)
    finally:
        stack.stop()
    with servers.nginx(os.environ["MEDIA_ROOT"]) as static:
        reference = servers.load(static + "/" + episode.audio.file.name, connections=4)
    rows["audio whole file (MB/s), nginx + X-Accel"] = (whole, reference, 0.8)
    return rows


def measure_publishing(episode):
    """Median milliseconds of what « Publier » does in the editor's request (a revision saved and
    published, Wagtail's and our handlers included): the search index, the reference index and
    the feed artwork are only queued for the worker."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_superuser("bench", "bench@radio.example", "x")
    timings = []
    for number in range(5):
        episode.title = f"Épisode publié {number}"
        start = time.perf_counter()
        episode.save_revision(user=user).publish(user=user)
        timings.append((time.perf_counter() - start) * 1000)
    return sorted(timings)[len(timings) // 2]


def print_production_table(rows, publish_ms):
    print("\nProduction stack (nginx + gunicorn 2 workers; wrk, 16 connections, 5 s; same run)")
    print(f"{'what':<42} | {'measured':>9} | {'reference':>9} | {'ratio':>5} | target")
    for name, (measured, reference, target) in rows.items():
        if measured is None or reference is None:
            print(f"{name:<42} | wrk or nginx missing (apt-get install wrk nginx)")
            continue
        key = "mbps" if "MB/s" in name else "rate"
        ratio = measured[key] / reference[key]
        verdict = "ok" if ratio >= target else "MISSED"
        print(
            f"{name:<42} | {measured[key]:>9.0f} | {reference[key]:>9.0f} | {ratio:>5.2f} | "
            f"≥ {target} {verdict}"
        )
    print(
        "references: audio rows and 304 = an empty 200 view; cached feed = its bytes from memory;"
    )
    print("            whole file = nginx serving the same file statically")
    print(
        f"publishing from the editor: {publish_ms:.0f} ms (target ≤ 1000; index and artwork queued)"
    )


def folder_for(base):
    path = Path(base) / "production-stack"
    path.mkdir(exist_ok=True)
    return path
