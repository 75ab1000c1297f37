"""Podcast apps' real request sequences replayed on /audio/, then aggregated: exact counts."""

import csv
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from audience import shapes
from audience.models import DayFigures, Hit, MonthFigures
from episodes.models import AudioFile
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


def m4a_minute_end(audio):
    """The last byte of the first minute of audio past the M4A's moov and ftyp boxes."""
    header = audio.header_bytes
    return header + int((audio.size - header) / audio.duration * 60) - 1


def test_an_m4a_minute_is_counted_after_its_metadata_boxes(client, monkeypatch, m4a_episode):
    end = m4a_minute_end(m4a_episode.audio)
    assert m4a_episode.audio.header_bytes > 1000  # the moov box comes first
    below = Listener(client, monkeypatch, address="90.84.12.8")
    below.fetch(m4a_episode, MORNING, byte_range=f"0-{end - 1000}")
    above = Listener(client, monkeypatch, address="90.84.12.9")
    above.fetch(m4a_episode, MORNING, byte_range=f"0-{end}")
    assert downloads(m4a_episode, when=LATER) == 1


def test_audio_stored_before_its_header_was_read_is_read_once(client, monkeypatch, m4a_episode):
    header = m4a_episode.audio.header_bytes
    AudioFile.objects.filter(pk=m4a_episode.audio_id).update(header_bytes=None)
    m4a_episode.audio.refresh_from_db()
    assert shapes.header_bytes(m4a_episode.audio) == header


def test_one_listener_on_two_days_of_a_month_is_one_monthly_listener(
    client, monkeypatch, admin_client, long_episode, episode
):
    spotify = Listener(client, monkeypatch, user_agent=SPOTIFY)
    spotify.fetch(long_episode, MORNING)
    spotify.fetch(episode, NEXT_DAY)  # another day, another episode: the same person
    Listener(client, monkeypatch, address="90.84.12.99").fetch(long_episode, NEXT_DAY)
    assert downloads(when=LATER) == 3
    daily = DayFigures.objects.order_by("day").values_list("listeners", flat=True)
    assert list(daily) == [1, 2]  # summed, the days would say 3 listeners
    march = {"since": "2026-03-01", "until": "2026-03-31"}
    html = admin_client.get(reverse("audience_overview"), march).content.decode()
    assert "Auditeurs uniques, tout mars 2026 <strong>2</strong>" in html
    # The month's ranking, read from the monthly sums the aggregation wrote.
    assert f"<tr><td>{long_episode.title}</td><td>2</td></tr>" in html
    out = io.StringIO()
    call_command("audience_report", "--since", "2026-03-01", stdout=out)
    rows = {row["guid"]: row for row in csv.DictReader(io.StringIO(out.getvalue()))}
    assert rows[str(long_episode.guid)]["listeners"] == "2"
    assert rows[str(episode.guid)]["listeners"] == "1"
