"""Seeds a throwaway database with N episodes shaped like real ones, for the benchmarks.

Each episode is a 20 to 40 minute testimony: French is spoken at about 150 words a minute, so its
transcript has 3 000 to 6 000 words, in cues of 10 to 30 words as speech-to-text tools cut them.
Words are drawn with a Zipf distribution (the word of rank r is said about 1/r as often as the
most common one) from a vocabulary of 50 000 words: French function words first, then French words
(the demo transcripts, the words of the platform's themes, tests/bench/french_words.txt), then
pronounceable pseudo-words for the long tail. The words the benchmark searches for sit at fixed
ranks, so that « emploi » is said in most testimonies and « béguinage » in a few, as in reality.

Rows are written in bulk: pages with their tree paths computed here (as treebeard would), cues with
executemany (SQLite) or COPY (PostgreSQL), and Wagtail's search index through its backend's own
bulk add_items, 200 episodes at a time. The search vocabulary counts each batch's words as the
real rebuild reads them (search/understanding/vocabulary.py) and is written once at the end.
"""

import datetime
import itertools
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from tqdm import tqdm
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from episodes.demo.loader import ASSETS
from episodes.models import (
    Association,
    Chapter,
    EpisodePage,
    EpisodeSpeaker,
    Person,
    Theme,
    TranscriptSegment,
)
from search.models import SynonymGroup
from search.understanding.vocabulary import add_counts, count_words, indexed_text
from tests import factories

VOCABULARY_SIZE = 50_000
WORDS_PER_EPISODE = (3_000, 6_000)
WORDS_PER_CUE = (10, 30)
WORDS_PER_SECOND = 2.5
HOURS_BETWEEN_EPISODES = 6
BATCH = 200

FUNCTION_WORDS = """de la le et à les des est un une en que il on je pas ce qui du dans pour au
sur avec ne se plus nous vous ils elle mais ou comme tout bien fait très aussi y a donc alors où
quand leur sont été être avoir faire dire peut cette ces son sa ses nos notre votre même autres
autre après avant encore toujours beaucoup moins chez entre sans depuis parce quoi voilà vraiment
ça oui non gens monde chose choses temps jour ans fois""".split()
THEME_WORDS = """insertion solidarité territoire commune département région bénévoles salariés
fondation coopérative sociale solidaire jeunesse éducation culture sport alimentation agriculture
épicerie ressourcerie réemploi vélo transport hébergement vieillissement aidants dignité autonomie
formation apprentissage médiation inclusion pauvreté précarité quartier rural ville village
financement subvention mécénat investissement impact projet entreprise""".split()
# The benchmark's query words and their rank: « emploi » is said in about three testimonies out of
# four, « logement » in one out of two, « béguinage » in one out of a hundred.
PLACED = {
    "association": 150,
    "emploi": 300,
    "santé": 500,
    "territoires": 600,
    "logement": 700,
    "accompagnement": 800,
    "économie": 900,
    "numérique": 1_500,
    "mobilité": 2_000,
    "logements": 2_500,
    "handicap": 3_000,
    "circulaire": 5_000,
    "colocation": 8_000,
    "recyclerie": 15_000,
    "colocations": 20_000,
    "béguinage": 30_000,
}
ABSENT = {"zygomatique"}
ONSETS = "b bl br c ch cl cr d f fl fr g gr j l m n p pl pr qu r s t tr v".split()
VOWELS = "a e i o u é è ou ai an en on in eu oi".split()
CODAS = ["", "", "", "r", "s", "l", "n", "t", "x"]


def french_words():
    """Real French words, once each: the demo transcripts, the themes' words and the word list."""
    text = " ".join(path.read_text() for path in ASSETS.glob("*.vtt"))
    text += " " + (Path(__file__).parent / "french_words.txt").read_text()
    words = re.findall(r"[^\W\d_]{3,}", text)
    return list(dict.fromkeys(word for word in words if word.islower())) + THEME_WORDS


def pseudo_words(randomness, taken, count):
    """Pronounceable made-up words (« broutinal »), none of them a word already in use."""
    found = []
    while len(found) < count:
        syllables = randomness.randint(2, 4)
        word = "".join(
            randomness.choice(ONSETS) + randomness.choice(VOWELS) for _ in range(syllables)
        )
        word += randomness.choice(CODAS)
        if word not in taken:
            taken.add(word)
            found.append(word)
    return found


def vocabulary(randomness):
    """The vocabulary in rank order (most said first) and the cumulative Zipf weights."""
    excluded = set(FUNCTION_WORDS) | set(PLACED) | ABSENT
    words = [word for word in dict.fromkeys(french_words()) if word not in excluded]
    randomness.shuffle(words)
    ranked = FUNCTION_WORDS + words
    ranked += pseudo_words(
        randomness, excluded | set(ranked), VOCABULARY_SIZE - len(PLACED) - len(ranked)
    )
    for word, rank in sorted(PLACED.items(), key=lambda item: item[1]):
        ranked.insert(rank - 1, word)
    return ranked, list(itertools.accumulate(1 / rank for rank in range(1, len(ranked) + 1)))


randomness = random.Random(42)
WORDS, CUMULATIVE_WEIGHTS = vocabulary(randomness)


def words(count):
    return randomness.choices(WORDS, cum_weights=CUMULATIVE_WEIGHTS, k=count)


def sentence(length):
    return " ".join(words(length)).capitalize() + "."


def create_show():
    """A home page, a show with artwork, one real MP3 shared by every episode, a few snippets."""
    home = factories.make_home()
    show = factories.make_show(parent=home)
    audio = factories.make_audio(title="Bench", seconds=60.0, bitrate=128)
    themes = [
        Theme.objects.create(name=name, slug=slugify(name))
        for name in ("Habitat inclusif", "Économie circulaire", "Travail adapté")
    ]
    associations = [
        Association.objects.create(name=name, slug=slugify(name), region=region)
        for name, region in (("Le club des six", "Île-de-France"), ("Wimoov", "Bretagne"))
    ]
    person = Person.objects.create(name="Christopher Charton", association=associations[0])
    SynonymGroup.objects.create(terms="seniors, personnes âgées, vieillissement")
    return {
        "show": show,
        "audio": audio,
        "themes": themes,
        "associations": associations,
        "person": person,
    }


@transaction.atomic
def add_episodes(fixture, start, stop):
    """Episodes number start..stop-1, published, with speakers, chapters and a transcript."""
    base = timezone.now() - datetime.timedelta(hours=HOURS_BETWEEN_EPISODES * (stop + 1))
    words_said = Counter(), {}  # the vocabulary's counts, written once at the end
    with tqdm(total=stop - start, unit="episode", desc="Seeding", file=sys.stderr) as progress:
        for first in range(start, stop, BATCH):
            numbers = range(first, min(first + BATCH, stop))
            episodes = [new_episode(fixture, number, base) for number in numbers]
            insert_pages(Page.objects.get(pk=fixture["show"].pk), episodes)
            add_parts(fixture, episodes)
            add_transcripts(episodes)
            pages = index_episodes(episodes)
            count_words(map(indexed_text, pages), *words_said)
            progress.update(len(episodes))
    add_counts(*words_said)  # as publishing each page would have added its words


def new_episode(fixture, number, base):
    return EpisodePage(
        title=f"Témoignage numéro {number} : {sentence(4)}",
        slug=f"temoignage-{number}",
        audio=fixture["audio"],
        summary=sentence(40),
        show_notes=f"<p>{sentence(25)}</p><ul><li>{sentence(6)}</li></ul>",
        publication_date=base + datetime.timedelta(hours=HOURS_BETWEEN_EPISODES * number),
        episode_number=number + 1,
    )


def insert_pages(parent, episodes):
    """Live episode pages under the parent, in two bulk INSERTs (page rows, then episode rows)."""
    now, depth = timezone.now(), parent.depth + 1
    content_type = ContentType.objects.get_for_model(EpisodePage)
    for step, episode in enumerate(episodes, start=parent.numchild + 1):
        episode.path = Page._get_path(parent.path, depth, step)
        episode.depth, episode.numchild = depth, 0
        episode.url_path = f"{parent.url_path}{episode.slug}/"
        episode.locale_id, episode.content_type = parent.locale_id, content_type
        episode.draft_title, episode.live = episode.title, True
        episode.first_published_at = episode.last_published_at = now
    page_fields = [field.attname for field in Page._meta.concrete_fields if not field.primary_key]
    pages = Page.objects.bulk_create(
        Page(**{name: getattr(episode, name) for name in page_fields}) for episode in episodes
    )
    for episode, page in zip(episodes, pages, strict=True):
        episode.id = episode.page_ptr_id = page.pk
    EpisodePage._base_manager._insert(episodes, fields=EpisodePage._meta.local_concrete_fields)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(episodes))


def add_parts(fixture, episodes):
    """Each episode's theme, association, speaker and three chapters."""
    themes, associations = EpisodePage.themes.through, EpisodePage.associations.through
    themes.objects.bulk_create(
        themes(episodepage_id=episode.pk, theme=fixture["themes"][episode.episode_number % 3])
        for episode in episodes
    )
    associations.objects.bulk_create(
        associations(
            episodepage_id=episode.pk,
            association=fixture["associations"][episode.episode_number % 2],
        )
        for episode in episodes
    )
    EpisodeSpeaker.objects.bulk_create(
        EpisodeSpeaker(episode_id=episode.pk, person=fixture["person"], role="guest")
        for episode in episodes
    )
    Chapter.objects.bulk_create(
        Chapter(episode_id=episode.pk, start_time=minute * 60, title=f"Partie {minute}")
        for episode in episodes
        for minute in (0, 10, 20)
    )


def transcript_rows(episode_id):
    """(episode, start, end, speaker, body, order) rows of one 20 to 40 minute testimony."""
    said = words(randomness.randint(*WORDS_PER_EPISODE))
    position, order = 0, 0
    while position < len(said):
        cue = said[position : position + randomness.randint(*WORDS_PER_CUE)]
        start = position / WORDS_PER_SECOND
        end = (position + len(cue)) / WORDS_PER_SECOND
        body = " ".join(cue).capitalize() + "."
        yield (episode_id, start, end, "Christopher Charton", body, order)
        position, order = position + len(cue), order + 1


def add_transcripts(episodes):
    """The transcript cues of the episodes: executemany on SQLite, COPY on PostgreSQL."""
    rows = [row for episode in episodes for row in transcript_rows(episode.pk)]
    table = TranscriptSegment._meta.db_table
    columns = "episode_id, start_time, end_time, speaker, body, sort_order"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * 6)
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)


def index_episodes(episodes):
    """Add the episodes, with their transcripts, to the search index in one bulk add_items call;
    the pages as indexed, for the vocabulary.

    Each episode's transcript is read back in one query for all of them and given to the
    indexer as its transcript_text, rather than as some 200 model instances per episode.
    """
    index = get_search_backend().get_index_for_model(EpisodePage)
    pks = [episode.pk for episode in episodes]
    said = defaultdict(list)
    cues = TranscriptSegment.objects.filter(episode_id__in=pks).order_by(
        "episode_id", "start_time", "sort_order"
    )
    for episode_id, body in cues.values_list("episode_id", "body"):
        said[episode_id].append(body)
    related = ("speakers__person", "associations", "themes")
    pages = list(EpisodePage.objects.filter(pk__in=pks).prefetch_related(*related))
    for page in pages:
        text = " ".join(said[page.pk])
        page.transcript_text = lambda text=text: text
    index.add_items(EpisodePage, pages)
    return pages


def settle():
    """After bulk writes: statistics for the planner, PostgreSQL's GIN pending lists merged
    (as autovacuum would soon do). The search's catalogue sees the new pages by itself (their
    ids move the content stamps)."""
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
