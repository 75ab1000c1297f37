"""Text kept from files and feeds: what XML and the databases cannot hold is removed; JSON nests
no deeper than a sane bound."""

import json

import pytest

from episodes.formats.text import MAX_JSON_DEPTH, JSONTooDeep, json_depth, one_line, read_json


def test_one_line_removes_what_xml_and_databases_refuse_and_joins_lines():
    assert one_line("Bon\x00jour\x0b,\n  Claire\ud83d \ufffe!") == "Bonjour, Claire !"
    assert one_line("Le réemploi 🚲\tà Tours") == "Le réemploi 🚲 à Tours"
    assert one_line(None) == ""


@pytest.mark.parametrize(
    ("text", "depth"),
    [("1", 0), ("[]", 1), ('{"a": [1, {"b": "c"}]}', 3), ("[[[[]]], []]", 4)],
)
def test_json_depth_counts_nested_lists_and_objects(text, depth):
    assert json_depth(json.loads(text)) == depth


def test_json_at_the_bound_is_read_and_deeper_is_refused():
    at_bound = "[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH
    assert json_depth(read_json(at_bound)) == MAX_JSON_DEPTH
    with pytest.raises(JSONTooDeep):
        read_json("[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1))
    with pytest.raises(JSONTooDeep):
        read_json("[" * 100_000 + "]" * 100_000)  # json alone: RecursionError


def test_what_is_not_json_is_still_a_decode_error():
    with pytest.raises(json.JSONDecodeError):
        read_json("<html>")
