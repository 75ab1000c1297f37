"""An episode's transcript (WebVTT, SRT, JSON) and chapters (JSON), at the addresses feeds give in
podcast:transcript and podcast:chapters: readable from any site (CORS), revalidated by publication.
"""

from functools import partial

from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe
from wagtail.images.models import Image

from episodes.delivery.addresses import public_url
from episodes.formats.chapters import CHAPTERS_CONTENT_TYPE, chapters_json
from episodes.formats.transcripts import to_json, to_srt, to_webvtt
from episodes.models import Chapter, EpisodePage

DOCUMENT_CACHE_CONTROL = "public, max-age=300"
TRANSCRIPT_FORMATS = {
    "vtt": (to_webvtt, "text/vtt; charset=utf-8"),
    "srt": (to_srt, "application/x-subrip; charset=utf-8"),
    "json": (to_json, "application/json"),
}
# Chapter art as players show it: at most 1400 px, in a format every app reads.
CHAPTER_IMAGE_SIZE = "max-1400x1400"


def published_episode(guid, *prefetch_related):
    """The published episode with this GUID, with what the view needs fetched alongside; or 404."""
    episodes = EpisodePage.objects.published().by_guid(guid)
    return get_object_or_404(episodes.prefetch_related(*prefetch_related))


@csrf_exempt
@require_safe
def episode_transcript(request, guid, ext):
    """The transcript of a published episode as WebVTT, SRT or Podcasting 2.0 JSON."""
    if ext not in TRANSCRIPT_FORMATS:
        raise Http404
    render, content_type = TRANSCRIPT_FORMATS[ext]
    episode = published_episode(guid, "transcript_segments")
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
    episode = published_episode(guid, with_images)
    chapters = list(episode.chapters.all())
    if not chapters:
        raise Http404
    render = partial(chapters_json, chapters, image_url=chapter_image_url)
    return document_response(request, episode, render, CHAPTERS_CONTENT_TYPE)


def chapter_image_url(chapter):
    """The address of a chapter's image as a rendition players can show, "" for none."""
    if not chapter.image:
        return ""
    return public_url(chapter.image.get_rendition(chapter_image_filter(chapter.image)).url)


def chapter_image_filter(image):
    """The rendition filter of a chapter image: PNG stays PNG, anything else becomes JPEG."""
    extension = image.file.name.rsplit(".", 1)[-1].lower()
    image_format = "png" if extension == "png" else "jpeg"
    return f"{CHAPTER_IMAGE_SIZE}|format-{image_format}"


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
