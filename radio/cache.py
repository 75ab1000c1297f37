"""The Redis cache, made to degrade: while Redis cannot be reached, every cache call behaves as a
miss, so pages, feeds and search are served from the database (slower) instead of failing; Redis
is tried again every few seconds and used again by itself once it answers.

Going down and coming back are each logged once per process, not per request. Keys written while
Redis was out are deleted when it is back: their last write (a Wagtail invalidation, a new value)
never reached it, so what it holds for them may be older than the outage.
"""

import logging
import threading
import time
from functools import partial
from urllib.parse import urlsplit

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5.0
# Keys remembered for deletion on Redis's return; past that, older values may be read again.
MAX_MISSED_WRITES = 10_000


class Outage:
    """Whether a Redis server is out, as this process sees it (shared by its threads)."""

    def __init__(self, location, retry_seconds):
        self.location, self.retry_seconds = location, retry_seconds
        self.lock = threading.Lock()
        self.retry_at = None  # None while Redis answers
        self.missed_writes = set()

    def waiting(self, writes):
        """True while Redis is out and its next try has not come (no time lost connecting to
        it); the keys a skipped call would have written are remembered."""
        if self.retry_at is None or time.monotonic() >= self.retry_at:
            return False
        with self.lock:
            self.missed(writes)
        return True

    def failed(self, error, writes):
        with self.lock:
            if self.retry_at is None:
                logger.warning(
                    "Redis cache %s unreachable (%s): serving without cache, retrying every %g s.",
                    self.location,
                    error,
                    self.retry_seconds,
                )
            self.retry_at = time.monotonic() + self.retry_seconds
            self.missed(writes)

    def missed(self, writes):
        """Remembers keys whose write did not reach Redis (called holding the lock)."""
        room = MAX_MISSED_WRITES - len(self.missed_writes)
        self.missed_writes.update(list(writes)[: max(room, 0)])

    def recovered(self):
        """The keys to delete now that Redis answers again; None if it was not out."""
        if self.retry_at is None:
            return None
        with self.lock:
            if self.retry_at is None:
                return None
            self.retry_at = None
            keys, self.missed_writes = self.missed_writes, set()
        logger.warning("Redis cache %s reachable again: cache in use.", self.location)
        return keys


OUTAGES = {}
OUTAGES_LOCK = threading.Lock()


def outage_of(servers, retry_seconds):
    """The one Outage of a Redis server in this process (Django makes a backend per thread)."""
    with OUTAGES_LOCK:
        if servers not in OUTAGES:
            OUTAGES[servers] = Outage(without_password(servers[0]), retry_seconds)
        return OUTAGES[servers]


def without_password(url):
    """A Redis URL as logs may show it: host, port and database, never the password."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname}:{parts.port or 6379}{parts.path}"


class ResilientRedisCacheClient(RedisCacheClient):
    """Django's Redis client answering as a miss while Redis is out; keys come made (prefixed)."""

    def __init__(self, servers, retry_seconds=RETRY_SECONDS, **options):
        super().__init__(servers, **options)
        self.outage = outage_of(tuple(servers), float(retry_seconds))

    def attempt(self, call, miss, writes=()):
        """call() on Redis, or `miss` while it is out; `writes` are the keys call() changes."""
        if self.outage.waiting(writes):
            return miss
        try:
            result = call()
        except RedisError as error:
            self.outage.failed(error, writes)
            return miss
        stale = self.outage.recovered()
        if stale:
            self.attempt(partial(super().delete_many, list(stale)), None, stale)
        return result

    def get(self, key, default):
        return self.attempt(partial(super().get, key, default), default)

    def get_many(self, keys):
        return self.attempt(partial(super().get_many, keys), {})

    def has_key(self, key):
        return self.attempt(partial(super().has_key, key), False)

    def add(self, key, value, timeout):
        return self.attempt(partial(super().add, key, value, timeout), False, [key])

    def set(self, key, value, timeout):
        self.attempt(partial(super().set, key, value, timeout), None, [key])

    def set_many(self, data, timeout):
        self.attempt(partial(super().set_many, data, timeout), None, list(data))

    def touch(self, key, timeout):
        return self.attempt(partial(super().touch, key, timeout), False, [key])

    def delete(self, key):
        return self.attempt(partial(super().delete, key), False, [key])

    def delete_many(self, keys):
        self.attempt(partial(super().delete_many, keys), None, keys)

    def incr(self, key, delta):
        missing = object()
        result = self.attempt(partial(super().incr, key, delta), missing, [key])
        if result is missing:
            raise ValueError(f"Key '{key}' not found.")  # as for any key the cache lacks
        return result

    def clear(self):
        return self.attempt(super().clear, False)


class ResilientRedisCache(RedisCache):
    """Django's Redis cache, served as a miss while Redis is out (see the module docstring).

    OPTIONS takes retry_seconds (default 5) besides redis-py's connection options; give it
    socket_connect_timeout and socket_timeout so that a Redis that hangs is not waited on long.
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ResilientRedisCacheClient
