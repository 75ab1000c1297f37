"""Files linked by an imported feed turned into the platform's objects: audio, artwork, chapters,
transcripts (the best of the formats linked, read by formats/transcripts as the editor's uploads).

Audio goes through AudioFile's own checks (the same as an editor's upload). Artwork follows
Apple's rules (standards/apple.py): what Pillow can convert without changing the picture is
converted (another format or colour mode, a square larger than 3000 pixels, scaled down); a
picture that is not square or smaller than 1400 pixels is refused (cropping or enlarging it would
spoil it), with the reason, and the import goes on without it.
"""

import hashlib
import io
import posixpath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.images import ImageFile
from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from episodes.formats.chapters import parse_chapters_json
from episodes.formats.transcripts import parse_transcript_file
from episodes.importer.fetch import MEGABYTE, fetch_bytes
from episodes.importer.prefetch import fetched_audio
from episodes.models import AudioFile, Chapter, TranscriptSegment
from episodes.standards.apple import MAX_SIDE, artwork_errors

IMAGE_MAX_BYTES = 20 * MEGABYTE
DOCUMENT_MAX_BYTES = 5 * MEGABYTE
EXTENSION_CODES = {"extension_mismatch", "unknown_extension"}


class MediaRefused(Exception):
    """A linked file the platform cannot take; str(error) is the French reason."""


def imported_audio(url, title):
    """The AudioFile of an enclosure, checked as an upload; one already stored is reused."""
    max_bytes = settings.AUDIO_MAX_UPLOAD_MB * MEGABYTE
    download, _content_type = fetched_audio(url, max_bytes)
    with download:
        audio = checked_audio(download, url_filename(url, "episode.mp3"), title)
        existing = AudioFile.objects.filter(sha256=audio.sha256, size=audio.size).first()
        if existing:
            return existing
        audio.save()
    return audio


def checked_audio(fileobj, filename, title):
    """An unsaved AudioFile that passed the upload checks.

    Hosts often serve audio from addresses without its extension: when the content is MP3 or
    AAC but the name says otherwise, the name the content proves is tried.
    """
    stem = filename.rsplit(".", 1)[0] if "." in filename else filename
    for name in (filename, f"{stem}.mp3", f"{stem}.m4a"):
        audio = AudioFile(title=title[:255], file=File(fileobj, name=name))
        try:
            audio.full_clean()
            return audio
        except ValidationError as error:
            codes = {e.code for e in error.error_dict.get("file", [])}
            if not codes & EXTENSION_CODES:
                raise MediaRefused(" ".join(error.messages)) from None
    raise MediaRefused(_("le fichier n'est ni un MP3 ni un AAC (M4A)."))


def url_filename(url, default):
    """The file name at the end of an address, or default."""
    name = posixpath.basename(unquote(urlsplit(url).path))
    return name[-100:] if name.strip(".") else default


def imported_artwork(url, title):
    """A Wagtail image fit for podcast artwork, converted if needed; an identical one is reused."""
    data, extension = artwork_bytes(fetch_bytes(url, max_bytes=IMAGE_MAX_BYTES))
    image_model = get_image_model()
    file_hash = hashlib.sha1(data).hexdigest()  # Wagtail's own content hash for images
    existing = image_model.objects.filter(file_hash=file_hash).first()
    if existing:
        return existing
    name = f"{slugify(title)[:60] or 'pochette'}.{extension}"
    image = image_model(
        title=title[:255],
        file=ImageFile(io.BytesIO(data), name=name),
        file_hash=file_hash,
        file_size=len(data),
    )
    image.save()
    return image


def artwork_bytes(data):
    """(bytes, extension) of an image meeting Apple's rules, or MediaRefused with the reasons."""
    try:
        with PillowImage.open(io.BytesIO(data)) as picture:
            picture.load()
            converted = converted_artwork(picture)
    except (OSError, ValueError, PillowImage.DecompressionBombError):
        raise MediaRefused(_("ce fichier n'est pas une image lisible.")) from None
    if converted:
        data = converted
    errors = artwork_errors(io.BytesIO(data))
    if errors:
        raise MediaRefused(" ".join(errors))
    with PillowImage.open(io.BytesIO(data)) as picture:
        return data, "png" if picture.format == "PNG" else "jpg"


def converted_artwork(picture):
    """The picture as an RGB JPEG or PNG of at most 3000 pixels; None if it is fine as it is."""
    width, height = picture.size
    fine_format = picture.format in ("JPEG", "PNG") and picture.mode == "RGB"
    if width != height or (fine_format and width <= MAX_SIDE):
        return None  # square-ness and the lower size limit are checked by artwork_errors()
    keeps_png = picture.format == "PNG" or picture.mode in ("RGBA", "LA", "P")
    rgb = PillowImage.new("RGB", picture.size, "white")
    rgba = picture.convert("RGBA")
    rgb.paste(rgba, mask=rgba.getchannel("A"))
    if width > MAX_SIDE:
        rgb = rgb.resize((MAX_SIDE, MAX_SIDE), PillowImage.Resampling.LANCZOS)
    buffer = io.BytesIO()
    if keeps_png:
        rgb.save(buffer, format="PNG", optimize=True)
    else:
        rgb.save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()


# Preference when a feed links several formats: VTT keeps speakers and is what we serve first.
TRANSCRIPT_FORMATS = {
    "text/vtt": "vtt",
    "application/x-subrip": "srt",
    "application/srt": "srt",
    "text/srt": "srt",
    "application/json": "json",
}
FORMAT_ORDER = ("vtt", "srt", "json")


def transcript_format(link):
    """ "vtt", "srt", "json" or "" for a podcast:transcript, by MIME type, else by extension."""
    kind = TRANSCRIPT_FORMATS.get(link.type.split(";")[0].strip().lower())
    if kind:
        return kind
    extension = link.url.split("?")[0].rsplit(".", 1)[-1].lower()
    return extension if extension in FORMAT_ORDER else ""


def preferred_transcript(links):
    """The link of the format we read best, or None if none can be read."""
    readable = [link for link in links if transcript_format(link)]
    return min(readable, key=lambda link: FORMAT_ORDER.index(transcript_format(link)), default=None)


def imported_transcript(links, *, known_url=""):
    """(url, TranscriptSegments) of the best transcript linked; (None, []) when there is none
    or when it is the one at known_url, already imported."""
    link = preferred_transcript(links)
    if link is None or link.url == known_url:
        return None, []
    kind = transcript_format(link)
    segments = parse_transcript_file(
        url_filename(link.url, f"transcription.{kind}"),
        fetch_bytes(link.url, max_bytes=DOCUMENT_MAX_BYTES),
        kind=kind,
    )
    return link.url, [TranscriptSegment(**vars(segment)) for segment in segments]


def imported_chapters(url, _title=""):
    """The Chapters of a Podcasting 2.0 chapters document (read as from a feed: see
    parse_chapters_json)."""
    drafts = parse_chapters_json(fetch_bytes(url, max_bytes=DOCUMENT_MAX_BYTES), from_feed=True)
    return [Chapter(start_time=d.start_time, title=d.title, url=d.url) for d in drafts]
