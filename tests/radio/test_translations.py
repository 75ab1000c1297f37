"""Our French for Wagtail's unfinished strings (radio/locale/fr) wins over Wagtail's, and the
compiled catalogue the site loads says what its source says (no manual step forgotten)."""

import gettext

from babel.messages.pofile import read_po
from django.conf import settings
from django.utils import translation

CATALOGUE = settings.LOCALE_PATHS[0] / "fr" / "LC_MESSAGES"
COMPILE = ".venv/bin/pybabel compile -d radio/locale -D django"


def source_messages():
    """{msgid: msgstr} of django.po, plural forms keyed by (msgid, index) as gettext does."""
    with (CATALOGUE / "django.po").open("rb") as source:
        catalogue = read_po(source)
    messages = {}
    for message in catalogue:
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, tuple):
            messages.update({(message.id[0], i): s for i, s in enumerate(message.string)})
        else:
            messages[message.id] = message.string
    return messages


def test_the_compiled_catalogue_says_what_its_source_says():
    with (CATALOGUE / "django.mo").open("rb") as compiled:
        loaded = gettext.GNUTranslations(compiled)._catalog
    loaded = {key: value for key, value in loaded.items() if key != ""}
    assert loaded == source_messages(), f"django.mo est périmé : lancez « {COMPILE} »"


def test_our_french_wins_over_wagtails():
    with translation.override("fr"):
        assert translation.gettext("Current page status:") == "Statut actuel de la page :"
        assert translation.gettext("Workflows") == "Circuits de validation"
        assert translation.gettext("Are you sure you want to delete this page?") == (
            "Voulez-vous vraiment supprimer cette page ?"
        )
