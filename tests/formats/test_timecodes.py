"""Times typed by editors (« 1:15 », « 1:02:03 ») read as seconds and written back the same way."""

import pytest

from episodes.formats.timecodes import format_precise_timecode, parse_timecode


@pytest.mark.parametrize(
    ("typed", "seconds"),
    [
        ("75", 75.0),
        ("1:15", 75.0),
        ("01:15", 75.0),
        ("1:02:03", 3723.0),
        ("0:00:05", 5.0),
        ("1:15.25", 75.25),
        ("1:15,250", 75.25),
        (" 2:00 ", 120.0),
    ],
)
def test_typed_times_are_read_as_seconds(typed, seconds):
    assert parse_timecode(typed) == seconds


@pytest.mark.parametrize("typed", ["", "1h05", "1:75", "1:60:00", "-5", "1:2:3:4", "1.2.3"])
def test_unreadable_times_are_refused(typed):
    assert parse_timecode(typed) is None


@pytest.mark.parametrize("seconds", [0.0, 59.0, 75.25, 3723.5, 7200.125])
def test_written_times_read_back_to_the_same_seconds(seconds):
    assert parse_timecode(format_precise_timecode(seconds)) == seconds
