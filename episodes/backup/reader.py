"""Restoring an archive into an empty instance: check every checksum first (a damaged archive
changes nothing), then put the database back, then every media file under its own name."""

import json
import shutil
import tarfile
import tempfile
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files import File
from django.db import DatabaseError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from episodes.backup.database import restore_database
from episodes.backup.errors import BackupError
from episodes.backup.media import HashingReader, has_files, media_storages, stored_names
from episodes.backup.writer import FORMAT, MANIFEST, media_member
from episodes.models import AudioFile, EpisodePage, PodcastPage


def open_archive(path):
    """The archive and its manifest; a French error if it is not one of our backups."""
    try:
        archive = tarfile.open(path, "r:")
        manifest = json.load(archive.extractfile(MANIFEST))
    except (OSError, tarfile.TarError, KeyError, ValueError):
        raise BackupError(
            _(
                "%(path)s n'est pas une sauvegarde lisible de la radio (manifeste absent ou "
                "illisible)."
            )
            % {"path": path}
        ) from None
    if manifest.get("format") != FORMAT:
        archive.close()
        raise BackupError(_("Cette sauvegarde est d'un format inconnu de cette version."))
    return archive, manifest


def instance_contents():
    """What this instance already holds, in French ("3 épisodes, 2 comptes…"); "" when empty."""
    try:
        counts = [
            (EpisodePage.objects.count(), "%(n)d épisode", "%(n)d épisodes"),
            (PodcastPage.objects.count(), "%(n)d podcast", "%(n)d podcasts"),
            (AudioFile.objects.count(), "%(n)d fichier audio", "%(n)d fichiers audio"),
            (get_user_model().objects.count(), "%(n)d compte", "%(n)d comptes"),
        ]
    except DatabaseError:  # not migrated yet: empty
        counts = []
    parts = [ngettext(one, many, n) % {"n": n} for n, one, many in counts if n]
    if has_files():
        parts.append(_("des fichiers dans le stockage des médias"))
    return ", ".join(parts)


def check_archive(archive, manifest, progress):
    """Read every member back and compare it with the manifest; a French error on a mismatch."""
    entries = [(manifest["database"]["member"], manifest["database"])]
    entries += [(media_member(f["storage"], f["name"]), f) for f in manifest["files"]]
    counter = progress(sum(entry["size"] for _member, entry in entries))
    try:
        for member, entry in entries:
            reader = HashingReader(extract(archive, member), counter)
            while reader.read(1024 * 1024):
                pass
            if reader.sha256 != entry["sha256"]:
                raise BackupError(
                    _("La sauvegarde est endommagée : %(member)s ne correspond pas au manifeste.")
                    % {"member": member}
                )
    finally:
        counter.close()


def extract(archive, member):
    try:
        return archive.extractfile(member)
    except KeyError:
        raise BackupError(
            _("La sauvegarde est incomplète : %(member)s manque.") % {"member": member}
        ) from None


def restore_archive(archive, manifest, progress):
    """Put the database back, then every media file; existing files of the same name replaced."""
    with tempfile.TemporaryDirectory() as folder:
        dump = Path(folder) / "database"
        with dump.open("wb") as file:
            shutil.copyfileobj(extract(archive, manifest["database"]["member"]), file)
        restore_database(dump, manifest["engine"])
    storages = media_storages()
    counter = progress(sum(entry["size"] for entry in manifest["files"]))
    try:
        for entry in manifest["files"]:
            storage = storages.get(entry["storage"]) or storages["default"]
            member = media_member(entry["storage"], entry["name"])
            restore_file(storage, entry["name"], extract(archive, member))
            counter.update(entry["size"])
    finally:
        counter.close()


def restore_file(storage, name, content):
    if storage.exists(name):
        storage.delete(name)
    saved = storage.save(name, File(content, name=name))
    if saved != name:
        raise BackupError(
            _("Le fichier %(name)s a été enregistré sous un autre nom (%(saved)s).")
            % {"name": name, "saved": saved}
        )


def clear_media():
    """Remove every media file (restore --force)."""
    for storage in media_storages().values():
        for name in list(stored_names(storage)):
            storage.delete(name)
