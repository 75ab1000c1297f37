"""Recording each audio request as a raw Hit, called by the audio view (episodes/delivery/audio.py).

What is written is known when the response closes: in stream mode the bytes actually sent (also
when the listener's app goes away mid-way), in x-accel and redirect modes the range requested.
Recording never stands in the way of listening: any failure is logged and the audio is served.
Hits are written AUDIENCE_HITS_PER_WRITE at a time (or once the oldest waiting is 5 seconds old,
at the next request, and when the worker exits), so that a busy worker makes one small write
transaction for many requests instead of one per request.
"""

import atexit
import logging
import threading
import time

from django.conf import settings
from django.db import transaction
from django.utils.timezone import now as current_time

from audience import client, keys
from audience.models import Hit
from episodes.delivery.ranges import ByteRange, parse_range

logger = logging.getLogger("audience.recording")


def record_audio_request(request, episode, audio, response):
    """Arrange for the request to be recorded once its response is closed."""
    if not settings.AUDIENCE_RECORDING:
        return
    try:
        hit = new_hit(request, episode)
        hit.status = response.status_code
        body = getattr(response, "file_range", None)
        requested = None if body is not None else requested_bytes(request, audio, response)
    except Exception:
        logger.exception("Audio request of episode %s not recorded", episode.pk)
        return
    # Django runs a response's resource closers when the server closes it (sent or abandoned).
    response._resource_closers.append(lambda: save_hit(hit, body, requested))


def new_hit(request, episode):
    """The Hit of this request, without its bytes: keys and country computed now, no IP kept."""
    now = current_time()
    address = client.client_address(request)
    user_agent = client.clean_header(request.META.get("HTTP_USER_AGENT"))
    audience = client.audience_address(address)
    return Hit(
        recorded_at=now,
        episode_id=episode.pk,
        day_key=keys.audience_key(keys.secret_for(keys.day_period(now)), audience, user_agent),
        month_key=keys.audience_key(keys.secret_for(keys.month_period(now)), audience, user_agent),
        user_agent=user_agent,
        referrer=client.referrer_origin(request.META.get("HTTP_REFERER")),
        country=client.country_of(address),
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


class PendingHits:
    """Hits waiting to be written by this process."""

    def __init__(self):
        self.hits, self.since, self.lock = [], time.monotonic(), threading.Lock()

    def add(self, hit):
        with self.lock:
            if any(waiting is hit for waiting in self.hits):
                return  # a response may be closed twice (the test client does)
            if not self.hits:
                self.since = time.monotonic()
            self.hits.append(hit)
            due = len(self.hits) >= settings.AUDIENCE_HITS_PER_WRITE
            due = due or time.monotonic() - self.since >= MAX_WAIT_SECONDS
        if due:
            self.write()

    def write(self):
        """Write the waiting hits in one transaction; a failure is logged, never raised."""
        with self.lock:
            hits, self.hits, self.since = self.hits, [], time.monotonic()
        if not hits:
            return
        try:
            with transaction.atomic():
                Hit.objects.bulk_create(hits)
        except Exception:
            logger.exception("%s audio requests not recorded", len(hits))


MAX_WAIT_SECONDS = 5.0
pending = PendingHits()
atexit.register(pending.write)


def save_hit(hit, body, requested):
    """Queue the hit with the bytes served; a failure is logged, never raised."""
    try:
        if body is not None and body.sent:
            requested = (body.start, body.start + body.sent - 1)
        hit.first_byte, hit.last_byte = requested or (None, None)
        pending.add(hit)
    except Exception:
        logger.exception("Audio request of episode %s not recorded", hit.episode_id)
