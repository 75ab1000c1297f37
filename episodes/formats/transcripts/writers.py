"""Transcripts written in the Podcasting 2.0 transcript formats: WebVTT, SRT and JSON.

The writers take any segments with start_time, end_time, speaker and body: a Segment or the
TranscriptSegment model.
"""

import json
from datetime import timedelta

import srt
import webvtt
from webvtt.models import Timestamp

from episodes.formats.transcripts.segments import one_line, srt_card_text

TRANSCRIPT_JSON_VERSION = "1.0.0"


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


def to_srt(segments):
    """An SRT document of the segments; a card names its speaker (« Name: ») when it changes,
    as srt_speaker() reads it back."""
    subtitles, previous_speaker = [], None
    for index, segment in enumerate(segments, start=1):
        named = segment.speaker if segment.speaker != previous_speaker else ""
        previous_speaker = segment.speaker
        subtitles.append(
            srt.Subtitle(
                index=index,
                start=timedelta(milliseconds=round(segment.start_time * 1000)),
                end=timedelta(milliseconds=round(segment.end_time * 1000)),
                content=srt_card_text(named, one_line(segment.body)),
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
