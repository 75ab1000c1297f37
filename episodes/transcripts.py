"""Transcripts: timed segments read from WebVTT files (with webvtt-py)."""

from dataclasses import dataclass

import webvtt


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
            speaker=cue.voice or "",
            body=" ".join(cue.text.split()),
        )
        for cue in webvtt.from_string(text)
    ]
