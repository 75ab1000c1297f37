"""The podcast domain's background work, run by the task worker: artwork renditions for feeds
made when an episode or a show is published, so no feed request has to make them."""

import logging

from wagtail.images import get_image_model

from episodes.feeds.queries import ARTWORK_SPEC, PHOTO_SPEC
from episodes.models import EpisodePage
from operations.retries import retried_task

logger = logging.getLogger("episodes")


@retried_task(attempts=3)
def make_feed_renditions(image_ids, spec):
    """Make the renditions that feeds give apps (artwork, speakers' photos) for these images."""
    for image in get_image_model().objects.filter(pk__in=image_ids):
        image.get_rendition(spec)


def feed_images(page):
    """{spec: image ids} that a published show or episode shows in feeds."""
    wanted = {ARTWORK_SPEC: {page.artwork_id} - {None}, PHOTO_SPEC: set()}
    if isinstance(page, EpisodePage):
        photos = page.speakers.values_list("person__photo_id", flat=True)
        wanted[PHOTO_SPEC] = set(photos) - {None}
    return wanted


def enqueue_feed_renditions(page):
    """Enqueue the renditions a newly published page needs in feeds."""
    for spec, image_ids in feed_images(page).items():
        if image_ids:
            make_feed_renditions.enqueue(sorted(image_ids), spec)
