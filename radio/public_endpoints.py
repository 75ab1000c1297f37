"""The addresses podcast apps poll (episodes/podcast_urls.py: feeds, OPML, audio, transcripts,
chapters), answered without the middleware they never use.

Apps ask for a feed or an audio range far more often than visitors open pages. Sessions, the
language, CSRF, the user and messages cost more than a cached feed or a 304 itself, and none of
these answers depends on them (they are the same for everyone, GET and HEAD only). The security
headers still apply: this middleware sits after them in MIDDLEWARE. A 404 goes through the whole
stack, so that Wagtail's redirects and the site's 404 page still answer it.
"""

from django.http import Http404
from django.urls import Resolver404, resolve

PODCAST_URLCONF = "episodes.podcast_urls"


def podcast_endpoint(path):
    """The match of an address apps poll, or None."""
    try:
        return resolve(path, urlconf=PODCAST_URLCONF)
    except Resolver404:
        return None


class PublicEndpointMiddleware:
    """Calls the view of an address apps poll straight away; any other request goes on."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        match = podcast_endpoint(request.path_info)
        if match is None:
            return self.get_response(request)
        request.resolver_match = match
        try:
            response = match.func(request, *match.args, **match.kwargs)
        except Http404:
            response = None
        if response is None or response.status_code == 404:
            return self.get_response(request)
        if not response.streaming and not response.has_header("Content-Length"):
            response.headers["Content-Length"] = str(len(response.content))
        return response
