"""The demo episodes as scripts: who says what, chapter by chapter, and how espeak-ng should say
it. build_assets.py turns them into the audio, transcripts, chapters and artwork of assets/."""

SHOW_TITLE = "Radio des Territoires"
SHOW_SUBTITLE = "Témoignages de l'économie sociale et solidaire"
FORUM = "Forum national des associations et des fondations"
HOST, ETIENNE, JACQUES = "Claire Martin", "Etienne Hirschauer", "Jacques Grimont"
VINCENT, CHRISTOPHER, JEAN_MICHEL = "Vincent Bel", "Christopher Charton", "Jean-Michel Ricard"
ANNE, DANIEL = "Anne Delhomme", "Daniel Lafranche"

# espeak-ng voice (French + variant) per speaker; the host is a woman voice.
VOICES = {
    HOST: "fr+f3",
    ETIENNE: "fr+m3",
    JACQUES: "fr+m5",
    VINCENT: "fr+m3",
    CHRISTOPHER: "fr+m7",
    JEAN_MICHEL: "fr+m5",
    ANNE: "fr+f5",
    DANIEL: "fr+m7",
}
# Written form (kept in the transcript) -> form espeak-ng pronounces better.
SPOKEN = {
    "Wimoov": "Ouimouv",
    "Hirschauer": "Irchaouère",
    "DEEE": "dé trois e",
    "e-commerce": "i-commerce",
    "big data": "bigue dèta",
    "marketplace": "marquette plèce",
    "Christopher": "Christophère",
}
THEME_COLOURS = {
    "Économie circulaire": (46, 184, 114),
    "Habitat inclusif": (245, 156, 50),
    "Travail adapté": (98, 146, 240),
}
WELCOME = f"Bienvenue sur Radio des Territoires, au {FORUM}"

# key -> (title, theme, [(chapter title, [(speaker, sentence), ...]), ...])
EPISODES = {
    "ecodair": (
        "Ecodair : le choix vertueux du reconditionné",
        "Économie circulaire",
        [
            (
                "Introduction",
                [
                    (
                        HOST,
                        f"Bonjour et bienvenue sur Radio des Territoires. "
                        "Nous sommes le 13 novembre "
                        f"2024, au {FORUM}, au Palais des Congrès de Paris.",
                    ),
                    (HOST, f"J'accueille {ETIENNE}, président du Groupe Ecodair."),
                ],
            ),
            (
                "Le reconditionnement",
                [
                    (
                        ETIENNE,
                        "Chez Ecodair, nous reconditionnons des ordinateurs portables, "
                        "des PC fixes et des smartphones.",
                    ),
                    (
                        ETIENNE,
                        "Nous collectons et recyclons aussi le matériel informatique, "
                        "dans le cadre "
                        "de la directive européenne sur les déchets d'équipements électriques "
                        "et électroniques, les DEEE.",
                    ),
                ],
            ),
            (
                "L'emploi et l'insertion",
                [
                    (
                        ETIENNE,
                        "Et surtout, nous employons des personnes en situation de handicap "
                        "psychique ou en parcours d'insertion.",
                    ),
                    (HOST, f"Merci {ETIENNE}, et à bientôt sur Radio des Territoires !"),
                ],
            ),
        ],
    ),
    "yoti": (
        "Yoti : la seconde vie des jouets",
        "Économie circulaire",
        [
            (
                "Introduction",
                [
                    (
                        HOST,
                        f"Toujours au {FORUM}, place à l'économie circulaire avec {JACQUES}, "
                        "co-fondateur de Yoti.",
                    )
                ],
            ),
            (
                "La collecte",
                [
                    (
                        JACQUES,
                        "Chez Yoti, nous collectons des jouets auprès de donateurs, mais aussi "
                        "d'écoles, de crèches et d'entreprises.",
                    ),
                    (JACQUES, "Notre idée est simple : offrir une seconde vie à ces jouets."),
                ],
            ),
            (
                "Le reconditionnement et la vente",
                [
                    (
                        JACQUES,
                        "Pour les reconditionner, nous misons sur l'industrialisation, "
                        "l'intelligence artificielle et le big data.",
                    ),
                    (
                        JACQUES,
                        "Ensuite, les jouets sont vendus sur notre site d'e-commerce "
                        "et sur une marketplace.",
                    ),
                    (HOST, f"Merci {JACQUES}, et longue vie aux jouets de Yoti !"),
                ],
            ),
        ],
    ),
    "habitat-inclusif": (
        "Handicap et bien-vieillir : repenser le logement avec l'habitat inclusif",
        "Habitat inclusif",
        [
            (
                "Introduction",
                [
                    (HOST, f"{WELCOME} 2022."),
                    (
                        HOST,
                        "Comment repenser le logement face au handicap et au vieillissement ? "
                        "Trois invités nous parlent d'habitat inclusif.",
                    ),
                ],
            ),
            (
                "Béguinage et colocation",
                [
                    (
                        VINCENT,
                        f"Je suis {VINCENT}, président de Vivre en béguinage. Le béguinage, "
                        "c'est un habitat fondé sur l'accompagnement et le lien social.",
                    ),
                    (
                        CHRISTOPHER,
                        f"Je suis {CHRISTOPHER}, co-fondateur du club des six. Chaque "
                        "colocation réunit six adultes en situation de handicap, dans des "
                        "logements partagés et accompagnés.",
                    ),
                ],
            ),
            (
                "Bouger pour bien vieillir",
                [
                    (
                        JEAN_MICHEL,
                        f"Je suis {JEAN_MICHEL}, président de Siel Bleu. Depuis 1997, nous "
                        "faisons de l'activité physique une offre thérapeutique.",
                    ),
                    (HOST, "Merci à tous les trois, et à bientôt sur Radio des Territoires !"),
                ],
            ),
        ],
    ),
    "wimoov": (
        "Wimoov : la mobilité inclusive pour accéder à l'emploi",
        "Travail adapté",
        [
            (
                "Introduction",
                [
                    (
                        HOST,
                        f"{WELCOME} 2021. Nous recevons {ANNE}, directrice générale déléguée "
                        "de Wimoov.",
                    )
                ],
            ),
            (
                "La mobilité inclusive",
                [
                    (
                        ANNE,
                        "Chez Wimoov, nous agissons pour la mobilité inclusive, pour que chacun "
                        "puisse accéder à l'emploi.",
                    ),
                    (
                        ANNE,
                        "En 2020, nous avons accompagné 14 448 personnes, dans 51 départements.",
                    ),
                ],
            ),
            (
                "Le financement",
                [
                    (ANNE, "En 2018, nous avons signé notre premier contrat d'impact."),
                    (
                        ANNE,
                        "Puis est venu le fonds i, et enfin un investissement direct "
                        "de la Banque des Territoires.",
                    ),
                    (HOST, f"Merci {ANNE}, et bonne route à Wimoov !"),
                ],
            ),
        ],
    ),
    "bretagne-ateliers": (
        "Bretagne Ateliers : l'entreprise adaptée industrielle",
        "Travail adapté",
        [
            (
                "Introduction",
                [
                    (
                        HOST,
                        f"{WELCOME} 2021. Nous parlons de travail adapté avec {DANIEL}, "
                        "directeur général de Bretagne Ateliers.",
                    )
                ],
            ),
            (
                "Une entreprise adaptée industrielle",
                [
                    (
                        DANIEL,
                        "Bretagne Ateliers est une entreprise adaptée industrielle, implantée "
                        "en Ille-et-Vilaine et dans les Côtes d'Armor.",
                    ),
                    (DANIEL, "Nous existons depuis 1975."),
                ],
            ),
            (
                "La dignité par l'emploi",
                [
                    (
                        DANIEL,
                        "Notre mission : permettre à des adultes en situation de handicap "
                        "de retrouver leur dignité grâce à l'emploi.",
                    ),
                    (HOST, f"Merci {DANIEL}, et à bientôt sur Radio des Territoires !"),
                ],
            ),
        ],
    ),
}
