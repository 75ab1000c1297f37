"""The admin's user form: each group's checkbox says, in French, what its members may do. Only our
groups exist (migration 0013 removes Wagtail's « Moderators » and « Editors »)."""

from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet

# What each group's members may do, shown beside its checkbox where users are created and edited.
GROUP_RIGHTS = {
    "Rédaction": _(
        "Écrit les épisodes et les pages, envoie les fichiers audio, les images et les documents, "
        "puis soumet à la validation ; ne publie pas."
    ),
    "Validation association": _(
        "Relit les épisodes soumis, enregistre les consentements, approuve et publie ou demande "
        "des modifications ; peut aussi écrire et programmer."
    ),
    "Administration": _(
        "Tous les droits : publie, supprime, gère les utilisateurs, les groupes, les circuits de "
        "validation et les réglages du site."
    ),
    "Association partenaire": _(
        "Consulte seulement les chiffres d'écoute des épisodes de ses associations ; ne modifie "
        "rien."
    ),
}


def group_with_rights(group):
    """A group's checkbox label: its name, then what its members may do."""
    rights = GROUP_RIGHTS.get(group.name)
    if rights is None:
        return group.name
    return format_html('<strong>{}</strong><span class="help">{}</span>', group.name, rights)


class GroupRightsMixin:
    """Labels each group's checkbox with what its members may do."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "groups" in self.fields:
            self.fields["groups"].label_from_instance = group_with_rights


class RadioUserCreationForm(GroupRightsMixin, UserCreationForm):
    pass


class RadioUserEditForm(GroupRightsMixin, UserEditForm):
    pass


class RadioUserViewSet(UserViewSet):
    """Wagtail's user screens with our form (radio.settings: episodes.editor.users_app)."""

    def get_form_class(self, for_update=False):
        return RadioUserEditForm if for_update else RadioUserCreationForm
