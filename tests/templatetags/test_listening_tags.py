"""Durations as the feed rounds them, addresses as people read them, the feed's QR code."""

import pytest
from lxml import etree

from episodes.templatetags.listening_tags import iso_duration, qr_code, readable_url, timecode


@pytest.mark.parametrize(
    ("seconds", "shown", "iso"),
    [(42.6, "0:43", "PT0M43S"), (42.4, "0:42", "PT0M42S"), (3725.5, "1:02:06", "PT1H2M6S")],
)
def test_durations_round_to_the_nearest_second_as_itunes_duration(seconds, shown, iso):
    assert timecode(seconds) == shown
    assert iso_duration(seconds) == iso


def test_addresses_are_shown_with_their_accents_not_percent_escapes():
    address = "https://radio.example.org/radio/%C3%A9t%C3%A9-solidaire/?t=12"
    assert readable_url(address) == "https://radio.example.org/radio/été-solidaire/?t=12"
    # What must stay escaped to remain the same address does.
    assert readable_url("/a%20b/%3Fq/") == "/a%20b/%3Fq/"


def test_the_qr_code_is_an_svg_image_named_for_screen_readers():
    svg = etree.fromstring(str(qr_code("https://radio.example.org/feed.xml", "QR « flux » & co")))
    assert svg.tag == "svg" and svg.get("role") == "img"
    assert svg.get("aria-label") == "QR « flux » & co"
    assert svg.find(".//path") is not None
