"""The index's vocabulary: filled by publishing, rebuilt by a command, read for corrections."""

from io import StringIO

from django.core.management import call_command

from episodes.models import TranscriptSegment
from search.models import IndexedWord
from search.understanding.corrections import correct
from search.understanding.vocabulary import Word, count_words
from tests import factories
from tests.search.helpers import episode_slugs, search


def cue(body):
    return TranscriptSegment(start_time=1, end_time=2, body=body)


def test_publishing_an_episode_makes_its_spoken_words_correctable(client, show):
    factories.make_episode(
        show=show, title="Le jardin", slug="jardin", transcript_segments=[cue("Une permaculture")]
    )
    html = search(client, q="permaculure")
    assert "Résultats pour <strong>permaculture</strong> (au lieu de permaculure)" in html
    assert episode_slugs(html) == ["jardin"]


def test_a_word_published_again_is_counted_again_and_keeps_its_accented_spelling(client, show):
    factories.make_episode(show=show, title="Beguinage rural", slug="rural")
    factories.make_episode(show=show, title="Le béguinage des Lilas", slug="lilas")
    word = IndexedWord.objects.get(folded="beguinage")
    assert (word.documents, word.spelling) == (2, "béguinage")
    html = search(client, q="beguinnage")
    assert "Résultats pour <strong>béguinage</strong> (au lieu de beguinnage)" in html


def test_an_unpublished_draft_adds_no_word(show):
    factories.make_episode(show=show, title="Brouillon", live=False, transcript_segments=[])
    assert not IndexedWord.objects.filter(folded="brouillon").exists()


def test_rebuilding_drops_the_words_of_removed_content(show):
    episode = factories.make_episode(show=show, title="Apiculture urbaine", slug="api")
    assert IndexedWord.objects.filter(folded="apiculture").exists()
    episode.delete()
    output = StringIO()
    call_command("update_search_vocabulary", stdout=output)
    assert not IndexedWord.objects.filter(folded="apiculture").exists()
    assert "Vocabulaire de la recherche :" in output.getvalue()


def test_the_spelling_shown_keeps_accents_and_lower_case():
    documents, spelling = count_words(["BEGUINAGE et Béguinage", "le béguinage"])
    assert spelling["beguinage"] == "béguinage" and documents["beguinage"] == 2


def test_a_close_word_said_much_more_often_is_a_sure_correction():
    words = {7: [Word("logement", "logement", "log", 50), Word("lotement", "lotement", "lot", 1)]}
    words[8] = words.pop(7)
    assert correct("logemnet", words).sure and correct("logemnet", words).word.folded == "logement"


def test_two_equally_close_and_common_words_only_give_a_suggestion():
    words = {6: [Word("valise", "valise", "valis", 3), Word("valide", "valide", "valid", 3)]}
    assert not correct("valice", words).sure


def test_short_words_and_numbers_are_never_corrected():
    words = {3: [Word("dla", "DLA", "dla", 4)], 4: [Word("2024", "2024", "2024", 2)]}
    assert correct("dle", words) is None and correct("2025", words) is None
