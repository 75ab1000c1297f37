"""The visitor search page."""

from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Page

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def clean_query(raw):
    """The visitor's query, without control characters and bounded in length."""
    printable = "".join(char for char in raw if char.isprintable())
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def search(request):
    query = clean_query(request.GET.get("q", ""))
    results = (
        Page.objects.live().public().specific().search(query) if query else Page.objects.none()
    )
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "search/search.html", {"query": query, "results": page})
