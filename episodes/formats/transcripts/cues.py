"""WebVTT (with webvtt-py) and SRT (with srt) transcripts read cue by cue, so that a malformed
cue is named by its line: webvtt-py skips those silently, and srt names a character offset."""

import html
import re
from dataclasses import replace

import srt
import webvtt
from django.utils.translation import gettext as _
from webvtt.errors import MalformedCaptionError, MalformedFileError

from episodes.formats.transcripts.segments import (
    Segment,
    TranscriptError,
    one_line,
    speaker_name,
    srt_speaker,
)

# The formatting tags SRT players know; any other « <…> » is the speaker's words.
SRT_TAGS = re.compile(r"</?(?:[bisu]|font)\b[^>]*>", re.IGNORECASE)
LINE_BREAK = re.compile(r"\r\n|\r|\n")
SKIPPED_VTT_BLOCKS = ("NOTE", "STYLE", "REGION")
# A line meant as cue timings, even with a mistyped arrow (« 00:00:04,000 -> 00:00:06,000 »).
TIMING_LIKE = re.compile(r"\d:\d\d[.,:]\d")


def parse_webvtt(text):
    """The segments of a WebVTT document; the speaker comes from its voice tags (<v Name>)."""
    return [vtt_segment(cue) for cue in webvtt.from_string(text)]


def vtt_segment(cue):
    """The segment of a webvtt-py caption: its voice tag is the speaker."""
    return Segment(
        start_time=cue.start_time.in_milliseconds() / 1000,
        end_time=cue.end_time.in_milliseconds() / 1000,
        speaker=speaker_name(html.unescape(cue.voice or "")),
        body=html.unescape(one_line(cue.text)),
    )


def read_cue_file(kind, text):
    """(where, segment) of each cue of a WebVTT or SRT text, read block by block."""
    lines = LINE_BREAK.split(text)
    if kind == "vtt" and not lines[0].startswith("WEBVTT"):
        raise TranscriptError(_("un fichier WebVTT commence par la ligne « WEBVTT »."), line=1)
    return [
        ({"line": timings_line(first, block)}, segment)
        for first, block in cue_blocks(lines, skip_header=kind == "vtt")
        if (segment := BLOCK_READERS[kind](first, block)) and segment.body
    ]


def read_vtt_file(text):
    """(where, segment) of each cue of a WebVTT text."""
    return read_cue_file("vtt", text)


def read_srt_file(text):
    """The SRT cues, with the speakers their « Name: » openings give (rule: segments.py)."""
    timed, speaker = [], ""
    for where, segment in read_cue_file("srt", text):
        named, body = srt_speaker(segment.body)
        speaker = named or speaker
        timed.append((where, replace(segment, speaker=speaker, body=body)))
    return timed


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
    return vtt_segment(captions[0])


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
        body=one_line(SRT_TAGS.sub("", subtitle.content)),
    )


BLOCK_READERS = {"vtt": read_vtt_block, "srt": read_srt_block}


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
