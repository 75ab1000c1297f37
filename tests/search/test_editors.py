"""Editors shape the search: synonym groups, promoted results, the report of searches that found
little."""

import datetime
import re

from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from episodes.models import KnowledgePage
from search.models import SearchGap, SynonymGroup
from tests.search.helpers import episode_slugs, search

SYNONYMS_ADD = "/admin/snippets/search/synonymgroup/add/"
REPORT = "/admin/recherche/sans-resultat/"


def test_an_editor_adds_a_synonym_group_and_visitors_find_with_it(editor_client, demo):
    assert episode_slugs(search(editor_client, q="voiture")) == []
    response = editor_client.post(SYNONYMS_ADD, {"terms": "voiture, mobilité"})
    assert response.status_code == 302
    assert episode_slugs(search(editor_client, q="voiture")) == ["wimoov"]


def test_a_group_of_one_word_is_refused_in_french(editor_client, demo):
    html = editor_client.post(SYNONYMS_ADD, {"terms": "voiture, "}).content.decode()
    assert "Un groupe réunit au moins deux mots ou expressions" in html
    assert not SynonymGroup.objects.filter(terms__startswith="voiture").exists()


def test_a_group_of_stop_words_only_is_refused(editor_client, demo):
    html = editor_client.post(SYNONYMS_ADD, {"terms": "voiture, de la"}).content.decode()
    assert "« de la » ne contient aucun mot que la recherche prend en compte." in html


def test_a_word_already_in_another_group_is_refused_so_groups_cannot_loop(editor_client, demo):
    html = editor_client.post(SYNONYMS_ADD, {"terms": "Senior, retraités"}).content.decode()
    assert "« Senior » figure déjà dans le groupe « seniors, personnes âgées" in html
    assert "renverraient l&#x27;un à l&#x27;autre en boucle" in html
    assert not SynonymGroup.objects.filter(terms__contains="retraités").exists()


def test_the_same_word_twice_in_a_group_is_refused(editor_client, demo):
    html = editor_client.post(SYNONYMS_ADD, {"terms": "vélo, vélos, bicyclette"})
    assert "« vélos » et « vélo » sont le même mot, deux fois dans ce groupe." in (
        html.content.decode()
    )


def test_a_promoted_page_is_shown_first_for_its_query(client, demo):
    page = KnowledgePage.objects.get(slug="france-active")
    query = Query.objects.create(query_string="aide financière")
    SearchPromotion.objects.create(query=query, page=page, description="Pour financer un projet.")
    html = search(client, q="Aide financiere")
    promoted = html.split('id="search-promoted"', 1)[1].split("</section>", 1)[0]
    assert f'href="{page.url}">France Active</a>' in promoted
    assert "Pour financer un projet." in promoted


def test_searches_finding_little_are_counted_with_no_personal_data(client, demo):
    for _ in range(2):
        client.get("/recherche/", {"q": "Zygomatique"}, REMOTE_ADDR="203.0.113.9")
    client.get("/recherche/", {"q": "emploi"})  # finds three episodes: not a gap
    client.get("/recherche/", {"q": "marie.dupont@example.org"})
    client.get("/recherche/", {"q": "06 12 34 56 78"})
    rows = list(SearchGap.objects.values())
    assert rows == [
        {
            "id": rows[0]["id"],
            "query": "zygomatique",
            "day": timezone.localdate(),
            "searches": 2,
            "results": 0,
        }
    ]


def test_searches_are_forgotten_after_ninety_days(client, demo):
    old = timezone.localdate() - datetime.timedelta(days=91)
    SearchGap.objects.create(query="ancienne", day=old, searches=4)
    client.get("/recherche/", {"q": "zygomatique"})
    assert list(SearchGap.objects.values_list("query", flat=True)) == ["zygomatique"]


def test_the_report_lists_the_most_typed_queries_first(editor_client, demo):
    today = timezone.localdate()
    SearchGap.objects.create(query="velo", day=today, searches=3, results=0)
    SearchGap.objects.create(query="velo", day=today - datetime.timedelta(days=1), searches=2)
    SearchGap.objects.create(query="potager", day=today, searches=1, results=1)
    response = editor_client.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index(">velo</a>") < html.index(">potager</a>")
    velo = html.split(">velo</a>", 1)[1].split("</tr>", 1)[0]
    assert re.findall(r"<td >\s*(\d+)\s*</td>", velo) == ["5", "0"]
    assert "pendant 90 jours : rien sur les visiteurs" in html


def test_the_report_is_for_editors_only(client, demo):
    assert client.get(REPORT).status_code == 302
