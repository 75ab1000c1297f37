"""Writing a backup archive: the database snapshot first, then every media file, then the
manifest (checksums of all). Files uploaded after the snapshot may be in it too, never missing
ones it names. The archive is written under a temporary name and renamed once complete."""

import io
import json
import logging
import os
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.utils.translation import gettext as _

from episodes.backup.database import DUMP_NAMES, dump_database
from episodes.backup.errors import BackupError
from episodes.backup.media import HashingReader, media_storages, stored_names

logger = logging.getLogger("episodes.backup")

FORMAT = 1
MANIFEST = "manifest.json"


def archive_path(destination):
    """The archive's path: DEST itself, or a dated name inside DEST when it is a folder."""
    destination = Path(destination)
    if destination.is_dir():
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        return destination / f"radio-sauvegarde-{stamp}.tar"
    if not destination.parent.is_dir():
        raise BackupError(_("Le dossier %(folder)s n'existe pas.") % {"folder": destination.parent})
    return destination


def write_backup(destination, progress):
    """Write the archive to destination (file or folder); returns its path and manifest.

    progress(total_bytes) returns a tqdm-like counter with update(n) and close().
    """
    path = archive_path(destination)
    partial = path.with_name(path.name + ".partial")
    try:
        with tarfile.open(partial, "w") as archive:
            manifest = {"format": FORMAT, "created_at": datetime.now(UTC).isoformat()}
            manifest["database"] = add_database(archive)
            manifest["engine"] = manifest["database"].pop("engine")
            manifest["files"] = add_media(archive, progress)
            add_bytes(archive, MANIFEST, json.dumps(manifest, indent=1).encode())
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path, manifest


def add_database(archive):
    with tempfile.TemporaryDirectory() as folder:
        dump = Path(folder) / "database"
        engine = dump_database(dump)
        member = DUMP_NAMES[engine]
        with dump.open("rb") as file:
            reader = HashingReader(file)
            info = tarfile.TarInfo(member)
            info.size = dump.stat().st_size
            archive.addfile(info, reader)
    return {"engine": engine, "member": member, "size": reader.size, "sha256": reader.sha256}


def add_media(archive, progress):
    """Every file of every media storage, its checksum recorded; a file gone meanwhile skipped."""
    listed = [
        (alias, storage, name, storage.size(name))
        for alias, storage in media_storages().items()
        for name in stored_names(storage)
    ]
    counter = progress(sum(size for *_rest, size in listed))
    files = []
    try:
        for alias, storage, name, size in listed:
            try:
                file = storage.open(name, "rb")
            except FileNotFoundError:
                logger.warning("%s was deleted during the backup: left out.", name)
                continue
            with file:
                reader = HashingReader(file, counter)
                info = tarfile.TarInfo(media_member(alias, name))
                info.size = size
                archive.addfile(info, reader)
            files.append({"storage": alias, "name": name, "size": size, "sha256": reader.sha256})
    finally:
        counter.close()
    return files


def media_member(alias, name):
    return f"media/{alias}/{name}"


def add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    archive.addfile(info, io.BytesIO(data))
