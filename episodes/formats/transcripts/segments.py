"""What every transcript format shares: the timed segment, the refusal, and the SRT speaker rule.

SRT has no markup for speakers. A card starting with « Name: » names its speaker: one to six
words of at most 60 characters in all, the first word starting with a letter, no sentence
punctuation (, ; ! ? « » quotes, brackets) and the colon right after the name, then a space.
French typography's « Aujourd'hui : … », with a space before the colon, is text, not a name;
« Note: … » is read as a speaker, the price of reading the usual subtitle convention. The cards
that follow without a name are that speaker's too, since to_srt() names a speaker only when it
changes; a passage without a speaker after a named one therefore comes back as that speaker's.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from episodes.formats.text import one_line

# What TranscriptSegment.speaker holds.
MAX_SPEAKER_LENGTH = 200
MAX_SRT_NAME_LENGTH = 60
NAME_CHARS = r"[^\s:,;!?«»\"()\[\]]"
SRT_SPEAKER = re.compile(
    rf"(?P<name>[^\W\d_]{NAME_CHARS}*(?: {NAME_CHARS}+){{0,5}}):\s+(?P<text>\S.*)"
)


@dataclass(frozen=True)
class Segment:
    """A timed passage of a transcript, with who speaks."""

    start_time: float
    end_time: float
    speaker: str
    body: str


class TranscriptError(Exception):
    """A transcript file the platform refuses: a French message naming the line (or, in JSON,
    the passage) at fault if known; str(error) is that message."""

    def __init__(self, message, line=None, passage=None):
        if line:
            message = _("Ligne %(line)s : %(message)s") % {"line": line, "message": message}
        elif passage:
            where = {"passage": passage, "message": message}
            message = _("Passage %(passage)s : %(message)s") % where
        super().__init__(message)
        self.line = line
        self.message = message


def speaker_name(text):
    """A speaker's name on one line, cut to what TranscriptSegment.speaker holds."""
    return one_line(text)[:MAX_SPEAKER_LENGTH]


def srt_card_text(speaker, body):
    """The text of an SRT card: « Name: text » when it names its speaker, else the text."""
    return f"{one_line(speaker)}: {body}" if speaker else body


def srt_speaker(text):
    """(speaker, text) of an SRT card's text: ("", text) unless it opens with « Name: »."""
    match = SRT_SPEAKER.fullmatch(text)
    if not match or len(match["name"]) > MAX_SRT_NAME_LENGTH:
        return "", text
    return speaker_name(match["name"]), match["text"]
