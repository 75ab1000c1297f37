"""The facts, loudness and waveform of the audio file an editor has just chosen in the episode
editor, shown before the episode is saved: a small admin view answering the editor's script."""

from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.permission_policies import ModelPermissionPolicy

from episodes.models import AudioFile

# The permissions with which Wagtail's audio chooser lets an editor pick a file.
CHOOSING_ACTIONS = ["add", "change", "view"]


def may_choose_audio(user):
    """Whether this admin user may choose audio files for an episode."""
    return ModelPermissionPolicy(AudioFile).user_has_any_permission(user, CHOOSING_ACTIONS)


def chosen_audio_facts(request, pk):
    """{measure_status, html}: the chosen audio file's facts panel, its waveform included once
    measured; 404 for a file this user may not choose, as for one that does not exist."""
    if not may_choose_audio(request.user):
        raise Http404
    audio = get_object_or_404(AudioFile, pk=pk, size__gt=0)
    html = render_to_string(
        "episodes/admin/chosen_audio_facts.html",
        {"audio": audio, "show_title": True, "polling": True},
        request=request,
    )
    response = JsonResponse({"measure_status": audio.measure_status, "html": html})
    response["Cache-Control"] = "no-store"  # the measure may land a second later
    return response


@hooks.register("register_admin_urls")
def register_chosen_audio_url():
    return [
        path(
            "episodes/audio/<int:pk>/facts/",
            chosen_audio_facts,
            name="episodes_chosen_audio_facts",
        )
    ]


@hooks.register("insert_editor_js")
def chosen_audio_scripts():
    """The waveform's clicks, and the chosen audio's facts fetched as soon as it is chosen."""
    return format_html(
        '<script src="{}" defer></script>'
        '<script src="{}" defer data-facts-url="{}" data-reading="{}" data-late="{}" '
        'data-failed="{}"></script>',
        static("js/waveform.js"),
        static("js/admin_chosen_audio.js"),
        reverse("episodes_chosen_audio_facts", args=[0]),
        _("Lecture des caractéristiques du fichier choisi…"),
        _(
            "La mesure du volume prend plus de temps que prévu : revenez sur cet épisode dans "
            "quelques minutes, le volume et la forme d'onde s'afficheront ici."
        ),
        _(
            "Les caractéristiques du fichier choisi n'ont pas pu être lues : enregistrez le "
            "brouillon, elles s'afficheront ensuite."
        ),
    )
