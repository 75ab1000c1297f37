"""A feed is imported into its own show: found again by its podcast:guid or its address, or
the show the editor chose; never by its items' GUIDs, which unrelated podcasts share (« 1 »)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from episodes.models import EpisodePage, PodcastPage
from tests.importer.helpers import host_data_feed, publish_podcast

IMPORT_URL = "/admin/import-podcast/"


def import_podcast(source, **options):
    out = io.StringIO()
    call_command("import_podcast", source, publish=True, stdout=out, **options)
    return out.getvalue()


def episodes_by_show():
    """{show title: [(source GUID, episode title), …]} of the whole site."""
    return {
        show.title: sorted(EpisodePage.objects.child_of(show).values_list("source_guid", "title"))
        for show in PodcastPage.objects.all()
    }


QUARTIER = [("1", "La première réunion"), ("ep1", "Le marché du samedi")]
CLUB = [("1", "Pourquoi six ?"), ("ep1", "Six amis au café")]


def test_two_feeds_sharing_short_guids_stay_two_shows_nothing_renamed_or_overwritten(host, home):
    import_podcast(host_data_feed(host, "short-guids-quartier.xml", "/quartier.xml"))
    first = {page.pk: page.latest_revision_id for page in EpisodePage.objects.all()}
    output = import_podcast(host_data_feed(host, "short-guids-club.xml", "/club.xml"))
    assert "2 ajoutés, 0 mis à jour, 0 inchangé" in output
    assert episodes_by_show() == {"Paroles de quartier": QUARTIER, "Le club des six": CLUB}
    kept = EpisodePage.objects.filter(pk__in=first)
    assert {page.pk: page.latest_revision_id for page in kept} == first


def test_a_feed_imported_again_from_its_address_goes_into_its_own_show(host, home):
    quartier = host_data_feed(host, "short-guids-quartier.xml", "/quartier.xml")
    import_podcast(quartier)
    import_podcast(host_data_feed(host, "short-guids-club.xml", "/club.xml"))
    output = import_podcast(quartier)
    assert "0 ajouté, 0 mis à jour, 2 inchangés" in output
    assert episodes_by_show() == {"Paroles de quartier": QUARTIER, "Le club des six": CLUB}


def test_a_feed_that_moved_is_found_again_by_its_podcast_guid(host, home):
    guid = "917393e3-1b1e-5cef-ace4-edaa54e1f810"
    publish_podcast(host, guid=guid)
    import_podcast(host.url("/feed.xml"))
    host.files["/moved.xml"] = host.files.pop("/feed.xml")
    output = import_podcast(host.url("/moved.xml"))
    assert "0 ajouté, 0 mis à jour, 2 inchangés" in output
    assert PodcastPage.objects.get().podcast_guid.hex == guid.replace("-", "")


def upload_to_admin(admin_client, host, path, **fields):
    """Post the hosted feed at path as an uploaded file; the job page."""
    upload = SimpleUploadedFile("flux.xml", host.files[path][0], content_type="application/rss+xml")
    data = {"feed_file": upload, "owner_email": "radio@example.org", "publish": "on", **fields}
    return admin_client.post(IMPORT_URL, data, follow=True).content.decode()


def test_an_uploaded_feed_goes_into_the_show_the_editor_chose(admin_client, host, home):
    import_podcast(host_data_feed(host, "short-guids-quartier.xml", "/quartier.xml"))
    quartier = PodcastPage.objects.get()
    page = upload_to_admin(admin_client, host, "/quartier.xml", show=quartier.pk)
    assert "Terminé" in page and "<li>2 inchangés</li>" in page
    assert episodes_by_show() == {"Paroles de quartier": QUARTIER}


def test_an_uploaded_feed_without_a_chosen_show_is_never_merged_into_another(
    admin_client, host, home
):
    import_podcast(host_data_feed(host, "short-guids-quartier.xml", "/quartier.xml"))
    host_data_feed(host, "short-guids-club.xml", "/club.xml")
    page = upload_to_admin(admin_client, host, "/club.xml")
    assert "Terminé" in page and "<li>2 ajoutés</li>" in page
    assert episodes_by_show() == {"Paroles de quartier": QUARTIER, "Le club des six": CLUB}


def test_the_import_page_offers_the_shows_to_import_into(admin_client, show):
    page = admin_client.get(IMPORT_URL).content.decode()
    assert "Importer dans l&#x27;émission…" in page
    assert f'<option value="{show.pk}">Radio des Territoires</option>' in page
    assert "Celle de ce flux s&#x27;il a déjà été importé, sinon une nouvelle émission" in page


def test_the_command_imports_into_the_show_named_by_its_slug(host, show):
    output = import_podcast(host_data_feed(host, "short-guids-club.xml"), show=show.slug)
    assert "2 ajoutés" in output
    assert episodes_by_show() == {"Radio des Territoires": CLUB}
    with pytest.raises(CommandError, match="Aucune émission n'a l'identifiant d'URL « inconnue »"):
        import_podcast(host_data_feed(host, "short-guids-club.xml"), show="inconnue")


def test_a_feed_chosen_for_another_show_than_its_own_is_refused(host, show):
    club = host_data_feed(host, "short-guids-club.xml", "/club.xml")
    import_podcast(club)
    with pytest.raises(CommandError, match="déjà été importé dans l'émission « Le club des six »"):
        import_podcast(club, show=show.slug)
    assert EpisodePage.objects.child_of(show).count() == 0


@pytest.mark.parametrize(
    ("name", "title", "slug"),
    [
        ("accented-title-echos.xml", "Les Échos du Béguinage", "les-echos-du-beguinage"),
        ("accented-title-delfine.xml", "Endorphine für Delfine", "endorphine-fur-delfine"),
    ],
)
def test_a_show_with_an_accented_title_gets_an_ascii_slug_and_a_working_feed(
    host, home, client, name, title, slug
):
    output = import_podcast(host_data_feed(host, name))
    show = PodcastPage.objects.get()
    assert (show.title, show.slug) == (title, slug)
    assert show.feed_url.endswith(f"/podcasts/{slug}/feed.xml")
    response = client.get(reverse("show_feed", kwargs={"slug": slug}))
    assert response.status_code == 200 and title in response.content.decode()
    assert "non importé" not in output.replace("0 non importé", "")
