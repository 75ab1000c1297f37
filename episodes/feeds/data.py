"""What a feed says, as plain data that the builder turns into XML without touching the database.

Slotted, not frozen: a 1,000-episode feed makes 8,000 of them, and frozen ones cost twice as much.
"""

from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID


@dataclass(slots=True)
class FeedFunding:
    """A place where listeners can support the show (podcast:funding)."""

    url: str
    text: str


@dataclass(slots=True)
class FeedPerson:
    """Someone heard in an episode (podcast:person); role and group from the Podcast Taxonomy."""

    name: str
    role: str
    group: str
    img: str = ""
    href: str = ""


@dataclass(slots=True)
class FeedTranscript:
    """One transcript file of an episode (podcast:transcript)."""

    url: str
    type: str
    language: str = ""
    rel: str = ""


@dataclass(slots=True)
class FeedLocation:
    """Where an episode was recorded (podcast:location)."""

    name: str
    geo: str = ""
    country: str = ""
    rel: str = "creator"


@dataclass(slots=True)
class FeedSoundbite:
    """A passage apps may play as a preview (podcast:soundbite), in seconds."""

    start: float
    duration: float


@dataclass(slots=True)
class FeedItem:
    """One episode as every feed it appears in shows it."""

    guid: str
    title: str
    link: str
    audio_url: str
    audio_size: int
    audio_type: str
    duration: int
    pub_date: datetime
    summary: str
    notes_html: str = ""
    episode_type: str = "full"
    season: int | None = None
    episode: int | None = None
    explicit: bool = False
    image_url: str = ""
    transcripts: tuple[FeedTranscript, ...] = ()
    chapters_url: str = ""
    soundbite: FeedSoundbite | None = None
    persons: tuple[FeedPerson, ...] = ()
    location: FeedLocation | None = None


@dataclass(slots=True)
class FeedChannel:
    """A feed's channel: a show, or a theme or association gathering every show's episodes."""

    title: str
    description: str
    link: str
    feed_url: str
    image_url: str
    podcast_guid: UUID
    author: str
    owner_name: str
    owner_email: str
    last_build_date: datetime
    language: str = "fr"
    category: str = "Society & Culture"
    subcategory: str = ""
    explicit: bool = False
    show_type: str = "episodic"
    copyright: str = ""
    locked: bool = True
    lock_owner: str = ""
    funding: tuple[FeedFunding, ...] = ()
    license: str = ""
    license_url: str = ""
    new_feed_url: str = ""
    block: bool = False
    generator: str = "Radio des Territoires"
    hubs: tuple[str, ...] = ()  # WebSub hubs apps may subscribe to (atom:link rel="hub")


@dataclass(slots=True)
class FeedOutline:
    """A feed listed in the OPML file."""

    title: str
    xml_url: str
    html_url: str


@dataclass(slots=True)
class FeedVersion:
    """A cheap fingerprint of what a feed shows: its cache key and ETag, and its dates.

    changed_at (the channel's lastBuildDate) follows from what the key covers, so that one key
    always means the same bytes; last_modified (the HTTP header) adds the latest admin action,
    since deleting or unpublishing leaves no other date behind.
    """

    key: str
    changed_at: datetime | None = None
    last_modified: datetime | None = None
    parts: tuple = field(default=(), compare=False, repr=False)
