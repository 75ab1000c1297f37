"""The transcript in the episode editor: one WebVTT text, one form field, whatever its length.

One inline form per cue made a 26 MB editor page for 2,500 cues, and a save Django refused
(more than 10,000 fields). The text is the episode's segments written as WebVTT; the editor's
changes are read back by the transcript parsers, a bad cue refused naming its line.
"""

import difflib

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.compare import TextFieldComparison

from episodes.formats.transcripts import read_transcript_text, to_webvtt

MAX_TRANSCRIPT_TEXT_BYTES = 5 * 1024 * 1024
WEBVTT_HEADER = "WEBVTT"


def check_transcript_text_size(text):
    """A typed transcript is held to the size of an uploaded one."""
    if len(text.encode()) > MAX_TRANSCRIPT_TEXT_BYTES:
        raise ValidationError(
            _("La transcription dépasse %(limit)s Mo : découpez-la ou envoyez-la en fichier."),
            params={"limit": MAX_TRANSCRIPT_TEXT_BYTES // 1024**2},
        )


def transcript_as_text(segments):
    """The text the editor edits: the segments as WebVTT, empty when there are none."""
    segments = list(segments)
    return normalised(to_webvtt(segments)) if segments else ""


def normalised(text):
    """The text with the line breaks browsers send (CR LF) made LF, without trailing space."""
    return (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()


class TranscriptTextField(forms.CharField):
    """The transcript as WebVTT text: one textarea instead of one form per cue."""

    widget = forms.Textarea(attrs={"rows": 24, "spellcheck": "true", "class": "transcript-text"})

    def __init__(self, **kwargs):
        super().__init__(strip=False, validators=[check_transcript_text_size], **kwargs)

    def to_python(self, value):
        return normalised(super().to_python(value))

    def has_changed(self, initial, data):
        return normalised(initial) != self.to_python(data)


def read_edited_transcript(text, duration):
    """The segments of the edited text ([] when emptied), or TranscriptError naming the line."""
    if text in ("", WEBVTT_HEADER):
        return []
    return read_transcript_text(text, kind="vtt", duration=duration)


def changed_cues(text_a, text_b):
    """The cues of two transcript texts that differ, as two texts: a one-word correction in a
    two-hour transcript is shown as that cue, not as a 650 kB diff."""
    cues_a, cues_b = text_a.split("\n\n"), text_b.split("\n\n")
    matcher = difflib.SequenceMatcher(None, cues_a, cues_b, autojunk=False)
    changed = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    return (
        "\n\n".join(cue for _tag, i1, i2, _j1, _j2 in changed for cue in cues_a[i1:i2]),
        "\n\n".join(cue for _tag, _i1, _i2, j1, j2 in changed for cue in cues_b[j1:j2]),
    )


class TranscriptComparison(TextFieldComparison):
    """Two revisions' transcripts in « Comparer »: the cues that changed, word by word."""

    def __init__(self, obj_a, obj_b):
        self.val_a, self.val_b = changed_cues(
            transcript_as_text(obj_a.transcript_segments.all()),
            transcript_as_text(obj_b.transcript_segments.all()),
        )

    def field_label(self):
        return _("Transcription (passages modifiés)")
