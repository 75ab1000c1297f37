"""Builders and readers for feed tests: episodes with everything a feed shows, parsed feeds."""

import io
from decimal import Decimal

import podcastparser
from lxml import etree

from episodes.models import Chapter, EpisodeSpeaker, Event, TranscriptSegment
from episodes.transcripts import parse_webvtt
from tests import factories

NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "podcast": "https://podcastindex.org/namespace/1.0",
    "atom": "http://www.w3.org/2005/Atom",
}

WEBVTT = """WEBVTT

00:00:00.000 --> 00:00:01.000
<v Marie Durand>Bonjour et bienvenue.

00:00:01.000 --> 00:00:02.000
<v Vincent Bel>Merci de m'accueillir.
"""


def make_event(*, name="FNAF 2024", place="Palais des congrès, Rennes"):
    """An event with coordinates (one per name)."""
    coordinates = {"latitude": Decimal("48.111300"), "longitude": Decimal("-1.680000")}
    return Event.objects.get_or_create(name=name, defaults={"place": place, **coordinates})[0]


def make_full_episode(*, show, title="Habitat inclusif : vivre ensemble", **fields):
    """A published episode with speakers, chapters, transcript, event, soundbite and artwork."""
    host = factories.make_person("Marie Durand")
    guest = factories.make_person("Vincent Bel", photo=True, link="https://example.org/vincent-bel")
    defaults = {
        "show_notes": (
            '<p>Avec <b>Vincent Bel</b>, <a href="https://example.org/beguinage">Béguinage</a>.</p>'
            "<h2>Chapitres</h2><ul><li>Accueil</li></ul><script>alert(1)</script>"
        ),
        "season": 2,
        "episode_number": 7,
        "soundbite_start": 12.5,
        "soundbite_duration": 30,
        "event": make_event(),
        "artwork": factories.make_image(title=f"Pochette : {title}"),
        "speakers": [
            EpisodeSpeaker(person=host, role="host"),
            EpisodeSpeaker(person=guest, role="guest"),
        ],
        "chapters": [Chapter(start_time=0, title="Accueil"), Chapter(start_time=1, title="Suite")],
        "transcript_segments": [
            TranscriptSegment(**vars(segment)) for segment in parse_webvtt(WEBVTT)
        ],
    }
    defaults.update(fields)
    return factories.make_episode(show=show, title=title, **defaults)


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
