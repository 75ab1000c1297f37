"""The « Élément du flux » preview: an episode's <item> as podcast apps will read it.

EpisodePage.serve_preview() serves it. The item is written by the feed code itself (items.py,
item_writer.py) from the episode being edited, unsaved changes included, so that what editors
preview is what apps get.
"""

import html
import re
import textwrap
from dataclasses import dataclass

from django.db.models.fields.files import FieldFile
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.html import strip_tags

from episodes.feeds.item_writer import item_xml
from episodes.feeds.items import EpisodeNotServable, feed_item
from episodes.feeds.notes import item_texts
from episodes.feeds.queries import EPISODE_FIELDS, SPEAKER_FIELDS, expanded_notes, item_context
from episodes.formats.timecodes import format_timecode
from episodes.models.episode_parts import SpeakerRole  # not the package: it holds EpisodePage

FEED_ITEM_MODE = "feed-item"
TEMPLATE = "episodes/episode_feed_item_preview.html"


@dataclass
class ItemPreview:
    """The item's XML and what apps show of it."""

    xml: str
    item: object
    description: str
    duration: str

    def speakers(self):
        """Each podcast:person with its role in French: « Claire Martin (Animation) »."""
        return [f"{p.name} ({SpeakerRole(p.role).label})" for p in self.item.persons]


def value_at(obj, path):
    """obj.audio.file for "audio__file", None along a missing link; a file as its name."""
    for name in path.split("__"):
        obj = getattr(obj, name, None) if obj is not None else None
    return obj.name if isinstance(obj, FieldFile) else obj


def episode_row(episode):
    """The row the feed queries would read, taken from the (possibly unsaved) episode."""
    row = {field: value_at(episode, field) for field in EPISODE_FIELDS}
    row["publication_date"] = episode.publication_date or episode.go_live_at or timezone.now()
    row["has_chapters"] = bool(episode.chapters.all())
    row["has_transcript"] = episode.transcript_segments.exists()
    return row


def item_preview(episode, show):
    """The episode's item as the show's feed would write it; EpisodeNotServable without audio."""
    row = episode_row(episode)
    speakers = [tuple(value_at(s, f) for f in SPEAKER_FIELDS) for s in episode.speakers.all()]
    context = item_context(show, [row], {row["pk"]: speakers})
    item = feed_item(row, expanded_notes([row])[0], speakers, context)
    description, content = item_texts(
        item.notes_html, item.summary, context.page_url(show.url_path)
    )
    xml = textwrap.dedent(item_xml(item, description, content).strip("\n"))
    return ItemPreview(xml, item, plain_text(description), format_timecode(item.duration))


# Where apps showing the description as text go to a new line.
LINE_ENDS = re.compile(r"</?(?:p|li|ul|ol|h[1-6]|blockquote|div)\b[^>]*>|<br\s*/?>", re.IGNORECASE)


def plain_text(description):
    """The HTML description as apps without HTML show it, one paragraph or item a line."""
    lines = html.unescape(strip_tags(LINE_ENDS.sub("\n", description))).splitlines()
    return "\n".join(line.strip() for line in lines if line.strip())


def serve_feed_item_preview(episode, request):
    """The preview page: the summary of what apps show, then the item's XML."""
    show = episode.get_parent().specific
    try:
        preview = item_preview(episode, show)
    except EpisodeNotServable:
        preview = None
    context = {"page": episode, "show": show, "preview": preview}
    return TemplateResponse(request, TEMPLATE, context)
