"""The bench corpus (tests/bench/seed.py) has the shape the site gives its content: seeded in
bulk, its episodes are live and found by the search, and its vocabulary is the rebuild's."""

from search.models import IndexedWord
from search.understanding.vocabulary import rebuild
from tests.bench import seed
from tests.search.helpers import episode_slugs, search


def vocabulary():
    return set(IndexedWord.objects.values_list("folded", "spelling", "stem", "documents"))


def test_seeded_episodes_are_found_and_their_vocabulary_is_the_rebuilds(db, client):
    fixture = seed.create_show()
    seed.add_episodes(fixture, 0, 20)
    seeded = vocabulary()
    said = seed.TranscriptSegment.objects.filter(episode__slug="temoignage-7").first().body
    rare = IndexedWord.objects.filter(spelling__in=said.lower().rstrip(".").split())
    word = rare.filter(folded__regex=r"^[a-z]+$").order_by("documents", "folded").first()
    assert "temoignage-7" in episode_slugs(search(client, q=word.spelling))
    rebuild()
    assert seeded == vocabulary() and len(seeded) > 1000
