"""Typo corrections from the index's own vocabulary: « beguinnage » → « béguinage »."""

from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from search.query import fold

MIN_LENGTH = 4
# A correction one edit away (a letter added, dropped, changed or two swapped) is made when no
# other word is as close, or when the closest is said in CLEAR_LEAD times as many texts; two
# edits away, or with a close rival, it is only suggested.
CLEAR_LEAD = 5
CANDIDATES = 10


@dataclass(frozen=True)
class Correction:
    """The word a visitor probably meant, and whether we are sure enough to search it instead."""

    typed: str
    word: object  # vocabulary.Word
    sure: bool


def max_edits(length):
    return 1 if length <= 6 else 2


def correct(typed, words_by_length):
    """The Correction of a word unknown to the index, or None when no indexed word is close."""
    folded = fold(typed)
    if len(folded) < MIN_LENGTH or folded.isdigit():
        return None
    edits = max_edits(len(folded))
    pool = [
        word
        for length in range(len(folded) - edits, len(folded) + edits + 1)
        for word in words_by_length.get(length, ())
    ]
    close = process.extract(
        folded,
        [word.folded for word in pool],
        scorer=OSA.distance,
        score_cutoff=edits,
        limit=CANDIDATES,
    )
    if not close:
        return None
    ranked = sorted(
        ((distance, -pool[index].documents, pool[index]) for _, distance, index in close),
        key=lambda item: item[:2],
    )
    distance, _, best = ranked[0]
    rivals = [word for d, _, word in ranked[1:] if d == distance]
    clear = not rivals or best.documents >= CLEAR_LEAD * rivals[0].documents
    return Correction(typed, best, sure=distance == 1 and clear)
