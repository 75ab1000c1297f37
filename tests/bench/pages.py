"""SQL queries of the public pages, and the speed of the search page, for the benchmark."""

import re
import statistics
import time

# Query string: what the seeded corpus makes it find (see seed.PLACED), as a share of the episodes.
SEARCHES = {
    "q=beguinage": "few",  # accent folded; rare word
    "q=logements": "many",  # plural: logement or logements
    "q=colocations": "some",
    "q=mobilit%C3%A9": "some",
    "q=emploi": "most",
    "q=handicap": "some",
    "q=accompagnement": "many",  # PostgreSQL stems it: accompagner…
    "q=%C3%A9conomie+circulaire": "some",  # both words
    "q=num%C3%A9rique": "some",
    "q=territoires": "many",
    "q=sant%C3%A9": "many",
    "q=association+emploi": "many",
    "q=recyclerie": "few",
    "q=zygomatique": "none",
    "q=handicap%C3%A9s": "some",  # French stem: handicap
    "q=beguinnage": "few",  # typo corrected: béguinage
    "q=colocatoin": "some",  # letters swapped: colocation
    "q=wimov": "any",  # an association's name, corrected
    "q=seniors": "any",  # the seeded synonym group: personnes âgées, vieillissement
    "q=personnes+%C3%A2g%C3%A9es": "any",
    "q=insertion+zygomatique": "none",  # one word found, one not: partial matches only
    "q=directive+europ%C3%A9enne": "any",  # words said in transcripts only
    "q=Christopher+Charton": "any",  # a speaker's name
    "q=club+des+six": "any",  # an association's name, stop word inside
    "theme=habitat-inclusif": "third",  # facet alone: browse by theme
    "theme=habitat-inclusif&q=logement": "some",
    "association=wimoov&q=emploi": "some",
    "region=Bretagne": "half",
    "q=emploi&page=3": "most",
    "": "all",
}
# Bounds of each expectation, as a share of the seeded episodes.
SHARES = {
    "none": (0, 0),
    "few": (0.001, 0.05),
    "some": (0.01, 0.5),
    "third": (0.33, 0.34),
    "half": (0.5, 0.5),
    "many": (0.3, 0.99),
    "most": (0.5, 0.99),
    "all": (1, 1),
    "any": (0, 1),
}
COUNT = re.compile(r"(\d+) épisodes?")


def page_paths():
    """One public page of each kind."""
    from episodes.models import EpisodePage, PodcastPage

    return {
        "home": "/",
        "show": PodcastPage.objects.get().url,
        "episode": EpisodePage.objects.live().first().url,
        "theme": "/themes/habitat-inclusif/",
        "association": "/associations/wimoov/",
        "directory": "/associations/",
        "site map": "/plan-du-site/",
        "search": "/recherche/?q=logement&theme=habitat-inclusif",
    }


def count_queries(client, path, https):
    """How many SQL queries one request of the page makes (after a warm-up request)."""
    from django.db import connection

    client.get(path, **https)
    queries = []
    with connection.execute_wrapper(lambda run, sql, *args: queries.append(sql) or run(sql, *args)):
        response = client.get(path, **https)
    assert response.status_code == 200, (path, response.status_code)
    return len(queries)


def page_queries(client, https):
    return {name: count_queries(client, path, https) for name, path in page_paths().items()}


def found(html):
    """(episodes found, transcript passages shown) as the results page tells the visitor."""
    status = html.split('class="search-status"', 1)[1].split("</div>", 1)[0]
    counts = COUNT.findall(status)
    return int(counts[0]) if counts else 0, html.count('aria-label="Écouter à partir de')


def check(params, hits, size):
    """Fail loudly when a search does not find what the seeded corpus holds: timings of a broken
    search would mean nothing."""
    low, high = SHARES[SEARCHES[params]]
    assert low * size <= hits <= high * size + 1, f"{params!r} found {hits} of {size} episodes"


def search_medians(client, https, size, runs=5):
    """{query: (median ms, slowest ms, episodes found, passages shown, SQL queries)}, through
    the whole Django stack."""
    rows = {}
    for params in SEARCHES:
        response = client.get("/recherche/?" + params, **https)
        assert response.status_code == 200
        hits, passages = found(response.content.decode())
        check(params, hits, size)
        timings = []
        for _ in range(runs):
            start = time.perf_counter()
            response = client.get("/recherche/?" + params, **https)
            timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
        queries = count_queries(client, "/recherche/?" + params, https)
        rows[params or "(empty)"] = (
            statistics.median(timings),
            max(timings),
            hits,
            passages,
            queries,
        )
    return rows
