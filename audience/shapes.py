"""The AudioShape of each episode's audio: size, duration and the bytes before its audio data."""

import logging

from audience.counting import AudioShape
from episodes.formats.audio import audio_header_bytes
from episodes.models import EpisodePage

logger = logging.getLogger("audience.aggregation")
_header_sizes = {}  # (audio pk, sha256) → header bytes of files stored without them


def header_bytes(audio):
    """The metadata bytes before the audio (ID3v2 tags of an MP3, up to the mdat payload of an
    M4A), read at upload; a file uploaded before that was stored is read once per process."""
    if audio.header_bytes is not None:
        return min(audio.header_bytes, audio.size)
    memo = (audio.pk, audio.sha256)
    if memo not in _header_sizes:
        try:
            with audio.file.storage.open(audio.file.name, "rb") as file:
                _header_sizes[memo] = audio_header_bytes(file, audio.size, audio.extension)
        except OSError:
            logger.warning("Audio %s unreadable: its header is counted as audio", audio.pk)
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
