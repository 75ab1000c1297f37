"""Hostile or odd requests: never a 500, never an aggregation crash, counted or left out."""

import logging

import pytest
from django.db import connection

from audience.models import DayFigures, EpisodeDay, Hit, UnknownAgent
from tests.audience.helpers import ANTENNAPOD, SPOTIFY, Listener, downloads, moment

pytestmark = pytest.mark.django_db
LATER = moment("2026-03-09 12:00")


@pytest.mark.parametrize(
    "header",
    ["bytes=abc", "bytes=5-1", "items=0-10", "bytes=" + "9" * 40, "bytes=0-1,,5-", "bytes=\x00-"],
)
def test_garbage_range_headers_are_served_and_recorded(client, monkeypatch, long_episode, header):
    app = Listener(client, monkeypatch, user_agent=ANTENNAPOD)
    response = app.fetch(long_episode, moment("2026-03-02 10:00"), HTTP_RANGE=header)
    assert response.status_code in (200, 206, 416)
    assert Hit.objects.count() == 1
    assert downloads(long_episode, when=LATER) in (0, 1)


@pytest.mark.parametrize(
    "user_agent", [None, "", "A" * 10_000, "Podcasts/1.0\x00\x1b[31m\r\nX-Evil: 1", "é" * 300]
)
def test_absurd_user_agents_are_recorded_clean_and_counted(
    client, monkeypatch, long_episode, user_agent
):
    Listener(client, monkeypatch, user_agent=user_agent).fetch(
        long_episode, moment("2026-03-02 10:00")
    )
    hit = Hit.objects.get()
    assert len(hit.user_agent) <= 255 and hit.user_agent.isprintable()
    assert downloads(long_episode, when=LATER) == 1


def test_unknown_user_agents_are_kept_as_counts(client, monkeypatch, long_episode):
    unknown = Listener(client, monkeypatch, user_agent="RadioDesQuartiers/0.1 (Linux)")
    unknown.fetch(long_episode, moment("2026-03-02 10:00"), byte_range="0-1")
    unknown.fetch(long_episode, moment("2026-03-02 10:00"))
    downloads(long_episode, when=LATER)
    assert list(UnknownAgent.objects.values_list("user_agent", "hits")) == [
        ("RadioDesQuartiers/0.1 (Linux)", 2)
    ]


def test_requests_either_side_of_midnight_utc_fall_on_their_own_days(
    client, monkeypatch, long_episode
):
    app = Listener(client, monkeypatch, user_agent=SPOTIFY)
    app.fetch(long_episode, moment("2026-03-02 23:59"))
    app.fetch(long_episode, moment("2026-03-03 00:00"))
    assert downloads(long_episode, when=LATER) == 2
    assert sorted(EpisodeDay.objects.values_list("day", flat=True)) == [
        moment("2026-03-02 00:00").date(),
        moment("2026-03-03 00:00").date(),
    ]


def test_an_episode_deleted_after_it_was_heard(client, monkeypatch, long_episode, caplog):
    Listener(client, monkeypatch).fetch(long_episode, moment("2026-03-02 10:00"))
    long_episode.delete()
    with caplog.at_level(logging.WARNING, logger="audience.aggregation"):
        assert downloads(when=LATER) == 0
    assert DayFigures.objects.get().final
    assert not Hit.objects.exists()
    assert "left out" in caplog.text


def test_figures_of_an_episode_deleted_later_stay_in_the_totals(client, monkeypatch, long_episode):
    Listener(client, monkeypatch).fetch(long_episode, moment("2026-03-02 10:00"))
    assert downloads(when=LATER) == 1
    long_episode.delete()
    assert EpisodeDay.objects.get().episode is None
    assert DayFigures.objects.get().downloads == 1


def test_half_ranges_and_newline_agents_break_nothing(client, monkeypatch, long_episode, episode):
    app = Listener(client, monkeypatch)
    app.fetch(long_episode, moment("2026-03-02 10:00"))
    app.fetch(episode, moment("2026-03-02 10:00"))
    Hit.objects.filter(episode_id=episode.pk).update(first_byte=10, last_byte=None)
    Hit.objects.filter(episode_id=episode.pk).update(user_agent="\n" * 3)
    assert downloads(when=LATER) == 1


def test_audio_is_served_when_recording_fails(client, monkeypatch, long_episode, caplog):
    with connection.cursor() as cursor:  # the hits' table is gone: every write fails for real
        cursor.execute("ALTER TABLE audience_hit RENAME TO audience_hit_gone")
    with caplog.at_level(logging.ERROR, logger="audience.recording"):
        response = Listener(client, monkeypatch).fetch(
            long_episode, moment("2026-03-02 10:00"), byte_range="0-1"
        )
    assert response.status_code == 206
    assert "not recorded" in caplog.text
