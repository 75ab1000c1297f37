"""French Snowball stems, the same on SQLite (PyStemmer) and PostgreSQL (french_stem).

PostgreSQL's french_unaccent configuration removes accents, then stems with Snowball's French
algorithm; PyStemmer is the same Snowball algorithm, compiled: stem() stems the folded word,
so both backends group the same words (tests/search/test_stemming.py checks a word list).
"""

from functools import lru_cache

import Stemmer

from search.query import fold, word_key

_french = Stemmer.Stemmer("french")


@lru_cache(maxsize=65_536)
def stem(word):
    """« Handicapés », « handicapé » and « handicap » → « handicap »."""
    return _french.stemWord(fold(word))


def stems(words):
    """The stems of many words at once, in order (the vocabulary's rebuild)."""
    return _french.stemWords([fold(word) for word in words])


def meaning(word):
    """What a word means to the synonyms: its stem, plurals in « -os », « -us »… included, which
    Snowball keeps (« vélos » → « velos »)."""
    return stem(word_key(word))


def masculine(word):
    """« handicapée(s) » → « handicape », or None: Snowball's French stemmer knows « -ée » only
    with its accent, which both backends fold away before stemming; the masculine form stems
    like the other words of the family (« handicap »)."""
    folded = fold(word)
    for ending in ("ees", "ee"):
        if folded.endswith(ending) and len(folded) > len(ending) + 3:
            return folded[: -len(ending)] + "e"
    return None
