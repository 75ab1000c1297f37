"""An imported feed's channel written into the site as a show (PodcastPage under the home page)."""

import io
from dataclasses import dataclass

from django.conf import settings
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
from episodes.importer.fetch import is_http_url
from episodes.importer.show_extras import channel_fields
from episodes.models import ImportedFile, PodcastPage
from episodes.standards.apple import MIN_SIDE, is_valid_category


@dataclass(frozen=True)
class ShowChoice:
    """What the importing user decided for the show: where to import (None: the feed's own
    show, else a new one), the owner e-mail of our feed ("": ours) and its lock (None: locked
    for a new show, unchanged for an existing one)."""

    target: PodcastPage | None = None
    owner_email: str = ""
    locked: bool | None = None


def our_owner_email():
    """The owner address of our feeds: the main show's (the first not imported), else the
    site's sender address."""
    imported = ImportedFile.objects.filter(kind="feed").values("page")
    main = PodcastPage.objects.exclude(pk__in=imported).order_by("path").first()
    return main.owner_email if main else settings.DEFAULT_FROM_EMAIL


def feed_show(data, source):
    """The show this feed was imported into before: by its podcast:guid, else its address
    (never by its items' GUIDs: short ones like « 1 » are shared by unrelated podcasts)."""
    if data.podcast_guid:
        show = PodcastPage.objects.filter(podcast_guid=data.podcast_guid).first()
        if show:
            return show
    if not is_http_url(source):  # a file's name or path says nothing of the podcast
        return None
    record = ImportedFile.objects.filter(kind="feed", url=source).first()
    return record.page.specific if record else None


def find_show(data, source, target=None):
    """(show or None, whether the feed is the show's own): the feed's show, else the one the
    user chose; ItemRefused when the user chose another show than the feed's."""
    show = feed_show(data, source)
    if target is not None and show is not None and show.pk != target.pk:
        raise ItemRefused(
            _(
                "Ce flux a déjà été importé dans l'émission « %(show)s » : importez-le dans "
                "celle-ci (ou laissez le choix automatique), rien n'a été importé."
            )
            % {"show": show.title}
        )
    if show is not None:
        return show, True
    return target, False


def show_fields(data):
    """The PodcastPage values the channel gives (an unknown Apple category is left out)."""
    fields = {
        "title": data.title[:255],
        "description": fitting(data.description, data.title),
        "language": data.language or "fr",
        "author": (data.author or data.owner_name or data.title)[:255],
        "owner_name": (data.owner_name or data.author or data.title)[:255],
        "explicit": data.explicit,
        "show_type": data.show_type,
        "copyright": data.copyright,
    }
    if is_valid_category(data.category, data.subcategory):
        fields.update(itunes_category=data.category, itunes_subcategory=data.subcategory)
    elif is_valid_category(data.category, ""):
        fields.update(itunes_category=data.category, itunes_subcategory="")
    return fields


def owner_fields(show, choice):
    """Owner and lock of our feed: the user's choice, else ours (locked) for a new show; the
    former host's owner address and lock are never taken over."""
    fields = {}
    if choice.owner_email or show is None:
        fields["owner_email"] = choice.owner_email or our_owner_email()
        fields["locked_owner_email"] = ""
    if choice.locked is not None or show is None:
        fields["podcast_locked"] = True if choice.locked is None else choice.locked
    return fields


def apply_show(data, source, home, choice, *, user=None, action="publish"):
    """(show, Outcome): the show created under the home page as a draft (published or submitted
    once an episode is imported: run.finish_show), or updated from the channel and, if live,
    published or submitted for approval (action, see save_page). A show the user chose, not
    imported from this feed, keeps its own page: only its episodes come from the feed."""
    show, own_feed = find_show(data, source, choice.target)
    outcome = Outcome("added" if show is None else "unchanged")
    if show is not None:
        show = show.get_latest_revision_as_object()
    fields = owner_fields(show, choice)
    if show is None or own_feed:
        outcome.sources["feed"] = source
        fields.update(show_fields(data))
        fields.update(show_artwork(show, data, outcome))
    fields = changed_fields(show, fields)
    if show is None or own_feed:
        fields.update(channel_fields(show, data, outcome))
    new_show = None
    if show is None:
        new_show = PodcastPage(podcast_guid=data.podcast_guid, live=False, **fields)
    if show is None or not show.live:
        action = "draft"
    return save_page(home, show, new_show, fields, outcome, user=user, action=action), outcome


def show_artwork(show, data, outcome):
    """{"artwork": image} when the channel's artwork is new (a stand-in for a new show that
    cannot have it), else {}."""
    artwork = new_file(show, "artwork", data.image_url, f"Pochette : {data.title}", outcome)
    if isinstance(artwork, Exception):
        outcome.warnings.append(
            _("Pochette du podcast non importée : %(reason)s") % {"reason": artwork}
        )
    elif artwork is not None:
        return {"artwork": artwork}
    if show is None:
        return {"artwork": placeholder_artwork(data.title, outcome)}
    return {}


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
