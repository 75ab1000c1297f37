"""Transcripts and chapters linked by an imported feed are read in every format apps publish,
by the same parsers as the episode editor's uploads; a feed's chapters file is read leniently."""

import json

import pytest

from episodes.formats.chapters import ChapterError, parse_chapters_json
from episodes.formats.transcripts import TranscriptError
from episodes.importer.media import imported_transcript, preferred_transcript
from episodes.importer.parse import TranscriptLink

SRT = """1
00:00:00,000 --> 00:00:01,500
Marie Durand: Bonjour et bienvenue.

2
00:00:01,500 --> 00:00:03,000
Merci de
m'accueillir.

3
00:00:03,000 --> 00:00:04,000
Vincent Bel: Merci à vous.
"""


@pytest.fixture
def hosted(host):
    """Serve a document on the local host; its TranscriptLink."""

    def serve(path, data, content_type):
        host.files[path] = (data if isinstance(data, bytes) else data.encode(), content_type)
        return TranscriptLink(host.url(path), content_type)

    return serve


def test_an_srt_transcript_gives_timed_segments_with_their_speakers(hosted):
    link = hosted("/docs/t.srt", SRT, "application/x-subrip")
    url, segments = imported_transcript([link])
    assert url == link.url
    assert [(s.start_time, s.end_time, s.speaker, s.body) for s in segments] == [
        (0, 1.5, "Marie Durand", "Bonjour et bienvenue."),
        (1.5, 3, "Marie Durand", "Merci de m'accueillir."),
        (3, 4, "Vincent Bel", "Merci à vous."),
    ]


def test_a_json_transcript_gives_timed_segments_with_their_speaker(hosted):
    document = {
        "version": "1.0.0",
        "segments": [
            {"speaker": "Vincent Bel", "startTime": 0.5, "endTime": 2, "body": "Bonjour."},
            {"startTime": "2", "endTime": 3.25, "body": "  Merci.  "},
        ],
    }
    link = hosted("/docs/transcript", json.dumps(document), "application/json")
    _url, segments = imported_transcript([link])
    assert [(s.start_time, s.end_time, s.speaker, s.body) for s in segments] == [
        (0.5, 2, "Vincent Bel", "Bonjour."),
        (2, 3.25, "", "Merci."),
    ]


@pytest.mark.parametrize(
    ("data", "content_type", "message"),
    [
        ("pas un fichier WebVTT", "text/vtt", "Ligne 1 : un fichier WebVTT commence par"),
        (
            '{"segments": [{"startTime": "x", "body": "a"}]}',
            "application/json",
            "Passage 1 : « startTime » doit être un nombre de secondes positif.",
        ),
        (b"1\n00:00:00,000 --> 00:00:01,000\n\xe9t\xe9\n", "text/srt", "Ligne 3 : le fichier"),
        ("WEBVTT\n", "text/vtt", "ne contient aucun passage minuté"),
        ("[" * 100_000 + "]" * 100_000, "application/json", "imbriqué sur plus de 32 niveaux"),
    ],
)
def test_an_unreadable_transcript_is_refused_in_french_naming_the_line(
    hosted, data, content_type, message
):
    link = hosted("/docs/transcription", data, content_type)
    with pytest.raises(TranscriptError, match=message):
        imported_transcript([link])


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


FEED_CHAPTERS = {
    "version": "1.2.0",
    "chapters": [
        {"startTime": 90, "title": "Fin", "url": "javascript:alert(1)"},
        {"startTime": 0, "title": "Début", "url": "https://paroles.example/"},
        {"startTime": 30, "title": "Caché", "toc": False},
        {"startTime": 45, "img": "https://paroles.example/image.jpg"},
    ],
}


def test_a_feeds_chapters_are_read_sorted_without_hidden_untitled_ones_or_bad_links():
    drafts = parse_chapters_json(json.dumps(FEED_CHAPTERS).encode(), from_feed=True)
    assert [(d.start_time, d.title, d.url) for d in drafts] == [
        (0, "Début", "https://paroles.example/"),
        (90, "Fin", ""),
    ]


def test_an_editors_chapters_file_with_a_bad_link_is_refused_not_cut():
    with pytest.raises(ChapterError, match="Chapitre 1 : le lien « url »"):
        parse_chapters_json(json.dumps(FEED_CHAPTERS).encode())


def test_hidden_chapters_are_left_out_of_an_editors_upload_too():
    document = {"chapters": [{"startTime": 0, "title": "A"}, {"startTime": 5, "toc": False}]}
    drafts = parse_chapters_json(json.dumps(document).encode())
    assert [(d.start_time, d.title) for d in drafts] == [(0, "A")]


def test_a_link_longer_than_a_chapter_holds_is_refused():
    url = "https://paroles.example/" + "a" * 200
    document = {"chapters": [{"startTime": 0, "title": "A", "url": url}]}
    with pytest.raises(ChapterError, match="le lien « url »"):
        parse_chapters_json(json.dumps(document).encode())


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<html>", "Ligne 1, colonne 1 : ce n'est pas du JSON valide"),
        (b'{"chapitres": []}', "une liste « chapters » non vide"),
        (b'{"chapters": [{"title": "x"}]}', "Chapitre 1 : « startTime »"),
        (b'{"chapters": [{"startTime": 0, "toc": false}]}', "aucun chapitre à afficher"),
        (b"[" * 100_000 + b"]" * 100_000, "imbriqué sur plus de 32 niveaux"),
    ],
)
def test_unreadable_chapters_from_a_feed_are_refused_in_french(data, message):
    with pytest.raises(ChapterError, match=message):
        parse_chapters_json(data, from_feed=True)
