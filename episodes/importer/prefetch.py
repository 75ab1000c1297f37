"""Audio files of an import downloaded a few at a time, ahead of the episodes being written.

Only the downloads run in threads (a small pool, at most AHEAD files waiting on disk, more while
a batch waits for its own); every check and database write stays in the importing thread, in the
feed's order. A batch of episodes waits for its audio (ready()) before its transaction opens, so
no database lock is held while a host is slow. The pool ends with the import (prefetching()
closes it and the files nobody took).
"""

from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings

from episodes.importer.fetch import MEGABYTE, fetch_to_tempfile

WORKERS = 4
AHEAD = 8
CURRENT = ContextVar("importer_audio_prefetch", default=None)


class AudioPrefetch:
    """The downloads of the given audio addresses, in order, WORKERS at a time."""

    def __init__(self, pool, urls):
        self.pool, self.waiting, self.started = pool, list(dict.fromkeys(urls)), {}
        self.max_bytes = settings.AUDIO_MAX_UPLOAD_MB * MEGABYTE
        self.fill()

    def fill(self):
        while self.waiting and len(self.started) < AHEAD:
            self.start(self.waiting.pop(0))

    def start(self, url):
        """Download url in the pool, unless its download is already under way."""
        if url not in self.started:
            self.started[url] = self.pool.submit(fetch_to_tempfile, url, max_bytes=self.max_bytes)

    def ready(self, urls):
        """Wait until these addresses' downloads are done (started now if not yet planned)."""
        urls = list(dict.fromkeys(urls))
        self.waiting = [url for url in self.waiting if url not in urls]
        for url in urls:
            self.start(url)
        for url in urls:
            self.started[url].exception()  # waits; the outcome is take()'s

    def take(self, url):
        """(file, Content-Type) of url's download (FetchError as it came), started now if it
        was not planned."""
        future = self.started.pop(url, None)
        self.fill()
        if future is None:
            return fetch_to_tempfile(url, max_bytes=self.max_bytes)
        return future.result()

    def close(self):
        self.waiting.clear()
        for future in self.started.values():
            if not future.cancel() and future.exception() is None:
                future.result()[0].close()


@contextmanager
def prefetching(urls):
    """Download these audio addresses ahead for the with block (see fetched_audio())."""
    with ThreadPoolExecutor(WORKERS, thread_name_prefix="import-audio") as pool:
        prefetch = AudioPrefetch(pool, urls)
        token = CURRENT.set(prefetch)
        try:
            yield prefetch
        finally:
            CURRENT.reset(token)
            prefetch.close()


def fetched_audio(url, max_bytes):
    """(file, Content-Type) of the audio at url: downloaded ahead if planned, else now."""
    prefetch = CURRENT.get()
    if prefetch is None:
        return fetch_to_tempfile(url, max_bytes=max_bytes)
    return prefetch.take(url)
