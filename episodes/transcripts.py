"""Transcripts: timed segments read from WebVTT files (with webvtt-py) and written as the
Podcasting 2.0 transcript formats: WebVTT, SRT and JSON.

The writers take any segments with start_time, end_time, speaker and body: the Segment below or
the TranscriptSegment model.
"""

import html
import json
from dataclasses import dataclass
from datetime import timedelta

import srt
import webvtt
from webvtt.models import Timestamp

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
