"""Small keyword-only builders for test data: real images, real MP3s, real pages."""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from episodes.models import AudioFile, EpisodePage, HomePage, Person, PodcastPage
from tests.audio_samples import encode_mp3


def image_bytes(*, size=(1400, 1400), image_format="PNG", mode="RGB", color=(20, 90, 140)):
    """An image file's bytes, drawn by Pillow."""
    if mode in ("RGBA", "LA"):
        color = (*color, 128) if mode == "RGBA" else (128, 128)
    buffer = io.BytesIO()
    PillowImage.new(mode, size, color[: len(mode)] if mode != "P" else 0).save(
        buffer, format=image_format
    )
    return buffer.getvalue()


def make_image(*, title="Pochette", size=(1400, 1400), image_format="PNG", mode="RGB"):
    """A Wagtail image stored like an editor's upload."""
    extension = {"PNG": "png", "JPEG": "jpg", "GIF": "gif", "WEBP": "webp"}[image_format]
    data = image_bytes(size=size, image_format=image_format, mode=mode)
    image = get_image_model()(
        title=title, file=ImageFile(io.BytesIO(data), name=f"art.{extension}")
    )
    image.save()
    return image


def make_audio(*, title="Témoignage", seconds=2.0, id3_tag=b"", **encoding):
    """An AudioFile from a real MP3 encoded with lameenc (after an ID3 tag if given), checked as an
    upload is."""
    data = id3_tag + encode_mp3(seconds, **encoding)
    audio = AudioFile(title=title, file=ContentFile(data, name="a.mp3"))
    audio.full_clean()
    audio.save()
    return audio


def make_person(name="Marie Dupont", *, photo=False, link=""):
    """A person heard in episodes, with a real photo if asked."""
    image = make_image(title=f"Photo : {name}", size=(600, 600)) if photo else None
    return Person.objects.create(name=name, photo=image, link=link)


def make_home():
    """The site's HomePage, at the root of the default site."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Accueil", slug="accueil-test"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"root_page": home, "hostname": "localhost", "port": 80}
    )
    return home


def make_show(*, parent, title="Radio des Territoires", slug="radio-des-territoires", **fields):
    """A published PodcastPage with valid artwork."""
    defaults = {
        "description": "Les témoignages de l'économie sociale et solidaire.",
        "author": "Radio des Territoires",
        "owner_name": "Radio des Territoires",
        "owner_email": "contact@example.org",
    }
    defaults.update(fields)
    defaults.setdefault("artwork", make_image())
    show = PodcastPage(title=title, slug=slug, **defaults)
    parent.add_child(instance=show)
    show.save_revision().publish()
    return show


def make_episode(
    *, show, title="Ecodair : le choix vertueux du reconditionné", live=True, **fields
):
    """An EpisodePage with real audio, published unless live=False."""
    defaults = {"summary": "Un témoignage.", "publication_date": timezone.now()}
    defaults.update(fields)
    defaults.setdefault("audio", make_audio(title=title))
    episode = EpisodePage(title=title, live=False, **defaults)
    show.add_child(instance=episode)
    revision = episode.save_revision()
    if live:
        revision.publish()
        episode.refresh_from_db()
    return episode
