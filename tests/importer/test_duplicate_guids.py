"""Items of one feed sharing a <guid> are all imported, the later ones under a derived GUID that
every re-import finds again."""

import io
import uuid

from django.core.management import call_command

from episodes.importer.guids import derived_guid
from episodes.models import EpisodePage, PodcastPage
from tests.importer.helpers import host_data_feed


def import_podcast(source):
    out = io.StringIO()
    call_command("import_podcast", source, publish=True, stdout=out)
    return out.getvalue()


def test_items_sharing_a_guid_are_all_kept_the_later_under_a_derived_guid(host, home):
    url = host_data_feed(host, "duplicate-guids-taverne.xml")
    output = import_podcast(url)
    show = PodcastPage.objects.get()
    bis = derived_guid(show.podcast_guid, "42", host.url("/taverne/soiree-42-bis.mp3"), 1)
    assert uuid.UUID(bis).version == 5
    episodes = EpisodePage.objects.child_of(show).order_by("publication_date")
    assert list(episodes.values_list("title", "source_guid")) == [
        ("Soirée 42 : le concert", "42"),
        ("Soirée 42 bis : le quiz", bis),
        ("Soirée 43 : la chorale", "43"),
    ]
    assert "3 ajoutés, 0 mis à jour, 0 inchangé, 0 non importé" in output
    assert (
        "« Soirée 42 bis : le quiz » a le même <guid> (« 42 ») qu'un élément plus ancien du "
        f"flux : il est importé sous un GUID dérivé, le même à chaque import ({bis})."
    ) in output


def test_a_second_import_of_a_feed_with_shared_guids_changes_nothing(host, home):
    url = host_data_feed(host, "duplicate-guids-taverne.xml")
    import_podcast(url)
    revisions = {page.pk: page.latest_revision_id for page in EpisodePage.objects.all()}
    output = import_podcast(url)
    assert "0 ajouté, 0 mis à jour, 3 inchangés, 0 non importé" in output
    assert {page.pk: page.latest_revision_id for page in EpisodePage.objects.all()} == revisions


def test_derived_guids_stay_the_same_when_the_feed_gains_a_newer_item(host, home):
    url = host_data_feed(host, "duplicate-guids-taverne.xml")
    import_podcast(url)
    before = set(EpisodePage.objects.values_list("source_guid", flat=True))
    body, content_type = host.files["/feed.xml"]
    newer = (
        "<item><title>Soirée 44 : la soupe</title><guid>44</guid>"
        "<pubDate>Mon, 23 Sep 2024 20:00:00 +0000</pubDate>"
        f'<enclosure url="{host.url("/taverne/soiree-43.mp3")}" type="audio/mpeg"/></item>'
    )
    host.files["/feed.xml"] = (body.replace(b"<item>", newer.encode() + b"<item>", 1), content_type)
    output = import_podcast(url)
    assert "1 ajouté, 0 mis à jour, 3 inchangés, 0 non importé" in output
    assert set(EpisodePage.objects.values_list("source_guid", flat=True)) == before | {"44"}
