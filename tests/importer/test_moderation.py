"""Imported episodes go through the approval workflow as written ones do, unless the importing
user may publish and asks to; a show none of whose episodes could be imported is not published."""

import io

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from wagtail.models import WorkflowState

from episodes.models import EpisodePage, ImportJob, PodcastPage
from tests.factories import EDITORS, make_member
from tests.importer.helpers import publish_podcast

IMPORT_URL = "/admin/import-podcast/"
PUBLISH_LABEL = "Publier sans passer par la validation"


def awaiting_approval(page):
    return WorkflowState.objects.filter(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).exists()


@pytest.fixture
def importer_client(client, django_user_model):
    """An editor (« Rédaction », who may not publish) allowed to import podcasts."""
    user = make_member(django_user_model, "importatrice", EDITORS)
    user.user_permissions.add(Permission.objects.get(codename="add_importjob"))
    client.force_login(user)
    return client


def test_imported_episodes_are_drafts_awaiting_approval(host, home):
    publish_podcast(host)
    out = io.StringIO()
    call_command("import_podcast", host.url("/feed.xml"), stdout=out)
    episodes = list(EpisodePage.objects.all())
    assert len(episodes) == 2
    assert all(not episode.live and awaiting_approval(episode) for episode in episodes)
    show = PodcastPage.objects.get()
    assert not show.live and awaiting_approval(show)
    output = out.getvalue()
    assert "enregistrés comme brouillons et soumis à la validation" in output
    assert "Le podcast est soumis à la validation, comme ses épisodes." in output


def test_a_reimport_of_a_changed_item_awaits_approval_and_keeps_the_live_version(host, home):
    items = publish_podcast(host)
    call_command("import_podcast", host.url("/feed.xml"), publish=True, stdout=io.StringIO())
    items[0].title = "Épisode 2 : le réemploi, version corrigée"
    host.files["/feed.xml"] = (
        host.files["/feed.xml"][0].replace(
            b"le r\xc3\xa9emploi<", "le réemploi, version corrigée<".encode()
        ),
        "application/rss+xml",
    )
    call_command("import_podcast", host.url("/feed.xml"), stdout=io.StringIO())
    changed = EpisodePage.objects.get(source_guid=items[0].guid)
    assert changed.live and changed.title == "Épisode 2 : le réemploi"
    assert changed.get_latest_revision_as_object().title.endswith("version corrigée")
    assert awaiting_approval(changed)


def test_a_show_whose_every_episode_failed_is_not_published(host, home):
    publish_podcast(host)
    del host.files["/audio/episode-1.mp3"], host.files["/audio/episode-2.mp3"]
    out = io.StringIO()
    call_command("import_podcast", host.url("/feed.xml"), publish=True, stdout=out)
    show = PodcastPage.objects.get()
    assert not show.live and not awaiting_approval(show)
    assert "Le podcast n'est pas publié : aucun épisode n'a pu être importé." in out.getvalue()
    assert "2 non importés" in out.getvalue()


def test_the_publish_choice_is_offered_only_to_who_may_publish(admin_client, importer_client, home):
    assert PUBLISH_LABEL in admin_client.get(IMPORT_URL).content.decode()
    assert PUBLISH_LABEL not in importer_client.get(IMPORT_URL).content.decode()


def test_an_importer_who_may_not_publish_gets_drafts_even_when_asking(importer_client, host, home):
    publish_podcast(host)
    response = importer_client.post(
        IMPORT_URL, {"url": host.url("/feed.xml"), "publish": "on"}, follow=True
    )
    page = response.content.decode()
    assert "Terminé" in page and "soumis à la validation" in page
    assert not ImportJob.objects.get().publish
    assert not EpisodePage.objects.live().exists() and not PodcastPage.objects.live().exists()


def test_a_publisher_who_asks_gets_the_show_and_episodes_published(admin_client, host, home):
    publish_podcast(host)
    response = admin_client.post(
        IMPORT_URL, {"url": host.url("/feed.xml"), "publish": "on"}, follow=True
    )
    assert "Les épisodes ajoutés ou mis à jour sont publiés." in response.content.decode()
    assert "Le podcast est publié." in response.content.decode()
    assert EpisodePage.objects.live().count() == 2 and PodcastPage.objects.get().live
