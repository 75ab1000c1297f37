"""A podcast's RSS feed read into plain data, without touching the database.

feedparser reads RSS (titles, descriptions, dates, enclosures, owner). lxml reads what
feedparser leaves out or misreads: the show notes' HTML (feedparser takes itunes:summary's plain
text for them), the Podcasting 2.0 tags (podcasting20.py), Apple's nested categories and its
values "true"/"false", type, season and episode numbers. The bytes are read as xml_reading.py
says: tolerant of what apps tolerate, strict where safety needs it.
"""

import dataclasses
import datetime
import html
import uuid
from dataclasses import dataclass, field

import feedparser
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from lxml import etree

from episodes.formats.text import one_line
from episodes.importer.dates import with_dates
from episodes.importer.podcasting20 import channel_extras, item_extras
from episodes.importer.xml_reading import (
    ITUNES,
    InvalidFeed,
    itunes_text,
    podcast_element,
    podcast_elements,
    podcast_text,
    positive_int,
    safe_root,
    tolerant_bytes,
)

__all__ = ["InvalidFeed", "channel_element", "parse_feed"]
CONTENT_ENCODED = "{http://purl.org/rss/1.0/modules/content/}encoded"


@dataclass(frozen=True)
class TranscriptLink:
    """A podcast:transcript of an item: where it is and its MIME type."""

    url: str
    type: str


@dataclass(frozen=True)
class ShowData:
    """What the feed's channel says about the show; not_imported names, in French, what the
    site cannot hold."""

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
    funding: tuple = ()
    license: str = ""
    license_url: str = ""
    not_imported: tuple = ()


@dataclass(frozen=True)
class EpisodeData:
    """What the feed says about one episode (an <item>). dated is False when the feed gives no
    date: pub_date is then made up from its neighbours (dates.py)."""

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
    persons: tuple = ()
    soundbite: object = None
    location: object = None
    dated: bool = True
    not_imported: tuple = ()


@dataclass(frozen=True)
class ParsedFeed:
    show: ShowData
    episodes: list


def parse_feed(data):
    """The show and episodes of a feed's bytes; InvalidFeed says in French what is wrong."""
    data = tolerant_bytes(data)
    channel = checked_channel(safe_root(data))
    parsed = feedparser.parse(data)
    items = channel.findall("item")
    if len(items) != len(parsed.entries):
        raise InvalidFeed(_("Les épisodes de ce flux ne peuvent pas être lus."))
    pairs = zip(items, parsed.entries, strict=True)
    episodes = [episode_data(item, entry) for item, entry in pairs]
    show = show_data(channel, parsed.feed)
    extras = channel_extras(channel)
    episodes, unmatched = with_trailers(episodes, extras.trailer_urls)
    show = dataclasses.replace(
        show,
        funding=extras.funding,
        license=extras.license,
        license_url=extras.license_url,
        not_imported=show.not_imported + extras.not_imported + unmatched,
    )
    return ParsedFeed(show, with_dates(episodes))


def channel_element(data):
    """The <channel> of an RSS document's bytes, with a title."""
    return checked_channel(safe_root(tolerant_bytes(data)))


def checked_channel(root):
    """The <channel> of an RSS document's root element, with a title."""
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


def with_trailers(episodes, trailer_urls):
    """The episodes, those a podcast:trailer names being trailers; and, in French, the trailers
    that are no item of the feed (not imported)."""
    by_audio = {episode.audio_url: episode for episode in episodes}
    unmatched = tuple(
        _("bande-annonce (podcast:trailer) non importée, faute d'élément du flux : %(url)s")
        % {"url": url}
        for url in trailer_urls
        if url not in by_audio
    )
    trailers = set(trailer_urls)
    episodes = [
        dataclasses.replace(episode, episode_type="trailer")
        if episode.audio_url in trailers and episode.episode_type == "full"
        else episode
        for episode in episodes
    ]
    return episodes, unmatched


def show_data(channel, feed):
    """The channel's values."""
    author = feed.get("author_detail", {})
    owner = feed.get("publisher_detail", {})
    locked = podcast_element(channel, "locked")
    (category, subcategory), *others = categories(channel) or [("", "")]
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
        not_imported=tuple(
            _("catégorie Apple « %(category)s » non importée : le podcast n'en a qu'une")
            % {"category": " › ".join(filter(None, pair))}
            for pair in others
        ),
    )


def episode_data(item, entry):
    """An <item>'s values."""
    audio_url = next((e.get("href") for e in entry.get("enclosures", []) if e.get("href")), "")
    chapters = podcast_element(item, "chapters")
    summary = plain_text(itunes_text(item, "summary") or entry.get("summary") or "")
    extras = item_extras(item)
    return EpisodeData(
        guid=(entry.get("id") or audio_url).strip(),
        title=one_line(entry.get("title") or ""),
        summary=summary,
        notes_html=notes_html(item),
        audio_url=audio_url.strip(),
        pub_date=as_datetime(entry.get("published_parsed")),
        season=positive_int(itunes_text(item, "season")) or extras.season,
        episode_number=positive_int(itunes_text(item, "episode")) or extras.episode,
        episode_type=episode_type(itunes_text(item, "episodeType")),
        explicit=is_explicit(item),
        image_url=image_url(item),
        transcripts=tuple(
            TranscriptLink(url=element.get("url", "").strip(), type=element.get("type", ""))
            for element in podcast_elements(item, "transcript")
            if element.get("url")
        ),
        chapters_url=(chapters.get("url", "") if chapters is not None else "").strip(),
        persons=extras.persons,
        soundbite=extras.soundbite,
        location=extras.location,
        not_imported=extras.not_imported,
    )


def notes_html(item):
    """The item's show notes as the feed gives them: content:encoded, else the description
    (feedparser would take itunes:summary's plain text instead, losing <em> and links), else
    itunes:summary."""
    for text in (item.findtext(CONTENT_ENCODED), item.findtext("description")):
        if text and text.strip():
            return text
    return itunes_text(item, "summary")


def image_url(element):
    image = element.find(ITUNES + "image")
    return (image.get("href", "") if image is not None else "").strip()


def categories(channel):
    """Apple's (category, subcategory) pairs in the feed's order; a category alone is left out
    when the feed also gives it with a subcategory."""
    pairs = []
    for category in channel.findall(ITUNES + "category"):
        name = category.get("text", "").strip()
        subs = [sub.get("text", "").strip() for sub in category.findall(ITUNES + "category")]
        pairs += [(name, sub) for sub in subs if sub] or [(name, "")]
    nested = {name for name, sub in pairs if sub}
    pairs = [(name, sub) for name, sub in pairs if name and (sub or name not in nested)]
    return list(dict.fromkeys(pairs))


def is_explicit(element):
    return itunes_text(element, "explicit").lower() in ("true", "yes", "explicit")


def episode_type(value):
    value = value.lower()
    return value if value in ("full", "trailer", "bonus") else "full"


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
