"""Our feed of an imported show names our owner address and is locked, as the importing user
confirms: the former host's owner address and lock are not taken over."""

import io
import re

from django.core.management import call_command
from django.urls import reverse

from episodes.models import PodcastPage
from tests.feeds.helpers import channel_of
from tests.importer.helpers import host_data_feed

IMPORT_URL = "/admin/import-podcast/"
PODCAST = "{https://podcastindex.org/namespace/1.0}"


def imported_show():
    return PodcastPage.objects.exclude(slug="radio-des-territoires").get()


def our_lock(client, show):
    channel = channel_of(client.get(reverse("show_feed", kwargs={"slug": show.slug})).content)
    locked = channel.find(f"{PODCAST}locked")
    owner = channel.findtext(
        "{http://www.itunes.com/dtds/podcast-1.0.dtd}owner/"
        "{http://www.itunes.com/dtds/podcast-1.0.dtd}email"
    )
    return locked.text, locked.get("owner"), owner


def test_an_imported_show_is_locked_with_the_main_shows_owner_address(host, show, client):
    call_command(
        "import_podcast",
        host_data_feed(host, "accented-title-echos.xml"),
        publish=True,
        stdout=io.StringIO(),
    )
    imported = imported_show()
    assert (imported.owner_email, imported.podcast_locked) == ("contact@example.org", True)
    assert our_lock(client, imported) == ("yes", "contact@example.org", "contact@example.org")


def test_the_command_sets_the_owner_and_leaves_the_feed_unlocked_when_asked(host, home, client):
    url = host_data_feed(host, "accented-title-echos.xml")
    call_command(
        "import_podcast",
        url,
        publish=True,
        owner_email="moi@radio.example",
        lock=False,
        stdout=io.StringIO(),
    )
    show = PodcastPage.objects.get()
    assert our_lock(client, show) == ("no", "moi@radio.example", "moi@radio.example")
    call_command("import_podcast", url, publish=True, stdout=io.StringIO())
    show.refresh_from_db()  # a re-import without options keeps what was chosen
    assert (show.owner_email, show.podcast_locked) == ("moi@radio.example", False)


def test_the_import_page_asks_to_confirm_our_owner_address_and_the_lock(admin_client, show):
    page = admin_client.get(IMPORT_URL).content.decode()
    assert "E-mail du propriétaire dans notre flux" in page
    assert 'value="contact@example.org"' in page
    assert "Verrouiller notre flux (podcast:locked)" in page
    assert re.search(r'<input type="checkbox" name="podcast_locked"[^>]* checked', page)


def test_the_owner_and_lock_chosen_on_the_import_page_are_those_of_our_feed(
    admin_client, host, show, client
):
    url = host_data_feed(host, "accented-title-echos.xml")
    data = {"url": url, "owner_email": "a@b.example", "publish": "on"}
    page = admin_client.post(IMPORT_URL, data, follow=True).content.decode()
    assert "Terminé" in page
    imported = imported_show()
    assert our_lock(client, imported) == ("no", "a@b.example", "a@b.example")
