"""Transcripts and chapters linked by an imported feed, read into segments and chapters.

WebVTT goes through episodes/transcripts.py; SRT (with the srt library) and the Podcasting 2.0
JSON transcript and chapters formats are read here. A document that cannot be read raises
DocumentError with a French message; the episode is imported without it.
"""

import json
import re

import srt
from django.utils.translation import gettext as _
from webvtt.errors import MalformedFileError

from episodes.transcripts import Segment, one_line, parse_webvtt

# Preference when a feed links several formats: VTT keeps speakers and is what we serve first.
TRANSCRIPT_FORMATS = {
    "text/vtt": "vtt",
    "application/x-subrip": "srt",
    "application/srt": "srt",
    "text/srt": "srt",
    "application/json": "json",
}
FORMAT_ORDER = ("vtt", "srt", "json")
SRT_SPEAKER = re.compile(r"^([^:\n]{1,60}):\s+(.+)$", re.DOTALL)


class DocumentError(Exception):
    """A transcript or chapters document that cannot be read; str(error) is in French."""


def transcript_format(link):
    """ "vtt", "srt", "json" or "" for a podcast:transcript, by MIME type, else by extension."""
    kind = TRANSCRIPT_FORMATS.get(link.type.split(";")[0].strip().lower())
    if kind:
        return kind
    extension = link.url.split("?")[0].rsplit(".", 1)[-1].lower()
    return extension if extension in FORMAT_ORDER else ""


def preferred_transcript(links):
    """The link of the format we read best, or None if none can be read."""
    readable = [link for link in links if transcript_format(link)]
    return min(readable, key=lambda link: FORMAT_ORDER.index(transcript_format(link)), default=None)


def parse_transcript(data, kind):
    """The segments of a transcript document of a kind ("vtt", "srt" or "json")."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DocumentError(_("la transcription n'est pas encodée en UTF-8")) from None
    try:
        segments = {"vtt": parse_webvtt, "srt": parse_srt, "json": parse_json_transcript}[kind](
            text
        )
    except (MalformedFileError, srt.SRTParseError, ValueError, TypeError) as error:
        raise DocumentError(
            _("la transcription (%(kind)s) est illisible : %(error)s")
            % {"kind": kind.upper(), "error": error}
        ) from None
    if not segments:
        raise DocumentError(_("la transcription est vide"))
    return segments


def parse_srt(text):
    """The segments of an SRT document; a « Name: » at the start of a card names its speaker."""
    segments = []
    for subtitle in srt.parse(text):
        body, speaker = one_line(subtitle.content), ""
        match = SRT_SPEAKER.match(body)
        if match:
            speaker, body = match.group(1).strip(), match.group(2)
        segments.append(
            Segment(subtitle.start.total_seconds(), subtitle.end.total_seconds(), speaker, body)
        )
    return segments


def parse_json_transcript(text):
    """The segments of a Podcasting 2.0 JSON transcript."""
    document = json.loads(text)
    items = document.get("segments") if isinstance(document, dict) else None
    if not isinstance(items, list):
        raise ValueError(_("pas de liste « segments »"))
    return [
        Segment(
            start_time=seconds(item.get("startTime")),
            end_time=seconds(item.get("endTime")),
            speaker=one_line(str(item.get("speaker") or ""))[:200],
            body=one_line(str(item.get("body") or "")),
        )
        for item in items
        if isinstance(item, dict) and str(item.get("body") or "").strip()
    ]


def parse_chapters(data):
    """(start_time, title, url) of a Podcasting 2.0 chapters document, by start time."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
        items = document["chapters"]
        chapters = [
            (seconds(item["startTime"]), one_line(str(item.get("title", "")))[:255], link(item))
            for item in items
            if item.get("toc", True) is not False
        ]
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise DocumentError(
            _("le fichier de chapitres est illisible (%(error)s)") % {"error": error}
        ) from None
    return sorted((c for c in chapters if c[1]), key=lambda chapter: chapter[0])


def link(item):
    url = str(item.get("url") or "")
    return url if url.startswith(("http://", "https://")) and len(url) <= 200 else ""


def seconds(value):
    """A time in seconds from a JSON number (or numeric string); ValueError otherwise."""
    result = float(value)
    if not 0 <= result < 10**7:
        raise ValueError(_("temps hors limites : %(value)s") % {"value": value})
    return result
