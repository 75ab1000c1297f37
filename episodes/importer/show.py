"""An imported feed's channel written into the site as a show (PodcastPage under the home page)."""

import io

from django.core.files.images import ImageFile
from django.utils.translation import gettext as _
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from episodes.importer.apply import (
    ItemRefused,
    Outcome,
    changed_fields,
    fitting,
    new_file,
    save_page,
)
from episodes.importer.show_extras import channel_fields
from episodes.models import EpisodePage, ImportedFile, PodcastPage
from episodes.standards.apple import MIN_SIDE, is_valid_category


def find_show(data, source, episodes):
    """The show a feed was imported into before: by podcast:guid, its items' GUIDs or its URL."""
    if data.podcast_guid:
        show = PodcastPage.objects.filter(podcast_guid=data.podcast_guid).first()
        if show:
            return show
    guids = [episode.guid for episode in episodes if episode.guid][:1000]
    episode = EpisodePage.objects.filter(source_guid__in=guids).exclude(source_guid="").first()
    if episode:
        return episode.get_parent().specific
    record = ImportedFile.objects.filter(kind="feed", url=source).first()
    return record.page.specific if record else None


def show_fields(data, owner_email):
    """The PodcastPage values the channel gives (an unknown Apple category is left out)."""
    fields = {
        "title": data.title[:255],
        "description": fitting(data.description, data.title),
        "language": data.language or "fr",
        "author": (data.author or data.owner_name or data.title)[:255],
        "owner_name": (data.owner_name or data.author or data.title)[:255],
        "owner_email": data.owner_email or data.lock_owner or owner_email,
        "explicit": data.explicit,
        "show_type": data.show_type,
        "copyright": data.copyright,
    }
    if not fields["owner_email"]:
        del fields["owner_email"]
    if is_valid_category(data.category, data.subcategory):
        fields.update(itunes_category=data.category, itunes_subcategory=data.subcategory)
    elif is_valid_category(data.category, ""):
        fields.update(itunes_category=data.category, itunes_subcategory="")
    return fields


def apply_show(data, source, episodes, home, *, owner_email="", user=None, action="publish"):
    """(show, Outcome): the show created under the home page as a draft (published or submitted
    once an episode is imported: run.finish_show), or updated from the channel and, if live,
    published or submitted for approval (action, see save_page)."""
    show = find_show(data, source, episodes)
    fields = show_fields(data, owner_email)
    if show is None and "owner_email" not in fields:
        raise ItemRefused(
            _(
                "Le flux ne donne pas l'e-mail du propriétaire du podcast (itunes:owner) : "
                "indiquez-le, puis relancez l'import."
            )
        )
    outcome = Outcome("added" if show is None else "unchanged", sources={"feed": source})
    if show is not None:
        show = show.get_latest_revision_as_object()
    fields = changed_fields(show, fields)
    fields.update(channel_fields(show, data, outcome))
    artwork = new_file(show, "artwork", data.image_url, f"Pochette : {data.title}", outcome)
    if isinstance(artwork, Exception):
        outcome.warnings.append(
            _("Pochette du podcast non importée : %(reason)s") % {"reason": artwork}
        )
    if artwork is not None and not isinstance(artwork, Exception):
        fields["artwork"] = artwork
    elif show is None:
        fields["artwork"] = placeholder_artwork(data.title, outcome)
    new_show = None
    if show is None:
        new_show = PodcastPage(podcast_guid=data.podcast_guid, live=False, **fields)
    if show is None or not show.live:
        action = "draft"
    return save_page(home, show, new_show, fields, outcome, user=user, action=action), outcome


def placeholder_artwork(title, outcome):
    """A plain stand-in artwork, since a show must have one; editors are told to replace it."""
    outcome.warnings.append(
        _(
            "Une pochette provisoire unie a été mise au podcast : remplacez-la dans la page du "
            "podcast avant de proposer le flux aux annuaires."
        )
    )
    buffer = io.BytesIO()
    PillowImage.new("RGB", (MIN_SIDE, MIN_SIDE), (20, 90, 140)).save(buffer, format="PNG")
    image = get_image_model()(
        title=f"Pochette provisoire : {title}"[:255],
        file=ImageFile(buffer, name="pochette-provisoire.png"),
    )
    image.save()
    return image
