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
        "episode": "wimoov",
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
        "episode": "bretagne-ateliers",
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
        "episode": None,
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
        "episode": "ecodair",
    },
]

ACCESSIBILITY_PAGE = {
    "title": "Déclaration d'accessibilité",
    "slug": "accessibilite",
    "paragraphs": [
        "Radio des Territoires s'engage à rendre son site et ses podcasts accessibles, "
        "conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005.",
        "État de conformité : le site n'a pas encore fait l'objet d'un audit de conformité au "
        "référentiel général d'amélioration de l'accessibilité (RGAA 4.1). Il est donc, à ce "
        "jour, non conforme au sens du RGAA. Les pages principales (accueil, épisodes, thèmes, "
        "associations, ressources et recherche) sont vérifiées automatiquement avec axe-core à "
        "chaque modification, et le lecteur audio se pilote entièrement au clavier.",
        "Chaque épisode est accompagné de sa transcription complète, lisible sans JavaScript et "
        "téléchargeable (WebVTT, SRT, JSON).",
        "Retour d'information : si vous n'arrivez pas à accéder à un contenu ou à un service, "
        "écrivez-nous à contact@radio-des-territoires.fr pour être orienté vers une alternative "
        "accessible ou obtenir le contenu sous une autre forme.",
        "Voies de recours : si vous constatez un défaut d'accessibilité qui vous empêche "
        "d'accéder à un contenu et que vous n'avez pas obtenu de réponse satisfaisante, vous "
        "pouvez saisir le Défenseur des droits.",
    ],
}
