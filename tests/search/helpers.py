"""The search page read as visitors see it: the results' episodes, in order."""

import re


def search(client, **params):
    response = client.get("/recherche/", params)
    assert response.status_code == 200
    return response.content.decode()


def episode_slugs(html):
    """The slugs of the episodes listed in a results page, in order."""
    section = html.split('id="search-episodes"', 1)[-1] if "search-episodes" in html else ""
    return re.findall(r'<h3><a href="/[^"]*/([^/"]+)/">', section)
