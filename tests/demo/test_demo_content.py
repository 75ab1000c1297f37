"""The demo content loads in one command, twice without duplicates, with real audio."""

from django.core.management import call_command

from episodes.models import (
    Association,
    AudioFile,
    EpisodePage,
    KnowledgePage,
    Person,
    PodcastPage,
    Theme,
)

MODELS = (PodcastPage, EpisodePage, KnowledgePage, AudioFile, Association, Person, Theme)


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_loading_the_demo_twice_creates_nothing_twice(demo):
    first = counts()
    call_command("load_initial_data", verbosity=0)
    assert counts() == first
    assert first["EpisodePage"] == 5
    assert first["KnowledgePage"] == 4


def test_every_demo_episode_has_real_audio_transcript_chapters_and_artwork(demo):
    for episode in EpisodePage.objects.live().select_related("audio", "artwork"):
        assert episode.audio.codec == "mp3" and 20 < episode.audio.duration < 60
        segments = list(episode.transcript_segments.all())
        assert segments and segments[-1].end_time <= episode.audio.duration + 0.5
        assert episode.chapters.count() >= 2
        assert (episode.artwork.width, episode.artwork.height) == (1400, 1400)
        assert episode.themes.exists() and episode.associations.exists()


def test_demo_audio_stays_small(demo):
    assert sum(AudioFile.objects.values_list("size", flat=True)) < 2 * 1024 * 1024


def test_habitat_inclusif_episode_has_its_three_guests(demo):
    episode = EpisodePage.objects.get(slug="habitat-inclusif")
    guests = {s.person.name for s in episode.speakers.filter(role="guest")}
    assert guests == {"Vincent Bel", "Christopher Charton", "Jean-Michel Ricard"}
    assert episode.event.name == "FNAF 2022"
    assert "colocation" in " ".join(episode.transcript_segments.values_list("body", flat=True))


def test_demo_pages_render(client, demo):
    show = PodcastPage.objects.get()
    paths = ["/", show.url, "/themes/economie-circulaire/", "/associations/wimoov/"]
    paths += ["/accessibilite/", "/podcasts/opml.xml", f"{show.url}?page=2"]
    paths += [page.url for page in EpisodePage.objects.all()]
    paths += [page.url for page in KnowledgePage.objects.all()]
    for path in paths:
        assert client.get(path).status_code == 200, path
    assert "14 448" in client.get("/associations/wimoov/").content.decode()


def test_command_prints_the_development_admin_login(db, settings, capsys):
    settings.DEBUG = True
    call_command("load_initial_data")
    assert "mot de passe « admin »" in capsys.readouterr().out


def test_demo_knowledge_pages_link_to_their_programmes_and_the_fnaf_plays_both_testimonies(
    demo, client
):
    dla = KnowledgePage.objects.get(slug="dispositif-local-accompagnement")
    assert (dla.website, dla.website_label) == ("https://www.info-dla.fr/", "Trouver mon DLA")
    fnaf = client.get(KnowledgePage.objects.get(slug="fnaf-2024").url).content.decode()
    assert "Ecodair : le choix vertueux du reconditionné" in fnaf
    assert "Yoti : la seconde vie des jouets" in fnaf


def test_demo_accessibility_statement_has_what_rgaa_requires(demo, client):
    text = client.get("/accessibilite/").content.decode()
    for required in (
        "établie le 1<sup>er</sup> décembre 2026",
        "non conforme",
        "Contenus non accessibles",
        "Environnement de test",
        "Défenseur des droits",
        'href="mailto:contact@radio-des-territoires.fr"',
    ):
        assert required in text, required


def test_demo_show_notes_do_not_repeat_the_summary(demo):
    for episode in EpisodePage.objects.live():
        assert episode.summary not in episode.show_notes
        assert "Enregistré lors du FNAF" in episode.show_notes
