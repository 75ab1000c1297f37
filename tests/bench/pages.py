"""SQL queries of the public pages, and the speed of the search page, for the benchmark."""

import statistics
import time

SEARCHES = [
    "q=beguinage",
    "q=logements",
    "q=colocations",
    "q=mobilit%C3%A9",
    "q=emploi",
    "q=handicap",
    "q=accompagnement",
    "q=%C3%A9conomie+circulaire",
    "q=num%C3%A9rique",
    "q=territoires",
    "q=sant%C3%A9",
    "q=association+emploi",
    "q=recyclerie",
    "q=zygomatique",
    "theme=habitat-inclusif",
    "theme=habitat-inclusif&q=logement",
    "association=wimoov&q=emploi",
    "region=Bretagne",
    "q=emploi&page=3",
    "",
]


def page_paths():
    """One public page of each kind."""
    from episodes.models import EpisodePage, PodcastPage

    return {
        "home": "/",
        "show": PodcastPage.objects.get().url,
        "episode": EpisodePage.objects.live().first().url,
        "theme": "/themes/habitat-inclusif/",
        "association": "/associations/wimoov/",
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


def search_medians(client, https, runs=5):
    """Median milliseconds of each search request, through the whole Django stack."""
    medians = {}
    for params in SEARCHES:
        client.get("/recherche/?" + params, **https)
        timings = []
        for _ in range(runs):
            start = time.perf_counter()
            response = client.get("/recherche/?" + params, **https)
            timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
        medians[params or "(empty)"] = statistics.median(timings)
    return medians
