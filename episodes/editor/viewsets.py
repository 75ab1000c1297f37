"""The admin's « Radio » menu: audio files, themes, associations, people and events, with their
listings, and the audio chooser that can upload from the episode editor."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from episodes.editor.panels import AudioFactsPanel
from episodes.models import Association, AudioFile, Event, Person, Theme


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
