"""manage.py backup and restore: a round trip gives back the same pages, the same feed bytes and
the same audio, on SQLite and on PostgreSQL; a non-empty instance is refused."""

import hashlib
import json
import shutil
import tarfile

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.urls import reverse

from episodes.models import EpisodePage, PodcastPage, Theme
from tests.production.buckets import bucket_keys, empty_the_bucket

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def public_addresses():
    """The pages, feeds and audio a visitor or a podcast app reads."""
    episodes = list(EpisodePage.objects.published().select_related("audio"))
    paths = ["/", "/themes/", "/associations/", reverse("feeds_opml"), "/sitemap.xml"]
    shows = PodcastPage.objects.live()
    paths += [show.url for show in shows]
    paths += [reverse("show_feed", kwargs={"slug": show.slug}) for show in shows]
    paths += [reverse("theme_feed", kwargs={"slug": theme.slug}) for theme in Theme.objects.all()]
    paths += [episode.url for episode in episodes]
    paths += [
        reverse("episode_audio", kwargs={"guid": episode.guid, "ext": episode.audio.extension})
        for episode in episodes
    ]
    return paths


def what_is_served(client, paths):
    """{path: (status, SHA-256 of the body)} for each address."""
    served = {}
    for path in paths:
        response = client.get(path)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        served[path] = (response.status_code, hashlib.sha256(body).hexdigest())
    return served


def empty_the_instance(media_root):
    """What a new instance is before its restore: no row, no media file."""
    call_command(
        "flush", interactive=False, inhibit_post_migrate=True, reset_sequences=False, verbosity=0
    )
    shutil.rmtree(media_root, ignore_errors=True)
    cache.clear()


def test_a_restored_backup_serves_the_same_pages_feeds_and_audio(
    client, demo, media_root, tmp_path
):
    paths = public_addresses()
    before = what_is_served(client, paths)
    assert len(paths) > 15 and all(status == 200 for status, _digest in before.values())

    call_command("backup", str(tmp_path), verbosity=0)
    (archive,) = tmp_path.glob("radio-sauvegarde-*.tar")
    empty_the_instance(media_root)
    assert client.get(paths[-1]).status_code == 404
    call_command("restore", str(archive), verbosity=0)

    assert what_is_served(client, paths) == before


def test_the_manifest_holds_the_checksum_of_every_audio_file(episode, tmp_path):
    path = tmp_path / "radio.tar"
    call_command("backup", str(path), verbosity=0)
    with tarfile.open(path) as archive:
        manifest = json.load(archive.extractfile("manifest.json"))
        names = set(archive.getnames())
    audio = {entry["name"]: entry["sha256"] for entry in manifest["files"]}
    assert audio[episode.audio.file.name] == episode.audio.sha256
    assert manifest["database"]["member"] in names


def test_restore_refuses_an_instance_that_is_not_empty(episode, tmp_path):
    path = tmp_path / "radio.tar"
    call_command("backup", str(path), verbosity=0)
    with pytest.raises(CommandError, match="Cette instance n'est pas vide .*1 épisode.*--force"):
        call_command("restore", str(path), verbosity=0)
    assert EpisodePage.objects.get() == episode


def test_restore_with_force_replaces_the_content(show, episode, tmp_path):
    path = tmp_path / "radio.tar"
    call_command("backup", str(path), verbosity=0)
    episode.title = "Un titre changé après la sauvegarde"
    episode.save_revision().publish()
    call_command("restore", str(path), force=True, verbosity=0)
    assert EpisodePage.objects.get().title == "Ecodair : le choix vertueux du reconditionné"


def test_a_damaged_archive_is_refused_before_anything_changes(episode, media_root, tmp_path):
    path = tmp_path / "radio.tar"
    call_command("backup", str(path), verbosity=0)
    data = bytearray(path.read_bytes())
    audio_at = data.find(episode.audio.file.open("rb").read()[-4096:])
    data[audio_at + 100] ^= 0xFF
    path.write_bytes(bytes(data))
    empty_the_instance(media_root)
    with pytest.raises(CommandError, match="La sauvegarde est endommagée"):
        call_command("restore", str(path), verbosity=0)
    assert not EpisodePage.objects.exists()


def test_a_file_that_is_not_a_backup_gets_a_french_error(db, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("pas une sauvegarde")
    with pytest.raises(CommandError, match="n'est pas une sauvegarde lisible"):
        call_command("restore", str(path), verbosity=0)


def test_a_backup_of_media_in_object_storage_restores_into_an_empty_bucket(
    client, bucket, episode, media_root, tmp_path
):
    path = tmp_path / "radio.tar"
    audio = reverse("episode_audio", kwargs={"guid": episode.guid, "ext": "mp3"})
    before = what_is_served(client, [audio])
    call_command("backup", str(path), verbosity=0)
    empty_the_instance(media_root)
    empty_the_bucket(bucket)
    call_command("restore", str(path), verbosity=0)
    assert what_is_served(client, [audio]) == before
    assert episode.audio.file.name in bucket_keys(bucket)
