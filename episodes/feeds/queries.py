"""Everything a feed shows, read in a constant number of queries whatever the number of episodes.

Queries of a show feed: the show with the content stamps and the episodes' aggregate (versions.py,
with Wagtail's two view-restriction look-ups), then one for the episodes with their audio and event,
one for their speakers and people, one for the renditions of every image, one for the show's funding
links; Wagtail's site roots come from its cache. Episodes are read as rows, not model instances:
building 11,000 instances (pages, audio, images, renditions, people) for 1,000 episodes took half a
second. Extra queries happen only on a first build after uploads (missing renditions are created)
and when show notes link to pages (one query per page type, whatever the number of episodes).
"""

import logging
import posixpath

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db.models import Exists, OuterRef
from django.utils.encoding import filepath_to_uri
from wagtail.images import get_image_model
from wagtail.models import Site
from wagtail.rich_text import expand_db_html

from episodes.delivery.addresses import public_url
from episodes.feeds.items import (
    EpisodeNotServable,
    ItemContext,
    feed_item,
    show_channel,
    topic_channel,
)

# The models' own modules, not the episodes.models package: the episode model serves the feed
# item preview (feeds/preview.py), which reads its item with the functions here.
from episodes.models.audio import AudioFile
from episodes.models.episode_parts import Chapter, EpisodeSpeaker, TranscriptSegment

logger = logging.getLogger("episodes.feeds")

# "max" and "format" do not depend on the focal point, so a rendition matches an image and a spec.
ARTWORK_SPEC = "max-3000x3000|format-jpeg"
PHOTO_SPEC = "max-400x400|format-jpeg"
# Joins every episode's notes so that Wagtail expands their page links in one batch.
NOTES_BOUNDARY = "<!--episodes.feeds:boundary-->"
EPISODE_FIELDS = (
    "pk",
    "guid",
    "source_guid",
    "title",
    "url_path",
    "summary",
    "show_notes",
    "publication_date",
    "season",
    "episode_number",
    "episode_type",
    "explicit",
    "artwork_id",
    "soundbite_start",
    "soundbite_duration",
    "audio__file",
    "audio__size",
    "audio__mime_type",
    "audio__extension",
    "audio__duration",
    "event__name",
    "event__place",
    "event__latitude",
    "event__longitude",
    "event__country",
)
# From this many audio files in one folder, list the folder rather than check each file.
LISTING_THRESHOLD = 16
SPEAKER_FIELDS = ("episode_id", "role", "person__name", "person__link", "person__photo_id")


def feed_content(scope):
    """(channel, items) of a feed scope, leaving out and logging each broken episode."""
    rows = episode_rows(scope.episodes)
    speakers = speakers_by_episode(scope.episodes)
    context = item_context(scope.show, rows, speakers)
    items = items_of(rows, expanded_notes(rows), speakers, context)
    return channel_for(scope, context), [item for item in items if item]


def item_context(show, rows, speakers):
    """What these episode rows' items share: the show's language, renditions, files in storage."""
    wanted = {(show.artwork_id, ARTWORK_SPEC)}
    wanted |= {(row["artwork_id"], ARTWORK_SPEC) for row in rows}
    wanted |= {(s[-1], PHOTO_SPEC) for group in speakers.values() for s in group}
    return ItemContext.for_feed(
        language=show.language,
        root_paths=site_root_paths(),
        renditions=rendition_urls({pair for pair in wanted if pair[0] is not None}),
        audio_files=files_in_storage(
            audio_storage(), {row["audio__file"] for row in rows} - {None}
        ),
        artwork_spec=ARTWORK_SPEC,
        photo_spec=PHOTO_SPEC,
    )


def episode_rows(episodes):
    """The feed's published episodes as rows, newest first, with their audio and event."""
    chapters = Chapter.objects.filter(episode=OuterRef("pk"))
    segments = TranscriptSegment.objects.filter(episode=OuterRef("pk"))
    queryset = episodes.newest_first().annotate(
        has_chapters=Exists(chapters), has_transcript=Exists(segments)
    )
    return list(queryset.values(*EPISODE_FIELDS, "has_chapters", "has_transcript"))


def speakers_by_episode(episodes):
    """Each episode's speakers in their order, as (episode_id, role, name, link, photo_id)."""
    speakers = EpisodeSpeaker.objects.filter(episode__in=episodes.values("pk"))
    grouped = {}
    for speaker in speakers.order_by("episode_id", "sort_order", "pk").values_list(*SPEAKER_FIELDS):
        grouped.setdefault(speaker[0], []).append(speaker)
    return grouped


def rendition_urls(wanted):
    """{(image_id, spec): absolute URL} for these image and spec pairs, created when missing."""
    rendition_model = get_image_model().get_rendition_model()
    url = storage_url(rendition_model._meta.get_field("file").storage)
    base_url = settings.PUBLIC_BASE_URL
    rows = rendition_model.objects.filter(
        image_id__in={image_id for image_id, _spec in wanted},
        filter_spec__in={spec for _image_id, spec in wanted},
        focal_point_key="",
    ).values_list("image_id", "filter_spec", "file")
    urls = {(image_id, spec): public_url(url(name), base_url) for image_id, spec, name in rows}
    missing = wanted - urls.keys()
    if missing:
        urls.update(created_renditions(missing))
    return urls


def storage_url(storage):
    """storage.url, made cheap for local files (urljoin costs more than the rest of an item)."""
    if isinstance(storage, FileSystemStorage):
        return lambda name, base=storage.base_url: base + filepath_to_uri(name)
    return storage.url


def audio_storage():
    """Where audio files are stored."""
    return AudioFile._meta.get_field("file").storage


def files_in_storage(storage, names):
    """The names that exist in storage: one listing per folder holding many, else one check each.

    A listing replaces a stat per file on disk, and a request per file on object storage.
    """
    folders = {}
    for name in names:
        folders.setdefault(posixpath.dirname(name), []).append(name)
    present = set()
    for folder, folder_names in folders.items():
        listed = listed_files(storage, folder) if len(folder_names) >= LISTING_THRESHOLD else None
        if listed is None:
            present.update(name for name in folder_names if storage.exists(name))
        else:
            present.update(name for name in folder_names if posixpath.basename(name) in listed)
    return present


def listed_files(storage, folder):
    """The file names in a storage folder, or None when the storage cannot list it."""
    try:
        _folders, files = storage.listdir(folder)
    except (NotImplementedError, OSError):
        return None
    return set(files)


def created_renditions(missing):
    """Renditions generated for images that lacked them: a first build after uploads."""
    images = get_image_model().objects.in_bulk({image_id for image_id, _spec in missing})
    urls = {}
    for image_id, spec in missing:
        try:
            urls[image_id, spec] = public_url(images[image_id].get_rendition(spec).url)
        except Exception:
            logger.exception("Image %s has no %s rendition for feeds.", image_id, spec)
    return urls


def expanded_notes(rows):
    """Each episode's show notes with Wagtail's page and document links turned into URLs."""
    notes = [row["show_notes"] or "" for row in rows]
    if not any("linktype=" in note for note in notes):
        return notes
    expanded = expand_db_html(NOTES_BOUNDARY.join(notes)).split(NOTES_BOUNDARY)
    if len(expanded) != len(notes):
        return [expand_db_html(note) for note in notes]
    return expanded


def items_of(rows, notes, speakers, context):
    """FeedItems of the episodes; None for an episode that cannot be served, logged."""
    for row, row_notes in zip(rows, notes, strict=True):
        try:
            yield feed_item(row, row_notes, speakers.get(row["pk"], ()), context)
        except EpisodeNotServable as problem:
            logger.warning("Episode %s left out of feeds: %s.", row["pk"], problem)
            yield None
        except Exception:
            logger.exception("Episode %s left out of feeds: it could not be read.", row["pk"])
            yield None


def channel_for(scope, context):
    """The channel of a show feed, or of a theme or association feed."""
    funding = list(scope.show.funding.all())
    if scope.kind == "show":
        return show_channel(scope.show, funding, scope.version, context)
    return topic_channel(scope.subject, scope.show, funding, scope.version, context)


def site_root_paths():
    """The site roots' url_paths, longest first (cached by Wagtail)."""
    roots = [root.root_path for root in Site.get_site_root_paths()]
    return tuple(sorted(roots, key=len, reverse=True))
