"""The bytes before an episode's audio data (IAB's « ID3/metadata bytes »), read at upload."""

import io

import pytest
from mutagen.mp4 import Atoms

from episodes.formats.audio import audio_header_bytes, read_audio_facts
from tests.audio_samples import encode_m4a, encode_mp3, id3v2_tag

MAX_SIZE = 200 * 1024 * 1024


def facts_of(data, name):
    return read_audio_facts(io.BytesIO(data), name, max_size=MAX_SIZE)


def mdat_payload_offset(data):
    """Where mutagen's own box parser says the first mdat box's payload starts."""
    mdat = next(atom for atom in Atoms(io.BytesIO(data)).atoms if atom.name == b"mdat")
    return mdat.offset + mdat.length - mdat.datalength


@pytest.mark.parametrize("faststart", [True, False], ids=["moov-first", "moov-last"])
def test_m4a_header_ends_where_its_audio_data_begins(faststart):
    data = encode_m4a(5.0, faststart=faststart)
    facts = facts_of(data, "episode.m4a")
    assert facts.header_bytes == mdat_payload_offset(data)
    if faststart:  # the moov box (sample tables) comes before the audio: kilobytes
        assert facts.header_bytes > 1000
    else:  # only ftyp and the mdat box's own header
        assert facts.header_bytes < 100


def test_mp3_header_is_its_id3_tags():
    tag = id3v2_tag("Épisode 12 : les circuits courts")
    assert facts_of(tag + encode_mp3(1.0), "episode.mp3").header_bytes == len(tag)
    assert facts_of(encode_mp3(1.0), "episode.mp3").header_bytes == 0


@pytest.mark.parametrize(
    ("data", "extension"),
    [
        (id3v2_tag() + encode_mp3(1.0), "mp3"),
        (encode_m4a(2.0), "m4a"),
        (encode_m4a(2.0, faststart=False), "m4a"),
    ],
)
def test_a_stored_file_gives_the_header_its_upload_did(data, extension):
    expected = facts_of(data, f"episode.{extension}").header_bytes
    assert audio_header_bytes(io.BytesIO(data), len(data), extension) == expected
