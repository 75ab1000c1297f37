"""Podcasting 2.0 JSON transcripts read into segments, a French message naming the passage (or,
for broken JSON, the line) at fault."""

import json

from django.utils.translation import gettext as _

from episodes.formats.text import MAX_JSON_DEPTH, JSONTooDeep, one_line, read_json
from episodes.formats.transcripts.segments import Segment, TranscriptError, speaker_name

# Beyond about 115 days, a time is a mistake, not an episode.
MAX_SECONDS = 10**7


def read_json_transcript(text):
    """(where, segment) of each passage of a JSON transcript with text."""
    try:
        document = read_json(text)
    except JSONTooDeep:
        raise TranscriptError(
            _(
                "ce fichier JSON est imbriqué sur plus de %(depth)s niveaux : ce n'est pas une "
                "transcription Podcasting 2.0."
            )
            % {"depth": MAX_JSON_DEPTH}
        ) from None
    except json.JSONDecodeError as error:
        raise TranscriptError(
            _("ce n'est pas du JSON valide (colonne %(column)s : %(reason)s).")
            % {"column": error.colno, "reason": error.msg},
            line=error.lineno,
        ) from None
    items = document.get("segments") if isinstance(document, dict) else None
    if not isinstance(items, list):
        raise TranscriptError(
            _("Une transcription JSON (format Podcasting 2.0) contient une liste « segments ».")
        )
    timed = [
        ({"passage": number}, json_passage(number, item))
        for number, item in enumerate(items, start=1)
    ]
    return [(where, segment) for where, segment in timed if segment.body]


def json_passage(number, item):
    """The segment of one passage, checked field by field."""
    if not isinstance(item, dict):
        raise TranscriptError(_("ce n'est pas un objet JSON."), passage=number)
    times = [json_time(item.get("startTime")), json_time(item.get("endTime"))]
    for key, value in zip(("startTime", "endTime"), times, strict=True):
        if value is None:
            raise TranscriptError(
                _("« %(key)s » doit être un nombre de secondes positif.") % {"key": key},
                passage=number,
            )
    body, speaker = item.get("body") or "", item.get("speaker") or ""
    if not isinstance(body, str) or not isinstance(speaker, str):
        raise TranscriptError(_("« body » et « speaker » doivent être du texte."), passage=number)
    return Segment(times[0], times[1], speaker_name(speaker), one_line(body))


def json_time(value):
    """Seconds from a JSON number (or a numeric string, as some hosts write it); None if it is
    neither, or negative, or absurdly large."""
    if isinstance(value, bool):
        return None
    try:
        result = float(value)
    except (TypeError, ValueError):
        return None
    return result if 0 <= result < MAX_SECONDS else None
