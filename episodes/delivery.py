"""Delivery to podcast apps and players: episode audio (byte ranges), transcripts and chapters.

These URLs are given in feeds (enclosure, podcast:transcript, podcast:chapters): they answer HEAD,
conditional requests and, for audio, byte ranges as Apple and the RFCs expect.
"""

import logging
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.text import slugify
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe
from wagtail.images.models import Image

from episodes.chapters import CHAPTERS_CONTENT_TYPE, chapters_json
from episodes.http_ranges import ByteRange, Unsatisfiable, if_range_matches, parse_range
from episodes.models import Chapter, EpisodePage
from episodes.transcripts import to_json, to_srt, to_webvtt

logger = logging.getLogger("episodes.delivery")

CHUNK_SIZE = 64 * 1024
AUDIO_CACHE_CONTROL = "public, max-age=86400"
DOCUMENT_CACHE_CONTROL = "public, max-age=300"
DEFAULT_X_ACCEL_PREFIX = "/protected-media"

TRANSCRIPT_FORMATS = {
    "vtt": (to_webvtt, "text/vtt; charset=utf-8"),
    "srt": (to_srt, "application/x-subrip; charset=utf-8"),
    "json": (to_json, "application/json"),
}


def published_episode(guid, *, select_related=(), prefetch_related=()):
    """The published episode with this GUID, with what the view needs fetched alongside; or 404."""
    episode = (
        EpisodePage.objects.published()
        .filter(guid=str(guid))
        .select_related(*select_related)
        .prefetch_related(*prefetch_related)
        .first()
    )
    if episode is None:
        raise Http404
    return episode


class FileRange:
    """The bytes of an open file from `start`, `length` of them, read 64 KiB at a time.

    The response closes it once sent (or abandoned), which closes the file.
    """

    def __init__(self, file, start, length):
        self.file, self.start, self.length = file, start, length

    def __iter__(self):
        self.file.seek(self.start)
        remaining = self.length
        while remaining > 0:
            chunk = self.file.read(min(CHUNK_SIZE, remaining))
            if not chunk:
                return
            remaining -= len(chunk)
            yield chunk

    def close(self):
        self.file.close()


# ---------------------------------------------------------------------------------------- audio


@csrf_exempt
@require_safe
def episode_audio(request, guid, ext):
    """The audio of a published episode, by stream, X-Accel-Redirect or redirect (AUDIO_DELIVERY).

    This view is the one place where downloads will be counted (IAB v2.2 rules: skip HEAD and
    bytes=0-1 probes and bots, one per IP + User-Agent + episode a day): every mode passes here.
    """
    episode = published_episode(guid, select_related=["audio"])
    audio = episode.audio if episode.audio_id else None
    if audio is None or ext != audio.extension:
        raise Http404
    mode = getattr(settings, "AUDIO_DELIVERY", "stream")
    if mode == "stream":
        return stream_audio(request, audio, audio_filename(episode, audio))
    if mode == "x-accel":
        return accel_redirect(audio, audio_filename(episode, audio))
    if mode == "redirect":
        return HttpResponseRedirect(audio.file.url)
    raise ImproperlyConfigured(f"AUDIO_DELIVERY must be stream, x-accel or redirect, not {mode!r}")


def audio_filename(episode, audio):
    """The ASCII file name listeners' apps save the audio as."""
    return f"{slugify(episode.title)[:80].strip('-') or 'episode'}.{audio.extension}"


def accel_redirect(audio, filename):
    """An empty answer telling nginx to send the file itself (it handles ranges and HEAD)."""
    prefix = getattr(settings, "AUDIO_X_ACCEL_PREFIX", DEFAULT_X_ACCEL_PREFIX).rstrip("/")
    response = HttpResponse(content_type=audio.mime_type)
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
        response = StreamingHttpResponse(FileRange(file, part.start, part.length), status=status)
    if byte_range:
        response["Content-Range"] = byte_range.content_range(size)
    response["Content-Length"] = str(part.length)
    return response


# -------------------------------------------------------------------- transcripts and chapters


@csrf_exempt
@require_safe
def episode_transcript(request, guid, ext):
    """The transcript of a published episode as WebVTT, SRT or Podcasting 2.0 JSON."""
    if ext not in TRANSCRIPT_FORMATS:
        raise Http404
    render, content_type = TRANSCRIPT_FORMATS[ext]
    episode = published_episode(guid, prefetch_related=["transcript_segments"])
    segments = list(episode.transcript_segments.all())
    if not segments:
        raise Http404
    return document_response(request, episode, lambda: render(segments), content_type)


@csrf_exempt
@require_safe
def episode_chapters(request, guid):
    """The chapters of a published episode as Podcasting 2.0 JSON chapters."""
    images = Prefetch("image", queryset=Image.objects.prefetch_renditions())
    with_images = Prefetch("chapters", queryset=Chapter.objects.prefetch_related(images))
    episode = published_episode(guid, prefetch_related=[with_images])
    chapters = list(episode.chapters.all())
    if not chapters:
        raise Http404
    return document_response(
        request, episode, lambda: chapters_json(chapters), CHAPTERS_CONTENT_TYPE
    )


def document_response(request, episode, render, content_type):
    """A small document of the episode, readable from any site, revalidated by publication."""
    etag, last_modified = None, None
    if episode.last_published_at:
        last_modified = int(episode.last_published_at.timestamp())
        etag = f'"{episode.guid}-{episode.last_published_at:%Y%m%d%H%M%S%f}"'
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        response = HttpResponse(render(), content_type=content_type)
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = DOCUMENT_CACHE_CONTROL
    if etag:
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified)
    return response
