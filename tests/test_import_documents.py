"""Transcripts and chapters linked by an imported feed are read in every format apps publish."""

import json

import pytest

from episodes.importer.documents import (
    DocumentError,
    parse_chapters,
    parse_transcript,
    preferred_transcript,
)
from episodes.importer.parse import TranscriptLink

SRT = """1
00:00:00,000 --> 00:00:01,500
Marie Durand: Bonjour et bienvenue.

2
00:00:01,500 --> 00:00:03,000
Merci de
m'accueillir.
"""


def test_an_srt_transcript_gives_timed_segments_with_their_speaker():
    segments = parse_transcript(SRT.encode(), "srt")
    assert [(s.start_time, s.end_time, s.speaker, s.body) for s in segments] == [
        (0, 1.5, "Marie Durand", "Bonjour et bienvenue."),
        (1.5, 3, "", "Merci de m'accueillir."),
    ]


def test_a_json_transcript_gives_timed_segments_with_their_speaker():
    document = {
        "version": "1.0.0",
        "segments": [
            {"speaker": "Vincent Bel", "startTime": 0.5, "endTime": 2, "body": "Bonjour."},
            {"startTime": 2, "endTime": 3.25, "body": "  Merci.  "},
        ],
    }
    segments = parse_transcript(json.dumps(document).encode(), "json")
    assert [(s.start_time, s.end_time, s.speaker, s.body) for s in segments] == [
        (0.5, 2, "Vincent Bel", "Bonjour."),
        (2, 3.25, "", "Merci."),
    ]


@pytest.mark.parametrize(
    ("data", "kind", "message"),
    [
        (b"pas un fichier WebVTT", "vtt", "illisible"),
        (b'{"segments": [{"startTime": "x", "body": "a"}]}', "json", "illisible"),
        (b"\xff\xfe\x00", "srt", "UTF-8"),
        (b"WEBVTT\n", "vtt", "vide"),
    ],
)
def test_an_unreadable_transcript_is_refused_in_french(data, kind, message):
    with pytest.raises(DocumentError, match=message):
        parse_transcript(data, kind)


def test_vtt_is_preferred_when_a_feed_links_several_transcript_formats():
    links = [
        TranscriptLink("https://h.example/t.json", "application/json"),
        TranscriptLink("https://h.example/t.html", "text/html"),
        TranscriptLink("https://h.example/t.vtt", "text/vtt"),
        TranscriptLink("https://h.example/t.srt", "application/x-subrip"),
    ]
    assert preferred_transcript(links).url == "https://h.example/t.vtt"
    assert preferred_transcript(links[:2]).url == "https://h.example/t.json"
    assert preferred_transcript(links[1:2]) is None


def test_chapters_are_read_sorted_without_hidden_ones():
    document = {
        "version": "1.2.0",
        "chapters": [
            {"startTime": 90, "title": "Fin", "url": "javascript:alert(1)"},
            {"startTime": 0, "title": "Début", "url": "https://paroles.example/"},
            {"startTime": 30, "title": "Caché", "toc": False},
        ],
    }
    assert parse_chapters(json.dumps(document).encode()) == [
        (0, "Début", "https://paroles.example/"),
        (90, "Fin", ""),
    ]


@pytest.mark.parametrize(
    "data", [b"<html>", b'{"chapitres": []}', b'{"chapters": [{"title": "x"}]}']
)
def test_unreadable_chapters_are_refused_in_french(data):
    with pytest.raises(DocumentError, match="le fichier de chapitres est illisible"):
        parse_chapters(data)
