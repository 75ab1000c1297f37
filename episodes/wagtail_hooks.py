"""Admin menus for the podcast domain's snippets, and the podcast import page."""

from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from episodes.admin_panels import AudioFactsPanel
from episodes.consent import (
    pages_without_consent,
    refusal_message,
    speakers_without_consent,
    warning_message,
)
from episodes.dashboard import EpisodesToCompletePanel
from episodes.importer import admin as importer_admin
from episodes.models import Association, AudioFile, EpisodePage, Event, Person, Theme


class AudioChooserViewSet(SnippetChooserViewSet):
    """Lets editors upload a new audio file from the episode editor."""

    form_fields = ["title", "file"]


class AudioFileViewSet(SnippetViewSet):
    model = AudioFile
    icon = "media"
    menu_label = _("Fichiers audio")
    list_display = ["title", Column("summary", label=_("Caractéristiques")), "uploaded_at"]
    search_fields = ["title"]
    chooser_viewset_class = AudioChooserViewSet
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("file"),
            AudioFactsPanel(heading=_("Caractéristiques lues à l'envoi")),
        ]
    )


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug"]


class AssociationViewSet(SnippetViewSet):
    model = Association
    icon = "group"
    list_display = ["name", Column("territory", label=_("Territoire"))]
    list_filter = ["themes"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    list_display = ["name", "title", "association"]


class EventViewSet(SnippetViewSet):
    model = Event
    icon = "date"
    list_display = ["name", "date", "place"]


class RadioViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Radio")
    menu_icon = "media"  # Wagtail has no microphone icon: "microphone" left a blank
    menu_order = 200
    items = (AudioFileViewSet, ThemeViewSet, AssociationViewSet, PersonViewSet, EventViewSet)


register_snippet(RadioViewSetGroup)


@hooks.register("construct_homepage_panels")
def add_episodes_to_complete_panel(request, panels):
    panels.append(EpisodesToCompletePanel())


@hooks.register("before_edit_page")
def warn_about_missing_consent(request, page):
    """On opening an episode, name the speakers whose consent is missing: it cannot go out."""
    if request.method == "GET" and isinstance(page, EpisodePage):
        missing = speakers_without_consent(page.speakers.all())
        if missing:
            messages.warning(request, warning_message(missing))


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_without_consent(request, action_type, objects, action_view):
    """Publishing several pages at once obeys the same consent rule as the episode editor."""
    if action_type != "publish":
        return None
    refused = pages_without_consent(objects, bool(request.POST.get("include_descendants")))
    for title, names in refused.items():
        messages.error(request, f"{title} : {refusal_message(names)}")
    return redirect(action_view.next_url) if refused else None


@hooks.register("register_admin_urls")
def register_import_urls():
    return importer_admin.admin_urls()


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return importer_admin.menu_item()
