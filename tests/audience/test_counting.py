"""IAB v2.2 counting rules, on byte ranges alone (audience/counting.py, no database)."""

import pytest

from audience.counting import AudioShape, excluded, is_download, union_length
from audience.user_agents import Agent, classify
from tests.audience.helpers import APPLE_PODCASTS, APPLE_WATCH, CHROME, GOOGLEBOT

# A 10-minute episode of 6,000,000 audio bytes after a 1,000-byte ID3 tag: a minute is 600,000.
TEN_MINUTES = AudioShape(size=6_001_000, duration=600, header_bytes=1_000)


def test_threshold_is_one_minute_of_audio_past_the_id3_tag():
    assert TEN_MINUTES.threshold == 601_000


def test_a_short_episode_must_be_fetched_whole():
    short = AudioShape(size=50_000, duration=30, header_bytes=0)
    assert not is_download([(0, 49_998)], short)
    assert is_download([(0, 49_999)], short)


def test_bytes_0_1_probe_alone_is_no_download():
    assert not is_download([(0, 1)], TEN_MINUTES)


def test_a_range_one_byte_short_of_a_minute_is_no_download():
    assert not is_download([(0, 600_999 - 1)], TEN_MINUTES)
    assert is_download([(0, 600_999)], TEN_MINUTES)


def test_overlapping_ranges_count_their_bytes_once():
    overlapping = [(1_000, 400_999), (200_000, 500_999), (300_000, 400_000)]
    assert union_length(overlapping, 1_000, TEN_MINUTES.size) == 500_000
    assert not is_download(overlapping, TEN_MINUTES)


def test_ranges_apart_in_the_file_add_up_to_a_minute():
    assert is_download([(1_000, 300_999), (3_000_000, 3_299_999)], TEN_MINUTES)


def test_the_id3_tag_is_not_audio():
    assert union_length([(0, 999)], 1_000, TEN_MINUTES.size) == 0
    assert not is_download([(0, 600_998)], TEN_MINUTES)


def test_head_and_304_bring_no_bytes():
    assert not is_download([(None, None)], TEN_MINUTES)
    assert not is_download([], TEN_MINUTES)


@pytest.mark.parametrize(
    ("user_agent", "reason"),
    [(GOOGLEBOT, "bot"), (APPLE_WATCH, "bot"), ("curl/8.5.0", "bot"), (APPLE_PODCASTS, None)],
)
def test_bots_and_watch_auto_syncs_are_left_out(user_agent, reason):
    assert excluded(classify(user_agent)) == reason


def test_a_hosts_web_player_preloading_in_a_browser_is_left_out():
    agent = classify(CHROME, "https://player.captivate.fm/")
    assert agent.kind == "browser" and excluded(agent) == "preload"
    assert excluded(classify(CHROME, "https://overcast.fm/")) is None


def test_apple_watch_device_is_left_out():
    assert excluded(Agent("app", "Apple Podcasts", "Apple Watch", "watch")) == "watch"


def test_apps_and_devices_are_named_from_the_opawg_list():
    agent = classify("Spotify/8.8.96 Android/33 (SM-G991B)")
    assert (agent.kind, agent.name, agent.device_category) == ("app", "Spotify", "mobile")


def test_every_opawg_example_is_classified_as_its_own_entry():
    from audience.user_agents import patterns

    tables, _devices, _referrers = patterns()
    wrong = []
    for kind, table in tables.items():
        for _pattern, entry in table:
            for example in entry.get("examples", []):
                agent = classify(example)
                if (agent.kind, agent.name) != (kind, entry["name"]) and agent.kind == "unknown":
                    wrong.append(example)
    assert wrong == []


@pytest.mark.parametrize("user_agent", ["", "x" * 10_000, "Podcasts\x00\x07/1.0\r\nX: y"])
def test_absurd_user_agents_are_classified_without_error(user_agent):
    assert classify(user_agent).kind in ("unknown", "app", "bot", "library", "browser")
