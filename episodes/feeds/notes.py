"""Episode notes as feeds carry them: Apple's allowed HTML (p, ol, ul, li, a[href]), in bytes."""

import html
import re
from functools import lru_cache

import nh3

from episodes.formats.text import xml_safe
from episodes.standards.apple import MAX_DESCRIPTION_BYTES

APPLE_TAGS = {"p", "ol", "ul", "li", "a"}
APPLE_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@lru_cache(maxsize=8)
def apple_cleaner(base_url):
    """An nh3 (ammonia) sanitiser keeping Apple's tags, resolving relative links on base_url."""
    return nh3.Cleaner(
        tags=APPLE_TAGS,
        attributes=APPLE_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        url_relative=("rewrite_with_base", base_url),
        link_rel=None,
        strip_comments=True,
    )


def apple_html(rich_text, base_url):
    """Rich text reduced to Apple's allowed HTML, its links made absolute against base_url."""
    return apple_cleaner(base_url).clean(xml_safe(rich_text)).strip()


def text_html(text):
    """Plain text as HTML paragraphs, one per blank-line-separated block."""
    blocks = (block.strip() for block in PARAGRAPH_BREAK.split(xml_safe(text)))
    return "".join(f"<p>{html.escape(block, quote=False)}</p>" for block in blocks if block)


def byte_size(text):
    """The size of text in UTF-8 bytes, as Apple counts it."""
    return len(text.encode("utf-8"))


def cut_to_bytes(text, limit):
    """The longest start of text that fits in limit UTF-8 bytes, never splitting a character."""
    return text.encode("utf-8")[: max(limit, 0)].decode("utf-8", "ignore")


def fitting_text_html(text, limit=MAX_DESCRIPTION_BYTES):
    """text_html() cut so that the HTML fits in limit bytes."""
    budget = limit
    while True:
        result = text_html(cut_to_bytes(text, budget))
        excess = byte_size(result) - limit
        if excess <= 0:
            return result
        budget -= excess


def item_texts(notes_html, summary, base_url):
    """(description, content:encoded): the notes when they fit in 4000 bytes, else the summary."""
    content = apple_html(notes_html, base_url) if notes_html else ""
    if not content:
        content = text_html(summary)
    if byte_size(content) <= MAX_DESCRIPTION_BYTES:
        return content, content
    return fitting_text_html(summary), content
