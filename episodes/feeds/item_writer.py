"""The <item> of an episode as RSS text, with its itunes: and podcast: elements.

Items are the feed's hot loop. Written through feedgen and lxml, 1,000 items took 160–200 ms on the
project's 2-core machine (lxml spends microseconds per element and per attribute, and feedgen builds
items detached, so lxml reconciles namespaces once more per item); written as escaped text they take
about 25 ms. Every value goes through text() or attribute() (escaped, XML-safe) or cdata(), and
every feed is parsed back by lxml, feedparser and podcastparser in the tests.
"""

import re
from html import escape

from episodes.feeds.extension import number, rfc2822
from episodes.formats.text import XML_FORBIDDEN, xml_safe

INDENT = "\n      "
# Most values (URLs, numbers, plain titles) need no escaping: one search spares five replaces.
NEEDS_ESCAPING = re.compile("[&<>\"'" + XML_FORBIDDEN.pattern[1:])


def text(value):
    """Element text (a string): XML-safe and escaped."""
    return escape(xml_safe(value), quote=False) if NEEDS_ESCAPING.search(value) else value


def attribute(value):
    """An attribute value (a string): XML-safe and escaped, quotes included."""
    return escape(xml_safe(value), quote=True) if NEEDS_ESCAPING.search(value) else value


def cdata(html):
    """HTML in a CDATA section; a "]]>" (possible inside a link) becomes "]]&gt;", the same HTML."""
    return f"<![CDATA[{html.replace(']]>', ']]&gt;')}]]>"


def optional(name, value):
    """name="value", or nothing for an empty value."""
    return f' {name}="{attribute(value)}"' if value else ""


def item_xml(item, description, content):
    """An episode's <item>: its RSS, Apple and Podcasting 2.0 elements."""
    lines = rss_lines(item, description, content) + itunes_lines(item) + podcast_lines(item)
    return f"\n    <item>{INDENT}{INDENT.join(lines)}\n    </item>"


def rss_lines(item, description, content):
    """The RSS 2.0 elements of an item."""
    return [
        f"<title>{text(item.title)}</title>",
        f"<link>{text(item.link)}</link>",
        f"<description>{cdata(description)}</description>",
        f"<content:encoded>{cdata(content)}</content:encoded>",
        f'<guid isPermaLink="false">{text(item.guid)}</guid>',
        f'<enclosure url="{attribute(item.audio_url)}" length="{item.audio_size:d}"'
        f' type="{attribute(item.audio_type)}"/>',
        f"<pubDate>{rfc2822(item.pub_date)}</pubDate>",
    ]


def itunes_lines(item):
    """The itunes: elements of an item."""
    lines = [
        f"<itunes:title>{text(item.title)}</itunes:title>",
        f"<itunes:duration>{item.duration:d}</itunes:duration>",
        f"<itunes:episodeType>{text(item.episode_type)}</itunes:episodeType>",
        f"<itunes:explicit>{'true' if item.explicit else 'false'}</itunes:explicit>",
    ]
    if item.season:
        lines.append(f"<itunes:season>{item.season:d}</itunes:season>")
    if item.episode:
        lines.append(f"<itunes:episode>{item.episode:d}</itunes:episode>")
    if item.summary:
        lines.append(f"<itunes:summary>{text(item.summary)}</itunes:summary>")
    if item.image_url:
        lines.append(f'<itunes:image href="{attribute(item.image_url)}"/>')
    return lines


def podcast_lines(item):
    """The podcast: elements of an item."""
    lines = [
        f'<podcast:transcript url="{attribute(t.url)}" type="{attribute(t.type)}"'
        f"{optional('language', t.language)}{optional('rel', t.rel)}/>"
        for t in item.transcripts
    ]
    if item.chapters_url:
        lines.append(
            f'<podcast:chapters url="{attribute(item.chapters_url)}"'
            ' type="application/json+chapters"/>'
        )
    if item.soundbite:
        lines.append(
            f'<podcast:soundbite startTime="{number(item.soundbite.start)}"'
            f' duration="{number(item.soundbite.duration)}"/>'
        )
    lines += [person_line(person) for person in item.persons]
    if item.location:
        lines.append(location_line(item.location))
    if item.season:
        lines.append(f"<podcast:season>{item.season:d}</podcast:season>")
    if item.episode:
        lines.append(f"<podcast:episode>{item.episode:d}</podcast:episode>")
    return lines


def person_line(person):
    """A podcast:person element."""
    return (
        f'<podcast:person role="{attribute(person.role)}" group="{attribute(person.group)}"'
        f"{optional('img', person.img)}{optional('href', person.href)}>"
        f"{text(person.name)}</podcast:person>"
    )


def location_line(place):
    """A podcast:location element."""
    return (
        f"<podcast:location{optional('rel', place.rel)}{optional('geo', place.geo)}"
        f"{optional('country', place.country)}>{text(place.name)}</podcast:location>"
    )
