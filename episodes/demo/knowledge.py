"""The demo knowledge pages: the programmes that support associations, and the FNAF 2024."""

KNOWLEDGE_INDEX = {
    "title": "Dispositifs et ressources",
    "slug": "ressources",
    "intro": (
        "<p>Les programmes qui accompagnent et financent les associations et les entreprises de "
        "l'économie sociale et solidaire.</p>"
    ),
}

KNOWLEDGE_PAGES = [
    {
        "title": "Le Dispositif Local d'Accompagnement (DLA)",
        "slug": "dispositif-local-accompagnement",
        "summary": (
            "Créé en 2002, le DLA accompagne chaque année environ 6 000 structures de "
            "l'économie sociale et solidaire."
        ),
        "paragraphs": [
            "Le Dispositif Local d'Accompagnement aide les associations, les structures "
            "d'insertion et les entreprises de l'ESS à consolider leurs activités et leurs "
            "emplois. Il s'appuie sur un réseau d'antennes régionales et départementales et sur "
            "des centres de ressources thématiques.",
        ],
        "figures": [
            ("2002", "année de création"),
            ("6 000", "bénéficiaires environ chaque année"),
            ("6 M€", "sur un budget de 26,5 M€ en 2023"),
            ("17 et 103", "antennes régionales et départementales"),
            ("7", "centres de ressources"),
            ("80 000", "structures accompagnées depuis 2003, dont 95 % d'associations"),
            ("860 000", "emplois concernés"),
        ],
        "episodes": ["wimoov"],
        "website": ("https://www.info-dla.fr/", "Trouver mon DLA"),
    },
    {
        "title": "France Active",
        "slug": "france-active",
        "summary": "Depuis 1988, France Active finance et conseille les entrepreneurs engagés.",
        "paragraphs": [
            "Créé en 1988, le réseau France Active accompagne et finance les entreprises de "
            "l'économie sociale et solidaire et les entrepreneurs qui s'engagent sur leur "
            "territoire. Il conseille aussi les structures de l'ESS dans le cadre du DLA.",
        ],
        "figures": [
            ("42", "associations territoriales"),
            ("750", "salariés"),
            ("2 500", "bénévoles"),
            ("4", "sociétés financières"),
            ("36 000", "entreprises et 485 M€ mobilisés chaque année"),
            ("67 000", "emplois"),
            ("2 600", "structures de l'ESS conseillées dans le cadre du DLA"),
        ],
        "episodes": ["bretagne-ateliers"],
        "website": ("https://www.franceactive.org/", "Trouver France Active près de chez moi"),
    },
    {
        "title": "Les Hubs pour un numérique inclusif",
        "slug": "hubs-numerique-inclusif",
        "summary": (
            "Seize hubs territoriaux fédèrent les acteurs de la médiation numérique et le réseau "
            "des conseillers numériques."
        ),
        "paragraphs": [
            "Les Hubs pour un numérique inclusif structurent, dans chaque territoire, les acteurs "
            "qui accompagnent les publics éloignés du numérique. Depuis 2021, ils animent le "
            "réseau des conseillers numériques et contribuent à la démarche « Numérique en "
            "Commun[s] ».",
        ],
        "figures": [("16", "hubs territoriaux"), ("2021", "réseau des conseillers numériques")],
        "episodes": [],
        "website": ("https://www.societenumerique.gouv.fr/", "Le site de la Société numérique"),
    },
    {
        "title": "Le Forum national des associations et des fondations 2024",
        "slug": "fnaf-2024",
        "summary": (
            "Le 13 novembre 2024, au Palais des Congrès de Paris : une conférence sur la place "
            "des associations dans l'économie circulaire."
        ),
        "paragraphs": [
            "Le FNAF réunit chaque année les dirigeants associatifs et les fondations. L'édition "
            "2024 s'est tenue le 13 novembre au Palais des Congrès de Paris, avec une conférence "
            "sur la place des associations dans l'économie circulaire, où Radio des Territoires a "
            "enregistré les témoignages d'Ecodair et de Yoti.",
        ],
        "figures": [("13 novembre 2024", "Palais des Congrès de Paris")],
        "episodes": ["ecodair", "yoti"],
        "website": ("https://www.forum-asso.fr/", "Le site du Forum"),
    },
]

ACCESSIBILITY_PAGE = {
    "title": "Déclaration d'accessibilité",
    "slug": "accessibilite",
    # (block type, text): headings and paragraphs of the statement, as RGAA 4.1 lays it out.
    "blocks": [
        (
            "paragraph",
            "Radio des Territoires s'engage à rendre son site et ses podcasts accessibles, "
            "conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005. Cette "
            "déclaration d'accessibilité s'applique au site radio-des-territoires.fr.",
        ),
        ("heading", "État de conformité"),
        (
            "paragraph",
            "Le site n'a pas encore fait l'objet d'un audit complet de conformité au référentiel "
            "général d'amélioration de l'accessibilité (RGAA 4.1) : il est donc, à ce jour, "
            "<strong>non conforme</strong> au sens du RGAA.",
        ),
        ("heading", "Résultats des tests"),
        (
            "paragraph",
            "L'auto-évaluation du 1<sup>er</sup> décembre 2026 a vérifié les pages d'accueil, "
            "d'épisode, de thème, d'association, l'annuaire des associations, les pages "
            "ressources, le plan du site et la recherche : aucune erreur relevée par axe-core "
            "(règles WCAG 2.1 niveaux A et AA), sur ordinateur (1366 × 768) comme sur téléphone "
            "(390 × 844), lecteur ouvert ou non ; le lecteur audio se pilote entièrement au "
            "clavier.",
        ),
        ("heading", "Contenus non accessibles"),
        (
            "paragraph",
            "Les épisodes importés d'un autre hébergeur peuvent ne pas avoir de transcription ; "
            "les lecteurs intégrés sur les sites de nos partenaires dépendent de la page qui les "
            "accueille ; les logos et pochettes fournis par les associations n'ont pas tous été "
            "vérifiés (contrastes des textes incrustés). Sans obligation d'accessibilité : les "
            "fichiers audio eux-mêmes, dont la transcription tient lieu d'alternative.",
        ),
        ("heading", "Établissement de cette déclaration"),
        (
            "paragraph",
            "Cette déclaration a été établie le 1<sup>er</sup> décembre 2026. Environnement de "
            "test : Chromium 156 sous Debian 12 avec axe-core, aux tailles 1366 × 768 et "
            "390 × 844, et navigation au clavier seul. Chaque épisode "
            "est accompagné de sa transcription complète, lisible sans JavaScript et "
            "téléchargeable (WebVTT, SRT, JSON).",
        ),
        ("heading", "Retour d'information et contact"),
        (
            "paragraph",
            "Si vous n'arrivez pas à accéder à un contenu ou à un service, écrivez-nous à "
            '<a href="mailto:contact@radio-des-territoires.fr">contact@radio-des-territoires.fr'
            "</a> pour être orienté vers une alternative accessible ou obtenir le contenu sous une "
            "autre forme.",
        ),
        ("heading", "Voies de recours"),
        (
            "paragraph",
            "Si vous nous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à un "
            "contenu ou à un service et que vous n'avez pas obtenu de réponse satisfaisante, vous "
            "pouvez saisir le Défenseur des droits : par le "
            '<a href="https://formulaire.defenseurdesdroits.fr/">formulaire en ligne</a>, '
            "auprès d'un de ses "
            '<a href="https://www.defenseurdesdroits.fr/carte-des-delegues">délégués</a> dans '
            "votre région, ou par courrier gratuit, sans affranchissement : Défenseur des "
            "droits, Libre réponse 71120, 75342 Paris CEDEX 07.",
        ),
    ],
}
