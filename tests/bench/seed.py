"""Seeds a throwaway database with N episodes shaped like real ones, for the benchmarks."""

import datetime

from django.db import transaction
from django.utils import timezone

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
WORDS = (
    "association territoire habitat inclusif colocation logement mobilité emploi handicap "
    "reconditionnement jouets insertion accompagnement bénévoles financement économie circulaire"
).split()


def create_show():
    """A home page, a show with artwork, one real MP3 shared by every episode, a few snippets."""
    home = factories.make_home()
    show = factories.make_show(parent=home)
    audio = factories.make_audio(title="Bench", seconds=60.0, bitrate=128)
    theme = Theme.objects.create(name="Habitat inclusif", slug="habitat-inclusif")
    association = Association.objects.create(name="Le club des six", slug="le-club-des-six")
    person = Person.objects.create(name="Christopher Charton", association=association)
    return {
        "show": show,
        "audio": audio,
        "theme": theme,
        "association": association,
        "person": person,
    }


def segment_text(number, index):
    words = [WORDS[(number * 7 + index * 3 + k) % len(WORDS)] for k in range(14)]
    return " ".join(words).capitalize() + "."


@transaction.atomic
def add_episodes(fixture, start, stop):
    """Episodes number start..stop-1, published, with speakers, chapters and a transcript."""
    base = timezone.now() - datetime.timedelta(days=stop + 1)
    for number in range(start, stop):
        episode = EpisodePage(
            title=f"Témoignage numéro {number}",
            slug=f"temoignage-{number}",
            audio=fixture["audio"],
            summary=f"Le témoignage numéro {number} d'une association de l'ESS.",
            show_notes=f"<p>Notes de l'épisode <b>{number}</b>.</p><ul><li>Un point</li></ul>",
            publication_date=base + datetime.timedelta(days=number),
            episode_number=number + 1,
            themes=[fixture["theme"]],
            associations=[fixture["association"]],
        )
        episode.speakers = [EpisodeSpeaker(person=fixture["person"], role="guest")]
        episode.chapters = [Chapter(start_time=t, title=f"Partie {t}") for t in (0, 20, 40)]
        fixture["show"].add_child(instance=episode)
    add_transcripts(start, stop)


def add_transcripts(start, stop):
    episodes = EpisodePage.objects.filter(slug__in=[f"temoignage-{n}" for n in range(start, stop)])
    TranscriptSegment.objects.bulk_create(
        TranscriptSegment(
            episode=episode,
            start_time=index * 3.0,
            end_time=index * 3.0 + 2.5,
            speaker="Christopher Charton",
            body=segment_text(episode.episode_number, index),
            sort_order=index,
        )
        for episode in episodes
        for index in range(SEGMENTS_PER_EPISODE)
    )
