"""An episode's audio facts, read once at upload: file in, facts out; no ORM.

The frame-by-frame truncation check of MP3s is in mpeg_frames.py.

Only MP3 (MPEG Layer III, .mp3) and AAC in an MP4 container (.m4a) are accepted. The format is
told by content, never by name; the file is streamed in 1 MiB chunks, never held whole in memory.
"""

import hashlib
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from mutagen import MutagenError
from mutagen.mp3 import HeaderNotFoundError, MPEGFrame
from mutagen.mp4 import MP4

from episodes.formats.mpeg_frames import FrameChain, audio_end, xing_bytes

CHUNK_SIZE = 1024 * 1024

# Why a file is refused, for editors, by machine code (AudioRejected.code); translated when raised.
# fmt: off
MESSAGES = {
    "empty": gettext_noop("Le fichier « %(name)s » est vide (0 octet). Exportez l'épisode en MP3 ou en AAC (M4A), puis envoyez-le à nouveau."),  # noqa: E501
    "too_large": gettext_noop("Le fichier « %(name)s » pèse %(size)s Mo, au-delà de la limite de %(limit)s Mo. Exportez l'épisode avec un débit plus bas : 96 à 128 kbit/s en mono suffisent pour la voix."),  # noqa: E501
    "image": gettext_noop("Le fichier « %(name)s » est une image (%(format)s), pas un fichier audio. Envoyez l'épisode exporté en MP3 ou en AAC (M4A)."),  # noqa: E501
    "not_audio": gettext_noop("Le fichier « %(name)s » n'est pas un fichier audio reconnu. Envoyez l'épisode exporté en MP3 ou en AAC (M4A)."),  # noqa: E501
    "unsupported_format": gettext_noop("Le fichier « %(name)s » est au format %(format)s, qui n'est pas accepté : seuls le MP3 et l'AAC (M4A) le sont. Exportez l'épisode en MP3 ou en AAC (M4A)."),  # noqa: E501
    "extension_mismatch": gettext_noop("Le fichier « %(name)s » contient de l'audio %(format)s, mais son extension indique %(extension)s. Renommez-le « %(suggested)s », puis envoyez-le à nouveau."),  # noqa: E501
    "unknown_extension": gettext_noop("L'extension du fichier « %(name)s » n'est pas acceptée : il contient de l'audio %(format)s. Renommez-le « %(suggested)s », puis envoyez-le à nouveau."),  # noqa: E501
    "unreadable": gettext_noop("Le fichier « %(name)s » n'est pas un fichier %(format)s lisible : il est sans doute endommagé ou incomplet. Exportez à nouveau l'épisode en MP3 ou en AAC (M4A)."),  # noqa: E501
    "corrupt": gettext_noop("Le fichier « %(name)s » est endommagé : des données illisibles apparaissent après %(position)s d'audio. Exportez à nouveau l'épisode en MP3 ou en AAC (M4A)."),  # noqa: E501
    "truncated": gettext_noop("Le fichier « %(name)s » est incomplet : il s'arrête avant la fin de l'audio, sans doute parce que l'export ou l'envoi a été interrompu. Exportez à nouveau l'épisode en MP3 ou en AAC (M4A), puis envoyez le fichier complet."),  # noqa: E501
    "no_audio": gettext_noop("Le fichier « %(name)s » ne contient aucun son (durée nulle). Exportez à nouveau l'épisode en MP3 ou en AAC (M4A)."),  # noqa: E501
}
# Formats told by their first bytes, just past any ID3v2 tag: (offset, magic bytes, kind, name).
SIGNATURES = (
    (4, b"ftyp", "mp4", "MP4"), (0, b"fLaC", "audio", "FLAC"), (8, b"WAVE", "audio", "WAV"),
    (8, b"AIFF", "audio", "AIFF"), (8, b"AIFC", "audio", "AIFF"), (0, b"0&\xb2u", "audio", "WMA"),
    (0, b"\x1aE\xdf\xa3", "audio", "WebM/Matroska"), (0, b"\x89PNG", "image", "PNG"),
    (0, b"\xff\xd8\xff", "image", "JPEG"), (0, b"GIF8", "image", "GIF"),
    (8, b"WEBP", "image", "WebP"),
)
OGG_CODECS = {b"OpusHead": "Ogg Opus", b"\x01vorbis": "Ogg Vorbis", b"\x7fFLAC": "Ogg FLAC"}
# fmt: on
# mutagen's codec strings for AAC in MP4: MPEG-4 AAC Main/LC/SSR/LTP/HE/HE v2, MPEG-2 AAC profiles.
AAC_CODECS = {"mp4a.40.1", "mp4a.40.2", "mp4a.40.3", "mp4a.40.4", "mp4a.40.5", "mp4a.40.29"}
AAC_CODECS |= {"mp4a.66", "mp4a.67", "mp4a.68"}
# codec: (name for editors, extension, MIME type)
FORMATS = {"mp3": ("MP3", "mp3", "audio/mpeg"), "aac": ("AAC (M4A)", "m4a", "audio/x-m4a")}
AUDIO_EXTENSIONS = {"mp3", "mp2", "m4a", "m4b", "mp4", "aac", "wav", "aif", "aiff", "flac", "ogg"}
AUDIO_EXTENSIONS |= {"oga", "opus", "wma", "webm"}


@dataclass(frozen=True)
class AudioFacts:
    """What the platform knows about an episode's audio, read once at upload."""

    duration: float  # seconds
    bitrate: int  # bits per second
    sample_rate: int  # Hz
    channels: int
    codec: str  # "mp3" or "aac" (machine values, never translated)
    mime_type: str  # "audio/mpeg" or "audio/x-m4a"
    extension: str  # "mp3" or "m4a"
    size: int  # bytes
    sha256: str  # hex digest
    # Bytes before the audio data: the ID3v2 tags of an MP3, up to the mdat payload of an M4A
    # (the « metadata bytes » IAB's one-minute download threshold starts after).
    header_bytes: int = 0


class AudioRejected(Exception):
    """An audio file the platform refuses; str(exc) / exc.message is the French message for editors."""  # noqa: E501

    def __init__(self, message, code="invalid"):
        super().__init__(message)
        self.message = message
        self.code = code  # machine value, e.g. "truncated", for ValidationError(code=...)


def read_audio_facts(fileobj, filename: str, *, max_size: int) -> AudioFacts:
    """Read an uploaded episode file's audio facts in one streaming pass, or refuse it in French."""
    try:
        fileobj.seek(0, io.SEEK_END)
        size = fileobj.tell()
        if size == 0:
            raise _rejected("empty", name=filename)
        if size > max_size:
            limit = _megabytes(max_size)
            raise _rejected("too_large", name=filename, size=_megabytes(size), limit=limit)
        kind, format_name, start = _sniff(fileobj)
        if kind == "mp4":
            return _read_m4a(fileobj, size, filename)
        if kind == "mpeg":
            return _read_mp3(fileobj, size, start, filename)
        if kind == "audio":
            raise _rejected("unsupported_format", name=filename, format=format_name)
        raise _rejected(kind or "not_audio", name=filename, format=format_name)
    finally:
        fileobj.seek(0)


def _read_mp3(fileobj, size, start, name):
    end = audio_end(fileobj, size)
    if start >= end:
        raise _rejected("no_audio", name=name)
    fileobj.seek(start)
    try:
        first = MPEGFrame(fileobj)
    except HeaderNotFoundError:
        raise _rejected("unreadable", name=name, format="MP3") from None
    if first.layer != 3:
        raise _rejected("unsupported_format", name=name, format="MPEG Layer " + "I" * first.layer)
    _check_extension(name, "mp3")
    stream_bytes = xing_bytes(fileobj, first)
    chain = FrameChain(first, start, end)
    sha256 = _stream(fileobj, chain)
    if chain.broken:
        raise _rejected("corrupt", name=name, position=_position(chain.walked_seconds))
    # A Xing/Info header counts the stream's bytes: it also catches a cut between two frames.
    if chain.next != end or size - start < stream_bytes:
        raise _rejected("truncated", name=name)
    if chain.audio_frames <= 0:
        raise _rejected("no_audio", name=name)
    return _facts("mp3", chain.duration, chain.bitrate, first, size, sha256, start)


def _read_m4a(fileobj, size, name):
    fileobj.seek(0)
    try:
        info = MP4(fileobj).info
    except MutagenError:
        raise _rejected("unreadable", name=name, format="M4A") from None
    if info.codec not in AAC_CODECS:
        label = "ALAC (Apple Lossless)" if info.codec == "alac" else info.codec_description
        raise _rejected("unsupported_format", name=name, format=label or f"MP4 ({info.codec})")
    _check_extension(name, "aac")
    header_bytes = mp4_audio_start(fileobj, size)
    if header_bytes is None:
        raise _rejected("truncated", name=name)
    sha256 = _stream(fileobj)
    if info.length <= 0:
        raise _rejected("no_audio", name=name)
    bitrate = info.bitrate or round(size * 8 / info.length)
    return _facts("aac", info.length, bitrate, info, size, sha256, header_bytes)


def mp4_audio_start(fileobj, size):
    """Where an MP4's audio data begins (the payload of its first top-level mdat box), or None
    when there is none or the top-level boxes do not end exactly where the file ends."""
    # mutagen seeks past a top-level box longer than the file without complaint; a cut upload
    # shows exactly that, so the top-level boxes must end where the file ends.
    offset, audio_start = 0, None
    while offset + 8 <= size:
        fileobj.seek(offset)
        header = fileobj.read(16)
        length, header_length = int.from_bytes(header[:4], "big"), 8
        if length == 1:  # a 64-bit length follows the box type
            length, header_length = int.from_bytes(header[8:16], "big"), 16
        elif length == 0:  # the box extends to the end of the file
            length = size - offset
        if length < header_length:
            return None
        if header[4:8] == b"mdat" and audio_start is None:
            audio_start = offset + header_length
        offset += length
    return audio_start if offset == size else None


def audio_header_bytes(fileobj, size, extension):
    """The bytes before the audio data of a stored MP3 or M4A (AudioFacts.header_bytes)."""
    if extension == "m4a":
        return mp4_audio_start(fileobj, size) or 0
    return min(_sniff(fileobj)[2], size)


def _facts(codec, duration, bitrate, info, size, sha256, header_bytes):
    _, extension, mime_type = FORMATS[codec]
    return AudioFacts(
        duration=duration, bitrate=bitrate, sample_rate=info.sample_rate, channels=info.channels,
        codec=codec, mime_type=mime_type, extension=extension, size=size, sha256=sha256,
        header_bytes=header_bytes,
    )  # fmt: skip


def _stream(fileobj, chain=None):
    """SHA-256 of the whole file, read in chunks; an MP3's frame chain follows along."""
    digest = hashlib.sha256()
    fileobj.seek(0)
    offset = 0
    while chunk := fileobj.read(CHUNK_SIZE):
        digest.update(chunk)
        if chain is not None:
            chain.feed(offset, chunk)
        offset += len(chunk)
    return digest.hexdigest()


def _sniff(fileobj):
    """The file's kind and format name told by content, and the offset past any ID3v2 tags."""
    start = 0
    fileobj.seek(0)
    while (header := fileobj.read(10))[:3] == b"ID3" and len(header) == 10:
        body = sum((header[6 + i] & 0x7F) << (7 * (3 - i)) for i in range(4))  # synchsafe
        start += 10 + body + (10 if header[5] & 0x10 else 0)  # flag 0x10: a footer follows
        fileobj.seek(start)
    head = header + fileobj.read(502)
    for offset, magic, kind, format_name in SIGNATURES:
        if head[offset : offset + len(magic)] == magic:
            return kind, format_name, start
    if head.startswith(b"OggS"):
        codec = next((name for magic, name in OGG_CODECS.items() if magic in head[:80]), "Ogg")
        return "audio", codec, start
    sync = head[1] if head[:1] == b"\xff" and len(head) > 1 else 0
    if sync & 0xF6 == 0xF0:  # an AAC sync word: MPEG layer bits 00
        return "audio", "AAC ADTS (.aac)", start
    if sync & 0xE0 == 0xE0 or start > 0:  # an MPEG frame sync, or audio announced by ID3v2
        return "mpeg", "MP3", start
    return None, None, start


def _check_extension(name, codec):
    stem, dot, extension = name.rpartition(".")
    extension = extension.lower() if dot else ""
    format_name, expected, _mime_type = FORMATS[codec]
    if extension == expected:
        return
    key = "extension_mismatch" if extension in AUDIO_EXTENSIONS else "unknown_extension"
    suggested = f"{stem if dot else name}.{expected}"
    raise _rejected(
        key, name=name, format=format_name, extension=extension.upper(), suggested=suggested
    )


def _rejected(key, **params):
    code = {"image": "not_audio", "unreadable": "corrupt"}.get(key, key)
    return AudioRejected(_(MESSAGES[key]) % params, code)


def _megabytes(size):
    return f"{size / 1024**2:.1f}".removesuffix(".0").replace(".", ",")


def _position(seconds):
    minutes, seconds = divmod(int(seconds), 60)
    return f"{minutes} min {seconds:02d} s" if minutes else f"{seconds} s"
