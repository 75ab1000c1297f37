"""Times within an episode, as people read and type them (« 12:34 », « 1:02:03 »)."""

import re

# « 75 », « 1:15 », « 01:02:03 », each with an optional fraction (« 1:15.250 » or « 1:15,250 »).
TIMECODE = re.compile(r"(?:(?:(\d+):)?(\d{1,2}):)?(\d+)(?:[.,](\d{1,3}))?")


def format_timecode(seconds):
    """Seconds as « 1:02:03 » or « 2:03 »."""
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def format_precise_timecode(seconds):
    """Seconds as « 1:02:03 » or « 2:03.250 »: to the millisecond when not whole."""
    milliseconds = round(seconds * 1000)
    whole, fraction = divmod(milliseconds, 1000)
    text = format_timecode(whole)
    return f"{text}.{fraction:03d}".rstrip("0") if fraction else text


def parse_timecode(text):
    """Seconds from « 75 », « 1:15 », « 1:02:03 » (optional « .250 »), or None if unreadable."""
    match = TIMECODE.fullmatch(text.strip())
    if not match:
        return None
    hours, minutes, secs, fraction = match.groups()
    if (minutes is not None and int(secs) > 59) or (hours is not None and int(minutes) > 59):
        return None
    total = int(hours or 0) * 3600 + int(minutes or 0) * 60 + int(secs)
    return total + int((fraction or "0").ljust(3, "0")) / 1000
