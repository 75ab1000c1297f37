"""What editors see of the search: the synonyms snippet and the report of searches that found
little (Wagtail's promoted search results are under Paramètres)."""
