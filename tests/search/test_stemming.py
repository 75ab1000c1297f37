"""French Snowball stems: the same words grouped on SQLite (PyStemmer) and PostgreSQL."""

import pytest
from django.db import connection

from search.understanding.stemming import stem

# Words visitors type and the content says, with their accents; stop words left out.
WORD_LIST = """handicap handicapé handicapés handicapée reconditionné reconditionnement
reconditionnés béguinage béguinages logement logements colocation colocations mobilité
mobilités emploi emplois employé accompagnement accompagner accompagnés âgées âgé aînés
seniors professionnelle professionnel insertion jouets jouet occasion thérapeutique
industrialisation industrialiser inclusive inclusif collecter collectons collecte vieillissement
économie circulaire numérique entreprises adaptée territoires santé dignité ordinateurs
smartphones déchets électroniques européenne crèches""".split()


def test_handicap_words_share_one_stem():
    assert stem("handicapé") == stem("handicapés") == stem("Handicap") == "handicap"


def test_reconditionne_and_reconditionnement_share_one_stem():
    assert stem("reconditionné") == stem("reconditionnement")


def test_stems_ignore_accents_and_case():
    assert stem("BÉGUINAGE") == stem("beguinage")


@pytest.mark.django_db
def test_postgresql_stems_every_word_as_pystemmer_does():
    if connection.vendor != "postgresql":
        pytest.skip("compares with PostgreSQL's french_unaccent configuration")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word, array_to_string(tsvector_to_array(to_tsvector('french_unaccent', word)),"
            " ' ') FROM unnest(%s::text[]) AS word",
            [WORD_LIST],
        )
        postgres = dict(cursor.fetchall())
    assert {word: stem(word) for word in WORD_LIST} == postgres
