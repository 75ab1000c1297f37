"""The import of a 730-episode podcast (Giant Bombcast's size) whose files are on this machine: a
first import, then an unchanged re-import, through manage.py import_podcast.

The feed is made here (one real MP3 per episode, each with its own ID3 title so that no two files
are the same) and served on loopback by the tests' podcast host.
"""

import io
import time

EPISODES = 730
SECONDS_PER_EPISODE = 1.0


def hosted_feed(host, count=EPISODES):
    """Put a podcast of count episodes on the host; the feed's address."""
    from tests.audio_samples import encode_mp3
    from tests.importer.helpers import Item, distinct_mp3, publish_podcast

    mp3 = encode_mp3(SECONDS_PER_EPISODE)
    items = []
    for number in range(count, 0, -1):  # newest first, as feeds list them
        path = f"/audio/episode-{number}.mp3"
        host.files[path] = (distinct_mp3(mp3, f"Épisode {number}"), "audio/mpeg")
        day = 1 + number % 28
        items.append(
            Item(
                guid=f"https://ancien-hebergeur.example/?p={number}",
                title=f"Épisode {number} : la parole aux associations",
                audio=path,
                pub_date=f"Mon, {day:02d} Sep {1990 + number // 28} 08:00:00 +0000",
                episode=number,
            )
        )
    publish_podcast(host, items)
    return host.url("/feed.xml")


def timed_import(url):
    """(seconds, CPU seconds of this process, the command's summary) of one import_podcast run:
    on a shared machine the CPU time says what the import itself costs."""
    from django.core.management import call_command

    out = io.StringIO()
    start, start_cpu = time.perf_counter(), time.process_time()
    call_command("import_podcast", url, publish=True, stdout=out, stderr=io.StringIO())
    seconds, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    summary = next(line for line in out.getvalue().splitlines() if "Import terminé" in line)
    return seconds, cpu, summary.split(" : ", 1)[1]


def measure_import(count=EPISODES):
    """{row name: (seconds, CPU seconds, summary)} for a first import and an unchanged
    re-import."""
    from tests.importer.helpers import start_host, stop_host

    host = start_host()
    try:
        url = hosted_feed(host, count)
        first = timed_import(url)
        again = timed_import(url)
    finally:
        stop_host(host)
    return {
        f"first import, {count} episodes": first,
        f"unchanged re-import, {count} episodes": again,
    }


def print_import_table(rows):
    print("\nImport of a podcast whose files are served on loopback (manage.py import_podcast)")
    print(f"  {'what':<40} {'seconds':>8} {'CPU s':>7}  result")
    for name, (seconds, cpu, summary) in rows.items():
        print(f"  {name:<40} {seconds:>8.1f} {cpu:>7.1f}  {summary}")
    print("targets: first import ≤ 30 s, unchanged re-import ≤ 10 s")
