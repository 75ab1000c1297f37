"""Keyword-only builders for test data: real images, real MP3s, real pages, events, members of
the migrated groups. Fixtures using them are in conftest.py."""

import io
from decimal import Decimal

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from episodes.formats.transcripts import Segment, parse_webvtt
from episodes.models import (
    AudioFile,
    Chapter,
    EpisodePage,
    EpisodeSpeaker,
    Event,
    HomePage,
    Person,
    PodcastPage,
    TranscriptSegment,
)
from tests.audio_samples import encode_m4a, encode_mp3

# The groups the migration creates.
EDITORS, MODERATORS, ADMINISTRATORS = "Rédaction", "Validation association", "Administration"
# A transcript as editors upload it, and as its segments.
SEGMENTS = [
    Segment(0.0, 4.5, "Claire Martin", "Bienvenue sur Radio des Territoires."),
    Segment(4.5, 9.25, "Claire Martin", "Aujourd'hui : le réemploi <informatique> & solidaire."),
    Segment(9.25, 15.0, "Karim & Co", "Merci de m'accueillir."),
    Segment(3723.456, 3725.0, "", "Fin de l'épisode."),
]
WEBVTT = """WEBVTT

00:00:00.000 --> 00:00:01.000
<v Marie Durand>Bonjour et bienvenue.

00:00:01.000 --> 00:00:02.000
<v Vincent Bel>Merci de m'accueillir.
"""


def image_bytes(*, size=(1400, 1400), image_format="PNG", mode="RGB", color=(20, 90, 140)):
    """An image file's bytes, drawn by Pillow."""
    if mode in ("RGBA", "LA"):
        color = (*color, 128) if mode == "RGBA" else (128, 128)
    buffer = io.BytesIO()
    PillowImage.new(mode, size, color[: len(mode)] if mode != "P" else 0).save(
        buffer, format=image_format
    )
    return buffer.getvalue()


def make_image(*, title="Pochette", size=(1400, 1400), image_format="PNG", mode="RGB"):
    """A Wagtail image stored like an editor's upload."""
    extension = {"PNG": "png", "JPEG": "jpg", "GIF": "gif", "WEBP": "webp"}[image_format]
    data = image_bytes(size=size, image_format=image_format, mode=mode)
    image = get_image_model()(
        title=title, file=ImageFile(io.BytesIO(data), name=f"art.{extension}")
    )
    image.save()
    return image


def make_audio(*, title="Témoignage", seconds=2.0, id3_tag=b"", **encoding):
    """An AudioFile from a real MP3 encoded with lameenc (after an ID3 tag if given), checked as an
    upload is."""
    data = id3_tag + encode_mp3(seconds, **encoding)
    audio = AudioFile(title=title, file=ContentFile(data, name="a.mp3"))
    audio.full_clean()
    audio.save()
    return audio


def make_m4a_audio(*, title="Témoignage", seconds=2.0, faststart=True):
    """An AudioFile from a real AAC-LC M4A (FFmpeg's encoder), checked as an upload is."""
    data = encode_m4a(seconds, faststart=faststart)
    audio = AudioFile(title=title, file=ContentFile(data, name="a.m4a"))
    audio.full_clean()
    audio.save()
    return audio


def make_person(name="Marie Dupont", *, photo=False, link=""):
    """A person heard in episodes, with a real photo if asked."""
    image = make_image(title=f"Photo : {name}", size=(600, 600)) if photo else None
    return Person.objects.create(name=name, photo=image, link=link)


def make_home():
    """The site's HomePage, at the root of the default site."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Accueil", slug="accueil-test"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"root_page": home, "hostname": "localhost", "port": 80}
    )
    return home


def make_show(*, parent, title="Radio des Territoires", slug="radio-des-territoires", **fields):
    """A published PodcastPage with valid artwork."""
    defaults = {
        "description": "Les témoignages de l'économie sociale et solidaire.",
        "author": "Radio des Territoires",
        "owner_name": "Radio des Territoires",
        "owner_email": "contact@example.org",
    }
    defaults.update(fields)
    defaults.setdefault("artwork", make_image())
    show = PodcastPage(title=title, slug=slug, **defaults)
    parent.add_child(instance=show)
    show.save_revision().publish()
    return show


def make_episode(
    *, show, title="Ecodair : le choix vertueux du reconditionné", live=True, **fields
):
    """An EpisodePage with real audio, published unless live=False."""
    defaults = {"summary": "Un témoignage.", "publication_date": timezone.now()}
    defaults.update(fields)
    defaults.setdefault("audio", make_audio(title=title))
    episode = EpisodePage(title=title, live=False, **defaults)
    show.add_child(instance=episode)
    revision = episode.save_revision()
    if live:
        revision.publish()
        episode.refresh_from_db()
    return episode


def long_transcript(cues, *, cue_seconds=1.44):
    """A transcript of many cues as a long interview gives (5,000 for two hours), two speakers
    taking turns, each cue saying its number."""
    speakers = ("Claire Martin", "Karim Benali")
    return [
        TranscriptSegment(
            start_time=round(number * cue_seconds, 3),
            end_time=round((number + 1) * cue_seconds, 3),
            speaker=speakers[number // 4 % 2],
            body=f"Passage {number + 1} : le réemploi solidaire, ici, « ça change tout ».",
        )
        for number in range(cues)
    ]


def make_long_episode(*, show, cues, title="Un entretien au long cours", **fields):
    """A published episode whose real MP3 (8 kHz, 8 kbit/s: a few seconds to encode) is as long
    as its transcript of that many cues."""
    segments = long_transcript(cues)
    audio = make_audio(title=title, seconds=segments[-1].end_time, sample_rate=8000, bitrate=8)
    return make_episode(show=show, title=title, audio=audio, transcript_segments=segments, **fields)


def make_event(*, name="FNAF 2024", place="Palais des congrès, Rennes"):
    """An event with coordinates (one per name)."""
    coordinates = {"latitude": Decimal("48.111300"), "longitude": Decimal("-1.680000")}
    return Event.objects.get_or_create(name=name, defaults={"place": place, **coordinates})[0]


def make_full_episode(*, show, title="Habitat inclusif : vivre ensemble", **fields):
    """A published episode with speakers, chapters, transcript, event, soundbite and artwork."""
    host = make_person("Marie Durand")
    guest = make_person("Vincent Bel", photo=True, link="https://example.org/vincent-bel")
    defaults = {
        "show_notes": (
            '<p>Avec <b>Vincent Bel</b>, <a href="https://example.org/beguinage">Béguinage</a>.</p>'
            "<h2>Chapitres</h2><ul><li>Accueil</li></ul><script>alert(1)</script>"
        ),
        "season": 2,
        "episode_number": 7,
        "soundbite_start": 12.5,
        "soundbite_duration": 30,
        "event": make_event(),
        "artwork": make_image(title=f"Pochette : {title}"),
        "speakers": [
            EpisodeSpeaker(person=host, role="host"),
            EpisodeSpeaker(person=guest, role="guest"),
        ],
        "chapters": [Chapter(start_time=0, title="Accueil"), Chapter(start_time=1, title="Suite")],
        "transcript_segments": [
            TranscriptSegment(**vars(segment)) for segment in parse_webvtt(WEBVTT)
        ],
    }
    defaults.update(fields)
    return make_episode(show=show, title=title, **defaults)


def make_member(django_user_model, username, group_name):
    """A staff user in one of the groups the migration created."""
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "motdepasse")
    user.groups.add(Group.objects.get(name=group_name))
    return user


PARTNERS = "Association partenaire"


def make_partner(django_user_model, username, associations):
    """A member of « Association partenaire » linked to these associations."""
    from audience.models import PartnerMembership

    user = make_member(django_user_model, username, PARTNERS)
    membership = PartnerMembership.objects.create(user=user)
    membership.associations.set(associations)
    return user


def make_download_figures(*, episodes, days, per_day=3, apps=("Spotify", "Apple Podcasts")):
    """Final daily figures, as aggregation writes them: `per_day` downloads of each episode on
    each of `days` (UTC dates), shared among apps, all in France at 8 h."""
    from audience import rollup
    from audience.models import DayFigures, DownloadBreakdown, EpisodeDay

    episode_days, breakdowns = [], []
    for day in days:
        for episode in episodes:
            age = (day - episode.publication_date.date()).days
            episode_days.append(EpisodeDay(day=day, episode=episode, downloads=per_day, age=age))
            for index in range(per_day):
                app = apps[index % len(apps)]
                breakdowns.append(
                    DownloadBreakdown(
                        day=day,
                        episode=episode,
                        app=app,
                        device="mobile",
                        country="FR",
                        hour=8,
                        downloads=1,
                    )
                )
    EpisodeDay.objects.bulk_create(episode_days, batch_size=5000)
    DownloadBreakdown.objects.bulk_create(breakdowns, batch_size=5000)
    rollup.roll_up(days)
    DayFigures.objects.bulk_create(
        [
            DayFigures(day=day, downloads=per_day * len(episodes), listeners=per_day, final=True)
            for day in days
        ]
    )
