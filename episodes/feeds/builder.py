"""Feeds as XML bytes, from plain data: RSS 2.0 with Apple's and Podcasting 2.0's tags, and OPML.

feedgen and our extension write the channel; item_writer.py writes the items (see why there).
"""

from feedgen.feed import FeedGenerator
from lxml.etree import Element, SubElement, tostring

# isort: split
# feedgen.util uses lxml.etree without importing it: feedgen.feed must come first.
from feedgen.ext.podcast import PodcastExtension as ItunesExtension

from episodes.feeds.extension import PodcastExtension
from episodes.feeds.item_writer import item_xml
from episodes.feeds.notes import cut_to_bytes, item_texts, xml_safe
from episodes.standards.apple import MAX_DESCRIPTION_BYTES

# lxml writes its declaration with single quotes; the spec shows (and some validators want) double.
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def new_generator():
    """A FeedGenerator with feedgen's iTunes extension and ours for the podcast namespace."""
    generator = FeedGenerator()
    generator.register_extension("itunes", ItunesExtension, None)
    generator.register_extension("podcast", PodcastExtension, None)
    return generator


def build_feed(channel, items):
    """The RSS document of a feed, newest item first, as UTF-8 XML bytes."""
    head, tail = channel_xml(channel, items).rsplit(b"</channel>", 1)
    newest_first = sorted(items, key=lambda item: item.pub_date, reverse=True)
    body = "".join(
        item_xml(item, *item_texts(item.notes_html, item.summary, channel.link))
        for item in newest_first
    )
    return b"".join([XML_DECLARATION, head.rstrip(), body.encode(), b"\n  </channel>", tail])


def channel_xml(channel, items):
    """The <rss> document with its channel and no item, written by feedgen and our extension."""
    generator = new_generator()
    set_channel(generator, channel)
    set_itunes_channel(generator.itunes, channel)
    set_podcast_channel(generator.podcast, channel, items)
    return generator.rss_str(pretty=True, xml_declaration=False)


def set_channel(generator, channel):
    """The RSS 2.0 channel elements."""
    title = xml_safe(channel.title)
    generator.title(title)
    # feedgen takes the last link given as the RSS <link>: the site's page, after the self link.
    generator.link(href=channel.feed_url, rel="self", type="application/rss+xml")
    generator.link(href=channel.link, rel="alternate")
    generator.description(cut_to_bytes(xml_safe(channel.description), MAX_DESCRIPTION_BYTES))
    generator.language(channel.language)
    generator.image(url=channel.image_url, title=title, link=channel.link)
    if channel.copyright:
        generator.copyright(xml_safe(channel.copyright))
    generator.generator(channel.generator)
    generator.lastBuildDate(channel.last_build_date)


def set_itunes_channel(itunes, channel):
    """The itunes: channel elements feedgen writes correctly."""
    itunes.itunes_author(xml_safe(channel.author))
    itunes.itunes_category(cat=channel.category, sub=channel.subcategory or None)
    itunes.itunes_owner(name=xml_safe(channel.owner_name), email=channel.owner_email)
    itunes.itunes_type(channel.show_type)
    if channel.new_feed_url:
        itunes.itunes_new_feed_url(channel.new_feed_url)


def set_podcast_channel(podcast, channel, items):
    """Apple's values feedgen gets wrong, and the podcast: channel elements."""
    for hub in channel.hubs:
        podcast.hub(hub)
    podcast.image(channel.image_url)
    podcast.explicit(channel.explicit)
    podcast.block(channel.block)
    podcast.locked(channel.locked, owner=channel.lock_owner)
    podcast.guid(channel.podcast_guid)
    for funding in channel.funding:
        podcast.funding(funding.url, xml_safe(funding.text))
    for item in items:
        if item.episode_type == "trailer":
            podcast.trailer(
                xml_safe(item.title),
                item.audio_url,
                item.pub_date,
                item.audio_size,
                item.audio_type,
                season=item.season,
            )
    if channel.license:
        podcast.license(xml_safe(channel.license), url=channel.license_url)


def build_opml(title, outlines):
    """The OPML 2.0 list of feeds, as UTF-8 XML bytes."""
    opml = Element("opml", version="2.0")
    head = SubElement(opml, "head")
    SubElement(head, "title").text = xml_safe(title)
    body = SubElement(opml, "body")
    for outline in outlines:
        SubElement(
            body,
            "outline",
            type="rss",
            text=xml_safe(outline.title),
            title=xml_safe(outline.title),
            xmlUrl=outline.xml_url,
            htmlUrl=outline.html_url,
        )
    return XML_DECLARATION + tostring(opml, pretty_print=True, encoding="UTF-8")
