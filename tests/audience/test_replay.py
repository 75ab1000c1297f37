"""Podcast apps' real request sequences replayed on /audio/, then aggregated: exact counts."""

import pytest

from audience.models import DayFigures, Hit, MonthFigures
from tests.audience.helpers import (
    ANTENNAPOD,
    APPLE_WATCH,
    GOOGLEBOT,
    SPOTIFY,
    Listener,
    downloads,
    moment,
)

pytestmark = pytest.mark.django_db
MORNING, EVENING = moment("2026-03-02 08:00"), moment("2026-03-02 21:30")
NEXT_DAY, LATER = moment("2026-03-03 07:00"), moment("2026-03-04 12:00")


def minute_end(episode):
    """The last byte of the first minute of audio (no ID3 tag in test audio)."""
    audio = episode.audio
    return int(audio.size / audio.duration * 60) - 1


def test_apple_probe_then_ranges_past_a_minute_is_one_download(client, monkeypatch, long_episode):
    apple = Listener(client, monkeypatch)
    assert apple.fetch(long_episode, MORNING, byte_range="0-1").status_code == 206
    apple.fetch(long_episode, MORNING, byte_range="0-")
    apple.fetch(long_episode, MORNING, byte_range="200000-")
    assert downloads(long_episode, when=LATER) == 1


def test_a_probe_and_a_head_alone_are_no_download(client, monkeypatch, long_episode):
    apple = Listener(client, monkeypatch)
    apple.fetch(long_episode, MORNING, byte_range="0-1")
    assert apple.fetch(long_episode, MORNING, method="head").status_code == 200
    assert downloads(long_episode, when=LATER) == 0
    assert DayFigures.objects.get().listeners == 0


def test_a_304_is_no_download(client, monkeypatch, long_episode):
    app = Listener(client, monkeypatch, user_agent=ANTENNAPOD)
    etag = f'"{long_episode.audio.sha256}"'
    assert app.fetch(long_episode, MORNING, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert downloads(long_episode, when=LATER) == 0


def test_a_bot_fetching_everything_is_no_download(client, monkeypatch, long_episode):
    Listener(client, monkeypatch, user_agent=GOOGLEBOT).fetch(long_episode, MORNING)
    Listener(client, monkeypatch, user_agent=APPLE_WATCH).fetch(long_episode, MORNING)
    assert downloads(long_episode, when=LATER) == 0


def test_same_listener_twice_a_day_then_next_day(client, monkeypatch, long_episode):
    spotify = Listener(client, monkeypatch, user_agent=SPOTIFY)
    spotify.fetch(long_episode, MORNING)
    spotify.fetch(long_episode, EVENING)
    spotify.fetch(long_episode, NEXT_DAY)
    assert downloads(long_episode, when=LATER) == 2
    assert list(DayFigures.objects.order_by("day").values_list("listeners", flat=True)) == [1, 1]
    month = MonthFigures.objects.get(episode=long_episode)
    assert month.listeners == 1  # the same listener all month


def test_partial_ranges_below_then_above_a_minute(client, monkeypatch, long_episode):
    end = minute_end(long_episode)
    below = Listener(client, monkeypatch, address="90.84.12.8")
    below.fetch(long_episode, MORNING, byte_range=f"0-{end - 1}")
    above = Listener(client, monkeypatch, address="90.84.12.9")
    above.fetch(long_episode, MORNING, byte_range=f"0-{end}")
    assert downloads(long_episode, when=LATER) == 1


def test_overlapping_ranges_are_counted_once(client, monkeypatch, long_episode):
    end = minute_end(long_episode)
    app = Listener(client, monkeypatch, user_agent=ANTENNAPOD)
    for _ in range(5):  # the same first half-minute five times is still half a minute
        app.fetch(long_episode, MORNING, byte_range=f"0-{end // 2}")
    assert downloads(long_episode, when=EVENING) == 0  # provisional: the day goes on
    app.fetch(long_episode, EVENING, byte_range=f"{end // 3}-{end + 10}")
    assert downloads(long_episode, when=LATER) == 1


def test_a_listener_going_away_counts_only_the_bytes_sent(client, monkeypatch, long_episode):
    app = Listener(client, monkeypatch, user_agent=ANTENNAPOD)
    app.fetch(long_episode, MORNING, read=64 * 1024 * 2)  # gone during the second chunk
    hit = Hit.objects.get()
    assert (hit.first_byte, hit.last_byte) == (0, 64 * 1024 - 1)
    assert downloads(long_episode, when=LATER) == 0


def test_ipv6_listeners_of_one_64_network_are_one_audience(client, monkeypatch, long_episode):
    Listener(client, monkeypatch, address="2a01:cb00:1:2::10").fetch(long_episode, MORNING)
    Listener(client, monkeypatch, address="2a01:cb00:1:2::99").fetch(long_episode, EVENING)
    Listener(client, monkeypatch, address="2a01:cb00:1:3::10").fetch(long_episode, EVENING)
    assert downloads(long_episode, when=LATER) == 2


def test_a_stream_closing_after_its_day_is_final_is_dropped(client, monkeypatch, long_episode):
    Listener(client, monkeypatch).fetch(long_episode, MORNING)
    assert downloads(long_episode, when=LATER) == 1
    Listener(client, monkeypatch, user_agent=SPOTIFY).fetch(long_episode, EVENING)
    assert downloads(long_episode, when=LATER) == 1
    assert not Hit.objects.exists()


def test_aggregating_twice_counts_nothing_twice(client, monkeypatch, long_episode):
    Listener(client, monkeypatch).fetch(long_episode, MORNING)
    assert downloads(long_episode, when=EVENING) == 1  # provisional, hits kept
    assert downloads(long_episode, when=EVENING) == 1
    assert downloads(long_episode, when=LATER) == 1  # final, hits deleted
    assert downloads(long_episode, when=LATER) == 1
    assert not Hit.objects.exists()


def test_launch_pace_counts_the_first_days_after_publication(client, monkeypatch, long_episode):
    from audience.figures import Period, episode_figures

    long_episode.publication_date = moment("2026-03-02 06:00")
    long_episode.save_revision().publish()
    app = Listener(client, monkeypatch, user_agent=ANTENNAPOD)
    app.fetch(long_episode, MORNING)  # its first day
    app.fetch(long_episode, moment("2026-03-05 09:00"))  # its fourth
    app.fetch(long_episode, moment("2026-03-12 09:00"))  # its eleventh
    assert downloads(long_episode, when=moment("2026-04-01 00:00")) == 3
    row = episode_figures(Period())[0]
    assert (row.first_day, row.first_week, row.first_month, row.all_time) == (1, 2, 3, 3)
