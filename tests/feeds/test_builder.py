"""build_feed() writes RSS that Apple and Podcasting 2.0 accept, from plain data alone."""

import uuid
from datetime import UTC, datetime, timedelta

from lxml import etree

from episodes.feeds.builder import build_feed, build_opml
from episodes.feeds.data import (
    FeedChannel,
    FeedFunding,
    FeedItem,
    FeedLocation,
    FeedOutline,
    FeedPerson,
    FeedSoundbite,
    FeedTranscript,
)
from tests.feeds.helpers import NS

NOW = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)


def channel(**fields):
    defaults = {
        "title": "Radio des Territoires",
        "description": "Les témoignages de l'économie sociale et solidaire.",
        "link": "https://radio.example/radio/",
        "feed_url": "https://radio.example/podcasts/radio/feed.xml",
        "image_url": "https://radio.example/media/images/show.max-3000x3000.format-jpeg.jpg",
        "podcast_guid": uuid.UUID("9b024349-ccf0-5f69-a609-6b82873eab3c"),
        "author": "Radio des Territoires",
        "owner_name": "Radio des Territoires",
        "owner_email": "contact@radio.example",
        "last_build_date": NOW,
        "lock_owner": "contact@radio.example",
    }
    return FeedChannel(**(defaults | fields))


def item(number=1, **fields):
    guid = f"2708d512-87a2-44ba-87c4-{number:012d}"
    defaults = {
        "guid": guid,
        "title": f"Épisode {number}",
        "link": f"https://radio.example/radio/episode-{number}/",
        "audio_url": f"https://radio.example/audio/{guid}.mp3",
        "audio_size": 32600,
        "audio_type": "audio/mpeg",
        "duration": 62,
        "pub_date": NOW - timedelta(days=number),
        "summary": "Un témoignage.",
    }
    return FeedItem(**(defaults | fields))


def parsed(body):
    return etree.fromstring(body)


def test_feed_starts_with_the_declaration_and_declares_the_four_namespaces_exactly():
    body = build_feed(channel(), [item()])
    assert body.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<rss ')
    root = parsed(body)
    assert root.tag == "rss" and root.get("version") == "2.0"
    assert root.nsmap == NS


def test_channel_writes_apple_explicit_as_false_and_true():
    plain = parsed(build_feed(channel(), []))
    assert plain.findtext("channel/itunes:explicit", namespaces=NS) == "false"
    explicit = parsed(build_feed(channel(explicit=True), []))
    assert explicit.findtext("channel/itunes:explicit", namespaces=NS) == "true"


def test_channel_keeps_an_itunes_image_feedgen_would_drop():
    url = "https://cdn.radio.example/show.jpeg?v=2"
    root = parsed(build_feed(channel(image_url=url), []))
    assert root.find("channel/itunes:image", NS).get("href") == url
    assert root.findtext("channel/image/url") == url


def test_channel_links_its_page_and_itself():
    root = parsed(build_feed(channel(), []))
    assert root.findtext("channel/link") == "https://radio.example/radio/"
    self_link = root.find("channel/atom:link", NS)
    assert self_link.get("rel") == "self"
    assert self_link.get("href") == "https://radio.example/podcasts/radio/feed.xml"


def test_channel_has_category_and_subcategory_as_apple_spells_them():
    root = parsed(build_feed(channel(category="Business", subcategory="Non-Profit"), []))
    category = root.find("channel/itunes:category", NS)
    assert category.get("text") == "Business"
    assert category.find("itunes:category", NS).get("text") == "Non-Profit"


def test_channel_has_podcast_locked_guid_funding_and_license():
    fields = {
        "funding": (FeedFunding("https://radio.example/soutenir/", "Soutenir la radio"),),
        "license": "cc-by-4.0",
        "license_url": "https://creativecommons.org/licenses/by/4.0/",
        "new_feed_url": "https://new.radio.example/feed.xml",
    }
    root = parsed(build_feed(channel(**fields), []))
    locked = root.find("channel/podcast:locked", NS)
    assert (locked.text, locked.get("owner")) == ("yes", "contact@radio.example")
    assert root.findtext("channel/podcast:guid", namespaces=NS) == (
        "9b024349-ccf0-5f69-a609-6b82873eab3c"
    )
    funding = root.find("channel/podcast:funding", NS)
    assert (funding.text, funding.get("url")) == ("Soutenir la radio", fields["funding"][0].url)
    license_element = root.find("channel/podcast:license", NS)
    assert (license_element.text, license_element.get("url")) == (
        "cc-by-4.0",
        fields["license_url"],
    )
    assert root.findtext("channel/itunes:new-feed-url", namespaces=NS) == fields["new_feed_url"]


def test_blocked_channel_says_so_to_apple_and_podcast_index():
    root = parsed(build_feed(channel(block=True), []))
    assert root.findtext("channel/itunes:block", namespaces=NS) == "Yes"
    assert root.findtext("channel/podcast:block", namespaces=NS) == "yes"
    assert parsed(build_feed(channel(), [])).find("channel/podcast:block", NS) is None


def test_channel_description_is_cut_to_4000_bytes():
    root = parsed(build_feed(channel(description="é" * 3000), []))
    assert len(root.findtext("channel/description").encode()) <= 4000


def test_items_come_newest_first():
    body = build_feed(channel(), [item(3), item(1), item(2)])
    titles = [element.findtext("title") for element in parsed(body).iterfind("channel/item")]
    assert titles == ["Épisode 1", "Épisode 2", "Épisode 3"]


def test_item_has_enclosure_guid_date_and_apple_fields():
    root = parsed(build_feed(channel(), [item(explicit=True, image_url="https://x.example/e.png")]))
    element = root.find("channel/item")
    enclosure = element.find("enclosure")
    assert enclosure.attrib == {
        "url": "https://radio.example/audio/2708d512-87a2-44ba-87c4-000000000001.mp3",
        "length": "32600",
        "type": "audio/mpeg",
    }
    assert element.find("guid").get("isPermaLink") == "false"
    assert element.findtext("pubDate") == "Fri, 13 Mar 2026 09:30:00 +0000"
    assert element.findtext("itunes:duration", namespaces=NS) == "62"
    assert element.findtext("itunes:episodeType", namespaces=NS) == "full"
    assert element.findtext("itunes:explicit", namespaces=NS) == "true"
    assert element.findtext("itunes:title", namespaces=NS) == "Épisode 1"
    assert element.find("itunes:image", NS).get("href") == "https://x.example/e.png"


def test_item_podcast_elements_carry_their_attributes():
    rich = item(
        transcripts=(FeedTranscript("https://x.example/t.vtt", "text/vtt", "fr", "captions"),),
        chapters_url="https://x.example/chapters.json",
        soundbite=FeedSoundbite(12.5, 30.0),
        persons=(FeedPerson("Vincent Bel", "guest", "cast", "https://x.example/p.jpg", ""),),
        location=FeedLocation("Rennes", "geo:48.1113,-1.68", "FR"),
    )
    element = parsed(build_feed(channel(), [rich])).find("channel/item")
    transcript = element.find("podcast:transcript", NS)
    assert transcript.attrib == {
        "url": "https://x.example/t.vtt",
        "type": "text/vtt",
        "language": "fr",
        "rel": "captions",
    }
    chapters = element.find("podcast:chapters", NS)
    assert chapters.get("type") == "application/json+chapters"
    assert element.find("podcast:soundbite", NS).attrib == {"startTime": "12.5", "duration": "30"}
    person = element.find("podcast:person", NS)
    assert (person.text, person.attrib) == (
        "Vincent Bel",
        {"role": "guest", "group": "cast", "img": "https://x.example/p.jpg"},
    )
    place = element.find("podcast:location", NS)
    assert (place.text, place.get("geo"), place.get("country")) == (
        "Rennes",
        "geo:48.1113,-1.68",
        "FR",
    )


def test_season_and_episode_numbers_appear_only_when_set():
    root = parsed(build_feed(channel(), [item(1, season=2, episode=7), item(2)]))
    numbered, plain = root.findall("channel/item")
    assert numbered.findtext("itunes:season", namespaces=NS) == "2"
    assert numbered.findtext("podcast:season", namespaces=NS) == "2"
    assert numbered.findtext("itunes:episode", namespaces=NS) == "7"
    assert numbered.findtext("podcast:episode", namespaces=NS) == "7"
    for tag in ("itunes:season", "itunes:episode", "podcast:season", "podcast:episode"):
        assert plain.find(tag, NS) is None


def test_trailer_episodes_are_announced_as_podcast_trailer():
    trailer = item(4, episode_type="trailer", season=1, title="Bande-annonce")
    root = parsed(build_feed(channel(), [item(1), trailer]))
    element = root.find("channel/podcast:trailer", NS)
    assert element.text == "Bande-annonce"
    assert element.attrib == {
        "pubdate": "Tue, 10 Mar 2026 09:30:00 +0000",
        "url": trailer.audio_url,
        "length": "32600",
        "type": "audio/mpeg",
        "season": "1",
    }


def test_description_keeps_only_apple_html_in_cdata():
    notes = (
        '<p>Avec <b>Vincent</b> <a href="/associations/beguinage/" class="x">ici</a></p>'
        '<h2>Titre</h2><ul><li>Un</li></ul><img src="x.png"><script>alert(1)</script>'
    )
    body = build_feed(channel(), [item(notes_html=notes)])
    assert b"<description><![CDATA[<p>" in body
    description = parsed(body).findtext("channel/item/description")
    fragment = etree.fromstring(f"<root>{description}</root>", etree.HTMLParser())
    tags = {element.tag for element in fragment.iter()} - {"html", "body", "root"}
    assert tags == {"p", "a", "ul", "li"}
    assert '<a href="https://radio.example/associations/beguinage/">ici</a>' in description
    assert "alert" not in description


def test_long_notes_go_whole_to_content_encoded_and_the_summary_to_the_description():
    notes = "".join(f"<p>Paragraphe {n} : un long témoignage.</p>" for n in range(200))
    element = parsed(build_feed(channel(), [item(notes_html=notes)])).find("channel/item")
    assert element.findtext("description") == "<p>Un témoignage.</p>"
    content = element.findtext("content:encoded", namespaces=NS)
    assert content.count("<p>") == 200


def test_markup_and_control_characters_in_titles_keep_the_feed_well_formed():
    title = 'Économie & <co> "circulaire"\x0b ]]>'
    body = build_feed(channel(title=title), [item(title=title, summary=title)])
    root = parsed(body)
    assert root.findtext("channel/title") == 'Économie & <co> "circulaire" ]]>'
    assert root.findtext("channel/item/title") == 'Économie & <co> "circulaire" ]]>'


def test_opml_lists_each_feed_as_an_rss_outline():
    outlines = [FeedOutline("Radio – Habitat", "https://r.example/t.xml", "https://r.example/t/")]
    body = build_opml("Radio des Territoires", outlines)
    assert body.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">')
    outline = etree.fromstring(body).find("body/outline")
    assert outline.attrib == {
        "type": "rss",
        "text": "Radio – Habitat",
        "title": "Radio – Habitat",
        "xmlUrl": "https://r.example/t.xml",
        "htmlUrl": "https://r.example/t/",
    }
