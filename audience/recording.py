"""Recording each audio request as a raw hit, called by the audio view (episodes/delivery/audio.py).

What is written is known when the response closes: in stream mode the bytes actually sent (also
when the listener's app goes away mid-way), in x-accel and redirect modes the range requested.
Recording never stands in the way of listening: any failure is logged and the audio is served.
Hits are written AUDIENCE_HITS_PER_WRITE at a time (or once the oldest waiting is 5 seconds old,
at the next request, and when the worker exits), after the response is closed: one INSERT run
over many rows (executemany) in a short transaction, instead of one transaction per request.
A hit waits as a plain row of values, not a model instance: building 200 instances and
compiling their INSERT through the ORM cost more than the rest of recording together.
"""

import atexit
import logging
import threading
import time

from django.conf import settings
from django.db import connection, transaction
from django.utils.timezone import now as current_time

from audience import client, keys
from audience.models import Hit
from episodes.delivery.ranges import ByteRange, parse_range

logger = logging.getLogger("audience.recording")
# The columns of a waiting hit's values, in order (Hit's fields).
COLUMNS = (
    "recorded_at",
    "episode_id",
    "day_key",
    "month_key",
    "first_byte",
    "last_byte",
    "status",
    "user_agent",
    "referrer",
    "country",
)
FIRST_BYTE, LAST_BYTE = COLUMNS.index("first_byte"), COLUMNS.index("last_byte")


def record_audio_request(request, episode, audio, response):
    """Arrange for the request to be recorded once its response is closed."""
    if not settings.AUDIENCE_RECORDING:
        return
    try:
        hit = new_hit(request, episode.pk, response.status_code)
        body = getattr(response, "file_range", None)
        requested = None if body is not None else requested_bytes(request, audio, response)
    except Exception:
        logger.exception("Audio request of episode %s not recorded", episode.pk)
        return
    # Django runs a response's resource closers when the server closes it (sent or abandoned).
    response._resource_closers.append(lambda: save_hit(hit, body, requested))


class PendingHit:
    """One request's values (in COLUMNS order), waiting to be written."""

    __slots__ = ("values", "queued")

    def __init__(self, values):
        self.values, self.queued = values, False


def new_hit(request, episode_id, status):
    """The hit of this request, without its bytes: keys and country computed now, no IP kept."""
    now = current_time()
    address = client.client_address(request)
    user_agent = client.clean_header(request.META.get("HTTP_USER_AGENT"))
    audience = client.audience_address(address)
    day_secret = keys.secret_for(keys.day_period(now))
    month_secret = keys.secret_for(keys.month_period(now))
    return PendingHit(
        [
            now,
            episode_id,
            keys.audience_key(day_secret, audience, user_agent),
            keys.audience_key(month_secret, audience, user_agent),
            None,
            None,
            status,
            user_agent,
            client.referrer_origin(request.META.get("HTTP_REFERER")),
            client.country_of(address),
        ]
    )


def requested_bytes(request, audio, response):
    """The (first, last) bytes asked of a file served by someone else (nginx, storage)."""
    if request.method == "HEAD" or response.status_code == 304:
        return None
    wanted = request.headers.get("Range")
    part = parse_range(wanted, audio.size) if wanted else None
    if part is None:
        part = ByteRange(0, audio.size - 1) if audio.size else None
    return (part.start, part.end) if isinstance(part, ByteRange) else None


def insert_hits(rows):
    """Write rows of values (COLUMNS order) with one INSERT run over all of them."""
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in COLUMNS)
    marks = ", ".join(["%s"] * len(COLUMNS))
    sql = f"INSERT INTO {quote(Hit._meta.db_table)} ({names}) VALUES ({marks})"
    adapt = connection.ops.adapt_datetimefield_value
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany(sql, [(adapt(row[0]), *row[1:]) for row in rows])


class PendingHits:
    """Hits waiting to be written by this process."""

    def __init__(self):
        self.hits, self.since, self.lock = [], time.monotonic(), threading.Lock()

    def add(self, hit):
        with self.lock:
            if hit.queued:
                return  # a response may be closed twice (the test client does)
            hit.queued = True
            if not self.hits:
                self.since = time.monotonic()
            self.hits.append(hit.values)
            due = len(self.hits) >= settings.AUDIENCE_HITS_PER_WRITE
            due = due or time.monotonic() - self.since >= MAX_WAIT_SECONDS
        if due:
            self.write()

    def write(self):
        """Write the waiting hits in one transaction; a failure is logged, never raised."""
        with self.lock:
            rows, self.hits, self.since = self.hits, [], time.monotonic()
        if not rows:
            return
        try:
            insert_hits(rows)
        except Exception:
            logger.exception("%s audio requests not recorded", len(rows))


MAX_WAIT_SECONDS = 5.0
pending = PendingHits()
atexit.register(pending.write)


def save_hit(hit, body, requested):
    """Queue the hit with the bytes served; a failure is logged, never raised."""
    try:
        if body is not None and body.sent:
            requested = (body.start, body.start + body.sent - 1)
        hit.values[FIRST_BYTE], hit.values[LAST_BYTE] = requested or (None, None)
        pending.add(hit)
    except Exception:
        logger.exception("Audio request of episode %s not recorded", hit.values[1])
