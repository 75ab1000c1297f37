"""Chapters of an episode as the Podcasting 2.0 JSON chapters document (version 1.2.0)."""

import json

from django.conf import settings

from episodes.transcripts import json_seconds

CHAPTERS_JSON_VERSION = "1.2.0"
CHAPTERS_CONTENT_TYPE = "application/json+chapters"

# Chapter art as players show it: at most 1400 px, in a format every app reads.
CHAPTER_IMAGE_SIZE = "max-1400x1400"


def chapter_image_filter(image):
    """The rendition filter of a chapter image: PNG stays PNG, anything else becomes JPEG."""
    extension = image.file.name.rsplit(".", 1)[-1].lower()
    image_format = "png" if extension == "png" else "jpeg"
    return f"{CHAPTER_IMAGE_SIZE}|format-{image_format}"


def absolute_url(url):
    """An absolute URL on the public site (object storage URLs already are)."""
    if url.startswith(("http://", "https://")):
        return url
    return settings.PUBLIC_BASE_URL + url


def chapter_item(chapter):
    """One chapter of the JSON document, with its link and its image when it has them."""
    item = {"startTime": json_seconds(chapter.start_time), "title": chapter.title}
    if chapter.url:
        item["url"] = chapter.url
    if chapter.image:
        rendition = chapter.image.get_rendition(chapter_image_filter(chapter.image))
        item["img"] = absolute_url(rendition.url)
    return item


def chapters_json(chapters):
    """The Podcasting 2.0 JSON chapters document of an episode's chapters, by start time."""
    ordered = sorted(chapters, key=lambda chapter: chapter.start_time)
    return json.dumps(
        {"version": CHAPTERS_JSON_VERSION, "chapters": [chapter_item(c) for c in ordered]},
        ensure_ascii=False,
    )
