"""A podcast's RSS feed read into plain data, without touching the database.

feedparser reads RSS (titles, descriptions, show notes, dates, enclosures, owner). lxml reads what
feedparser leaves out or misreads: the Podcasting 2.0 tags (locked, guid, transcript, chapters),
Apple's nested categories and its values "true"/"false", type, season and episode numbers.
"""

import datetime
import html
import uuid
from dataclasses import dataclass, field

import feedparser
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from lxml import etree

from episodes.formats.text import one_line

ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
# The namespace's URI, and the one early feeds used.
PODCAST_NAMESPACES = (
    "https://podcastindex.org/namespace/1.0",
    "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md",
)


class InvalidFeed(Exception):
    """A document that is not a podcast feed we can import; str(error) is the French message."""


@dataclass(frozen=True)
class TranscriptLink:
    """A podcast:transcript of an item: where it is and its MIME type."""

    url: str
    type: str


@dataclass(frozen=True)
class ShowData:
    """What the feed's channel says about the show."""

    title: str
    description: str
    language: str
    author: str
    owner_name: str
    owner_email: str
    category: str
    subcategory: str
    explicit: bool
    show_type: str
    copyright: str
    image_url: str
    podcast_guid: uuid.UUID | None
    locked: bool
    lock_owner: str


@dataclass(frozen=True)
class EpisodeData:
    """What the feed says about one episode (an <item>)."""

    guid: str
    title: str
    summary: str
    notes_html: str
    audio_url: str
    pub_date: datetime.datetime | None
    season: int | None
    episode_number: int | None
    episode_type: str
    explicit: bool
    image_url: str
    transcripts: tuple = field(default=())
    chapters_url: str = ""


@dataclass(frozen=True)
class ParsedFeed:
    show: ShowData
    episodes: list


def parse_feed(data):
    """The show and episodes of a feed's bytes; InvalidFeed says in French what is wrong."""
    channel = channel_element(data)
    parsed = feedparser.parse(data)
    items = channel.findall("item")
    if len(items) != len(parsed.entries):
        raise InvalidFeed(_("Les épisodes de ce flux ne peuvent pas être lus."))
    pairs = zip(items, parsed.entries, strict=True)
    episodes = [episode_data(item, entry) for item, entry in pairs]
    return ParsedFeed(show_data(channel, parsed.feed), episodes)


def channel_element(data):
    """The <channel> of an RSS document, with a title."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as error:
        raise InvalidFeed(
            _("Ce document n'est pas un flux RSS : ce n'est pas du XML valide (%(error)s).")
            % {"error": error}
        ) from None
    if root.tag != "rss":
        raise InvalidFeed(
            _("Ce document XML n'est pas un flux RSS (son élément racine est « %(tag)s »).")
            % {"tag": etree.QName(root).localname}
        )
    channel = root.find("channel")
    if channel is None:
        raise InvalidFeed(_("Ce flux RSS n'a pas d'élément <channel>."))
    if not (channel.findtext("title") or "").strip():
        raise InvalidFeed(_("Ce flux RSS n'a pas de titre (<title> du <channel>)."))
    return channel


def show_data(channel, feed):
    """The channel's values."""
    author = feed.get("author_detail", {})
    owner = feed.get("publisher_detail", {})
    locked = podcast_element(channel, "locked")
    category, subcategory = categories(channel)
    title = one_line(channel.findtext("title"))
    return ShowData(
        title=title,
        description=plain_text(feed.get("summary") or feed.get("subtitle") or ""),
        language=(feed.get("language") or "fr").strip().lower()[:8],
        author=one_line(itunes_text(channel, "author") or author.get("name") or ""),
        owner_name=one_line(owner.get("name") or ""),
        owner_email=(owner.get("email") or author.get("email") or "").strip(),
        category=category,
        subcategory=subcategory,
        explicit=is_explicit(channel),
        show_type="serial" if itunes_text(channel, "type").lower() == "serial" else "episodic",
        copyright=one_line(channel.findtext("copyright") or "")[:255],
        image_url=image_url(channel) or channel.findtext("image/url", "").strip(),
        podcast_guid=as_uuid(podcast_text(channel, "guid")),
        locked=locked is not None and (locked.text or "").strip().lower() == "yes",
        lock_owner=(locked.get("owner", "") if locked is not None else "").strip(),
    )


def episode_data(item, entry):
    """An <item>'s values."""
    audio_url = next((e.get("href") for e in entry.get("enclosures", []) if e.get("href")), "")
    chapters = podcast_element(item, "chapters")
    summary = plain_text(itunes_text(item, "summary") or entry.get("summary") or "")
    content = entry.get("content") or [{}]
    return EpisodeData(
        guid=(entry.get("id") or audio_url).strip(),
        title=one_line(entry.get("title") or ""),
        summary=summary,
        notes_html=content[0].get("value") or entry.get("summary") or "",
        audio_url=audio_url.strip(),
        pub_date=as_datetime(entry.get("published_parsed")),
        season=positive_int(itunes_text(item, "season")),
        episode_number=positive_int(itunes_text(item, "episode")),
        episode_type=episode_type(itunes_text(item, "episodeType")),
        explicit=is_explicit(item),
        image_url=image_url(item),
        transcripts=tuple(
            TranscriptLink(url=element.get("url", "").strip(), type=element.get("type", ""))
            for element in podcast_elements(item, "transcript")
            if element.get("url")
        ),
        chapters_url=(chapters.get("url", "") if chapters is not None else "").strip(),
    )


def podcast_elements(element, name):
    return [child for ns in PODCAST_NAMESPACES for child in element.findall(f"{{{ns}}}{name}")]


def podcast_element(element, name):
    found = podcast_elements(element, name)
    return found[0] if found else None


def podcast_text(element, name):
    found = podcast_element(element, name)
    return (found.text or "").strip() if found is not None else ""


def itunes_text(element, name):
    return (element.findtext(ITUNES + name) or "").strip()


def image_url(element):
    image = element.find(ITUNES + "image")
    return (image.get("href", "") if image is not None else "").strip()


def categories(channel):
    """Apple's first category and its first subcategory."""
    category = channel.find(ITUNES + "category")
    if category is None:
        return "", ""
    sub = category.find(ITUNES + "category")
    subcategory = sub.get("text", "") if sub is not None else ""
    return category.get("text", "").strip(), subcategory.strip()


def is_explicit(element):
    return itunes_text(element, "explicit").lower() in ("true", "yes", "explicit")


def episode_type(value):
    value = value.lower()
    return value if value in ("full", "trailer", "bonus") else "full"


def positive_int(value):
    """A season or episode number; None unless a whole number from 1."""
    return int(value) if value.isdigit() and 0 < int(value) < 2**31 else None


def as_uuid(value):
    try:
        return uuid.UUID(value) if value else None
    except ValueError:
        return None


def as_datetime(parsed_time):
    """feedparser's UTC time tuple as an aware datetime."""
    if not parsed_time:
        return None
    return datetime.datetime(*parsed_time[:6], tzinfo=datetime.UTC)


def plain_text(text):
    """HTML or text as plain text, its paragraphs kept."""
    text = html.unescape(strip_tags(text.replace("</p>", "</p>\n\n")))
    paragraphs = (one_line(paragraph) for paragraph in text.split("\n\n"))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)
