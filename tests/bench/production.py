"""make bench through the production stack (tests/production/helpers.py: nginx on the file made
from deploy/nginx.conf, gunicorn with deploy/gunicorn.conf.py), each row against its reference
measured in the same run: nginx serving the file statically, or a minimal view under the same
gunicorn behind the same nginx."""

import os
import tempfile
import time
from pathlib import Path

from tests.bench import servers
from tests.production.helpers import Stack

FEED = "/podcasts/radio-des-territoires/feed.xml"
PROBE = "Range: bytes=0-1"
# An episode-sized file: 40 minutes of 128 kbit/s MP3 (about 38 MB), made once and kept.
EPISODE_MINUTES = 40
AUDIO_CACHE = Path(tempfile.gettempdir()) / "radio-bench" / f"episode-{EPISODE_MINUTES}min-128k.mp3"


def episode_sized_mp3():
    """The bytes of a real lameenc MP3 of EPISODE_MINUTES: ten seconds encoded, their frames
    repeated (LAME writes no Xing header here, so the frames simply follow one another)."""
    if not AUDIO_CACHE.exists():
        from tests.audio_samples import encode_mp3

        AUDIO_CACHE.parent.mkdir(exist_ok=True)
        part = encode_mp3(10.0, bitrate=128)
        AUDIO_CACHE.write_bytes(part * (EPISODE_MINUTES * 6))
    return AUDIO_CACHE.read_bytes()


def use_episode_sized_audio(episode):
    """Give the episode an episode-sized audio file, checked as an upload is."""
    from django.core.files.base import ContentFile

    from episodes.models import AudioFile, EpisodePage

    audio = AudioFile(title="Épisode de 40 minutes", file=ContentFile(episode_sized_mp3(), "a.mp3"))
    audio.full_clean()
    audio.save()
    EpisodePage.objects.filter(pk=episode.pk).update(audio=audio)
    episode.refresh_from_db()
    return audio


def middle_range(size):
    """64 KiB from the middle of the file, as an app seeking into the episode asks."""
    start = size // 2
    return f"Range: bytes={start}-{start + 64 * 1024 - 1}"


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


ROUNDS = 3


def median_load(runs):
    """The wrk result of median rate among rounds (None if wrk is missing)."""
    if None in runs:
        return None
    return sorted(runs, key=lambda run: run["rate"])[len(runs) // 2]


def measure_production(episode, folder):
    """{row: (measure, reference, target ratio or None)} of the production stack, with an
    episode-sized audio file, and the load average (1 min) before and after.

    Each measure and its reference are loaded in turn, ROUNDS times, and the medians compared:
    a burst of the shared machine's other work then weighs on both sides of a ratio.
    """
    audio_file = use_episode_sized_audio(episode)
    chunk = middle_range(audio_file.size)
    load_before = os.getloadavg()[0]
    stack = run_stack(folder)
    base = stack.url
    audio = base + episode.audio_path
    try:
        servers.load(base + FEED, seconds=1)  # warm the cache in both workers
        etag = servers.headers_of(base + FEED)["etag"]
        loads = {
            "empty": (base + "/bench/empty/", ()),
            "probe": (audio, [PROBE]),
            "ranges": (audio, [chunk]),
            "feed": (base + FEED, ()),
            "memory": (f"{base}/bench/feed-from-memory/radio-des-territoires/", ()),
            "304": (base + FEED, [f"If-None-Match: {etag}"]),
        }
        runs = {name: [] for name in loads}
        for _round in range(ROUNDS):
            for name, (url, headers) in loads.items():
                runs[name].append(servers.load(url, headers, seconds=3))
        got = {name: median_load(results) for name, results in runs.items()}
        rows = {
            "audio bytes=0-1, X-Accel / empty view": (got["probe"], got["empty"], 0.7),
            "audio 64 KiB range, X-Accel / empty view": (got["ranges"], got["empty"], 0.7),
            "cached feed N=1000 / feed from memory": (got["feed"], got["memory"], 0.7),
            "feed 304 / empty view": (got["304"], got["empty"], 1.0),
        }
        whole = servers.load(audio, connections=4)
    finally:
        stack.stop()
    with servers.nginx(os.environ["MEDIA_ROOT"]) as static:
        path = static + "/" + audio_file.file.name if static else None
        static_ranges = servers.load(path, [chunk]) if path else None
        static_whole = servers.load(path, connections=4) if path else None
    rows["audio 64 KiB range, X-Accel / nginx static"] = (got["ranges"], static_ranges, None)
    rows["audio whole file (MB/s), X-Accel / nginx static"] = (whole, static_whole, 0.8)
    rows["load"] = (load_before, os.getloadavg()[0], audio_file.size)
    return rows


def measure_stack(folder):
    """The production stack's rows and the publishing time, at N=1000."""
    from episodes.models import EpisodePage

    episode = EpisodePage.objects.live().first()
    rows = measure_production(episode, folder_for(folder))
    return rows, measure_publishing(episode)


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
    load_before, load_after, size = rows.pop("load")
    print(
        "\nProduction stack (nginx + gunicorn 2 workers; wrk, 16 connections; medians of "
        f"{ROUNDS} interleaved rounds of 3 s; whole file: 4 connections, 5 s; audio file "
        f"{size / 1e6:.1f} MB; load average {load_before:.1f} → {load_after:.1f} on "
        f"{os.cpu_count()} cores)"
    )
    print(
        f"{'what / reference':<50} | {'measured':>9} | {'reference':>9} | {'ratio':>5} | "
        "target | non-2xx"
    )
    for name, (measured, reference, target) in rows.items():
        if measured is None or reference is None:
            print(f"{name:<50} | wrk or nginx missing (apt-get install wrk nginx)")
            continue
        key = "mbps" if "MB/s" in name else "rate"
        ratio = measured[key] / reference[key]
        passed = "ok" if target is None or ratio >= target else "MISSED"
        verdict = "—" if target is None else f"≥ {target} {passed}"
        errors = f"{measured['errors'] or 0}/{reference['errors'] or 0}"
        print(
            f"{name:<50} | {measured[key]:>9.0f} | {reference[key]:>9.0f} | {ratio:>5.2f} | "
            f"{verdict} | {errors}"
        )
    print("units: req/s, or MB/s for the whole file; the 64 KiB range is taken mid-file")
    print(
        f"publishing from the editor: {publish_ms:.0f} ms (target ≤ 1000; index and artwork queued)"
    )


def folder_for(base):
    path = Path(base) / "production-stack"
    path.mkdir(exist_ok=True)
    return path
