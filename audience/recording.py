"""Recording each audio request as a raw Hit, called by the audio view (episodes/delivery/audio.py).

What is written is known when the response closes: in stream mode the bytes actually sent (also
when the listener's app goes away mid-way), in x-accel and redirect modes the range requested.
Recording never stands in the way of listening: any failure is logged and the audio is served.
"""

import logging

from django.db import transaction
from django.utils.timezone import now as current_time

from audience import client, keys
from audience.models import Hit
from episodes.delivery.ranges import ByteRange, parse_range

logger = logging.getLogger("audience.recording")


def record_audio_request(request, episode, audio, response):
    """Arrange for the request to be recorded once its response is closed."""
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


def save_hit(hit, body, requested):
    """Write the hit with the bytes served, once; a failure is logged, never raised."""
    if hit.pk is not None:  # a response may be closed twice (the test client does)
        return
    try:
        if body is not None and body.sent:
            requested = (body.start, body.start + body.sent - 1)
        hit.first_byte, hit.last_byte = requested or (None, None)
        with transaction.atomic():
            hit.save(force_insert=True)
    except Exception:
        logger.exception("Audio request of episode %s not recorded", hit.episode_id)
