"""Text as the radio keeps it, whatever file or feed it came from: without the characters XML
cannot carry (NUL and other controls, which PostgreSQL also refuses, lone surrogates, which no
database can encode), on one line where a line is wanted; JSON documents of a sane depth."""

import json
import re

# XML 1.0 forbids these characters; lxml refuses a whole document if one slips in (pasted from
# Word), PostgreSQL refuses NUL in text, and UTF-8 cannot encode a lone surrogate (JSON's \ud83d).
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Chapters and transcripts are three levels deep; a deeper document is a mistake or an attack.
MAX_JSON_DEPTH = 32


class JSONTooDeep(ValueError):
    """A JSON document nested deeper than MAX_JSON_DEPTH."""


def xml_safe(text):
    """Text without the characters XML cannot carry."""
    return XML_FORBIDDEN.sub("", text or "")


def one_line(text):
    """The text, XML-safe, with its runs of whitespace, line breaks included, made single spaces."""
    return " ".join(xml_safe(text).split())


def read_json(text):
    """The document a JSON text holds; json.JSONDecodeError when it is not JSON, JSONTooDeep
    when it nests deeper than MAX_JSON_DEPTH (json itself would exhaust Python's recursion)."""
    try:
        document = json.loads(text)
    except RecursionError:
        raise JSONTooDeep from None
    if json_depth(document) > MAX_JSON_DEPTH:
        raise JSONTooDeep
    return document


def json_depth(document):
    """How deep the lists and objects of a JSON document nest (a scalar is 0), walked without
    recursion and no further than one level past MAX_JSON_DEPTH."""
    deepest, stack = 0, [(document, 1)]
    while stack:
        value, depth = stack.pop()
        children = value.values() if isinstance(value, dict) else value
        if not isinstance(value, dict | list):
            continue
        deepest = max(deepest, depth)
        if depth <= MAX_JSON_DEPTH:
            stack.extend((child, depth + 1) for child in children)
    return deepest
