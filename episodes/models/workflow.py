"""The association's approval step of the publishing workflow."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask

from episodes.editor.consent import speakers_without_consent


class AssociationApprovalTask(AbstractGroupApprovalTask):
    """Wagtail's group approval, refusing to approve an episode whose speakers have not consented.

    The episode editor refuses with a French message before this runs (EpisodePageForm); this
    guards the other way in, the approval buttons of the admin home: the approval does not happen
    and the moderator lands on the editor, which names the speakers whose consent is missing.
    """

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            episode = task_state.revision.as_object()
            if hasattr(episode, "speakers") and speakers_without_consent(episode.speakers.all()):
                return reverse("wagtailadmin_pages:edit", args=[episode.pk])
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Les membres des groupes choisis approuvent ; un épisode dont un intervenant n'a pas "
            "donné son consentement ne peut pas être approuvé."
        )

    class Meta:
        verbose_name = _("validation par l'association")
        verbose_name_plural = _("validations par l'association")
