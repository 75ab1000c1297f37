"""On the editor's request (a box ticked in the episode editor), the episode's title, show,
artwork and chapters written into its MP3's ID3 tags when the episode is saved or published."""

from django.utils.translation import gettext as _
from mutagen import MutagenError
from wagtail import hooks
from wagtail.admin import messages

from episodes.formats.audio import AudioRejected
from episodes.formats.id3_tags import EpisodeTags
from episodes.models import EpisodePage

COVER_SPEC = "fill-1400x1400|format-jpeg|jpegquality-85"


def episode_tags(page):
    """The tags of an episode as it was just saved: chapters end where the next one starts."""
    show = page.get_parent().specific
    artwork = page.artwork or getattr(show, "artwork", None)
    cover = b""
    if artwork is not None:
        with artwork.get_rendition(COVER_SPEC).file.open("rb") as image:
            cover = image.read()
    chapters = sorted(page.chapters.all(), key=lambda chapter: chapter.start_time)
    ends = [chapter.start_time for chapter in chapters[1:]] + [page.audio.duration]
    triples = tuple(
        (chapter.start_time, max(end, chapter.start_time), chapter.title)
        for chapter, end in zip(chapters, ends, strict=True)
    )
    return EpisodeTags(title=page.title, show=show.title, artwork=cover, chapters=triples)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def write_tags_when_asked(request, page):
    if not (isinstance(page, EpisodePage) and request.POST.get("write_id3_tags") and page.audio):
        return
    if page.audio.codec != "mp3":
        messages.warning(request, _("Les balises ID3 ne s'écrivent que dans un MP3."))
        return
    try:
        page.audio.write_tags(episode_tags(page))
    except (MutagenError, OSError, AudioRejected) as error:
        messages.error(
            request,
            _(
                "Les balises ID3 n'ont pas pu être écrites (%(error)s) : "
                "le fichier audio est inchangé."
            )
            % {"error": error},
        )
        return
    messages.success(
        request,
        _(
            "Titre, émission, illustration et chapitres écrits dans les balises ID3 du MP3 ; "
            "taille et empreinte du fichier relues (%(size)s octets)."
        )
        % {"size": page.audio.size},
    )
