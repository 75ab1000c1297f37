"""Feeds in the shapes real podcasts take (tests/data/feeds/, written for these tests), imported
as a new user would: tolerated where apps tolerate them, every field read back or named."""

import datetime
import io
import re

import feedparser
import pytest
from django.core.management import call_command
from django.urls import reverse

from episodes.importer.parse import InvalidFeed, parse_feed
from episodes.models import EpisodePage, Person, PodcastPage
from tests.editor.helpers import page_text
from tests.importer.data_feeds import feed_bytes, serve_data_feed

UTC = datetime.UTC


def import_podcast(source):
    out = io.StringIO()
    call_command("import_podcast", source, publish=True, stdout=out, stderr=out)
    return out.getvalue()


def episode(guid):
    return EpisodePage.objects.get(source_guid=guid)


def test_a_feed_with_a_bom_and_blank_lines_before_its_declaration_is_imported(host, home):
    output = import_podcast(serve_data_feed(host, "whitespace-before-xml.xml"))
    assert "Import terminé : 1 ajouté" in output
    show = PodcastPage.objects.get()
    assert (show.title, show.itunes_category, show.itunes_subcategory) == (
        "La Voix des Jardins",
        "Leisure",
        "Home & Garden",
    )
    sowing = episode("jardins-1")
    assert sowing.publication_date == datetime.datetime(2025, 2, 4, 6, 30, tzinfo=UTC)
    assert sowing.summary == "Les semis d'hiver, sous abri."
    assert sowing.show_notes == (
        "<p>Les <em>semis</em> d'hiver, <strong>sous abri</strong>.</p>"
        "<ul><li>fèves</li><li>pois</li></ul>"
        '<p><a href="https://jardins.example/semis">La fiche</a></p>'
    )


def test_undeclared_prefixes_are_read_as_feedparser_reads_them(host, home):
    original = feed_bytes("undeclared-prefixes.xml", host)
    reference = feedparser.parse(original).entries[0]
    import_podcast(serve_data_feed(host, "undeclared-prefixes.xml"))
    show = PodcastPage.objects.get()
    assert (show.show_type, show.itunes_category, show.itunes_subcategory) == (
        "serial",
        "Society & Culture",
        "Documentary",
    )
    assert str(show.podcast_guid) == "5b4b6a5e-3f8e-5c47-9a36-1d9a0c2d6f11"
    fair = episode("plateau-ep-1")
    assert (fair.season, fair.episode_number) == (2, 7)
    assert (str(fair.season), str(fair.episode_number)) == (
        reference.itunes_season,
        reference.itunes_episode,
    )
    assert fair.show_notes == "<p>Reportage à la <em>foire</em> de Saugues.</p>"
    assert fair.show_notes == reference.content[0].value


def test_items_without_dates_keep_the_feeds_order_a_minute_from_their_dated_neighbours(host, home):
    source = serve_data_feed(host, "items-without-dates.xml", seconds=0.5)
    output = import_podcast(source)
    dates = dict(EpisodePage.objects.values_list("source_guid", "publication_date"))
    assert dates == {
        "quartier-5": datetime.datetime(2025, 6, 15, 12, 1, tzinfo=UTC),
        "quartier-4": datetime.datetime(2025, 6, 15, 12, 0, tzinfo=UTC),
        "quartier-3": datetime.datetime(2025, 6, 2, 18, 2, tzinfo=UTC),
        "quartier-2": datetime.datetime(2025, 6, 2, 18, 1, tzinfo=UTC),
        "quartier-1": datetime.datetime(2025, 6, 2, 18, 0, tzinfo=UTC),
    }
    assert (
        "« Sans date, entre deux » — le flux ne donne pas sa date : il est daté du "
        "2 juin 2025 20:02, d'après sa place dans le flux ; corrigez la date de publication "
        "au besoin"
    ) in output
    assert output.count("le flux ne donne pas sa date") == 3
    again = import_podcast(source)
    assert "Import terminé : 0 ajouté, 0 mis à jour, 5 inchangés" in again
    assert dict(EpisodePage.objects.values_list("source_guid", "publication_date")) == dates


def test_a_feed_without_any_date_counts_back_from_the_import_a_minute_an_item(host):
    body = feed_bytes("items-without-dates.xml", host)
    body = re.sub(rb"<pubDate>[^<]*</pubDate>", b"", body)
    before = datetime.datetime.now(UTC).replace(second=0, microsecond=0)
    episodes = parse_feed(body).episodes
    newest = episodes[0].pub_date
    assert before <= newest <= before + datetime.timedelta(minutes=1)
    assert [newest - e.pub_date for e in episodes] == [
        datetime.timedelta(minutes=n) for n in range(5)
    ]
    assert not any(e.dated for e in episodes)


def test_a_rich_podcasting20_feed_is_read_field_by_field_and_what_cannot_be_is_listed(
    host, home, client
):
    source = serve_data_feed(host, "podcasting20-rich.xml")
    output = import_podcast(source)
    show = PodcastPage.objects.get()
    assert (show.license, show.license_url) == (
        "cc-by-sa-4.0",
        "https://creativecommons.org/licenses/by-sa/4.0/",
    )
    assert list(show.funding.values_list("url", "label")) == [
        ("https://estuaire.example/adherer", "Adhérer à l'association"),
        ("https://dons.example/estuaire", "Faire un don"),
    ]
    assert (show.itunes_category, show.itunes_subcategory) == ("Society & Culture", "Documentary")
    mudflats, trailer = episode("estuaire-2"), episode("estuaire-0")
    assert (mudflats.season, mudflats.episode_number, mudflats.episode_type) == (3, 12, "full")
    assert (mudflats.soundbite_start, mudflats.soundbite_duration) == (12.5, 30)
    place = mudflats.event
    assert (place.name, place.place, place.country) == ("Paimbœuf", "Paimbœuf", "FR")
    assert (str(place.latitude), str(place.longitude)) == ("47.286900", "-2.031100")
    assert [c.title for c in mudflats.chapters.all()] == ["Accueil", "La suite"]
    assert mudflats.transcript_segments.count() == 2
    assert trailer.episode_type == "trailer"
    assert trailer.soundbite_start is None
    assert_people_wait_for_consent(mudflats)
    for line in rich_feed_warnings(host):
        assert line in output
    feed = client.get(reverse("show_feed", kwargs={"slug": show.slug})).content
    assert b"podcast:person" not in feed and "Léa Martin".encode() not in feed


def test_a_reimport_that_republishes_an_episode_keeps_its_people_in_the_draft(
    host, home, administrator_client
):
    source = serve_data_feed(host, "podcasting20-rich.xml")
    import_podcast(source)
    body, kind = host.files["/feed.xml"]
    host.files["/feed.xml"] = (body.replace(b"Les p\xc3\xaacheurs", b"Nos p\xc3\xaacheurs"), kind)
    output = import_podcast(source)
    assert "Import terminé : 0 ajouté, 1 mis à jour, 1 inchangé" in output
    assert "ajoutées au brouillon" not in output
    mudflats = episode("estuaire-2")
    assert mudflats.title == "Nos pêcheurs à pied"
    assert_people_wait_for_consent(mudflats)
    assert Person.objects.count() == 3
    opened = administrator_client.get(reverse("wagtailadmin_pages:edit", args=[mudflats.pk]))
    assert (
        "Le consentement de Léa Martin, de Yannick Le Goff et de Inès Moreau n'est pas "
        "enregistré : l'épisode ne pourra pas être publié"
    ) in page_text(opened)


def rich_feed_warnings(host):
    """What the import summary says of the rich feed's values the site cannot hold."""
    return [
        "Podcast — catégorie Apple « Science › Nature » non importée : le podcast n'en a qu'une",
        "Podcast — podcast:value non importé",
        "Podcast — podcasts recommandés (podcast:podroll) : 2 non importés",
        "Podcast — personnes du podcast (podcast:person du canal) non importées : Léa Martin",
        "Podcast — bande-annonce (podcast:trailer) non importée, faute d'élément du flux : "
        + host.url("/audio/ancienne-annonce.mp3"),
        "« Bande-annonce » — extrait (podcast:soundbite) non importé : il dure 300 s, "
        "de 1 à 120 s attendus",
        "« Les pêcheurs à pied » — podcast:txt non importé",
        "« Les pêcheurs à pied » — autre version du média (podcast:alternateEnclosure) "
        "non importée",
        "« Les pêcheurs à pied » — extraits (podcast:soundbite) : seul le premier est importé, "
        "1 autre non",
        "« Les pêcheurs à pied » — rôle « composer » de Inès Moreau inconnu du site : "
        "importé comme personne invitée",
        "« Les pêcheurs à pied » — 3 personnes ajoutées au brouillon de l'épisode, en attente "
        "de leur consentement : Léa Martin, Yannick Le Goff, Inès Moreau. Enregistrez-les, "
        "puis publiez le brouillon.",
    ]


def assert_people_wait_for_consent(page):
    """The item's people are in the episode's draft, consent not recorded, and not published."""
    page.refresh_from_db()
    assert not page.speakers.exists() and page.has_unpublished_changes
    draft = page.get_latest_revision_as_object()
    assert [
        (s.person.name, s.person.link, s.role, s.consent_given) for s in draft.speakers.all()
    ] == [
        ("Léa Martin", "https://estuaire.example/equipe/lea", "host", False),
        ("Yannick Le Goff", "", "guest", False),
        ("Inès Moreau", "", "guest", False),
    ]


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<rss version="2.0"><channel><title>&d;</title></channel></rss>"""
EXTERNAL_FILE = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>&secret;</title></channel></rss>"""
PARAMETER_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>
<rss version="2.0"><channel><title>Le piege</title></channel></rss>"""


@pytest.mark.parametrize("body", [BILLION_LAUGHS, EXTERNAL_FILE, PARAMETER_ENTITY])
def test_a_feed_declaring_entities_is_refused_in_french_even_after_leading_blanks(body):
    for variant in (body, b"\n\t " + body):
        with pytest.raises(InvalidFeed, match="déclare des entités XML"):
            parse_feed(variant)


def test_an_item_with_only_an_itunes_summary_keeps_it_as_its_notes(host):
    body = feed_bytes("whitespace-before-xml.xml", host)
    body = re.sub(rb"<description><!\[CDATA\[.*?\]\]></description>", b"", body, flags=re.S)
    assert parse_feed(body).episodes[0].notes_html == "Les semis d'hiver, sous abri."
