"""An embeddable player per episode, and the oEmbed endpoint that describes it."""

from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from episodes.delivery.addresses import public_url
from episodes.models import EpisodePage

# The embed page's height once its player is drawn (radio/static/css/site.css, « The embeddable
# player »): 146 px at every width from 280 px up, measured in chromium; a few pixels spare.
EMBED_HEIGHT = 150
EMBED_MIN_WIDTH = 280
EMBED_MAX_WIDTH = 600


def playable(episodes):
    """The one published episode of these that has audio to play, or 404."""
    episode = episodes.published().select_related("audio").first()
    if episode is None or episode.audio is None:
        raise Http404
    return episode


@require_safe
@xframe_options_exempt
def episode_embed(request, guid):
    """A minimal page with the episode's player, for an association's own website."""
    episode = playable(EpisodePage.objects.by_guid(guid))
    return render(request, "episodes/embed.html", {"episode": episode})


def episode_from_url(url):
    """The published episode a public page URL points to, or 404. The address may come
    percent-encoded (« /%C3%A9t%C3%A9/ », as Wagtail writes it) or as typed (« /été/ »)."""
    parts = urlsplit(url)
    base = urlsplit(settings.PUBLIC_BASE_URL)
    if parts.netloc and parts.netloc != base.netloc:
        raise Http404
    path = unquote(parts.path if parts.path.endswith("/") else parts.path + "/")
    slug = path.rstrip("/").rsplit("/", 1)[-1]
    for episode in EpisodePage.objects.published().filter(slug=slug):
        if unquote(episode.url) == path:
            return playable(EpisodePage.objects.filter(pk=episode.pk))
    raise Http404


@require_safe
def oembed(request):
    """oEmbed (JSON) for an episode page: an iframe of its embeddable player."""
    if request.GET.get("format", "json") != "json":
        return HttpResponse("Seul le format JSON est disponible.", status=501)
    episode = episode_from_url(request.GET.get("url", ""))
    width = bounded(request.GET.get("maxwidth"), EMBED_MAX_WIDTH)
    if (
        width < EMBED_MIN_WIDTH
        or bounded(request.GET.get("maxheight"), EMBED_HEIGHT) < EMBED_HEIGHT
    ):
        # Smaller, the player would be cut off: better no embed than a broken one.
        return HttpResponse(
            f"Le lecteur a besoin d'au moins {EMBED_MIN_WIDTH} × {EMBED_HEIGHT} pixels.",
            status=404,
            content_type="text/plain; charset=utf-8",
        )
    height = EMBED_HEIGHT
    src = public_url(reverse("episode_embed", kwargs={"guid": episode.guid}))
    html = format_html(
        '<iframe src="{}" width="{}" height="{}" frameborder="0" title="Lecteur : {}" '
        'loading="lazy"></iframe>',
        src,
        width,
        height,
        episode.title,
    )
    data = {
        "version": "1.0",
        "type": "rich",
        "provider_name": "Radio des Territoires",
        "provider_url": settings.PUBLIC_BASE_URL,
        "title": episode.title,
        "html": html,
        "width": width,
        "height": height,
    }
    return JsonResponse(data, headers={"Access-Control-Allow-Origin": "*"})


def bounded(value, default):
    """A positive pixel size from a query parameter, at most the default."""
    return min(int(value), default) if value and value.isdigit() and int(value) > 0 else default
