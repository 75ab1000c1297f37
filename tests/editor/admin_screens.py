"""The admin screens editors and moderators use, and what on them is not French: Wagtail's English
strings left untranslated, and « (e) »-style placeholders left in its French."""

import re

import lxml.html

# Words of Wagtail's English that French never uses, whole words, any case.
ENGLISH_WORDS = (
    "ago|status|workflow|workflows|edit|save|draft|publish|published|unpublish|cancel|delete|"
    "search|settings|submit|approve|approved|reject|comments|history|preview|unlock|locked|owner|"
    "author|created|updated|sort|filter|filters|more|help|account|dashboard|snippets|reports|"
    "users|groups|choose|select|yes|none|unknown|the|and|with|you|your|this|has|been|was|are|"
    "by|for|from|will|not|editors|moderators|view|live|page's|pages'|scheduled|changes|items?"
)
ENGLISH = re.compile(rf"\b({ENGLISH_WORDS})\b", re.IGNORECASE)
# « sûr(e) », « un(e) », « Ce(tte) », « créé(e)s », « le/la »: French written for any gender.
PLACEHOLDER = re.compile(r"\w\((e|s|es|ne|tte|le)\)|\b(le/la|un/une|il/elle)\b", re.IGNORECASE)
# A counter Wagtail fills in with JavaScript, hidden until then.
HIDDEN = "//script | //style | //*[@data-side-panel-toggle-counter]"


def visible_text(html):
    """What a person reads on the page: the body's text (hidden tabs and
    dialogs included: a click shows them) without scripts and styles."""
    document = lxml.html.document_fromstring(html)
    for element in document.xpath(HIDDEN):
        element.drop_tree()
    body = document.body
    texts = [body.text_content()]
    texts += body.xpath("//@placeholder | //@aria-label | //@title")
    return " ".join(" ".join(texts).split())


def untranslated(html):
    """The English words and the placeholders a person reads on this page, with their context."""
    text = visible_text(html)
    found = []
    for pattern in (ENGLISH, PLACEHOLDER):
        for match in pattern.finditer(text):
            start, end = max(match.start() - 40, 0), match.end() + 40
            found.append(f"{match.group(0)!r} in « {text[start:end]} »")
    return found
