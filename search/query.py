"""A visitor's words, made safe and French-tolerant: accents, case and plurals do not matter.

The same folding serves twice: to expand the words given to the search index (each word becomes
its singular and plural spellings) and to find and highlight words in transcript passages.
"""

import re
import unicodedata
from functools import lru_cache

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
WORD = re.compile(r"[^\W_]+")

# Snowball's French stop words (PostgreSQL's list), unaccented, with « les, cet, cette, leurs,
# dont »: left out of every query so that SQLite and PostgreSQL ignore the same words. A search
# for « le logement » looks for « logement ».
STOP_WORDS = frozenset(
    """a ai aie aient aies ait as au aura aurai auraient aurais aurait auras aurez auriez aurions
    aurons auront aux avaient avais avait avec avez aviez avions avons ayant ayante ayantes ayants
    ayez ayons c ce ces d dans de des du elle en es est et etaient etais etait etant etante
    etantes etants ete etee etees etes etiez etions eu eue eues eumes eurent eus eusse eussent
    eusses eussiez eussions eut eutes eux fumes furent fus fusse fussent fusses fussiez fussions
    fut futes il j je l la le leur lui m ma mais me meme mes moi mon n ne nos notre nous on ont ou
    par pas pour qu que qui s sa se sera serai seraient serais serait seras serez seriez serions
    serons seront ses soient sois soit sommes son sont soyez soyons suis sur t ta te tes toi ton
    tu un une vos votre vous y les cet cette leurs dont""".split()
)


def clean_query(raw):
    """The visitor's query: printable characters only, single spaces, bounded in length."""
    printable = "".join(char if char.isprintable() else " " for char in raw[: MAX_QUERY_LENGTH * 4])
    return " ".join(printable.split())[:MAX_QUERY_LENGTH].strip()


def fold(word):
    """The word in lower case without accents: « Béguinage » → « beguinage »."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=16_384)
def word_key(word):
    """What a word and its plural have in common: « Logements » and « logement » → « logement »."""
    key = fold(word)
    if len(key) <= 3:
        return key
    if key.endswith("eaux"):
        return key[:-1]
    if key.endswith("aux"):
        return key[:-3] + "al"
    if key[-1] in "sx":
        return key[:-1]
    return key


def spellings(word):
    """The spellings a search backend should accept for a word: as typed, singular and plural."""
    key = word_key(word)
    forms = {word.casefold(), key, key + "s"}
    if key.endswith(("au", "eu", "ou")):
        forms.add(key + "x")
    if key.endswith("al"):
        forms.add(key[:-2] + "aux")
    return sorted(forms)


def query_terms(text):
    """The words of a query that matter, once each, at most MAX_TERMS of them."""
    words = [word for word in WORD.findall(text) if len(word) > 1 or word.isdigit()]
    terms, keys = [], set()
    for word in (word for word in words if fold(word) not in STOP_WORDS):
        if word_key(word) not in keys:
            keys.add(word_key(word))
            terms.append(word)
    return terms[:MAX_TERMS]
