"""manage.py import_podcast brings a podcast hosted elsewhere into the site, its GUIDs kept."""

import io
import re

import feedparser
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from episodes.models import AudioFile, EpisodePage, PodcastPage
from tests.factories import image_bytes
from tests.feeds.helpers import items_of, podcastparser_episodes
from tests.importer.helpers import OWNER_EMAIL, Item, feed_xml, publish_podcast

GUID_1 = "tag:ancien-hebergeur.example,2024:episode-1"
GUID_2 = "https://ancien-hebergeur.example/?p=2"


def import_podcast(source):
    """Run the command, publishing what it imports (tests/importer/test_moderation.py covers
    imports awaiting approval); its output."""
    out = io.StringIO()
    call_command("import_podcast", source, publish=True, stdout=out)
    return out.getvalue()


def episode(guid):
    return EpisodePage.objects.get(source_guid=guid)


def our_feed(client, show):
    response = client.get(reverse("show_feed", kwargs={"slug": show.slug}))
    assert response.status_code == 200
    return response.content


def test_import_creates_the_show_and_its_episodes_with_their_audio_facts(host, home, settings):
    publish_podcast(host)
    import_podcast(host.url("/feed.xml"))
    show = PodcastPage.objects.get()
    assert (show.title, show.language, show.owner_email) == (
        "Paroles solidaires",
        "fr-fr",
        settings.DEFAULT_FROM_EMAIL,  # ours (no main show yet), not the former host's
    )
    assert (show.itunes_category, show.itunes_subcategory) == ("Society & Culture", "Documentary")
    assert show.show_type == "serial" and show.live and show.artwork.width == 1400
    assert show.description == "Des paroles de l'économie solidaire."
    first, second = episode(GUID_1), episode(GUID_2)
    assert first.live and first.get_parent().pk == show.pk
    assert first.audio.duration == pytest.approx(2.0, abs=0.1)
    assert first.audio.size == len(host.files["/audio/episode-1.mp3"][0])
    assert second.audio.duration == pytest.approx(3.0, abs=0.1)
    assert (first.season, first.episode_number, second.episode_number) == (1, 1, 2)
    assert first.publication_date.isoformat() == "2024-09-02T08:00:00+00:00"
    assert first.show_notes == "<p>Avec <b>Marie</b>.</p>"
    assert first.artwork.width == 1500
    assert all(agent.startswith("RadioDesTerritoires-import/") for _path, agent in host.requests)


def test_imported_audio_is_served_by_our_audio_endpoint(host, home, client):
    publish_podcast(host)
    import_podcast(host.url("/feed.xml"))
    response = client.get(episode(GUID_1).audio_path)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == host.files["/audio/episode-1.mp3"][0]


def test_our_feed_gives_podcast_apps_the_original_guids(host, home, client):
    publish_podcast(host)
    import_podcast(host.url("/feed.xml"))
    body = our_feed(client, PodcastPage.objects.get())
    assert {item.findtext("guid") for item in items_of(body)} == {GUID_1, GUID_2}
    parsed = feedparser.parse(body)
    assert not parsed.bozo
    assert {entry.id for entry in parsed.entries} == {GUID_1, GUID_2}
    apps = podcastparser_episodes("https://radio.example/feed.xml", body)
    assert {item["guid"] for item in apps} == {GUID_1, GUID_2}
    ours = episode(GUID_1).guid  # our own UUID stays in the audio address
    assert any(ours in item["enclosures"][0]["url"] for item in apps)


def test_the_linked_transcript_and_chapters_are_imported(host, home, client):
    publish_podcast(host)
    import_podcast(host.url("/feed.xml"))
    imported = episode(GUID_1)
    segments = list(imported.transcript_segments.all())
    assert [(s.speaker, s.body) for s in segments] == [
        ("Marie Durand", "Bonjour et bienvenue."),
        ("Vincent Bel", "Merci de m'accueillir."),
    ]
    chapters = list(imported.chapters.all())
    assert [(c.start_time, c.title, c.url) for c in chapters] == [
        (0, "Accueil", ""),
        (1.5, "La suite", "https://paroles.example/suite"),
    ]
    item = next(
        i for i in items_of(our_feed(client, imported.get_parent())) if i.findtext("guid") == GUID_1
    )
    assert item.find("{https://podcastindex.org/namespace/1.0}chapters") is not None
    assert item.find("{https://podcastindex.org/namespace/1.0}transcript") is not None


def test_a_second_import_adds_the_new_item_and_updates_the_changed_one(host, home):
    items = publish_podcast(host)
    import_podcast(host.url("/feed.xml"))
    items[0].title = "Épisode 2 : le réemploi solidaire"
    items.insert(
        0, Item(guid="episode-3", title="Épisode 3 : la suite", audio="/audio/episode-1.mp3")
    )
    host.files["/feed.xml"] = (feed_xml(host, items), "application/rss+xml")
    output = import_podcast(host.url("/feed.xml"))
    assert "1 ajouté, 1 mis à jour, 1 inchangé, 0 non importé" in output
    assert EpisodePage.objects.count() == 3 and PodcastPage.objects.count() == 1
    assert episode(GUID_2).title == "Épisode 2 : le réemploi solidaire"
    assert AudioFile.objects.count() == 2  # the same MP3 is stored once
    audio_requests = [path for path, _agent in host.requests if path.startswith("/audio/")]
    assert len(audio_requests) == 3  # two at first, then only the new item's


def test_a_locked_feed_is_refused_naming_its_owner_and_nothing_is_imported(host, home):
    publish_podcast(host, locked="yes")
    with pytest.raises(CommandError) as refusal:
        import_podcast(host.url("/feed.xml"))
    assert "verrouillé" in str(refusal.value) and OWNER_EMAIL in str(refusal.value)
    assert not PodcastPage.objects.exists() and not AudioFile.objects.exists()


def test_an_unreachable_audio_file_is_reported_and_the_other_items_imported(host, home):
    publish_podcast(host)
    del host.files["/audio/episode-2.mp3"]
    output = import_podcast(host.url("/feed.xml"))
    assert "« Épisode 2 : le réemploi » non importé" in output
    assert "404 introuvable" in output
    assert "1 ajouté," in output and "1 non importé." in output
    assert list(EpisodePage.objects.values_list("source_guid", flat=True)) == [GUID_1]


def test_a_refused_audio_file_is_reported_with_the_upload_message(host, home):
    publish_podcast(host)
    host.files["/audio/episode-2.mp3"] = (
        host.files["/audio/episode-2.mp3"][0][:-700],
        "audio/mpeg",
    )
    output = import_podcast(host.url("/feed.xml"))
    assert "« Épisode 2 : le réemploi » non importé — audio : " in output
    assert "incomplet" in output
    assert EpisodePage.objects.count() == 1


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            b"<html><body>Page introuvable</body></html>",
            "pas un flux RSS (son élément racine est « html »)",
        ),
        (b"Bonjour", "ce n'est pas du XML valide"),
        (b"<rss version='2.0'><channel><title> </title></channel></rss>", "n'a pas de titre"),
        (b"<rss version='2.0'></rss>", "pas d'élément <channel>"),
    ],
)
def test_an_invalid_feed_is_refused_saying_what_is_wrong(host, home, body, message):
    host.files["/feed.xml"] = (body, "text/html")
    with pytest.raises(CommandError, match=re.escape(message)):
        import_podcast(host.url("/feed.xml"))
    assert not PodcastPage.objects.exists()


def test_an_unreachable_feed_is_reported(host, home):
    with pytest.raises(CommandError, match="404 introuvable"):
        import_podcast(host.url("/nowhere.xml"))
    with pytest.raises(CommandError, match="connexion refusée"):
        import_podcast("http://127.0.0.1:9/feed.xml")
    with pytest.raises(CommandError, match="est introuvable"):
        import_podcast("/tmp/no-such-feed.xml")


def test_a_feed_file_on_disk_can_be_imported(host, home, tmp_path):
    publish_podcast(host)
    path = tmp_path / "feed.xml"
    path.write_bytes(host.files["/feed.xml"][0])
    import_podcast(str(path))
    assert EpisodePage.objects.count() == 2


def test_the_command_shows_its_progress(host, home):
    publish_podcast(host)
    output = import_podcast(host.url("/feed.xml"))
    assert "Podcast « Paroles solidaires » : 2 épisodes dans le flux." in output
    assert "Épisodes: 100%" in output and "2/2" in output
    assert "Import terminé : 2 ajoutés" in output


def test_the_command_speaks_of_one_episode_in_the_singular(host, home):
    items = publish_podcast(host)
    publish_podcast(host, items=items[:1])
    output = import_podcast(host.url("/feed.xml"))
    assert "Podcast « Paroles solidaires » : 1 épisode dans le flux." in output
    assert "Import terminé : 1 ajouté, 0 mis à jour" in output


def test_artwork_out_of_apple_rules_is_converted_or_left_out_with_a_warning(host, home):
    items = publish_podcast(host)
    host.files["/art/show.png"] = (image_bytes(size=(3200, 3200), mode="RGBA"), "image/png")
    host.files["/art/episode-1.jpg"] = (
        image_bytes(size=(1400, 1000), image_format="JPEG"),
        "image/jpeg",
    )
    output = import_podcast(host.url("/feed.xml"))
    show = PodcastPage.objects.get()
    assert (show.artwork.width, show.artwork.height) == (3000, 3000)
    assert episode(GUID_1).artwork is None
    assert (
        "« Épisode 1 : l'accueil » — pochette non importée : La pochette doit être carrée" in output
    )
    assert len(items) == EpisodePage.objects.count()


def test_the_podcast_guid_of_the_former_feed_is_kept(host, home, client):
    guid = "917393e3-1b1e-5cef-ace4-edaa54e1f810"
    publish_podcast(host, guid=guid)
    import_podcast(host.url("/feed.xml"))
    body = our_feed(client, PodcastPage.objects.get())
    assert feedparser.parse(body).feed["podcast_guid"] == guid


def test_an_import_run_again_on_the_same_feed_changes_nothing(host, home):
    publish_podcast(host)
    import_podcast(host.url("/feed.xml"))
    revisions = {page.pk: page.latest_revision_id for page in EpisodePage.objects.all()}
    output = import_podcast(host.url("/feed.xml"))
    assert "0 ajouté, 0 mis à jour, 2 inchangés" in output
    assert {page.pk: page.latest_revision_id for page in EpisodePage.objects.all()} == revisions


def test_a_host_that_does_not_answer_in_time_is_reported(host, home, settings):
    settings.PODCAST_IMPORT_TIMEOUT = 0.5
    publish_podcast(host)
    host.delays["/docs/episode-1.vtt"] = 2
    output = import_podcast(host.url("/feed.xml"))
    assert "transcription non importée" in output
    assert "n'a pas répondu dans les 0.5 secondes" in output
    assert not episode(GUID_1).transcript_segments.exists() and episode(GUID_1).chapters.exists()


def test_a_malformed_transcript_is_reported_by_its_line_and_the_rest_imported(host, home):
    publish_podcast(host)
    vtt = "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nBonjour.\n\n00:00:01,000 -> 2\nSuite.\n"
    host.files["/docs/episode-1.vtt"] = (vtt.encode(), "text/vtt")
    output = import_podcast(host.url("/feed.xml"))
    assert "transcription non importée : Ligne 6 : horodatage illisible" in output
    imported = episode(GUID_1)
    assert imported.audio and imported.chapters.exists()
    assert not imported.transcript_segments.exists()


def test_a_show_whose_artwork_cannot_be_had_gets_a_stand_in_to_replace(host, home, client):
    publish_podcast(host)
    del host.files["/art/show.png"]
    output = import_podcast(host.url("/feed.xml"))
    assert "Pochette du podcast non importée" in output and "pochette provisoire" in output
    show = PodcastPage.objects.get()
    assert (show.artwork.width, show.artwork.height) == (1400, 1400)
    assert len(items_of(our_feed(client, show))) == 2


def test_a_feed_without_owner_email_imports_with_ours_or_the_one_given(host, home, settings):
    publish_podcast(host, owner="")
    host.files["/feed.xml"] = (
        host.files["/feed.xml"][0].replace(f'owner="{OWNER_EMAIL}"'.encode(), b""),
        "application/rss+xml",
    )
    import_podcast(host.url("/feed.xml"))
    assert PodcastPage.objects.get().owner_email == settings.DEFAULT_FROM_EMAIL
    call_command(
        "import_podcast",
        host.url("/feed.xml"),
        owner_email="moi@radio.example",
        publish=True,
        stdout=io.StringIO(),
    )
    assert PodcastPage.objects.get().owner_email == "moi@radio.example"


def test_an_import_into_a_fresh_site_creates_its_home_page(host, db, client):
    """A new platform has only Wagtail's welcome page: the imported show gets a home to live in."""
    publish_podcast(host)
    import_podcast(host.url("/feed.xml"))
    show = PodcastPage.objects.get()
    assert show.get_parent().specific_class.__name__ == "HomePage"
    assert client.get(show.url).status_code == 200
    assert GUID_1 in our_feed(client, show).decode()
