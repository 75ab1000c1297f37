"""The search page read as visitors see it: the results' episodes, in order."""

import re


def search(client, **params):
    response = client.get("/recherche/", params)
    assert response.status_code == 200
    return response.content.decode()


def section(html, section_id):
    """The part of a results page from a section's heading to the next section."""
    if f'id="{section_id}"' not in html:
        return ""
    return html.split(f'id="{section_id}"', 1)[1].split("<section", 1)[0]


def episode_slugs(html):
    """The slugs of the episodes having every word of the query, in order."""
    return re.findall(r'<h3><a href="/[^"]*/([^/"]+)/">', section(html, "search-episodes"))


def partial_slugs(html):
    """The slugs of the episodes listed as « Résultats contenant une partie des mots »."""
    return re.findall(r'<h3><a href="/[^"]*/([^/"]+)/">', section(html, "search-partial"))
