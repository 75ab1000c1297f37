"""Editors import an existing podcast from the French admin and follow the import's progress."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from episodes.importer.fetch import MEGABYTE
from episodes.models import EpisodePage, ImportJob, ImportStatus, PodcastPage
from tests.importer.helpers import OWNER_EMAIL, publish_podcast

IMPORT_URL = "/admin/import-podcast/"


def test_the_import_page_is_in_the_admin_menu_and_asks_for_the_feed_or_its_file(
    admin_client, home, settings
):
    assert IMPORT_URL in admin_client.get("/admin/").content.decode()
    page = admin_client.get(IMPORT_URL).content.decode()
    assert "Importer un podcast" in page and "Adresse du flux RSS" in page
    assert "Ou fichier RSS du flux" in page and 'enctype="multipart/form-data"' in page
    assert f'value="{settings.DEFAULT_FROM_EMAIL}"' in page  # ours: the site has no show yet


def test_an_import_started_in_the_admin_shows_its_result(admin_client, host, home):
    publish_podcast(host)
    response = admin_client.post(IMPORT_URL, {"url": host.url("/feed.xml"), "owner_email": ""})
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{IMPORT_URL}{job.pk}/"
    page = admin_client.get(response["Location"]).content.decode()
    assert "Terminé" in page and "2 ajoutés" in page and "Épisodes traités : 2 sur 2" in page
    assert 'value="100"' in page and 'http-equiv="refresh"' not in page
    assert EpisodePage.objects.count() == 2 and job.user.username == "admin"
    listing = admin_client.get(IMPORT_URL).content.decode()
    assert host.url("/feed.xml") in listing and "Paroles solidaires" in listing


def test_a_running_import_shows_its_progress_and_refreshes_itself(admin_client, home):
    job = ImportJob.objects.create(source="https://x.example/feed.xml", total=4, done=1)
    job.status = ImportStatus.RUNNING
    job.save()
    page = admin_client.get(f"{IMPORT_URL}{job.pk}/").content.decode()
    assert "En cours" in page and "Épisodes traités : 1 sur 4" in page
    assert 'value="25"' in page and '<meta http-equiv="refresh" content="2">' in page


def test_a_locked_feed_is_refused_in_the_admin_with_the_french_message(admin_client, host, home):
    publish_podcast(host, locked="yes")
    response = admin_client.post(IMPORT_URL, {"url": host.url("/feed.xml")}, follow=True)
    page = response.content.decode()
    assert "Échoué" in page and "verrouillé" in page and OWNER_EMAIL in page
    assert not PodcastPage.objects.exists()


def test_episode_problems_are_listed_on_the_job_page(admin_client, host, home):
    publish_podcast(host)
    del host.files["/audio/episode-2.mp3"]
    response = admin_client.post(IMPORT_URL, {"url": host.url("/feed.xml")}, follow=True)
    page = response.content.decode()
    assert "<li>1 ajouté</li>" in page and "<li>1 non importé</li>" in page
    assert "Erreur : « Épisode 2 : le réemploi » non importé — audio : " in page


def test_a_bad_address_is_refused_by_the_form(admin_client, home):
    response = admin_client.post(IMPORT_URL, {"url": "pas une adresse"})
    assert response.status_code == 200 and not ImportJob.objects.exists()
    assert "Saisissez une URL valide" in response.content.decode()


def exported_feed(host, name="paroles.xml"):
    """The hosted feed as an editor's exported file; the host no longer serves it."""
    publish_podcast(host)
    body, _type = host.files.pop("/feed.xml")
    return SimpleUploadedFile(name, body, content_type="application/rss+xml")


def test_an_uploaded_feed_file_imports_the_show_and_its_episodes(admin_client, host, home):
    response = admin_client.post(IMPORT_URL, {"feed_file": exported_feed(host)}, follow=True)
    page = response.content.decode()
    assert "Terminé" in page and "2 ajoutés" in page and "fichier paroles.xml" in page
    show = PodcastPage.objects.get()
    assert show.title == "Paroles solidaires"
    episodes = EpisodePage.objects.child_of(show).specific()
    assert sorted(round(episode.audio.duration) for episode in episodes) == [2, 3]
    downloaded = {path for path, _agent in host.requests}
    assert {"/audio/episode-1.mp3", "/audio/episode-2.mp3"} <= downloaded
    assert "fichier paroles.xml" in admin_client.get(IMPORT_URL).content.decode()


@pytest.mark.parametrize("given", ["both", "neither"])
def test_the_form_wants_either_the_address_or_the_file(admin_client, host, home, given):
    data = {"url": host.url("/feed.xml"), "feed_file": exported_feed(host)}
    response = admin_client.post(IMPORT_URL, data if given == "both" else {"owner_email": ""})
    assert response.status_code == 200 and not ImportJob.objects.exists()
    assert (
        "Donnez l&#x27;adresse du flux ou choisissez un fichier, pas les deux."
        in response.content.decode()
    )


def test_an_uploaded_file_that_is_not_a_feed_is_refused_by_the_form(admin_client, home):
    upload = SimpleUploadedFile("episode.mp3", b"ID3\x03\x00 not xml", content_type="audio/mpeg")
    response = admin_client.post(IMPORT_URL, {"feed_file": upload})
    assert response.status_code == 200 and not ImportJob.objects.exists()
    assert "Ce document n&#x27;est pas un flux RSS : ce n&#x27;est pas du XML valide" in (
        response.content.decode()
    )


def test_an_uploaded_feed_file_over_the_limit_is_refused(admin_client, home, monkeypatch):
    monkeypatch.setattr("episodes.importer.admin.FEED_MAX_BYTES", MEGABYTE)
    upload = SimpleUploadedFile("gros.xml", b"<rss>" + b" " * MEGABYTE + b"</rss>")
    response = admin_client.post(IMPORT_URL, {"feed_file": upload})
    assert response.status_code == 200 and not ImportJob.objects.exists()
    assert "Ce fichier dépasse la limite de 1 Mo." in response.content.decode()


def test_an_editor_without_the_import_permission_cannot_import(client, django_user_model, home):
    user = django_user_model.objects.create_user("editrice", "e@radio.example", "x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert IMPORT_URL not in client.get("/admin/").content.decode()
    response = client.post(IMPORT_URL, {"url": "https://x.example/feed.xml"})
    assert response.status_code in (302, 403) and not ImportJob.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_admin_hands_the_import_to_the_task_worker(admin_client, host, home, database_tasks):
    publish_podcast(host)
    response = admin_client.post(IMPORT_URL, {"url": host.url("/feed.xml")})
    job = ImportJob.objects.get()
    assert response.status_code == 302 and job.status == ImportStatus.PENDING
    assert "En attente" in admin_client.get(response["Location"]).content.decode()
    call_command("db_worker", batch=True, verbosity=0)  # what the worker process does
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE and (job.added, job.total) == (2, 2)
