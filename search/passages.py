"""Transcript passages where the visitor's words are said, with their time and highlights."""

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from episodes.formats.timecodes import format_timecode
from episodes.models import TranscriptSegment
from search.query import WORD, word_key

PASSAGES_PER_EPISODE = 2
EXCERPT_LENGTH = 300
EXCERPT_LEAD = 100
# The accented letters that fold to each letter; case is ignored by the pattern.
ACCENTED = {
    "a": "aàâäáãå",
    "c": "cç",
    "e": "eéèêë",
    "i": "iîïíì",
    "n": "nñ",
    "o": "oôöóòõ",
    "u": "uùûüú",
    "y": "yÿý",
}


@dataclass(frozen=True)
class Passage:
    """A moment of an episode where the query's words are said."""

    seconds: int
    speaker: str
    html: str

    @property
    def timecode(self):
        """« 2:05 »: when the passage starts, as listeners read it."""
        return format_timecode(self.seconds)


def matched_spans(text, keys):
    """Where the text says one of the keys' words: a list of (start, end), and the keys found."""
    spans, found = [], set()
    for match in WORD.finditer(text):
        key = word_key(match.group())
        if key in keys:
            spans.append(match.span())
            found.add(key)
    return spans, found


@lru_cache(maxsize=256)
def said_pattern(keys):
    """A regular expression finding, in C, the texts that may say one of the keys' words.

    Folding every word of every cue in Python costs tens of milliseconds for a page of long
    transcripts; this pattern (each letter with its accented and upper-case forms, singular or
    plural) leaves matched_spans() only the few cues that say a word of the query. The spellings
    are merged letter by letter into a tree and the case is spelt out rather than ignored
    (re.IGNORECASE): Python's engine then tries a few letters at each position of the text, not
    every spelling, several times faster for a query with synonyms.
    """
    forms = set()
    for key in keys:
        forms |= {key, key + "s", key + "x"}
        if key.endswith("al"):
            forms.add(key[:-2] + "aux")
    tree = {}
    for form in forms:
        node = tree
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}
    return re.compile(r"(?<![^\W_])" + tree_pattern(tree) + r"(?![^\W_])")


def tree_pattern(tree):
    """The spellings of a letter tree ({letter: subtree}, "" where a spelling ends) as one
    regular expression."""
    branches = [letter_pattern(char) + tree_pattern(child) for char, child in tree.items() if char]
    if not branches:
        return ""
    alternatives = "(?:" + "|".join(sorted(branches)) + ")" if len(branches) > 1 else branches[0]
    return "(?:" + alternatives + ")?" if "" in tree else alternatives


def letter_pattern(char):
    """A letter in any of its accented forms, lower or upper case."""
    forms = ACCENTED.get(char, char)
    forms = "".join(dict.fromkeys(forms + forms.upper()))
    return f"[{re.escape(forms)}]" if len(forms) > 1 else re.escape(forms)


def excerpt_bounds(text, first_span):
    """The part of a long text to show: from a little before its first match, cut between words."""
    if len(text) <= EXCERPT_LENGTH:
        return 0, len(text)
    start = max(0, first_span[0] - EXCERPT_LEAD)
    if start:
        start = text.rfind(" ", 0, start) + 1
    end = start + EXCERPT_LENGTH
    if end >= len(text):
        return start, len(text)
    cut = text.rfind(" ", first_span[1], end)
    return start, cut if cut > 0 else max(end, first_span[1])


def highlight(text, spans):
    """The text, escaped, with each span wrapped in <mark> (cut to an excerpt when long)."""
    start, end = excerpt_bounds(text, spans[0])
    pieces = ["…" if start else ""]
    position = start
    for span_start, span_end in spans:
        if span_start < position or span_end > end:
            continue
        pieces += [escape(text[position:span_start]), "<mark>"]
        pieces += [escape(text[span_start:span_end]), "</mark>"]
        position = span_end
    pieces += [escape(text[position:end]), "…" if end < len(text) else ""]
    return mark_safe("".join(pieces))


def transcript_passages(episode_ids, terms):
    """The best passages of each episode for the query terms, as {episode id: [Passage]}."""
    keys = {word_key(term) for term in terms}
    if not keys or not episode_ids:
        return {}
    cues = (
        TranscriptSegment.objects.filter(episode_id__in=episode_ids)
        .order_by("episode_id", "start_time", "sort_order")
        .values_list("episode_id", "start_time", "speaker", "body")
    )
    said = said_pattern(frozenset(keys))
    candidates = defaultdict(list)
    for episode_id, start_time, speaker, body in cues:
        if not said.search(body):
            continue
        spans, found = matched_spans(body, keys)
        if spans:
            candidates[episode_id].append((len(found), start_time, speaker, body, spans))
    return {
        episode_id: [passage_of(*hit[1:]) for hit in best_first(hits)]
        for episode_id, hits in candidates.items()
    }


def best_first(hits):
    """The passages saying the most distinct query words, earliest first among equals."""
    ranked = sorted(hits, key=lambda hit: (-hit[0], hit[1]))
    return ranked[:PASSAGES_PER_EPISODE]


def passage_of(start_time, speaker, body, spans):
    return Passage(seconds=int(start_time), speaker=speaker, html=highlight(body, spans))
