"""Links between result pages."""

from urllib.parse import urlencode

PAGE_WINDOW = 2


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
