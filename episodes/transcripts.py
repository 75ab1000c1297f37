"""Transcripts: timed segments read from WebVTT files (with webvtt-py) and SRT files (with srt),
and written as the Podcasting 2.0 transcript formats: WebVTT, SRT and JSON.

The writers take any segments with start_time, end_time, speaker and body: the Segment below or
the TranscriptSegment model.
"""

import html
import json
import re
from dataclasses import dataclass
from datetime import timedelta

import srt
import webvtt
from django.utils.translation import gettext as _
from webvtt.errors import MalformedCaptionError, MalformedFileError
from webvtt.models import Timestamp

from episodes.timecodes import format_precise_timecode, format_timecode

TRANSCRIPT_JSON_VERSION = "1.0.0"


@dataclass(frozen=True)
class Segment:
    """A timed passage of a transcript, with who speaks."""

    start_time: float
    end_time: float
    speaker: str
    body: str


def parse_webvtt(text):
    """The segments of a WebVTT document; the speaker comes from its voice tags (<v Name>)."""
    return [
        Segment(
            start_time=cue.start_time.in_milliseconds() / 1000,
            end_time=cue.end_time.in_milliseconds() / 1000,
            speaker=html.unescape(cue.voice or ""),
            body=html.unescape(" ".join(cue.text.split())),
        )
        for cue in webvtt.from_string(text)
    ]


class TranscriptError(Exception):
    """A transcript file the platform refuses: a French message, and the line at fault if known."""

    def __init__(self, message, line=None):
        super().__init__(message)
        self.line = line
        self.message = _("Ligne %(line)s : %(message)s") % locals() if line else message


def parse_transcript_file(name, data, *, duration=0):
    """The segments of an uploaded WebVTT (.vtt) or SRT (.srt) file, or TranscriptError in French.

    Each cue block is read on its own by the library, so that a malformed one is named by its line
    (webvtt-py skips those silently; srt names a character offset). With the audio's duration
    (seconds; 0 if unknown), a cue ending after the audio is refused too.
    """
    extension = name.rpartition(".")[2].lower()
    if extension not in BLOCK_READERS:
        raise TranscriptError(
            _("Le fichier « %(name)s » n'est ni un WebVTT (.vtt) ni un SRT (.srt).")
            % {"name": name}
        )
    text = decode_transcript(name, data)
    lines = LINE_BREAK.split(text)
    if extension == "vtt" and not lines[0].startswith("WEBVTT"):
        raise TranscriptError(_("un fichier WebVTT commence par la ligne « WEBVTT »."), line=1)
    timed = [
        (timings_line(first, block), segment)
        for first, block in cue_blocks(lines, skip_header=extension == "vtt")
        if (segment := BLOCK_READERS[extension](first, block)) and segment.body
    ]
    if not timed:
        raise TranscriptError(
            _("Le fichier « %(name)s » ne contient aucun passage minuté.") % {"name": name}
        )
    for line, segment in timed:
        check_segment_times(line, segment, duration)
    return [segment for _line, segment in timed]


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


LINE_BREAK = re.compile(r"\r\n|\r|\n")
SKIPPED_VTT_BLOCKS = ("NOTE", "STYLE", "REGION")


def cue_blocks(lines, *, skip_header):
    """(number of the block's first line, its lines) for each block between empty lines."""
    block, first = [], 0
    for number, line in enumerate([*lines, ""], start=1):
        if line.strip():
            block, first = block + [line], first or number
            continue
        if block and not (skip_header and first == 1):
            yield first, block
        block, first = [], 0


def timings_line(first, block):
    """The number of a cue block's « start --> end » line."""
    return first + next((i for i, line in enumerate(block) if "-->" in line), 0)


def read_vtt_block(first, block):
    """The segment of one WebVTT cue block, read by webvtt-py; None for notes and styles."""
    if block[0].startswith(SKIPPED_VTT_BLOCKS):
        return None
    try:
        captions = webvtt.from_string("WEBVTT\n\n" + "\n".join(block), strict=True).captions
    except (MalformedCaptionError, MalformedFileError, ValueError):
        captions = []
    if len(captions) != 1:
        raise block_error(first, block)
    cue = captions[0]
    return Segment(
        start_time=cue.start_time.in_milliseconds() / 1000,
        end_time=cue.end_time.in_milliseconds() / 1000,
        speaker=html.unescape(cue.voice or ""),
        body=html.unescape(" ".join(cue.text.split())),
    )


def read_srt_block(first, block):
    """The segment of one SRT subtitle block, read by srt."""
    try:
        subtitles = list(srt.parse("\n".join(block) + "\n"))
    except (srt.SRTParseError, ValueError):
        subtitles = []
    if len(subtitles) != 1:
        raise block_error(first, block)
    subtitle = subtitles[0]
    return Segment(
        start_time=subtitle.start.total_seconds(),
        end_time=subtitle.end.total_seconds(),
        speaker="",
        body=" ".join(re.sub(r"</?[a-zA-Z][^>]*>", "", subtitle.content).split()),
    )


BLOCK_READERS = {"vtt": read_vtt_block, "srt": read_srt_block}
# A line meant as cue timings, even with a mistyped arrow (« 00:00:04,000 -> 00:00:06,000 »).
TIMING_LIKE = re.compile(r"\d:\d\d[.,:]\d")


def block_error(first, block):
    """Why a cue block cannot be read, naming the line at fault."""
    arrows = [index for index, line in enumerate(block) if "-->" in line]
    arrows = arrows or [i for i, line in enumerate(block) if TIMING_LIKE.search(line)][:1]
    if not arrows:
        return TranscriptError(
            _(
                "texte sans horodatage « %(text)s ». Chaque passage commence par une ligne "
                "« début --> fin » ; une ligne vide y met fin."
            )
            % {"text": block[0]},
            line=first,
        )
    if len(arrows) > 1:
        return TranscriptError(
            _("il manque une ligne vide avant le passage « %(text)s ».")
            % {"text": block[arrows[1]]},
            line=first + arrows[1],
        )
    return TranscriptError(
        _(
            "horodatage illisible « %(text)s ». Il s'écrit par exemple "
            "« 00:01:05.250 --> 00:01:09.000 »."
        )
        % {"text": block[arrows[0]]},
        line=first + arrows[0],
    )


def check_segment_times(line, segment, duration):
    """Refuse a cue ending before it starts, or after the end of the audio."""
    start, end = segment.start_time, segment.end_time
    if end < start:
        times = {"start": format_precise_timecode(start), "end": format_precise_timecode(end)}
        raise TranscriptError(
            _("ce passage finit (%(end)s) avant de commencer (%(start)s).") % times, line=line
        )
    if duration and end > duration + AUDIO_END_TOLERANCE:
        times = {"end": format_timecode(end), "duration": format_timecode(duration)}
        raise TranscriptError(
            _("ce passage finit à %(end)s, après la fin de l'audio (%(duration)s).") % times,
            line=line,
        )


# Subtitle tools round the last cue's end up; a second past the audio is not a mistake.
AUDIO_END_TOLERANCE = 1.0


def to_webvtt(segments):
    """A WebVTT document of the segments, each speaker in a voice tag (<v Name>)."""
    captions = [
        webvtt.Caption(
            start=str(Timestamp.from_seconds(segment.start_time)),
            end=str(Timestamp.from_seconds(segment.end_time)),
            text=webvtt_cue_text(segment),
        )
        for segment in segments
    ]
    return webvtt.WebVTT(captions=captions).content


def webvtt_cue_text(segment):
    """One line of cue text: escaped, on one line (an empty line would end the cue)."""
    body = escape_cue_text(one_line(segment.body))
    if not segment.speaker:
        return body
    return f"<v {escape_cue_text(one_line(segment.speaker))}>{body}"


def escape_cue_text(text):
    """Text with the three characters WebVTT cue text reserves written as references."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def one_line(text):
    """The text with its runs of whitespace, line breaks included, made single spaces."""
    return " ".join(text.split())


def to_srt(segments):
    """An SRT document of the segments; a card names its speaker (« Name: ») when it changes."""
    subtitles, previous_speaker = [], None
    for index, segment in enumerate(segments, start=1):
        body = one_line(segment.body)
        if segment.speaker and segment.speaker != previous_speaker:
            body = f"{one_line(segment.speaker)}: {body}"
        previous_speaker = segment.speaker
        subtitles.append(
            srt.Subtitle(
                index=index,
                start=timedelta(milliseconds=round(segment.start_time * 1000)),
                end=timedelta(milliseconds=round(segment.end_time * 1000)),
                content=body,
            )
        )
    return srt.compose(subtitles, reindex=False)


def to_json(segments):
    """The Podcasting 2.0 JSON transcript of the segments (speaker left out when unknown)."""
    return json.dumps(
        {
            "version": TRANSCRIPT_JSON_VERSION,
            "segments": [json_segment(segment) for segment in segments],
        },
        ensure_ascii=False,
    )


def json_segment(segment):
    """One segment of a JSON transcript."""
    item = {"speaker": segment.speaker} if segment.speaker else {}
    item["startTime"] = json_seconds(segment.start_time)
    item["endTime"] = json_seconds(segment.end_time)
    item["body"] = one_line(segment.body)
    return item


def json_seconds(seconds):
    """Seconds for JSON formats: to the millisecond, and 75 rather than 75.0."""
    rounded = round(float(seconds), 3)
    return int(rounded) if rounded.is_integer() else rounded
