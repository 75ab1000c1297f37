"""Seeds a throwaway database with N episodes shaped like real ones, for the benchmarks."""

import datetime
import random
import re

from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.text import slugify
from modelsearch.signal_handlers import post_save_signal_handler
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
from tests import factories

SEGMENTS_PER_EPISODE = 20
EXTRA_WORDS = """emploi insertion solidarité territoire commune département région bénévoles
salariés association fondation coopérative économie sociale solidaire jeunesse santé éducation
culture sport alimentation agriculture épicerie recyclerie ressourcerie réemploi vélo transport
mobilité logement hébergement colocation vieillissement aidants handicap dignité autonomie
formation apprentissage numérique médiation inclusion pauvreté précarité quartier rural ville
village financement subvention mécénat investissement impact projet accompagnement entreprise"""


def vocabulary():
    """French words from the demo transcripts and more, weighted like real speech (Zipf)."""
    text = " ".join(path.read_text() for path in ASSETS.glob("*.vtt")) + EXTRA_WORDS
    words = sorted({word for word in re.findall(r"[^\W\d_]{3,}", text) if word.islower()})
    randomness.shuffle(words)
    return words, [1 / (rank + 1) ** 0.9 for rank in range(len(words))]


randomness = random.Random(42)
WORDS, WEIGHTS = vocabulary()


def sentence(length):
    return " ".join(randomness.choices(WORDS, WEIGHTS, k=length)).capitalize() + "."


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
    base = timezone.now() - datetime.timedelta(days=stop + 1)
    post_save.disconnect(post_save_signal_handler, sender=EpisodePage)  # indexed in bulk below
    try:
        for number in range(start, stop):
            fixture["show"].add_child(instance=new_episode(fixture, number, base))
    finally:
        post_save.connect(post_save_signal_handler, sender=EpisodePage)
    add_transcripts(start, stop)
    index_episodes(start, stop)


def new_episode(fixture, number, base):
    episode = EpisodePage(
        title=f"Témoignage numéro {number} : {sentence(4)}",
        slug=f"temoignage-{number}",
        audio=fixture["audio"],
        summary=sentence(40),
        show_notes=f"<p>{sentence(25)}</p><ul><li>{sentence(6)}</li></ul>",
        publication_date=base + datetime.timedelta(days=number),
        episode_number=number + 1,
        themes=[fixture["themes"][number % 3]],
        associations=[fixture["associations"][number % 2]],
    )
    episode.speakers = [EpisodeSpeaker(person=fixture["person"], role="guest")]
    episode.chapters = [Chapter(start_time=t, title=f"Partie {t}") for t in (0, 20, 40)]
    return episode


def index_episodes(start, stop):
    """Add the new episodes, with their transcripts, to the search index, 500 at a time."""
    index = get_search_backend().get_index_for_model(EpisodePage)
    slugs = [f"temoignage-{number}" for number in range(start, stop)]
    related = ("transcript_segments", "speakers__person", "associations", "themes")
    for first in range(0, len(slugs), 500):
        chunk = EpisodePage.objects.filter(slug__in=slugs[first : first + 500])
        index.add_items(EpisodePage, list(chunk.prefetch_related(*related)))


def add_transcripts(start, stop):
    episodes = EpisodePage.objects.filter(slug__in=[f"temoignage-{n}" for n in range(start, stop)])
    TranscriptSegment.objects.bulk_create(
        TranscriptSegment(
            episode=episode,
            start_time=index * 3.0,
            end_time=index * 3.0 + 2.5,
            speaker="Christopher Charton",
            body=sentence(randomness.randint(12, 30)),
            sort_order=index,
        )
        for episode in episodes
        for index in range(SEGMENTS_PER_EPISODE)
    )
