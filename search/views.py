"""The visitor search page: testimonies by theme and by what was said, in French."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from episodes.models import Association, EpisodePage, KnowledgePage
from search import catalogue
from search.facets import facet_counts, narrow_all
from search.forms import SearchForm
from search.matching import Found, matching_pks
from search.page import gaps
from search.page.pagination import page_links, page_url
from search.page.results import episode_results, nothing_found_help, other_results, promotions
from search.understanding.interpretation import Interpretation, interpret

RESULTS_PER_PAGE = 10


@require_safe
def search(request):
    """Episodes matching the visitor's words and facets; associations and resources too."""
    text, selected, exact = SearchForm(request.GET).criteria()
    published = catalogue.current()
    understood = interpret(text, catalogue=published, exact=exact) if text else Interpretation("")
    found = Found()
    if understood.concepts:
        found = matching_pks([EpisodePage, Association, KnowledgePage], understood)
    full = listed_entries(published, found.full.get(EpisodePage, []) if text else None)
    partial = listed_entries(published, found.partial.get(EpisodePage, [])) if text else []
    if understood.corrected_text and not (full or partial or found.of(Association)):
        understood.offer_instead()
    facets = facet_counts(full + partial, selected, published)
    if selected:
        full, partial = narrow_all(full, selected), narrow_all(partial, selected)
    page = Paginator([entry.pk for entry in full + partial], RESULTS_PER_PAGE)
    page = page.get_page(request.GET.get("page"))
    criteria = {key: value for key, value in {"q": text, **selected}.items() if value}
    if exact:
        criteria["exact"] = 1
    results = episode_results(page.object_list, understood.highlighted())
    split = max(0, min(len(results), len(full) - page.start_index() + 1)) if results else 0
    context = {
        "query": text,
        "understood": understood,
        "selected": selected,
        "facets": [facet for facet in facets if facet.choices],
        "page": page,
        "full_count": len(full),
        "partial_count": len(partial),
        "results": results[:split],
        "partial_results": results[split:],
        "page_links": page_links(page, criteria),
        "previous_url": page.has_previous() and page_url(criteria, page.previous_page_number()),
        "next_url": page.has_next() and page_url(criteria, page.next_page_number()),
        "clear_url": "?" + urlencode({"q": text}) if text else "",
        "original_url": "?" + urlencode({"q": text, "exact": 1}),
    }
    if text and not selected and page.number == 1:
        context.update(other_results(found))
        context["promotions"] = promotions(text, understood.corrected_text)
        gaps.record(text, len(full))
        if not (full or partial or context["associations"] or context["knowledge_pages"]):
            context.update(nothing_found_help(published))
    return render(request, "search/search.html", context)


def listed_entries(published, ranked):
    """The published episodes' catalogue entries: best match first for a query (ranked pks),
    else all of them, newest first."""
    if ranked is None:
        return published.visible()
    now, entries = timezone.now(), published.entries
    listed = (entries.get(pk) for pk in ranked)
    return [entry for entry in listed if entry is not None and entry.published <= now]
