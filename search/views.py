"""The visitor search page: testimonies by theme and by what was said, in French."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from episodes.models import Association, EpisodePage, KnowledgePage
from search import catalogue
from search.facets import facet_counts, narrow_all
from search.forms import SearchForm
from search.matching import matching_pks
from search.passages import transcript_passages

RESULTS_PER_PAGE = 10
OTHER_RESULTS = 5
PAGE_WINDOW = 2


@dataclass(frozen=True)
class EpisodeResult:
    """An episode in the results, with its address and the passages where the words are said."""

    episode: EpisodePage
    url: str
    passages: list


@require_safe
def search(request):
    """Episodes matching the visitor's words and facets; associations and resources too."""
    text, terms, selected = SearchForm(request.GET).criteria()
    published = catalogue.current()
    found = matching_pks([EpisodePage, Association, KnowledgePage], terms) if terms else {}
    listed = listed_entries(published, found.get(EpisodePage, []) if text else None)
    facets = facet_counts(listed, selected, published.labels)
    if selected:
        listed = narrow_all(listed, selected)
    pks = [entry.pk for entry in listed]
    page = Paginator(pks, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    criteria = {key: value for key, value in {"q": text, **selected}.items() if value}
    context = {
        "query": text,
        "selected": selected,
        "facets": facets,
        "page": page,
        "results": episode_results(page.object_list, terms),
        "page_links": page_links(page, criteria),
        "previous_url": page.has_previous() and page_url(criteria, page.previous_page_number()),
        "next_url": page.has_next() and page_url(criteria, page.next_page_number()),
        "clear_url": "?" + urlencode({"q": text}) if text else "",
    }
    if terms and not selected and page.number == 1:
        context.update(other_results(found))
    return render(request, "search/search.html", context)


def listed_entries(published, ranked):
    """The published episodes' catalogue entries: best match first for a query (ranked pks),
    else all of them, newest first."""
    if ranked is None:
        return published.visible()
    now, entries = timezone.now(), published.entries
    listed = (entries.get(pk) for pk in ranked)
    return [entry for entry in listed if entry is not None and entry.published <= now]


def episode_results(pks, terms):
    """The episodes of one result page, in order, with their matching transcript passages.

    get_url() without the request reads Wagtail's cached site root paths: no Site query.
    """
    episodes = (
        EpisodePage.objects.filter(pk__in=pks)
        .select_related("audio", "event")
        .prefetch_related("themes")
    )
    by_pk = {episode.pk: episode for episode in episodes}
    passages = transcript_passages(pks, terms)
    return [
        EpisodeResult(by_pk[pk], by_pk[pk].get_url(), passages.get(pk, []))
        for pk in pks
        if pk in by_pk
    ]


def other_results(found):
    """The best associations and knowledge pages for the query, a few of each."""
    association_pks = found[Association][:OTHER_RESULTS]
    associations = Association.objects.filter(pk__in=association_pks)
    knowledge_pks = found[KnowledgePage][: OTHER_RESULTS * 4]
    pages = KnowledgePage.objects.live().public().filter(pk__in=knowledge_pks)
    return {
        "associations": in_order(associations, association_pks),
        "knowledge_pages": in_order(pages, knowledge_pks)[:OTHER_RESULTS],
    }


def in_order(objects, pks):
    """The objects in the order of their pks."""
    by_pk = {instance.pk: instance for instance in objects}
    return [by_pk[pk] for pk in pks if pk in by_pk]


def page_links(page, criteria):
    """Links to the first, last and nearby result pages; None marks a gap between them."""
    last = page.paginator.num_pages
    if last < 2:
        return []
    nearby = range(max(1, page.number - PAGE_WINDOW), min(last, page.number + PAGE_WINDOW) + 1)
    links, previous = [], 0
    for number in sorted({1, last, *nearby}):
        if number > previous + 1:
            links.append(None)
        url = page_url(criteria, number)
        links.append({"number": number, "url": url, "current": number == page.number})
        previous = number
    return links


def page_url(criteria, number):
    """The address of a result page, keeping the query and the selected facets."""
    return "?" + urlencode({**criteria, "page": number})
