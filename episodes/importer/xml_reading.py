"""A feed's bytes read as XML: tolerant where podcast apps are, strict where safety needs it.

Tolerant like feedparser (the reference): whitespace or a byte order mark before ``<?xml`` (PHP
and WordPress feeds) is skipped, and prefixes used without their ``xmlns:`` declaration get the
namespace feedparser gives them (``itunes:``, ``podcast:``, ``content:``…; an unknown prefix gets
a namespace of its own, so its elements are simply ignored). Strict: no entity is expanded, no
DTD or file is fetched, and a document declaring entities (XXE, "billion laughs") is refused.
"""

import re

from django.utils.translation import gettext as _
from lxml import etree

ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
# The namespace's URI, and the one early feeds used.
PODCAST_NAMESPACES = (
    "https://podcastindex.org/namespace/1.0",
    "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md",
)
# The prefixes feedparser knows without a declaration, with the namespace it gives each.
COMMON_PREFIXES = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "podcast": PODCAST_NAMESPACES[0],
    "content": "http://purl.org/rss/1.0/modules/content/",
    "atom": "http://www.w3.org/2005/Atom",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "media": "http://search.yahoo.com/mrss/",
    "googleplay": "http://www.google.com/schemas/play-podcasts/1.0",
    "psc": "http://podlove.org/simple-chapters",
    "sy": "http://purl.org/rss/1.0/modules/syndication/",
    "slash": "http://purl.org/rss/1.0/modules/slash/",
    "wfw": "http://wellformedweb.org/CommentAPI/",
    "georss": "http://www.georss.org/georss",
    "creativecommons": "http://backend.userland.com/creativeCommonsRssModule",
}
LEADING_JUNK = b"\xef\xbb\xbf \t\r\n"
USED_PREFIX = re.compile(rb"<[/]?([A-Za-z_][\w.-]*):[A-Za-z_]|\s([A-Za-z_][\w.-]*):[\w.-]+\s*=")
DECLARED_PREFIX = re.compile(rb"xmlns:([A-Za-z_][\w.-]*)\s*=")
ROOT_TAG = re.compile(rb"<rss\b")


class InvalidFeed(Exception):
    """A document that is not a podcast feed we can import; str(error) is the French message."""


def tolerant_bytes(data):
    """The feed's bytes as a strict XML parser takes them: leading junk skipped, and the
    namespaces of undeclared prefixes declared on <rss>."""
    if data[:1] in (b" ", b"\t", b"\r", b"\n") or data.startswith(b"\xef\xbb\xbf"):
        data = data.lstrip(LEADING_JUNK)
    return with_declared_prefixes(data)


def with_declared_prefixes(data):
    """The document with an xmlns: on <rss> for each prefix it uses without declaring it."""
    used = {name for pair in USED_PREFIX.findall(data) for name in pair if name}
    missing = sorted(used - set(DECLARED_PREFIX.findall(data)) - {b"xml", b"xmlns"})
    root = ROOT_TAG.search(data)
    if not missing or root is None:
        return data
    declarations = b"".join(
        b' xmlns:%s="%s"' % (name, namespace_of(name.decode()).encode()) for name in missing
    )
    return data[: root.end()] + declarations + data[root.end() :]


def namespace_of(prefix):
    """The namespace feedparser gives an undeclared prefix; a private one for an unknown one."""
    return COMMON_PREFIXES.get(prefix.lower(), f"urn:x-undeclared-prefix:{prefix}")


def safe_root(data):
    """The root element of the document; InvalidFeed if it is not XML or declares entities."""
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True
    )
    try:
        tree = etree.fromstring(data, parser=parser).getroottree()
    except etree.XMLSyntaxError as error:
        raise InvalidFeed(
            _("Ce document n'est pas un flux RSS : ce n'est pas du XML valide (%(error)s).")
            % {"error": error}
        ) from None
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _entity in dtd.iterentities()):
        raise InvalidFeed(
            _(
                "Ce flux déclare des entités XML (<!ENTITY>) : il est refusé par sécurité, "
                "aucun flux de podcast n'en a besoin."
            )
        )
    return tree.getroot()


def podcast_elements(element, name):
    """The element's podcast:name children, in either of the namespace's URIs."""
    return [child for ns in PODCAST_NAMESPACES for child in element.findall(f"{{{ns}}}{name}")]


def podcast_element(element, name):
    found = podcast_elements(element, name)
    return found[0] if found else None


def podcast_text(element, name):
    found = podcast_element(element, name)
    return (found.text or "").strip() if found is not None else ""


def itunes_text(element, name):
    return (element.findtext(ITUNES + name) or "").strip()


def positive_int(value):
    """A season or episode number; None unless a whole number from 1."""
    value = (value or "").strip()
    return int(value) if value.isdigit() and 0 < int(value) < 2**31 else None
