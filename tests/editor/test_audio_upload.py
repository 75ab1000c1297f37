"""Editors upload audio in the French admin: facts shown for a good file, a French error and
nothing left behind for a bad one."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from episodes.models import AudioFile
from tests.audio_samples import encode_mp3, wav_bytes

ADD_URL = "/admin/snippets/episodes/audiofile/add/"


def upload(client, name, data, url=ADD_URL):
    return client.post(url, {"title": "Témoignage", "file": SimpleUploadedFile(name, data)})


def stored_files(media_root):
    return [path for path in media_root.rglob("*") if path.is_file()]


def test_uploaded_mp3_shows_its_duration_size_and_bitrate(admin_client):
    data = encode_mp3(3.0, bitrate=128)
    response = upload(admin_client, "témoignage été.mp3", data)
    assert response.status_code == 302
    audio = AudioFile.objects.get()
    assert (audio.size, audio.bitrate, audio.codec) == (len(data), 128_000, "mp3")
    assert audio.file.name.isascii() and audio.file.name.endswith(".mp3")
    listing = admin_client.get("/admin/snippets/episodes/audiofile/").content.decode()
    assert "0:03" in listing and "128 kbit/s" in listing
    edit = admin_client.get(f"/admin/snippets/episodes/audiofile/edit/{audio.pk}/")
    assert "128 kbit/s" in edit.content.decode()
    assert f"{len(data)} octets" in edit.content.decode()


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("vide.mp3", b"", "vide"),
        ("notes.mp3", b"Bonjour, ceci est un texte." * 50, "MP3"),
        ("coupé.mp3", encode_mp3(3.0)[: len(encode_mp3(3.0)) * 6 // 10], "MP3"),
        ("voix.wav", wav_bytes(1.0), "MP3"),
        ("voix.mp3", wav_bytes(1.0), "MP3"),
    ],
)
def test_bad_audio_gets_a_french_error_and_leaves_nothing_behind(
    admin_client, media_root, name, data, expected
):
    response = upload(admin_client, name, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert expected in html
    assert "error-message" in html
    assert not AudioFile.objects.exists()
    assert stored_files(media_root) == []


def test_audio_over_the_size_limit_is_refused_with_the_limit(admin_client, settings, media_root):
    settings.AUDIO_MAX_UPLOAD_MB = 1
    response = upload(admin_client, "long.mp3", encode_mp3(90.0, bitrate=128))
    assert "1 Mo" in response.content.decode()
    assert not AudioFile.objects.exists()
    assert stored_files(media_root) == []


def test_audio_can_be_uploaded_from_the_episode_editor_chooser(admin_client):
    chooser = admin_client.get("/admin/snippets/choose/episodes/audiofile/")
    assert chooser.status_code == 200
    assert "multipart/form-data" in chooser.json()["html"]
    response = upload(
        admin_client,
        "chooser.mp3",
        encode_mp3(2.0),
        "/admin/snippets/choose/episodes/audiofile/create/",
    )
    assert response.json()["step"] == "chosen"
    assert AudioFile.objects.get().duration > 1.9
