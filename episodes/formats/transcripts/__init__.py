"""Transcripts: timed segments read from WebVTT files (with webvtt-py), SRT files (with srt) and
Podcasting 2.0 JSON transcripts, and written in those three formats. The episode editor's uploads
and the podcast importer read them with the same function, parse_transcript_file().

Where things are: segments.py (Segment, TranscriptError, the SRT speaker rule), cues.py (WebVTT
and SRT, cue by cue), json_format.py (JSON transcripts), writers.py (the three formats out).
"""

from django.utils.translation import gettext as _

from episodes.formats.timecodes import format_precise_timecode, format_timecode
from episodes.formats.transcripts.cues import parse_webvtt, read_srt_file, read_vtt_file
from episodes.formats.transcripts.json_format import json_time, read_json_transcript
from episodes.formats.transcripts.segments import Segment, TranscriptError, one_line
from episodes.formats.transcripts.writers import json_seconds, to_json, to_srt, to_webvtt

__all__ = [
    "Segment",
    "TranscriptError",
    "json_seconds",
    "json_time",
    "one_line",
    "parse_transcript_file",
    "parse_webvtt",
    "read_transcript_text",
    "to_json",
    "to_srt",
    "to_webvtt",
]

FORMAT_READERS = {"vtt": read_vtt_file, "srt": read_srt_file, "json": read_json_transcript}
# Subtitle tools round the last cue's end up; a second past the audio is not a mistake.
AUDIO_END_TOLERANCE = 1.0


def parse_transcript_file(name, data, *, duration=0, kind=""):
    """The segments of a WebVTT (.vtt), SRT (.srt) or Podcasting 2.0 JSON (.json) transcript,
    or TranscriptError in French.

    The format is kind ("vtt", "srt" or "json"), else the file name's extension; name is the
    file's name for messages. With the audio's duration (seconds; 0 if unknown), a passage
    ending after the audio is refused too.
    """
    kind = kind or name.rpartition(".")[2].lower()
    if kind not in FORMAT_READERS:
        raise TranscriptError(
            _(
                "Le fichier « %(name)s » n'est ni un WebVTT (.vtt), ni un SRT (.srt), "
                "ni une transcription JSON (.json)."
            )
            % {"name": name}
        )
    segments = read_transcript_text(decode_transcript(name, data), kind=kind, duration=duration)
    if not segments:
        raise TranscriptError(
            _("Le fichier « %(name)s » ne contient aucun passage minuté.") % {"name": name}
        )
    return segments


def read_transcript_text(text, *, kind="vtt", duration=0):
    """The segments of a transcript's text (a file's, or as typed in the episode editor), each
    checked against the audio's duration (seconds; 0 if unknown); [] when it has none. A bad
    cue is a TranscriptError in French naming its line (or passage)."""
    timed = FORMAT_READERS[kind](text)
    for where, segment in timed:
        check_segment_times(where, segment, duration)
    return [segment for _where, segment in timed]


def decode_transcript(name, data):
    """The text of an uploaded transcript, which must be UTF-8 (a byte order mark is allowed)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TranscriptError(
            _(
                "le fichier « %(name)s » n'est pas encodé en UTF-8. Enregistrez-le en UTF-8 "
                "depuis votre éditeur de sous-titres, puis envoyez-le à nouveau."
            )
            % {"name": name},
            line=data[: error.start].count(b"\n") + 1,
        ) from None


def check_segment_times(where, segment, duration):
    """Refuse a passage ending before it starts, or after the end of the audio; where is the
    line or passage to name ({"line": 12} or {"passage": 3})."""
    start, end = segment.start_time, segment.end_time
    if end < start:
        times = {"start": format_precise_timecode(start), "end": format_precise_timecode(end)}
        raise TranscriptError(
            _("ce passage finit (%(end)s) avant de commencer (%(start)s).") % times, **where
        )
    if duration and end > duration + AUDIO_END_TOLERANCE:
        times = {"end": format_timecode(end), "duration": format_timecode(duration)}
        raise TranscriptError(
            _("ce passage finit à %(end)s, après la fin de l'audio (%(duration)s).") % times,
            **where,
        )
