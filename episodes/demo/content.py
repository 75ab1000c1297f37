"""The demo content, as data: the show, its testimonies and the knowledge pages.

Facts come from the Banque des Territoires page on the associations' testimonies; the audio,
transcripts and chapters beside this file were made from the same text by build_assets.py.
"""

import datetime

SHOW = {
    "title": "Radio des Territoires",
    "slug": "radio-des-territoires",
    "description": (
        "Radio des Territoires donne la parole aux associations et aux entreprises de l'économie "
        "sociale et solidaire : économie circulaire, habitat inclusif, travail adapté. Des "
        "témoignages enregistrés au Forum national des associations et des fondations."
    ),
    "author": "Radio des Territoires",
    "owner_name": "Radio des Territoires",
    "owner_email": "contact@radio-des-territoires.fr",
    "copyright": "© Radio des Territoires",
    "itunes_category": "Society & Culture",
    "itunes_subcategory": "Documentary",
}

HOST = {"name": "Claire Martin", "title": "animatrice de Radio des Territoires"}

THEMES = {
    "economie-circulaire": (
        "Économie circulaire",
        "Réemploi, reconditionnement et recyclage : donner une seconde vie aux objets.",
    ),
    "habitat-inclusif": (
        "Habitat inclusif",
        "Des logements partagés et accompagnés pour les personnes âgées ou en situation de "
        "handicap.",
    ),
    "travail-adapte": (
        "Travail adapté",
        "L'emploi comme chemin d'autonomie et de dignité pour toutes et tous.",
    ),
}

# name -> (date, place, latitude, longitude)
EVENTS = {
    "FNAF 2024": (datetime.date(2024, 11, 13), "Palais des Congrès de Paris", 48.8785, 2.2831),
    "FNAF 2022": (None, "", None, None),
    "FNAF 2021": (None, "", None, None),
}

ASSOCIATIONS = {
    "groupe-ecodair": {
        "name": "Groupe Ecodair",
        "website": "https://www.ecodair.org/",
        "region": "Île-de-France",
        "commune": "Paris",
        "description": (
            "Reconditionnement d'ordinateurs portables, de PC fixes et de smartphones ; collecte "
            "et recyclage de matériel informatique. Ecodair emploie des personnes handicapées "
            "psychiques ou en insertion."
        ),
        "themes": ["economie-circulaire"],
    },
    "yoti": {
        "name": "Yoti",
        "description": (
            "Collecte de jouets auprès de donateurs, d'écoles, de crèches et d'entreprises ; "
            "reconditionnement grâce à l'industrialisation, l'intelligence artificielle et le big "
            "data ; vente sur un site d'e-commerce et une marketplace."
        ),
        "themes": ["economie-circulaire"],
    },
    "vivre-en-beguinage": {
        "name": "Vivre en béguinage",
        "description": "Un habitat fondé sur l'accompagnement et le lien social.",
        "themes": ["habitat-inclusif"],
    },
    "le-club-des-six": {
        "name": "Le club des six",
        "description": (
            "Des colocations de six adultes en situation de handicap, dans des logements "
            "partagés et accompagnés."
        ),
        "themes": ["habitat-inclusif"],
    },
    "siel-bleu": {
        "name": "Siel Bleu",
        "website": "https://www.sielbleu.org/",
        "region": "Grand Est",
        "commune": "Strasbourg",
        "description": "L'activité physique comme offre thérapeutique, depuis 1997.",
        "themes": ["habitat-inclusif"],
    },
    "wimoov": {
        "name": "Wimoov",
        "website": "https://www.wimoov.org/",
        "commune": "Paris",
        "description": (
            "La mobilité inclusive : accompagner vers l'emploi les personnes qui ne peuvent pas "
            "se déplacer."
        ),
        "region": "France entière",
        "department": "51 départements",
        "themes": ["travail-adapte"],
        "key_figures": [
            ("14 448", "personnes accompagnées en 2020"),
            ("51", "départements"),
        ],
    },
    "bretagne-ateliers": {
        "name": "Bretagne Ateliers",
        "website": "https://www.bretagne-ateliers.com/",
        "description": (
            "Entreprise adaptée industrielle, depuis 1975 : permettre à des adultes en situation "
            "de handicap de retrouver leur dignité grâce à l'emploi."
        ),
        "region": "Bretagne",
        "department": "Ille-et-Vilaine, Côtes d'Armor",
        "themes": ["travail-adapte"],
        "key_figures": [("1975", "année de création")],
    },
}

# Synonym groups of the search (the « Synonymes » snippet): each entry finds the others.
SYNONYMS = [
    "seniors, personnes âgées, aînés, bien-vieillir",
    "occasion, seconde main, seconde vie, reconditionné",
]

# Guests: name -> (title, association slug).
PEOPLE = {
    "Etienne Hirschauer": ("président", "groupe-ecodair"),
    "Jacques Grimont": ("co-fondateur", "yoti"),
    "Vincent Bel": ("président", "vivre-en-beguinage"),
    "Christopher Charton": ("co-fondateur", "le-club-des-six"),
    "Jean-Michel Ricard": ("président", "siel-bleu"),
    "Anne Delhomme": ("directrice générale déléguée", "wimoov"),
    "Daniel Lafranche": ("directeur général", "bretagne-ateliers"),
}

# Each episode's audio, transcript, chapters and artwork are assets/<key>.*
EPISODES = [
    {
        "key": "bretagne-ateliers",
        "title": "Bretagne Ateliers : l'entreprise adaptée industrielle",
        "summary": (
            "Daniel Lafranche, directeur général de Bretagne Ateliers, présente cette entreprise "
            "adaptée industrielle d'Ille-et-Vilaine et des Côtes d'Armor, qui depuis 1975 permet à "
            "des adultes en situation de handicap de retrouver leur dignité grâce à l'emploi."
        ),
        "theme": "travail-adapte",
        "event": "FNAF 2021",
        "guests": ["Daniel Lafranche"],
        "published": datetime.datetime(2021, 12, 1, 9, 0, tzinfo=datetime.UTC),
    },
    {
        "key": "wimoov",
        "title": "Wimoov : la mobilité inclusive pour accéder à l'emploi",
        "summary": (
            "Anne Delhomme, directrice générale déléguée de Wimoov, raconte la mobilité "
            "inclusive : 14 448 personnes accompagnées en 2020 dans 51 départements, un premier "
            "contrat d'impact en 2018, puis le fonds i, puis l'investissement direct de la "
            "Banque des Territoires."
        ),
        "theme": "travail-adapte",
        "event": "FNAF 2021",
        "guests": ["Anne Delhomme"],
        "published": datetime.datetime(2021, 12, 8, 9, 0, tzinfo=datetime.UTC),
    },
    {
        "key": "habitat-inclusif",
        "title": "Handicap et bien-vieillir : repenser le logement avec l'habitat inclusif",
        "summary": (
            "Vincent Bel (Vivre en béguinage), Christopher Charton (Le club des six) et "
            "Jean-Michel Ricard (Siel Bleu) croisent leurs regards sur l'habitat inclusif : "
            "accompagnement et lien social, colocations de six adultes en situation de handicap, "
            "activité physique thérapeutique."
        ),
        "theme": "habitat-inclusif",
        "event": "FNAF 2022",
        "guests": ["Vincent Bel", "Christopher Charton", "Jean-Michel Ricard"],
        "published": datetime.datetime(2022, 12, 1, 9, 0, tzinfo=datetime.UTC),
    },
    {
        "key": "yoti",
        "title": "Yoti : la seconde vie des jouets",
        "summary": (
            "Jacques Grimont, co-fondateur de Yoti, explique comment les jouets collectés auprès "
            "de donateurs, d'écoles, de crèches et d'entreprises sont reconditionnés grâce à "
            "l'industrialisation, l'intelligence artificielle et le big data, puis revendus en "
            "ligne."
        ),
        "theme": "economie-circulaire",
        "event": "FNAF 2024",
        "guests": ["Jacques Grimont"],
        "published": datetime.datetime(2024, 11, 20, 9, 0, tzinfo=datetime.UTC),
    },
    {
        "key": "ecodair",
        "title": "Ecodair : le choix vertueux du reconditionné",
        "summary": (
            "Etienne Hirschauer, président du Groupe Ecodair, présente le reconditionnement "
            "d'ordinateurs portables, de PC fixes et de smartphones, la collecte et le recyclage "
            "du matériel informatique, et l'emploi de personnes handicapées psychiques ou en "
            "insertion."
        ),
        "theme": "economie-circulaire",
        "event": "FNAF 2024",
        "guests": ["Etienne Hirschauer"],
        "published": datetime.datetime(2024, 11, 27, 9, 0, tzinfo=datetime.UTC),
    },
]
