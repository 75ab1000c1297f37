"""Transcripts (WebVTT, SRT, JSON) and chapters JSON as written for podcast apps, read back by the
libraries apps use."""

import json
from datetime import timedelta

import srt
import webvtt

from episodes.formats.chapters import chapters_json
from episodes.formats.transcripts import (
    Segment,
    parse_transcript_file,
    parse_webvtt,
    to_json,
    to_srt,
    to_webvtt,
)
from episodes.models import Chapter
from tests.factories import SEGMENTS

# ------------------------------------------------------------------------------ pure writers


def test_webvtt_written_then_read_gives_the_same_segments():
    assert parse_webvtt(to_webvtt(SEGMENTS)) == SEGMENTS


def test_webvtt_output_is_read_by_webvtt_py_with_voices_and_times():
    captions = webvtt.from_string(to_webvtt(SEGMENTS))
    assert [caption.voice for caption in captions] == [
        "Claire Martin",
        "Claire Martin",
        "Karim &amp; Co",
        None,
    ]
    assert captions[0].raw_text == "<v Claire Martin>Bienvenue sur Radio des Territoires."
    assert (captions[3].start, captions[3].end) == ("01:02:03.456", "01:02:05.000")


def test_webvtt_output_escapes_what_would_be_read_as_tags():
    assert "&lt;informatique&gt; &amp; solidaire" in to_webvtt(SEGMENTS)


def test_srt_output_is_read_by_the_srt_library():
    subtitles = list(srt.parse(to_srt(SEGMENTS)))
    assert [subtitle.index for subtitle in subtitles] == [1, 2, 3, 4]
    assert subtitles[1].start == timedelta(seconds=4.5)
    assert subtitles[3].start == timedelta(seconds=3723, milliseconds=456)
    assert subtitles[2].content == "Karim & Co: Merci de m'accueillir."


def test_srt_output_names_the_speaker_only_when_it_changes():
    contents = [subtitle.content for subtitle in srt.parse(to_srt(SEGMENTS))]
    assert contents[0] == "Claire Martin: Bienvenue sur Radio des Territoires."
    assert contents[1] == "Aujourd'hui : le réemploi <informatique> & solidaire."
    assert contents[3] == "Fin de l'épisode."


def test_srt_written_then_read_keeps_the_speakers_as_speakers():
    segments = [
        Segment(0.0, 2.0, "", "Générique : musique."),
        *SEGMENTS[:3],
        Segment(3723.456, 3725.0, "Claire Martin", "Fin de l'épisode."),
    ]
    assert parse_transcript_file("entretien.srt", to_srt(segments).encode()) == segments


def test_srt_text_with_a_colon_is_not_taken_for_a_speaker():
    text = "1\n00:00:00,000 --> 00:00:02,000\nÀ retenir : trois ateliers par an, à 10:30.\n"
    [segment] = parse_transcript_file("notes.srt", text.encode())
    assert (segment.speaker, segment.body) == ("", "À retenir : trois ateliers par an, à 10:30.")


def test_json_transcript_written_then_read_gives_the_same_segments():
    assert parse_transcript_file("entretien.json", to_json(SEGMENTS).encode()) == SEGMENTS


def test_json_transcript_follows_the_podcasting_2_0_format():
    document = json.loads(to_json(SEGMENTS))
    assert document["version"] == "1.0.0"
    assert document["segments"][0] == {
        "speaker": "Claire Martin",
        "startTime": 0,
        "endTime": 4.5,
        "body": "Bienvenue sur Radio des Territoires.",
    }
    assert document["segments"][3] == {
        "startTime": 3723.456,
        "endTime": 3725,
        "body": "Fin de l'épisode.",
    }


def test_chapters_json_is_sorted_by_start_time_with_optional_links():
    chapters = [
        Chapter(start_time=75.5, title="Le réemploi", url="https://ecodair.org/"),
        Chapter(start_time=0, title="Introduction"),
    ]
    document = json.loads(chapters_json(chapters))
    assert document == {
        "version": "1.2.0",
        "chapters": [
            {"startTime": 0, "title": "Introduction"},
            {"startTime": 75.5, "title": "Le réemploi", "url": "https://ecodair.org/"},
        ],
    }
