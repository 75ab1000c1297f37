"""Every page's header has the search box: named, labelled, and leading to the results."""

import pytest
from lxml import html as lxml_html

from episodes.models import EpisodePage, KnowledgePage, PodcastPage
from tests.search.helpers import episode_slugs


def addresses():
    """One page of each kind of the demo site (the 404 included), with its status."""
    return {
        "home": ("/", 200),
        "episode": (EpisodePage.objects.live().first().url, 200),
        "show": (PodcastPage.objects.get().url, 200),
        "association": ("/associations/wimoov/", 200),
        "theme": ("/themes/habitat-inclusif/", 200),
        "knowledge page": (KnowledgePage.objects.live().first().url, 200),
        "search": ("/recherche/?q=emploi", 200),
        "not found": ("/cette-page-n-existe-pas/", 404),
    }


def header_search(client, address, status):
    response = client.get(address)
    assert response.status_code == status, address
    document = lxml_html.fromstring(response.content.decode())
    forms = document.cssselect("header form[role='search']")
    assert len(forms) == 1, address
    return document, forms[0]


@pytest.mark.parametrize(
    "kind",
    ["home", "episode", "show", "association", "theme", "knowledge page", "search", "not found"],
)
def test_every_kind_of_page_has_a_labelled_search_box_in_its_header(client, demo, kind):
    document, form = header_search(client, *addresses()[kind])
    assert form.get("action") == "/recherche/" and form.get("method") == "get"
    assert form.get("aria-label") == "Rechercher sur le site"
    (box,) = form.cssselect("input[type='search'][name='q']")
    (label,) = document.cssselect(f"label[for='{box.get('id')}']")
    assert label.text_content() == "Rechercher sur le site"
    assert form.cssselect("button[type='submit']")[0].text_content() == "Lancer la recherche"


def test_the_header_search_box_is_named_apart_from_the_search_pages_own(client, demo):
    document, _ = header_search(client, "/recherche/", 200)
    names = [form.get("aria-label") for form in document.cssselect("form[role='search']")]
    assert len(names) == 2 and len(set(names)) == 2


def test_a_word_sent_from_the_header_finds_the_testimony(client, demo):
    _, form = header_search(client, "/associations/wimoov/", 200)
    response = client.get(form.get("action"), {"q": "béguinage"})
    assert episode_slugs(response.content.decode()) == ["habitat-inclusif"]
