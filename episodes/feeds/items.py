"""Loaded shows and episode rows turned into plain feed data (FeedChannel, FeedItem), no query."""

import html
import re
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils.html import strip_tags

from episodes.delivery.addresses import page_path, public_url
from episodes.feeds.data import (
    FeedChannel,
    FeedFunding,
    FeedItem,
    FeedLocation,
    FeedPerson,
    FeedSoundbite,
    FeedTranscript,
)
from episodes.models.episode_parts import SpeakerRole
from episodes.standards.podcasting20 import podcast_guid_for_feed_url

# Delivery routes take a UUID: reverse() each route once with these markers, then format it.
GUID_MARK = "00000000-0000-4000-8000-00000000feed"
EXT_MARK = "feedext"
UUID_PATTERN = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
TRANSCRIPT_TYPES = (("vtt", "text/vtt", "captions"), ("srt", "application/x-subrip", ""))
TRANSCRIPT_TYPES += (("json", "application/json", ""),)
ROLE_GROUPS = {role.value: role.group for role in SpeakerRole}


class EpisodeNotServable(Exception):
    """An episode that cannot go into a feed, such as one whose audio file is gone."""


def public_page_url(url_path, root_paths, base_url=None):
    """The public URL of a page from its url_path and the site roots, longest first."""
    return public_url(page_path(url_path, root_paths), base_url)


def route_template(name, *parameters):
    """A route's absolute URL as a str.format() template ({guid}, {ext}), reversed once."""
    marks = {"guid": GUID_MARK, "ext": EXT_MARK}
    url = public_url(reverse(name, kwargs={key: marks[key] for key in parameters}))
    return url.replace(GUID_MARK, "{guid}").replace(EXT_MARK, "{ext}")


@dataclass(frozen=True)
class ItemContext:
    """What the items of a build share: routes reversed once, site roots, renditions, files."""

    language: str
    root_paths: tuple
    renditions: dict
    artwork_spec: str
    photo_spec: str
    base_url: str
    audio_route: str
    transcript_route: str
    chapters_route: str
    audio_files: set

    @classmethod
    def for_feed(cls, *, language, root_paths, renditions, audio_files, artwork_spec, photo_spec):
        """A context for one feed build."""
        return cls(
            language=language,
            root_paths=root_paths,
            renditions=renditions,
            artwork_spec=artwork_spec,
            photo_spec=photo_spec,
            base_url=settings.PUBLIC_BASE_URL,
            audio_route=route_template("episode_audio", "guid", "ext"),
            transcript_route=route_template("episode_transcript", "guid", "ext"),
            chapters_route=route_template("episode_chapters", "guid"),
            audio_files=audio_files,
        )

    def page_url(self, url_path):
        """The public URL of a page."""
        return public_page_url(url_path, self.root_paths, self.base_url)

    def image_url(self, image_id, spec):
        """The absolute URL of an image's rendition, empty when there is none."""
        return self.renditions.get((image_id, spec), "")


def feed_item(row, notes_html, speakers, context):
    """An episode row as a FeedItem; EpisodeNotServable when its audio cannot be delivered."""
    guid = served_guid(row, context)
    return FeedItem(
        guid=row["source_guid"] or guid,  # an imported episode keeps its former feed's <guid>
        title=row["title"],
        link=context.page_url(row["url_path"]),
        audio_url=context.audio_route.format(guid=guid, ext=row["audio__extension"]),
        audio_size=row["audio__size"],
        audio_type=row["audio__mime_type"],
        duration=round(row["audio__duration"]),
        pub_date=row["publication_date"],
        summary=row["summary"],
        notes_html=notes_html,
        episode_type=row["episode_type"],
        season=row["season"] or None,
        episode=row["episode_number"] or None,
        explicit=row["explicit"],
        image_url=context.image_url(row["artwork_id"], context.artwork_spec),
        transcripts=transcripts(guid, context) if row["has_transcript"] else (),
        chapters_url=context.chapters_route.format(guid=guid) if row["has_chapters"] else "",
        soundbite=soundbite(row["soundbite_start"], row["soundbite_duration"]),
        persons=tuple(filter(None, (person(speaker, context) for speaker in speakers))),
        location=location(row),
    )


def served_guid(row, context):
    """The episode's guid in our URLs, once its audio is deliverable: a UUID and a stored file."""
    if not row["audio__file"] or not row["audio__size"]:
        raise EpisodeNotServable("it has no audio")
    if not UUID_PATTERN.match(row["guid"]):
        raise EpisodeNotServable(f"its guid {row['guid']!r} does not fit the audio route")
    if row["audio__file"] not in context.audio_files:
        raise EpisodeNotServable(f"audio file {row['audio__file']!r} is missing from storage")
    return row["guid"]


def transcripts(guid, context):
    """The episode's transcript in VTT (captions), SRT and JSON."""
    return tuple(
        FeedTranscript(
            url=context.transcript_route.format(guid=guid, ext=ext),
            type=mime_type,
            language=context.language,
            rel=rel,
        )
        for ext, mime_type, rel in TRANSCRIPT_TYPES
    )


def soundbite(start, duration):
    """The episode's soundbite, when both its start and duration are set."""
    if start is None or not duration:
        return None
    return FeedSoundbite(start=start, duration=duration)


def person(speaker, context):
    """A speaker (episode_id, role, name, link, photo_id) as podcast:person; None off-taxonomy."""
    _episode_id, role, name, link, photo_id = speaker
    if role not in ROLE_GROUPS:
        return None
    img = context.image_url(photo_id, context.photo_spec)
    return FeedPerson(name=name, role=role, group=ROLE_GROUPS[role], img=img, href=link)


def coordinate(value):
    """A latitude or longitude without trailing zeros: 48.1113."""
    return format(value.normalize(), "f")


def location(row):
    """Where the episode was recorded, from its event's columns."""
    name = row["event__place"] or row["event__name"]
    if not name:
        return None
    latitude, longitude = row["event__latitude"], row["event__longitude"]
    geo = ""
    if latitude is not None and longitude is not None:
        geo = f"geo:{coordinate(latitude)},{coordinate(longitude)}"
    return FeedLocation(name=name, geo=geo, country=row["event__country"] or "")


def show_channel(show, funding, version, context):
    """The channel of a show's own feed."""
    return FeedChannel(
        title=show.title,
        description=show.description,
        link=context.page_url(show.url_path),
        feed_url=show.feed_url,
        podcast_guid=show.podcast_guid or podcast_guid_for_feed_url(show.feed_url),
        new_feed_url=show.new_feed_url,
        license=show.license,
        license_url=show.license_url,
        **shared_channel_fields(show, funding, version, context),
    )


def topic_channel(subject, show, funding, version, context):
    """The channel of a theme or association feed: episodes of every show, out of directories."""
    description = html.unescape(strip_tags(subject.description or "")).strip()
    fields = shared_channel_fields(show, funding, version, context)
    fields["show_type"] = "episodic"
    return FeedChannel(
        title=f"{show.title} – {subject.name}",
        description=description or show.description,
        link=public_url(subject.get_absolute_url()),
        feed_url=subject.feed_url,
        podcast_guid=subject.feed_guid or podcast_guid_for_feed_url(subject.feed_url),
        block=True,
        **fields,
    )


def shared_channel_fields(show, funding, version, context):
    """Channel fields a show lends to its own feed and to theme and association feeds."""
    return {
        "image_url": context.image_url(show.artwork_id, context.artwork_spec),
        "author": show.author,
        "owner_name": show.owner_name,
        "owner_email": show.owner_email,
        "last_build_date": version.changed_at,
        "language": show.language,
        "category": show.itunes_category,
        "subcategory": show.itunes_subcategory,
        "explicit": show.explicit,
        "show_type": show.show_type,
        "copyright": show.copyright,
        "locked": show.podcast_locked,
        "lock_owner": show.lock_owner,
        "funding": tuple(FeedFunding(url=link.url, text=link.label) for link in funding),
        "hubs": tuple(settings.WEBSUB_HUBS),
    }
