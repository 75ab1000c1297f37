"""An episode's audio facts are read once at upload, and bad files are refused in French."""

import hashlib
import io
import random

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from PIL import Image

from episodes.formats.audio import CHUNK_SIZE, AudioRejected, read_audio_facts
from tests.audio_samples import (
    encode_mp3,
    fixture,
    frame_offsets,
    id3v1_tag,
    id3v2_tag,
    wav_bytes,
    with_apev2_tag,
)

MAX_SIZE = 200 * 1024 * 1024


def read(data, name="episode.mp3", *, max_size=MAX_SIZE):
    return read_audio_facts(io.BytesIO(data), name, max_size=max_size)


def refusal(data, name="episode.mp3", *, max_size=MAX_SIZE):
    with pytest.raises(AudioRejected) as caught:
        read(data, name, max_size=max_size)
    assert str(caught.value) == caught.value.message
    return caught.value


def image_bytes(image_format):
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), "orange").save(buffer, image_format)
    return buffer.getvalue()


# Facts of accepted files


def test_mp3_facts_are_read_from_a_real_encoded_file():
    data = encode_mp3(2.0, sample_rate=44100, channels=1, bitrate=128)
    facts = read(data)
    assert abs(facts.duration - 2.0) < 0.1
    assert facts.bitrate == 128_000
    assert facts.sample_rate == 44100
    assert facts.channels == 1
    assert (facts.codec, facts.mime_type, facts.extension) == ("mp3", "audio/mpeg", "mp3")
    assert facts.size == len(data)
    assert facts.sha256 == hashlib.sha256(data).hexdigest()


def test_stereo_48_khz_mp3_facts_are_read():
    facts = read(encode_mp3(3.0, sample_rate=48000, channels=2, bitrate=192))
    assert abs(facts.duration - 3.0) < 0.1
    assert (facts.bitrate, facts.sample_rate, facts.channels) == (192_000, 48000, 2)


def test_m4a_facts_are_read_from_an_aac_file():
    data = fixture("tone.m4a")
    facts = read(data, "episode.m4a")
    assert abs(facts.duration - 1.0) < 0.1
    assert 56_000 <= facts.bitrate <= 72_000
    assert (facts.sample_rate, facts.channels) == (44100, 2)
    assert (facts.codec, facts.mime_type, facts.extension) == ("aac", "audio/x-m4a", "m4a")
    assert facts.size == len(data)
    assert facts.sha256 == hashlib.sha256(data).hexdigest()


def test_mp3_with_a_lame_info_header_is_read_from_that_header():
    facts = read(fixture("tone-lame-info.mp3"))
    assert abs(facts.duration - 1.0) < 0.1
    assert abs(facts.bitrate - 32_000) < 500
    assert (facts.sample_rate, facts.channels) == (44100, 1)


def test_mp3_tags_before_and_after_the_audio_are_accepted():
    audio = encode_mp3(2.0)
    data = with_apev2_tag(id3v2_tag() + audio) + id3v1_tag()
    facts = read(data)
    assert facts.duration == read(audio).duration
    assert facts.size == len(data)


def test_extension_case_does_not_matter():
    assert read(encode_mp3(1.0), "EPISODE.MP3").extension == "mp3"


def test_a_long_mp3_is_read_in_chunks_from_a_file_on_disk(tmp_path):
    data = encode_mp3(75.0)
    assert len(data) > CHUNK_SIZE  # frames straddle a chunk boundary
    path = tmp_path / "long.mp3"
    path.write_bytes(data)
    with open(path, "rb") as file:
        facts = read_audio_facts(file, "long.mp3", max_size=MAX_SIZE)
    assert abs(facts.duration - 75.0) < 0.1
    assert facts.sha256 == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("upload_class", [SimpleUploadedFile, TemporaryUploadedFile])
def test_django_uploaded_files_are_read(upload_class):
    data = encode_mp3(1.0)
    if upload_class is SimpleUploadedFile:
        upload = SimpleUploadedFile("episode.mp3", data, "audio/mpeg")
    else:
        upload = TemporaryUploadedFile("episode.mp3", "audio/mpeg", len(data), None)
        upload.write(data)
    with upload:
        assert read_audio_facts(upload, upload.name, max_size=MAX_SIZE).size == len(data)


def test_file_is_left_at_position_0_after_reading():
    file = io.BytesIO(encode_mp3(1.0))
    file.seek(123)
    read_audio_facts(file, "episode.mp3", max_size=MAX_SIZE)
    assert file.tell() == 0


def test_file_is_left_at_position_0_after_a_refusal():
    file = io.BytesIO(encode_mp3(1.0))
    with pytest.raises(AudioRejected):
        read_audio_facts(file, "episode.wav", max_size=MAX_SIZE)
    assert file.tell() == 0


# Refusals


def test_empty_file_is_refused():
    rejection = refusal(b"")
    assert rejection.code == "empty"
    assert "vide" in rejection.message
    assert "episode.mp3" in rejection.message


def test_file_larger_than_the_limit_is_refused_before_being_read():
    class UnreadableFile(io.BytesIO):
        def read(self, *args):
            raise AssertionError("the file was read before its size was checked")

    file = UnreadableFile(bytes(3 * 1024 * 1024 // 2))
    with pytest.raises(AudioRejected) as caught:
        read_audio_facts(file, "episode.mp3", max_size=1024 * 1024)
    assert caught.value.code == "too_large"
    assert "1,5 Mo" in caught.value.message
    assert "limite de 1 Mo" in caught.value.message


def test_text_file_named_mp3_is_refused_as_not_audio():
    rejection = refusal("Notes de l'épisode : témoignage.\n".encode() * 50)
    assert rejection.code == "not_audio"
    assert "n'est pas un fichier audio" in rejection.message


@pytest.mark.parametrize("image_format", ["PNG", "JPEG"])
def test_image_named_mp3_is_refused_as_an_image(image_format):
    rejection = refusal(image_bytes(image_format))
    assert rejection.code == "not_audio"
    assert f"une image ({image_format})" in rejection.message


def test_random_bytes_named_mp3_are_refused_as_not_audio():
    rejection = refusal(random.Random(7).randbytes(20_000))
    assert rejection.code == "not_audio"


def test_truncated_mp3_is_refused():
    data = encode_mp3(3.0)
    rejection = refusal(data[: len(data) * 6 // 10])
    assert rejection.code == "truncated"
    assert "incomplet" in rejection.message
    assert "MP3" in rejection.message


def test_mp3_cut_between_two_frames_is_refused_thanks_to_its_info_header():
    data = fixture("tone-lame-info.mp3")
    cut = frame_offsets(data, start=len(id3v2_prefix(data)))[-5]
    assert refusal(data[:cut]).code == "truncated"


def id3v2_prefix(data):
    size = sum((data[6 + i] & 0x7F) << (7 * (3 - i)) for i in range(4))
    return data[: 10 + size]


def test_mp3_followed_by_random_bytes_is_refused_as_corrupt():
    rejection = refusal(encode_mp3(2.0) + random.Random(1).randbytes(5_000))
    assert rejection.code == "corrupt"
    assert "endommagé" in rejection.message
    assert "après 2 s" in rejection.message


def test_mp3_with_garbage_in_the_middle_is_refused_as_corrupt():
    data = bytearray(encode_mp3(2.0))
    middle = len(data) // 2
    data[middle : middle + 2_000] = random.Random(2).randbytes(2_000)
    assert refusal(bytes(data)).code == "corrupt"


def test_mp3_with_only_an_id3_tag_is_refused_as_silent():
    rejection = refusal(id3v2_tag())
    assert rejection.code == "no_audio"
    assert "durée nulle" in rejection.message


def test_truncated_m4a_is_refused():
    data = fixture("tone.m4a")
    rejection = refusal(data[: len(data) * 6 // 10], "episode.m4a")
    assert rejection.code == "truncated"
    assert "incomplet" in rejection.message


@pytest.mark.parametrize(
    ("data", "name", "format_name"),
    [
        (wav_bytes(1.0), "episode.wav", "WAV"),
        (wav_bytes(1.0), "episode.mp3", "WAV"),
        (fixture("tone.ogg"), "episode.ogg", "Ogg Vorbis"),
        (fixture("tone-opus.ogg"), "episode.opus", "Ogg Opus"),
        (fixture("tone.flac"), "episode.flac", "FLAC"),
        (fixture("tone.aac"), "episode.aac", "AAC ADTS"),
        (fixture("tone.mp2"), "episode.mp3", "MPEG Layer II"),
        (fixture("tone-alac.m4a"), "episode.m4a", "ALAC"),
    ],
)
def test_other_audio_formats_are_refused_naming_the_format(data, name, format_name):
    rejection = refusal(data, name)
    assert rejection.code == "unsupported_format"
    assert f"au format {format_name}" in rejection.message
    assert "seuls le MP3 et l'AAC (M4A)" in rejection.message


@pytest.mark.parametrize(
    ("data", "name", "content", "extension", "suggested"),
    [
        (encode_mp3(1.0), "episode.m4a", "MP3", "M4A", "episode.mp3"),
        (fixture("tone.m4a"), "episode.mp3", "AAC (M4A)", "MP3", "episode.m4a"),
        (encode_mp3(1.0), "episode.wav", "MP3", "WAV", "episode.mp3"),
    ],
)
def test_content_not_matching_the_extension_is_refused(data, name, content, extension, suggested):
    rejection = refusal(data, name)
    assert rejection.code == "extension_mismatch"
    assert f"contient de l'audio {content}, mais son extension indique {extension}" in str(
        rejection
    )
    assert f"Renommez-le « {suggested} »" in rejection.message


@pytest.mark.parametrize("name", ["episode.txt", "episode"])
def test_unknown_or_missing_extension_is_refused(name):
    rejection = refusal(encode_mp3(1.0), name)
    assert rejection.code == "unknown_extension"
    assert f"« {name} » n'est pas acceptée" in rejection.message
    assert "« episode.mp3 »" in rejection.message
