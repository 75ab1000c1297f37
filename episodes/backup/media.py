"""The media files of an instance: uploaded audio, images and their renditions, documents, on
local disk or in object storage, each storage taken once even when two names share it."""

import hashlib

from django.conf import settings
from django.core.files.storage import storages

# Where uploads go: Django's default storage and, when it is set apart, the audio's.
MEDIA_STORAGES = ("default", "audio")
CHUNK_SIZE = 1024 * 1024


def media_storages():
    """{alias: storage} of the distinct media storages of this instance."""
    seen, found = [], {}
    for alias in MEDIA_STORAGES:
        config = settings.STORAGES.get(alias)
        if config is not None and config not in seen:
            seen.append(config)
            found[alias] = storages[alias]
    return found


def stored_names(storage, folder=""):
    """Every file name in a storage, folder by folder, sorted."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a local media folder not created yet
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for subfolder in sorted(folders):
        yield from stored_names(storage, f"{folder}/{subfolder}" if folder else subfolder)


def has_files():
    """Whether any media storage holds a file."""
    return any(next(stored_names(storage), None) for storage in media_storages().values())


class HashingReader:
    """A file read through, its SHA-256 and size counted on the way; progress told per chunk."""

    def __init__(self, file, progress=None):
        self.file, self.progress = file, progress
        self.digest, self.size = hashlib.sha256(), 0

    def read(self, size=-1):
        chunk = self.file.read(size)
        self.digest.update(chunk)
        self.size += len(chunk)
        if self.progress is not None:
            self.progress.update(len(chunk))
        return chunk

    @property
    def sha256(self):
        return self.digest.hexdigest()
