"""Chapters of an episode: written as the Podcasting 2.0 JSON chapters document (version 1.2.0),
read from such a document (an editor's upload or a feed's, with the same function) or from an
MP3's ID3 chapter frames (with mutagen), and checked."""

import json
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from mutagen import MutagenError
from mutagen.id3 import ID3, ID3NoHeaderError

from episodes.formats.text import MAX_JSON_DEPTH, JSONTooDeep, one_line, read_json
from episodes.formats.timecodes import format_precise_timecode
from episodes.formats.transcripts import json_seconds, json_time

CHAPTERS_JSON_VERSION = "1.2.0"
CHAPTERS_CONTENT_TYPE = "application/json+chapters"


def chapter_item(chapter, img=""):
    """One chapter of the JSON document, with its link and its image address when it has them."""
    item = {"startTime": json_seconds(chapter.start_time), "title": chapter.title}
    if chapter.url:
        item["url"] = chapter.url
    if img:
        item["img"] = img
    return item


def chapters_json(chapters, image_url=None):
    """The Podcasting 2.0 JSON chapters document of an episode's chapters, by start time.

    A chapter is anything with start_time, title and url; image_url(chapter), when given, is the
    address of its image ("" for none).
    """
    ordered = sorted(chapters, key=lambda chapter: chapter.start_time)
    items = [chapter_item(c, image_url(c) if image_url else "") for c in ordered]
    return json.dumps({"version": CHAPTERS_JSON_VERSION, "chapters": items}, ensure_ascii=False)


class ChapterError(Exception):
    """Chapters the platform cannot import; str(exc) / exc.message is the French message."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class ChapterDraft:
    """A chapter read from a file, before it becomes a Chapter of the episode."""

    start_time: float
    title: str
    url: str = ""


def chapters_from_id3(fileobj):
    """The chapters of an MP3's ID3 tag (CHAP frames), by start time; ChapterError if none."""
    try:
        frames = ID3(fileobj).getall("CHAP")
    except (ID3NoHeaderError, MutagenError):
        frames = []
    if not frames:
        raise ChapterError(_("Le fichier audio ne contient aucun chapitre (cadres ID3 « CHAP »)."))
    frames.sort(key=lambda frame: frame.start_time)
    return [
        ChapterDraft(
            start_time=frame.start_time / 1000,
            title=one_line(str(frame.sub_frames.get("TIT2", "")))[:255]
            or _("Chapitre %(number)s") % {"number": number},
            url=next((link.url for link in frame.sub_frames.getall("WXXX")), ""),
        )
        for number, frame in enumerate(frames, start=1)
    ]


def parse_chapters_json(data, *, from_feed=False):
    """The chapters of a Podcasting 2.0 JSON chapters file, by start time; ChapterError if bad.

    Chapters marked "toc": false are left out: they are not meant as a table of contents (they
    often only change the artwork) and a chapter here is one. An editor's upload is refused, with
    the reason, for a chapter without a title or with a link that is not a web address (or is
    longer than the 200 characters Chapter.url holds): the editor can fix the file. From a feed
    (from_feed), which nobody here can fix, such a chapter is left out, or only its link.
    """
    try:
        document = read_json(data.decode("utf-8-sig"))
    except JSONTooDeep:
        raise ChapterError(
            _(
                "Ce fichier JSON est imbriqué sur plus de %(depth)s niveaux : ce n'est pas un "
                "fichier de chapitres Podcasting 2.0."
            )
            % {"depth": MAX_JSON_DEPTH}
        ) from None
    except UnicodeDecodeError:
        raise ChapterError(_("Le fichier de chapitres n'est pas encodé en UTF-8.")) from None
    except json.JSONDecodeError as error:
        raise ChapterError(
            _("Ligne %(line)s, colonne %(column)s : ce n'est pas du JSON valide (%(reason)s).")
            % {"line": error.lineno, "column": error.colno, "reason": error.msg}
        ) from None
    items = document.get("chapters") if isinstance(document, dict) else None
    if not isinstance(items, list) or not items:
        raise ChapterError(
            _("Le fichier doit contenir une liste « chapters » non vide (format Podcasting 2.0).")
        )
    drafts = [
        json_chapter(number, item, from_feed=from_feed)
        for number, item in enumerate(items, start=1)
        if not (isinstance(item, dict) and item.get("toc") is False)
    ]
    drafts = [draft for draft in drafts if draft is not None]
    if not drafts:
        raise ChapterError(
            _(
                "Le fichier ne contient aucun chapitre à afficher : ils sont tous masqués "
                "(« toc »: false) ou sans titre."
            )
        )
    return sorted(drafts, key=lambda draft: draft.start_time)


def json_chapter(number, item, *, from_feed=False):
    """One chapter of a JSON chapters file, checked field by field; None for a feed's chapter
    without a title."""
    where = {"number": number}
    if not isinstance(item, dict):
        raise ChapterError(_("Chapitre %(number)s : ce n'est pas un objet JSON.") % where)
    start, title = json_time(item.get("startTime")), item.get("title")
    if start is None:
        raise ChapterError(
            _("Chapitre %(number)s : « startTime » doit être un nombre de secondes positif.")
            % where
        )
    title = one_line(title)[:255] if isinstance(title, str) else ""
    if not title and from_feed:
        return None
    if not title:
        raise ChapterError(_("Chapitre %(number)s : il manque le titre (« title »).") % where)
    url = item.get("url") or ""
    if not is_chapter_link(url) and not from_feed:
        raise ChapterError(
            _("Chapitre %(number)s : le lien « url » n'est pas une adresse web valide.") % where
        )
    return ChapterDraft(start_time=start, title=title, url=url if is_chapter_link(url) else "")


def is_chapter_link(url):
    """Whether url is empty or an http(s) address a Chapter can hold."""
    if url == "":
        return True
    if not isinstance(url, str) or len(url) > MAX_URL_LENGTH:
        return False
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        return False
    return True


MAX_URL_LENGTH = 200  # Chapter.url's max_length


def chapter_time_errors(start_times, duration):
    """French errors by position for chapter start times: past the audio's end, or repeated."""
    errors, seen = {}, set()
    for index, start in enumerate(start_times):
        times = {"start": format_precise_timecode(start)}
        if duration and start >= duration:
            times["duration"] = format_precise_timecode(duration)
            errors[index] = (
                _("Ce chapitre commence à %(start)s, après la fin de l'audio (%(duration)s).")
                % times
            )
        elif round(start, 3) in seen:
            errors[index] = _("Un autre chapitre commence déjà à %(start)s.") % times
        seen.add(round(start, 3))
    return errors
