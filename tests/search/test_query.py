"""The query's French folding and the transcript highlights, as pure functions."""

from search.passages import excerpt_bounds, highlight, matched_spans, said_pattern
from search.query import (
    MAX_QUERY_LENGTH,
    MAX_TERMS,
    clean_query,
    query_terms,
    spellings,
    word_key,
)


def test_word_key_ignores_accents_case_and_plurals():
    assert word_key("Béguinages") == word_key("beguinage")
    assert word_key("LOGEMENTS") == word_key("logement")
    assert word_key("journaux") == word_key("journal")
    assert word_key("bureaux") == word_key("bureau")


def test_spellings_include_the_singular_and_the_plural():
    assert {"logement", "logements"} <= set(spellings("logements"))
    assert {"colocation", "colocations"} <= set(spellings("colocation"))
    assert "journaux" in spellings("journal")


def test_query_terms_leave_out_french_stop_words_and_repeats():
    assert query_terms("le logement et les logements de l'habitat") == ["logement", "habitat"]


def test_query_terms_keep_only_words_so_operators_are_plain_text():
    terms = query_terms('"a" OR b -c * NEAR( ) \'; DROP TABLE x; --')
    assert terms == ["OR", "NEAR", "DROP", "TABLE"]


def test_query_terms_are_bounded():
    assert len(query_terms(" ".join(f"mot{number}" for number in range(50)))) == MAX_TERMS


def test_clean_query_drops_control_characters_and_truncates():
    assert clean_query("a\x00b\tc\u200bd") == "a b c d"
    assert len(clean_query("x" * 10_000)) == MAX_QUERY_LENGTH


def test_highlight_escapes_the_text_and_marks_the_words():
    text = "Le <b>béguinage</b> & les béguinages"
    spans, _ = matched_spans(text, {word_key("beguinage")})
    html = highlight(text, spans)
    assert html == (
        "Le &lt;b&gt;<mark>béguinage</mark>&lt;/b&gt; &amp; les <mark>béguinages</mark>"
    )


def test_long_passages_are_cut_around_the_first_match():
    text = "avant " * 100 + "béguinage" + " après" * 100
    spans, _ = matched_spans(text, {word_key("beguinage")})
    start, end = excerpt_bounds(text, spans[0])
    assert start > 0 and end < len(text) and start < spans[0][0] < spans[0][1] <= end
    assert highlight(text, spans).startswith("…") and "<mark>béguinage</mark>" in highlight(
        text, spans
    )


def test_cues_saying_a_word_in_capitals_or_accented_are_kept_for_the_passages():
    said = said_pattern(frozenset({word_key("economie"), word_key("journal")}))
    assert said.search("L'ÉCONOMIE circulaire")
    assert said.search("les journaux du territoire")
    assert said.search("Économies")
    assert not said.search("économiesque journalisme")
