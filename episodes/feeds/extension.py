"""A feedgen extension for the Podcasting 2.0 namespace and the Apple values feedgen gets wrong.

feedgen 1.0.0 writes itunes:explicit only as yes/no/clean (Apple wants true/false), drops a channel
itunes:image whose URL does not end in .jpg/.png, writes itunes:block as "yes", and knows nothing
of podcastindex.org/namespace/1.0. Registered as
``fg.register_extension("podcast", PodcastExtension)``. Items are written by item_writer.py, for
speed; its dates and numbers come from here.
"""

from datetime import UTC

from feedgen.ext.base import BaseExtension
from lxml.etree import Element, SubElement

ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST_NS = "https://podcastindex.org/namespace/1.0"
ATOM_NS = "http://www.w3.org/2005/Atom"
NAMESPACES = {"itunes": ITUNES_NS, "podcast": PODCAST_NS}
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def itunes(tag):
    """A tag in the itunes namespace, as lxml names it."""
    return f"{{{ITUNES_NS}}}{tag}"


def podcast(tag):
    """A tag in the podcast namespace, as lxml names it."""
    return f"{{{PODCAST_NS}}}{tag}"


def rfc2822(moment):
    """An RFC 2822 date in UTC, whatever the process locale (feedgen switches it for each date).

    Written by hand: email.utils.format_datetime() spends 12 µs in strftime("%z") per item.
    """
    moment = moment.astimezone(UTC)
    return (
        f"{DAYS[moment.weekday()]}, {moment.day:02d} {MONTHS[moment.month - 1]} {moment.year} "
        f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d} +0000"
    )


def number(value):
    """A number as the namespace writes it: 75, 12.5."""
    value = float(value)
    return str(int(value)) if value.is_integer() else f"{value:.3f}".rstrip("0")


def text_element(parent, tag, text, **attributes):
    """Append <tag attributes>text</tag>, leaving out empty attributes."""
    element = SubElement(parent, tag, {k: str(v) for k, v in attributes.items() if v})
    element.text = text
    return element


class PodcastExtension(BaseExtension):
    """Channel tags: podcast locked, guid, funding, trailer, license, block; itunes fixes."""

    def __init__(self):
        self._explicit = None
        self._image = ""
        self._block = False
        self._locked = None
        self._guid = None
        self._funding = []
        self._trailers = []
        self._license = None
        self._hubs = []

    def extend_ns(self):
        """The prefixes this extension writes."""
        return dict(NAMESPACES)

    def explicit(self, explicit):
        """itunes:explicit as Apple wants it: true or false."""
        self._explicit = bool(explicit)

    def image(self, url):
        """The channel's itunes:image, whatever its URL ends with."""
        self._image = url

    def block(self, block):
        """Keep the feed out of directories: itunes:block Yes and podcast:block yes."""
        self._block = bool(block)

    def locked(self, locked, owner=""):
        """podcast:locked: whether other platforms may import the feed, and who may unlock it."""
        self._locked = (bool(locked), owner)

    def guid(self, guid):
        """podcast:guid, the feed's identity whatever its URL."""
        self._guid = str(guid)

    def funding(self, url, text):
        """Add a podcast:funding link."""
        self._funding.append((url, text))

    def trailer(self, title, url, pubdate, length, mime_type, season=None):
        """Add a podcast:trailer."""
        self._trailers.append((title, url, pubdate, length, mime_type, season))

    def license(self, name, url=""):
        """podcast:license: an SPDX identifier or a licence name, with its URL if any."""
        self._license = (name, url)

    def hub(self, url):
        """Add a WebSub hub (atom:link rel="hub"), written after the feed's rel="self" link."""
        self._hubs.append(url)

    def extend_rss(self, rss_feed):
        """Append the channel tags set on this extension."""
        channel = rss_feed[0]
        self._extend_atom(channel)
        self._extend_itunes(channel)
        self._extend_podcast(channel)
        return rss_feed

    def _extend_atom(self, channel):
        self_link = channel.find(f"{{{ATOM_NS}}}link[@rel='self']")
        position = list(channel).index(self_link) + 1 if self_link is not None else len(channel)
        for offset, url in enumerate(self._hubs):
            link = Element(f"{{{ATOM_NS}}}link", href=url, rel="hub")
            channel.insert(position + offset, link)

    def _extend_itunes(self, channel):
        if self._image:
            SubElement(channel, itunes("image"), href=self._image)
        if self._explicit is not None:
            text_element(channel, itunes("explicit"), "true" if self._explicit else "false")
        if self._block:
            text_element(channel, itunes("block"), "Yes")

    def _extend_podcast(self, channel):
        if self._locked is not None:
            locked, owner = self._locked
            text_element(channel, podcast("locked"), "yes" if locked else "no", owner=owner)
        if self._guid:
            text_element(channel, podcast("guid"), self._guid)
        for url, text in self._funding:
            text_element(channel, podcast("funding"), text, url=url)
        for title, url, pubdate, length, mime_type, season in self._trailers:
            attributes = {"pubdate": rfc2822(pubdate), "url": url, "length": length}
            attributes.update(type=mime_type, season=season)
            text_element(channel, podcast("trailer"), title, **attributes)
        if self._license:
            name, url = self._license
            text_element(channel, podcast("license"), name, url=url)
        if self._block:
            text_element(channel, podcast("block"), "yes")
