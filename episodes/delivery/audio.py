"""An episode's audio at /audio/<guid>.<ext>, the enclosure URL of every feed: streamed with byte
ranges (ranges.py), handed to nginx (X-Accel-Redirect) or redirected to the storage or CDN, as
AUDIO_DELIVERY says. It answers HEAD, conditional requests and ranges as Apple and RFC 7233 expect.
"""

import datetime
import logging
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import Http404, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.text import slugify
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from audience.recording import record_audio_request
from episodes.delivery.ranges import ByteRange, Unsatisfiable, if_range_matches, parse_range
from episodes.freshness import content_stamps, next_publication_time
from episodes.models import EpisodePage

logger = logging.getLogger("episodes.delivery")

CHUNK_SIZE = 64 * 1024
AUDIO_CACHE_CONTROL = "public, max-age=86400"
DEFAULT_X_ACCEL_PREFIX = "/protected-media"


class FileRange:
    """The bytes of an open file from `start`, `length` of them, read 64 KiB at a time.

    The response closes it once sent (or abandoned), which closes the file; `sent` then says how
    many bytes went out, for the audience figures.
    """

    def __init__(self, file, start, length):
        self.file, self.start, self.length = file, start, length
        self.sent = 0

    def __iter__(self):
        self.file.seek(self.start)
        remaining = self.length
        while remaining > 0:
            chunk = self.file.read(min(CHUNK_SIZE, remaining))
            if not chunk:
                return
            remaining -= len(chunk)
            yield chunk
            self.sent += len(chunk)

    def close(self):
        self.file.close()


@csrf_exempt
@require_safe
def episode_audio(request, guid, ext):
    """The audio of a published episode, by stream, X-Accel-Redirect or redirect (AUDIO_DELIVERY).

    This view is the one place where downloads are recorded (audience/recording.py; counted by
    IAB v2.2 rules in audience/counting.py): every mode passes here.
    """
    episode = published_episode(guid)
    audio = episode.audio if episode and episode.audio_id else None
    if audio is None or ext != audio.extension:
        raise Http404
    response = deliver(request, episode, audio)
    record_audio_request(request, episode, audio, response)
    return response


def deliver(request, episode, audio):
    """The answer AUDIO_DELIVERY asks for."""
    mode = getattr(settings, "AUDIO_DELIVERY", "stream")
    filename = audio_filename(episode, audio)
    if mode == "stream":
        return stream_audio(request, audio, filename)
    if mode == "x-accel":
        return accel_redirect(request, audio, filename)
    if mode == "redirect":
        return storage_redirect(request, audio, filename)
    raise ImproperlyConfigured(f"AUDIO_DELIVERY must be stream, x-accel or redirect, not {mode!r}")


@dataclass
class KnownEpisode:
    """A published episode as this process last looked it up, and until when that holds."""

    stamps: dict
    valid_until: datetime.datetime
    episode: EpisodePage


# By GUID, the published episodes asked for (a GUID that matches none is not kept).
KNOWN_EPISODES = {}


def published_episode(guid):
    """The published episode with this GUID and its audio, or None. One statement (the content
    stamps) while they have not moved since this process looked it up and no publication time
    has come: the page and view-restriction look-ups cost more than the rest of the answer.
    Read on every request: an episode unpublished (a speaker's consent withdrawn) must not be
    served by any worker once the front cache is purged, or the cache would keep it."""
    stamps, now = content_stamps(), timezone.now()
    known = KNOWN_EPISODES.get(guid)
    if known and known.stamps == stamps and now < known.valid_until:
        return known.episode
    episodes = EpisodePage.objects.published().by_guid(guid).select_related("audio")
    episode = episodes.defer("audio__waveform").first()  # the waveform is for the editor only
    if episode is not None:
        KNOWN_EPISODES[guid] = KnownEpisode(stamps, next_publication_time(now), episode)
    return episode


def audio_filename(episode, audio):
    """The ASCII file name listeners' apps save the audio as."""
    return f"{slugify(episode.title)[:80].strip('-') or 'episode'}.{audio.extension}"


def signed_url(request, audio, filename):
    """A short-lived URL of the audio in a private bucket; None for local files."""
    storage = audio.file.storage
    if not hasattr(storage, "signed_url"):
        return None
    seconds = getattr(settings, "AUDIO_SIGNED_URL_SECONDS", 300)
    method = "HEAD" if request.method == "HEAD" else "GET"
    return storage.signed_url(audio.file.name, method=method, seconds=seconds, filename=filename)


def storage_redirect(request, audio, filename):
    """A redirect to the file: signed for one listener when it is in a bucket, never cached
    (a signature outlives no cache, and every request passes here to be counted)."""
    response = HttpResponseRedirect(signed_url(request, audio, filename) or audio.file.url)
    response["Cache-Control"] = "no-store"
    return response


def accel_redirect(request, audio, filename):
    """An empty answer telling nginx to send the file itself (it handles ranges and HEAD):
    from disk, or from the bucket by the path and signature of a signed URL
    (deploy/nginx/s3-proxy.conf)."""
    prefix = getattr(settings, "AUDIO_X_ACCEL_PREFIX", DEFAULT_X_ACCEL_PREFIX).rstrip("/")
    response = HttpResponse(content_type=audio.mime_type)
    bucket_url = signed_url(request, audio, filename)
    if bucket_url:
        target = urlsplit(bucket_url)
        prefix = settings.AUDIO_X_ACCEL_S3_PREFIX.rstrip("/")
        response["X-Accel-Redirect"] = f"{prefix}{target.path}?{target.query}"
    else:
        response["X-Accel-Redirect"] = f"{prefix}/{quote(audio.file.name)}"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = AUDIO_CACHE_CONTROL
    return response


def stream_audio(request, audio, filename):
    """The audio sent by Django itself: 304, 200, 206 or 416, streamed in chunks."""
    etag = f'"{audio.sha256}"' if audio.sha256 else None
    last_modified = int(audio.updated_at.timestamp())
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        file = open_stored_audio(audio)
        byte_range = requested_range(request, audio.size, etag, last_modified)
        response = ranged_response(request, file, audio.size, byte_range)
        response["Content-Type"] = audio.mime_type
        response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Accept-Ranges"] = "bytes"
    response["Cache-Control"] = AUDIO_CACHE_CONTROL
    response["Last-Modified"] = http_date(last_modified)
    if etag:
        response["ETag"] = etag
    return response


def open_stored_audio(audio):
    """The stored audio file, opened; 404 (and an error logged) if it is gone or not the same."""
    try:
        file = audio.file.storage.open(audio.file.name, "rb")
    except OSError:
        logger.error(
            "Audio file missing from storage: %s (AudioFile %s)", audio.file.name, audio.pk
        )
        raise Http404 from None
    if file.size != audio.size:
        file.close()
        logger.error(
            "Audio file %s holds %s bytes, %s recorded at upload (AudioFile %s)",
            *(audio.file.name, file.size, audio.size, audio.pk),
        )
        raise Http404
    return file


def requested_range(request, size, etag, last_modified):
    """The part asked for: a ByteRange, UNSATISFIABLE, or None for the whole file."""
    header = request.headers.get("Range")
    # HEAD mirrors the GET it describes, ranges included (as nginx and S3 answer: link checkers
    # probe with HEAD + Range); an If-Range that no longer matches voids the range.
    if header is None:
        return None
    if "If-Range" in request.headers:
        if not if_range_matches(request.headers["If-Range"], etag, last_modified):
            return None
    return parse_range(header, size)


def ranged_response(request, file, size, byte_range):
    """A 416, 206 or 200 answer holding the wanted bytes of the open file (none for HEAD)."""
    if isinstance(byte_range, Unsatisfiable):
        file.close()
        response = HttpResponse(status=416)
        response["Content-Range"] = byte_range.content_range(size)
        return response
    part = byte_range or ByteRange(0, size - 1)
    status = 206 if byte_range else 200
    if request.method == "HEAD":
        file.close()
        response = HttpResponse(status=status)
    else:
        body = FileRange(file, part.start, part.length)
        response = StreamingHttpResponse(body, status=status)
        response.file_range = body  # read by the audience recording when the response closes
    if byte_range:
        response["Content-Range"] = byte_range.content_range(size)
    response["Content-Length"] = str(part.length)
    return response
