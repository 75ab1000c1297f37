"""Sending a change out: the front cache purges (Wagtail's frontend_cache backends, its own task)
and the WebSub hubs are pinged (our task). Both run after the database commit, through
django-tasks: with a worker, publishing does not wait for them. A cache or hub that does not
answer is logged; publishing goes on."""

import logging
import urllib.error
import urllib.request
from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

from operations.retries import retried_task

logger = logging.getLogger("episodes.announce")

HUB_TIMEOUT_SECONDS = 5


def announcing():
    """Whether a front cache or a hub is configured: else nothing is computed nor sent."""
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None) or settings.WEBSUB_HUBS)


def announce(targets):
    """Purge the targets' URLs and ping the hubs about their feeds, once the change is committed."""
    urls, feeds = sorted(targets.urls), sorted(targets.feeds)

    def send():
        if getattr(settings, "WAGTAILFRONTENDCACHE", None):
            purge_urls_from_cache(urls)
        if settings.WEBSUB_HUBS and feeds:
            ping_hubs.enqueue(feeds)

    transaction.on_commit(send)


class HubUnreachable(Exception):
    """A WebSub hub did not take a ping: the task fails, is retried, and shows in the admin."""


@retried_task(attempts=3)
def ping_hubs(feed_urls):
    """Tell each WebSub hub (WEBSUB_HUBS) that these feeds changed (hub.mode=publish)."""
    missed = [
        (hub, feed_url)
        for hub in settings.WEBSUB_HUBS
        for feed_url in feed_urls
        if not ping_hub(hub, feed_url)
    ]
    if missed:
        raise HubUnreachable(f"{len(missed)} WebSub pings not taken: {missed}")


def ping_hub(hub, feed_url):
    """One publish ping; False (and a warning logged) when the hub refuses it or is out."""
    body = urlencode({"hub.mode": "publish", "hub.url": feed_url}).encode()
    request = urllib.request.Request(hub, data=body, method="POST")
    request.add_header("Content-Type", "application/x-www-form-urlencoded")
    request.add_header("User-Agent", f"{settings.WAGTAIL_SITE_NAME} (WebSub)")
    try:
        with urllib.request.urlopen(request, timeout=HUB_TIMEOUT_SECONDS) as response:
            response.read()
    except (urllib.error.URLError, OSError) as error:
        logger.warning("WebSub hub %s not told of %s: %s", hub, feed_url, error)
        return False
    return True
