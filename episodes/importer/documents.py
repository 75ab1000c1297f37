"""Which of the transcripts an imported feed links to read. Transcripts are read by
episodes/transcripts.py and chapters by episodes/chapters.py, as the episode editor's uploads;
their French errors become the episode's import warnings (importer/apply.py)."""

# Preference when a feed links several formats: VTT keeps speakers and is what we serve first.
TRANSCRIPT_FORMATS = {
    "text/vtt": "vtt",
    "application/x-subrip": "srt",
    "application/srt": "srt",
    "text/srt": "srt",
    "application/json": "json",
}
FORMAT_ORDER = ("vtt", "srt", "json")


def transcript_format(link):
    """ "vtt", "srt", "json" or "" for a podcast:transcript, by MIME type, else by extension."""
    kind = TRANSCRIPT_FORMATS.get(link.type.split(";")[0].strip().lower())
    if kind:
        return kind
    extension = link.url.split("?")[0].rsplit(".", 1)[-1].lower()
    return extension if extension in FORMAT_ORDER else ""


def preferred_transcript(links):
    """The link of the format we read best, or None if none can be read."""
    readable = [link for link in links if transcript_format(link)]
    return min(readable, key=lambda link: FORMAT_ORDER.index(transcript_format(link)), default=None)
