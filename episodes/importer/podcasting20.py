"""The Podcasting 2.0 tags of a feed (podcastindex.org/namespace/1.0) read into plain data.

What the site holds is read (people, soundbite, location, season and episode numbers, funding,
licence, trailers); what it cannot hold is named, in French, in ``not_imported``, so that the
import summary lists it instead of dropping it silently.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from lxml import etree

from episodes.importer.xml_reading import (
    PODCAST_NAMESPACES,
    podcast_element,
    podcast_elements,
    positive_int,
)

ITEM_TAGS_READ = {"transcript", "chapters", "soundbite", "person", "location", "season", "episode"}
CHANNEL_TAGS_READ = {"locked", "guid", "funding", "license", "trailer"}


@dataclass(frozen=True)
class PersonData:
    """A podcast:person: a name, a Podcast Taxonomy role, a photo and a link."""

    name: str
    role: str
    img: str = ""
    href: str = ""


@dataclass(frozen=True)
class LocationData:
    """A podcast:location: a place's name, its geo: URI and its country code."""

    name: str
    latitude: str = ""
    longitude: str = ""
    country: str = ""


@dataclass(frozen=True)
class SoundbiteData:
    start: float
    duration: float


@dataclass(frozen=True)
class ItemExtras:
    persons: tuple
    soundbite: SoundbiteData | None
    location: LocationData | None
    season: int | None
    episode: int | None
    not_imported: tuple


@dataclass(frozen=True)
class ChannelExtras:
    funding: tuple  # (url, text) pairs
    license: str
    license_url: str
    trailer_urls: tuple
    not_imported: tuple


def item_extras(item):
    """What an <item>'s podcast: tags say."""
    soundbites = [s for s in map(soundbite, podcast_elements(item, "soundbite")) if s]
    locations = [place for place in map(location, podcast_elements(item, "location")) if place]
    return ItemExtras(
        persons=tuple(filter(None, map(person, podcast_elements(item, "person")))),
        soundbite=soundbites[0] if soundbites else None,
        location=locations[0] if locations else None,
        season=positive_int(text_of(podcast_element(item, "season"))),
        episode=positive_int(text_of(podcast_element(item, "episode"))),
        not_imported=item_not_imported(item, len(soundbites), len(locations)),
    )


def item_not_imported(item, soundbites, locations):
    """In French, the item's podcast: values the site cannot hold."""
    dropped = unread_tags(item, ITEM_TAGS_READ | {"alternateEnclosure"})
    alternates = len(podcast_elements(item, "alternateEnclosure"))
    if alternates:
        dropped.append(
            ngettext(
                "autre version du média (podcast:alternateEnclosure) non importée",
                "autres versions du média (podcast:alternateEnclosure) : %(count)s non importées",
                alternates,
            )
            % {"count": alternates}
        )
    if soundbites > 1:
        dropped.append(
            ngettext(
                "extraits (podcast:soundbite) : seul le premier est importé, %(count)s autre non",
                "extraits (podcast:soundbite) : seul le premier est importé, %(count)s autres non",
                soundbites - 1,
            )
            % {"count": soundbites - 1}
        )
    if locations > 1:
        dropped.append(_("lieux (podcast:location) : seul le premier est importé"))
    return tuple(dropped)


def channel_extras(channel):
    """What a <channel>'s podcast: tags say."""
    licence = podcast_element(channel, "license")
    dropped = list(unread_tags(channel, CHANNEL_TAGS_READ | {"podroll", "person"}))
    podroll = podcast_element(channel, "podroll")
    if podroll is not None:
        count = len(podcast_elements(podroll, "remoteItem"))
        dropped.append(
            _("podcasts recommandés (podcast:podroll) : %(count)s non importés") % {"count": count}
        )
    people = [name for name in map(person, podcast_elements(channel, "person")) if name]
    if people:
        names = ", ".join(p.name for p in people)
        dropped.append(
            _("personnes du podcast (podcast:person du canal) non importées : %(names)s")
            % {"names": names}
        )
    return ChannelExtras(
        funding=tuple(funding_links(channel)),
        license=text_of(licence)[:128],
        license_url=(licence.get("url", "") if licence is not None else "").strip(),
        trailer_urls=tuple(
            t.get("url", "").strip() for t in podcast_elements(channel, "trailer") if t.get("url")
        ),
        not_imported=tuple(dropped),
    )


def text_of(element):
    return (element.text or "").strip() if element is not None else ""


def unread_tags(element, read):
    """« podcast:value non importé », once for each other podcast: tag the element has."""
    names = []
    for child in element:
        if not isinstance(child.tag, str):
            continue
        name = etree.QName(child)
        if name.namespace in PODCAST_NAMESPACES and name.localname not in read:
            if name.localname not in names:
                names.append(name.localname)
    return [_("podcast:%(tag)s non importé") % {"tag": name} for name in names]


def person(element):
    """A podcast:person, its role as the taxonomy writes it (lower case); None without a name."""
    name = text_of(element)
    if not name:
        return None
    role = (element.get("role") or "host").strip().lower()
    return PersonData(
        name=name[:200],
        role=role,
        img=(element.get("img") or "").strip(),
        href=(element.get("href") or "").strip(),
    )


def soundbite(element):
    """A podcast:soundbite's start and duration in seconds; None when unreadable."""
    try:
        start, duration = float(element.get("startTime")), float(element.get("duration"))
    except (TypeError, ValueError):
        return None
    if start < 0 or duration <= 0:
        return None
    return SoundbiteData(start=start, duration=duration)


def location(element):
    """A podcast:location with its coordinates when its geo: URI gives them."""
    name = text_of(element)
    if not name:
        return None
    latitude = longitude = ""
    geo = (element.get("geo") or "").strip().lower()
    if geo.startswith("geo:"):
        parts = geo[4:].split(";")[0].split(",")
        if len(parts) >= 2 and all(is_number(part) for part in parts[:2]):
            latitude, longitude = parts[0].strip(), parts[1].strip()
    country = (element.get("country") or "").strip().upper()
    return LocationData(name[:200], latitude, longitude, country if len(country) == 2 else "")


def is_number(text):
    try:
        float(text)
    except ValueError:
        return False
    return True


def funding_links(channel):
    """(url, text) of each podcast:funding with an address."""
    for element in podcast_elements(channel, "funding"):
        url = (element.get("url") or "").strip()
        if url:
            yield url, (text_of(element) or _("Soutenir le podcast"))[:128]
