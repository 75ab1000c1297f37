"""Times within an episode, as people read and type them (« 12:34 », « 1:02:03 »)."""


def format_timecode(seconds):
    """Seconds as « 1:02:03 » or « 2:03 »."""
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
