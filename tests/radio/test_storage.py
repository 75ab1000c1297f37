"""Uploads when the disk is full (a real, tiny tmpfs mounted as MEDIA_ROOT): the editor reads a
French error, no partial file is left in the media folder, no row is half-saved."""

import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from episodes.models import AudioFile
from tests.audio_samples import encode_mp3
from tests.browser import unavailable
from tests.factories import image_bytes

FULL = "l&#x27;espace disque du serveur est plein"


@pytest.fixture
def full_disk(settings, tmp_path):
    """MEDIA_ROOT on a 256 kB tmpfs with about 8 kB left (needs root: CI runs as root)."""
    media = tmp_path / "full-media"
    media.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(media)], capture_output=True
    )
    if mounted.returncode:
        unavailable(f"tmpfs impossible à monter ({mounted.stderr.decode().strip()})")
    try:
        (media / "remplissage").write_bytes(b"\0" * (248 * 1024))
        settings.MEDIA_ROOT = media
        yield media
    finally:
        subprocess.run(["umount", str(media)], check=True)


def files_in(folder):
    return sorted(path.name for path in folder.rglob("*") if path.is_file())


@pytest.mark.parametrize("seconds", [4.0, 150.0])  # kept in memory, then a temporary file
def test_an_audio_upload_on_a_full_disk_is_refused_in_french_leaving_nothing(
    admin_client, full_disk, seconds
):
    upload = SimpleUploadedFile("témoignage.mp3", encode_mp3(seconds), "audio/mpeg")
    response = admin_client.post(
        "/admin/snippets/episodes/audiofile/add/", {"title": "Témoignage", "file": upload}
    )
    assert response.status_code == 507
    assert FULL in response.content.decode()
    assert not AudioFile.objects.exists()
    assert files_in(full_disk) == ["remplissage"]


def test_an_image_upload_on_a_full_disk_is_refused_in_french_leaving_nothing(
    admin_client, full_disk
):
    image = SimpleUploadedFile("pochette.png", image_bytes(size=(1400, 1400)), "image/png")
    response = admin_client.post("/admin/images/add/", {"title": "Pochette", "file": image})
    assert response.status_code == 507
    assert FULL in response.content.decode()
    assert files_in(full_disk) == ["remplissage"]


def test_a_background_upload_on_a_full_disk_gets_the_french_error_as_json(admin_client, full_disk):
    image = SimpleUploadedFile("pochette.png", image_bytes(size=(1400, 1400)), "image/png")
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": image},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 507
    assert "espace disque du serveur est plein" in response.json()["error_message"]
    assert files_in(full_disk) == ["remplissage"]
