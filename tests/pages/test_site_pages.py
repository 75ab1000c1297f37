"""What makes every page reachable and useful: the menu and footer, the HTML site map, the
associations directory, related episodes, subscribing, durations and French details."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import html as lxml_html

from episodes.models import Association, EpisodeSpeaker, Event, KnowledgeIndexPage, KnowledgePage
from tests import factories


def knowledge_page(home, **fields):
    index = home.add_child(instance=KnowledgeIndexPage(title="Ressources", slug="ressources"))
    page = KnowledgePage(title="Le DLA", slug="dla", summary="Accompagner les associations.")
    for name, value in fields.items():
        setattr(page, name, value)
    index.add_child(instance=page)
    return page


def links(document, selector):
    return {a.text_content().strip(): a.get("href") for a in document.cssselect(f"{selector} a")}


def parsed(client, address):
    response = client.get(address)
    assert response.status_code == 200, address
    return lxml_html.fromstring(response.content.decode())


def test_knowledge_pages_are_reached_from_the_menu_the_footer_and_the_home_page(client, home):
    page = knowledge_page(home)
    document = parsed(client, "/")
    assert links(document, "header nav")["Ressources"] == "/ressources/"
    assert links(document, "footer")["Le DLA"] == page.url
    assert links(document, "main")["Le DLA"] == page.url


def test_a_knowledge_page_links_to_its_programme_site(client, home):
    page = knowledge_page(home, website="https://www.info-dla.fr/", website_label="Trouver mon DLA")
    document = parsed(client, page.url)
    link = document.cssselect("main a.button")[0]
    assert link.get("href") == "https://www.info-dla.fr/"
    assert link.text_content().startswith("Trouver mon DLA")


def test_the_footer_site_map_link_opens_an_html_page_of_every_kind_of_page(
    client, home, tagged_episode, theme, association
):
    page = knowledge_page(home)
    site_map = links(parsed(client, "/"), "footer")["Plan du site"]
    response = client.get(site_map)
    assert response["Content-Type"].startswith("text/html")
    found = links(lxml_html.fromstring(response.content.decode()), "main")
    for title, url in [
        ("Handicap et bien-vieillir", tagged_episode.url),
        ("Le DLA", page.url),
        ("Habitat inclusif", theme.get_absolute_url()),
        ("Vivre en béguinage", association.get_absolute_url()),
        ("sitemap.xml", "/sitemap.xml"),
    ]:
        assert found[title] == url


def test_the_directory_shows_logo_territory_website_themes_and_episode_count(
    client, association, theme, tagged_episode
):
    association.logo = factories.make_image(title="Logo", size=(400, 200))
    association.website = "https://www.vivre-en-beguinage.example/"
    association.commune = "Lille"
    association.save()
    association.themes.set([theme])
    entry = parsed(client, "/associations/").cssselect(".directory-entry")[0]
    text = " ".join(entry.text_content().split())
    assert entry.cssselect("img.directory-logo")
    assert "Territoire : Lille, Hauts-de-France" in text
    assert "Thèmes : Habitat inclusif" in text and "Épisodes : 1 épisode" in text
    assert entry.cssselect("a[href='https://www.vivre-en-beguinage.example/']")


def test_the_directory_filters_by_theme_and_region(client, association, theme):
    other = Association.objects.create(name="Wimoov", slug="wimoov", region="Île-de-France")
    association.themes.set([theme])

    def names(query):
        entries = parsed(client, f"/associations/?{query}").cssselect(".directory-entry h2")
        return [entry.text_content().strip() for entry in entries]

    assert names("") == ["Vivre en béguinage", other.name]
    assert names("theme=habitat-inclusif") == ["Vivre en béguinage"]
    assert names("region=%C3%8Ele-de-France") == ["Wimoov"]
    # An unknown value is ignored, never an error.
    assert names("theme=inconnu&region=Atlantide") == ["Vivre en béguinage", other.name]


def test_an_episode_page_suggests_episodes_on_the_same_theme_first(client, show, theme):
    episode = factories.make_episode(show=show, title="Habiter ensemble", themes=[theme])
    factories.make_episode(show=show, title="Un autre sujet")
    factories.make_episode(show=show, title="Vieillir chez soi", themes=[theme])
    related = parsed(client, episode.url).cssselect("#related ~ .cards .card-title")
    assert [title.text_content().strip() for title in related] == [
        "Vieillir chez soi",
        "Un autre sujet",
    ]


def test_subscribing_offers_the_filled_platforms_a_qr_code_and_the_mp3(client, home):
    show = factories.make_show(
        parent=home,
        apple_podcasts_url="https://podcasts.apple.com/fr/podcast/radio/id1",
        deezer_url="https://www.deezer.com/fr/show/1",
    )
    episode = factories.make_episode(show=show)
    document = parsed(client, episode.url)
    platforms = links(document, ".platforms")
    assert platforms == {
        "Apple Podcasts": "https://podcasts.apple.com/fr/podcast/radio/id1",
        "Deezer": "https://www.deezer.com/fr/show/1",
    }
    assert not document.cssselect("a[href^='podcast://']")
    assert document.cssselect(".qr svg[role='img'][aria-label]")
    download = document.cssselect(".download a[download]")[0]
    assert download.text_content() == "Télécharger le MP3"
    assert download.get("href") == f"/audio/{episode.guid}.mp3"


def test_durations_are_rounded_to_the_second_as_in_the_feed(client, show):
    audio = factories.make_audio(seconds=42.6)
    episode = factories.make_episode(show=show, title="Quarante-trois secondes", audio=audio)
    assert round(audio.duration) == 43
    page = client.get(episode.url).content.decode()
    home = client.get("/").content.decode()
    feed = client.get(f"/podcasts/{show.slug}/feed.xml").content.decode()
    assert ">0:43</time>" in page and ">0:43</time>" in home
    assert "<itunes:duration>43</itunes:duration>" in feed
    # every duration shown is the rounded one (a bare "0:42" would also match a time of day)
    assert ">0:42</time>" not in page + home and 'datetime="PT0M42S"' not in page + home


def test_the_event_is_named_with_its_article(client, show):
    event = Event.objects.create(name="FNAF 2022")
    episode = factories.make_episode(show=show, event=event)
    assert "enregistré lors du FNAF 2022" in client.get(episode.url).content.decode()
    event.article, event.name = "de l’", "Université d’été"
    assert event.recorded_at == "lors de l’Université d’été"


def test_notes_that_only_repeat_the_summary_are_not_shown_twice(client, show):
    episode = factories.make_episode(
        show=show, summary="Un témoignage.", show_notes="<p>Un témoignage.</p>"
    )
    assert "Notes de l'épisode" not in client.get(episode.url).content.decode()


def test_speakers_show_their_photo_or_an_initial(client, tagged_episode):
    photographed = factories.make_person("Anne Delhomme", photo=True)
    tagged_episode.speakers.add(EpisodeSpeaker(person=photographed, role="guest"))
    tagged_episode.save_revision().publish()
    speakers = parsed(client, tagged_episode.url).cssselect(".speakers li")
    avatars = {li[-1].text_content().split(" (")[0].split(",")[0]: li[0] for li in speakers}
    assert avatars["Vincent Bel"].text == "V"
    assert avatars["Anne Delhomme"].tag == "img"
    assert avatars["Anne Delhomme"].get("alt") == ""


def test_new_page_slugs_are_ascii(show):
    episode = factories.make_episode(show=show, title="Économie circulaire : l'été")
    assert episode.slug == "economie-circulaire-lete"


def queries(client, address):
    """Queries of a visit once the artwork renditions exist (the first visit makes them)."""
    client.get(address)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured)


def test_list_pages_make_as_many_queries_with_more_episodes(client, show, theme, association):
    def add_episodes(count):
        for number in range(count):
            factories.make_episode(
                show=show,
                title=f"Épisode {number}",
                artwork=factories.make_image(size=(1400, 1400)),
                themes=[theme],
                associations=[association],
            )

    add_episodes(2)
    addresses = ["/", "/associations/", "/plan-du-site/", theme.get_absolute_url()]
    before = {address: queries(client, address) for address in addresses}
    add_episodes(4)
    after = {address: queries(client, address) for address in addresses}
    assert after == before
