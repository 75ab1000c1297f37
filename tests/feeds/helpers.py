"""Readers for feed tests: feeds parsed by lxml and by podcastparser, as apps read them."""

import io

import podcastparser
from lxml import etree

NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "podcast": "https://podcastindex.org/namespace/1.0",
    "atom": "http://www.w3.org/2005/Atom",
}


def parse_xml(body):
    """The feed's root element, parsed by lxml."""
    return etree.fromstring(body)


def channel_of(body):
    """The feed's <channel>."""
    return parse_xml(body).find("channel")


def items_of(body):
    """The feed's <item> elements, in order."""
    return parse_xml(body).findall("channel/item")


def item_by_guid(body, guid):
    """The <item> whose guid is guid."""
    return next(item for item in items_of(body) if item.findtext("guid") == guid)


def podcastparser_episodes(url, body):
    """The episodes podcastparser (gPodder's parser) reads in the feed."""
    return podcastparser.parse(url, io.BytesIO(body))["episodes"]
