"""The admin's « Radio » menu: audio files, themes, associations, people and events, with their
listings, and the audio and person choosers that create one without leaving the episode editor."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
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


class PersonCreationForm(WagtailAdminModelForm):
    """A guest created from the episode's speakers: who they are; their role and consent are
    recorded on the speaker's row, and without consent the episode cannot be published."""

    class Meta:
        model = Person
        fields = ["name", "title", "association"]
        help_texts = {
            "name": _(
                "Après l'ajout, indiquez son rôle et cochez « consentement recueilli » dans la "
                "ligne de l'intervenant : sans consentement, l'épisode ne peut pas être publié."
            )
        }


class PersonChooserViewSet(SnippetChooserViewSet):
    """Lets editors add a new guest from the episode editor's speakers."""

    creation_form_class = PersonCreationForm
    creation_tab_label = _("Nouvelle personne")
    create_action_label = _("Ajouter cette personne")
    create_action_clicked_label = _("Ajout…")


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
    chooser_viewset_class = PersonChooserViewSet


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
