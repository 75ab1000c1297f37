"""The AudioShape of each episode's audio: size, duration and the ID3 tag's bytes at its start."""

import logging

from audience.counting import AudioShape
from episodes.models import EpisodePage

logger = logging.getLogger("audience.aggregation")
_header_sizes = {}  # (audio pk, sha256) → bytes of the ID3v2 tag, for this process


def id3_size(head):
    """Bytes taken by an ID3v2 tag at the start of a file (from its first 10 bytes), or 0."""
    if len(head) < 10 or not head.startswith(b"ID3") or any(byte & 0x80 for byte in head[6:10]):
        return 0
    size = 0
    for byte in head[6:10]:  # a "syncsafe" integer: 7 bits a byte
        size = (size << 7) | byte
    footer = 10 if head[5] & 0x10 else 0
    return 10 + size + footer


def header_bytes(audio):
    """The metadata bytes before the audio: the ID3v2 tag of an MP3 (AAC/M4A: counted as 0)."""
    if audio.extension != "mp3":
        return 0
    memo = (audio.pk, audio.sha256)
    if memo not in _header_sizes:
        try:
            with audio.file.storage.open(audio.file.name, "rb") as file:
                _header_sizes[memo] = min(id3_size(file.read(10)), audio.size)
        except OSError:
            logger.warning("Audio %s unreadable: its ID3 tag is counted as audio", audio.pk)
            return 0
    return _header_sizes[memo]


def audio_shapes(episode_ids):
    """{episode id: AudioShape} for the episodes that still exist and have audio."""
    episodes = EpisodePage.objects.filter(pk__in=list(episode_ids), audio__isnull=False)
    return {
        episode.pk: AudioShape(
            episode.audio.size, episode.audio.duration, header_bytes(episode.audio)
        )
        for episode in episodes.select_related("audio").only("pk", "audio")
    }
