"""The index's own vocabulary: every word Wagtail indexes (titles, summaries, notes, transcripts,
names of associations, themes and people), folded, with its usual spelling and French stem.

It serves the French stems on SQLite (FTS5 keeps words, not stems: a query word is searched as
every indexed word sharing its stem) and the typo corrections on both backends. Words are added
when content is published or a name saved (search/signal_handlers.py); `manage.py
update_search_vocabulary` rebuilds it from scratch, dropping the words of removed content.
"""

import re
import threading
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from django.db import connection, transaction
from django.utils.html import strip_tags

from search.models import IndexedWord
from search.query import WORD, fold
from search.understanding.stemming import stems

MIN_LENGTH, MAX_LENGTH = 3, 40
CHUNK = 500
EPISODE_BATCH = 100
FORMS_PER_STEM = 40
ACCENTED = re.compile(r"[^\x00-\x7f]")
folded_word = lru_cache(maxsize=131_072)(fold)  # a word is folded once per text that says it


def field_texts(instance, fields):
    """The texts of an object's search fields, its related objects' included, as Wagtail's
    database backends gather them."""
    from django.db.models import Manager
    from wagtail.search.index import RelatedFields, SearchField

    for field in fields:
        if isinstance(field, SearchField):
            value = field.get_value(instance)
            if value:
                yield str(value)
        elif isinstance(field, RelatedFields):
            related = field.get_value(instance)
            if isinstance(related, Manager):
                related = related.all()
            elif callable(related):
                related = [related()]
            elif related is not None:
                related = [related]
            for item in related or ():
                yield from field_texts(item, field.fields)


def indexed_text(instance):
    """What Wagtail indexes for an object (title and body), as plain text."""
    return strip_tags(" ".join(field_texts(instance, instance.get_search_fields())))


def better_spelling(current, candidate):
    """The spelling visitors should read: accented rather than bare, lower case rather than not."""
    if current is None:
        return candidate
    if bool(ACCENTED.search(candidate)) != bool(ACCENTED.search(current)):
        return candidate if ACCENTED.search(candidate) else current
    return candidate if candidate.islower() and not current.islower() else current


def count_words(texts, documents=None, spelling=None):
    """(documents per folded word, best spelling per folded word) over some texts, added to the
    given counts when there are some (a rebuild counts everything before writing once)."""
    documents = Counter() if documents is None else documents
    spelling = {} if spelling is None else spelling
    for text in texts:
        folded_here = set()
        for surface in set(WORD.findall(text)):
            if not MIN_LENGTH <= len(surface) <= MAX_LENGTH or surface.isdigit():
                continue
            folded = folded_word(surface)
            folded_here.add(folded)
            spelling[folded] = better_spelling(spelling.get(folded), surface)
        documents.update(folded_here)
    return documents, spelling


def add_counts(documents, spelling):
    """Add counted words to the vocabulary: existing words counted more, new ones stemmed."""
    words = sorted(documents)
    for start in range(0, len(words), CHUNK):
        chunk = words[start : start + CHUNK]
        with transaction.atomic():
            known = IndexedWord.objects.filter(folded__in=chunk)
            existing = {
                folded: (pk, spoken)
                for pk, folded, spoken in known.values_list("pk", "folded", "spelling")
            }
            count_more(
                (documents[folded], better_spelling(spoken, spelling[folded]), pk)
                for folded, (pk, spoken) in existing.items()
            )
            new = [word for word in chunk if word not in existing]
            IndexedWord.objects.bulk_create(
                [
                    IndexedWord(
                        folded=word, spelling=spelling[word], stem=root, documents=documents[word]
                    )
                    for word, root in zip(new, stems(new), strict=True)
                ],
                ignore_conflicts=True,
            )


def count_more(rows):
    """(more documents, spelling, pk) written in one prepared statement: an increment in the
    database, and none of the ORM's per-row CASE expressions (bulk_update spent 2 s compiling
    them for one published transcript)."""
    rows = list(rows)
    if not rows:
        return
    table = connection.ops.quote_name(IndexedWord._meta.db_table)
    statement = f"UPDATE {table} SET documents = documents + %s, spelling = %s WHERE id = %s"
    with connection.cursor() as cursor:
        cursor.executemany(statement, rows)


def add_texts(texts):
    """Add the words of some published texts to the vocabulary (counting each text once)."""
    add_counts(*count_words(texts))


def add_objects(instances):
    """Add the indexed words of some objects (episodes, pages, associations…)."""
    add_texts(indexed_text(instance) for instance in instances)


def rebuild():
    """The vocabulary from scratch, from every published page and every named snippet: every
    text counted first, then the words written once."""
    from episodes.models import Association, EpisodePage, KnowledgePage, Person, Theme

    counts = Counter(), {}
    pks = list(EpisodePage.objects.live().public().order_by("pk").values_list("pk", flat=True))
    related = ("speakers__person", "associations", "themes")  # the transcript is read as one text
    for start in range(0, len(pks), EPISODE_BATCH):
        batch = EpisodePage.objects.filter(pk__in=pks[start : start + EPISODE_BATCH])
        count_words(map(indexed_text, batch.prefetch_related(*related)), *counts)
    count_words(map(indexed_text, KnowledgePage.objects.live().public()), *counts)
    for model in (Association, Theme, Person):
        count_words(map(indexed_text, model.objects.all()), *counts)
    with transaction.atomic():
        IndexedWord.objects.all().delete()
        add_counts(*counts)


@dataclass(frozen=True)
class Word:
    """A word of the vocabulary as the search reads it."""

    folded: str
    spelling: str
    stem: str
    documents: int


def words_by_stem(wanted):
    """{stem: [Word, most said first]} for some stems, in one query."""
    found = {}
    rows = IndexedWord.objects.filter(stem__in=sorted(set(wanted))).order_by("-documents")
    for row in rows.values_list("folded", "spelling", "stem", "documents"):
        word = Word(*row)
        if len(found.setdefault(word.stem, [])) < FORMS_PER_STEM:
            found[word.stem].append(word)
    return found


_loaded = {"key": None, "words": None}
_lock = threading.Lock()


def all_words(key):
    """Every word of the vocabulary, as {length: [Word]}: read again when `key` (the search
    catalogue, which changes with the content) is not the one it was read for."""
    with _lock:
        if _loaded["key"] is not key:
            by_length = {}
            for row in IndexedWord.objects.values_list("folded", "spelling", "stem", "documents"):
                by_length.setdefault(len(row[0]), []).append(Word(*row))
            _loaded.update(key=key, words=by_length)
        return _loaded["words"]
