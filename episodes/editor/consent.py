"""The consent rule: an episode goes out only once every speaker's consent is recorded. Who has
not agreed, and the French refusal editors read; pure functions, no ORM.

Publishing is refused wherever it can happen, each place seeing its own data: the episode
editor's form (what the editor is about to publish, checked before anything is saved, see
editor/forms.py), the association's approval task (the revision under review, see
models/workflow.py) and bulk publishing (the drafts of the chosen pages, see editor/hooks.py).
"""

from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

PUBLISH_ACTIONS = ("action-publish",)


def speakers_without_consent(speakers):
    """The names of the speakers (EpisodeSpeaker instances) whose consent is not recorded."""
    return [str(speaker.person.name) for speaker in speakers if not speaker.consent_given]


def formset_speakers_without_consent(formset):
    """The names of the speakers of a valid speakers formset whose consent box is unticked."""
    names = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None) or {}
        if data.get("person") and not data.get("DELETE") and not data.get("consent_given"):
            names.append(str(data["person"].name))
    return names


# Added to the editor's address when an approval was refused: the editor then says why.
APPROVAL_REFUSED = {"approbation": "refusee"}


def people_list(names):
    """« de Marie Dupont et de Karim Benali »."""
    return get_text_list([_("de %(name)s") % {"name": name} for name in names], _("et"))


def refusal_message(names):
    """« Publication impossible : le consentement de Marie Dupont n'est pas enregistré. »"""
    people = people_list(names)
    return ngettext(
        "Publication impossible : le consentement %(people)s n'est pas enregistré.",
        "Publication impossible : les consentements %(people)s ne sont pas enregistrés.",
        len(names),
    ) % {"people": people}


def approval_refusal_message(names):
    """What a moderator reads when an approval was refused: who lacks consent, what to do."""
    return ngettext(
        "Approbation impossible : le consentement %(people)s n'est pas enregistré. "
        "Enregistrez-le (onglet Contenu, Intervenants), puis approuvez à nouveau.",
        "Approbation impossible : les consentements %(people)s ne sont pas enregistrés. "
        "Enregistrez-les (onglet Contenu, Intervenants), puis approuvez à nouveau.",
        len(names),
    ) % {"people": people_list(names)}


def warning_message(names):
    """What the editor reads on opening an episode whose speakers have not all consented."""
    people = people_list(names)
    return _(
        "Le consentement %(people)s n'est pas enregistré : l'épisode ne pourra pas être publié "
        "avant (onglet Contenu, Intervenants)."
    ) % {"people": people}


def is_publishing(data):
    """Whether the editor's POST publishes now or schedules: publish, or approve in a workflow."""
    if any(data.get(name) for name in PUBLISH_ACTIONS):
        return True
    return bool(data.get("action-workflow-action")) and data.get("workflow-action-name") == (
        "approve"
    )
