"""The association's approval step of the publishing workflow."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask

from episodes.editor.consent import APPROVAL_REFUSED, speakers_without_consent

# The moderator's actions, said as what they do: (action, asks for a comment) -> label. The
# admin's action menu shows the same labels (editor/moderation.py).
ACTION_LABELS = {
    ("reject", True): _("Demander des modifications"),
    ("approve", False): _("Approuver et publier"),
    ("approve", True): _("Approuver et publier, avec un commentaire"),
}


class AssociationApprovalTask(AbstractGroupApprovalTask):
    """Wagtail's group approval, refusing to approve an episode whose speakers have not consented.

    The rule reads the page's latest revision: finishing the workflow publishes that one (Wagtail's
    publish_workflow_state), with whatever the moderator corrected since the submission. The
    episode editor refuses with a French message before this runs (EpisodePageForm); this guards
    the other ways in, the approval buttons of the admin home and of the page listings: the task
    stays open and the moderator lands on the editor, which says why (editor/hooks.py).
    """

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            page = task_state.workflow_state.content_object.specific
            episode = page.get_latest_revision_as_object()
            if hasattr(episode, "speakers") and speakers_without_consent(episode.speakers.all()):
                editor = reverse("wagtailadmin_pages:edit", args=[page.pk])
                return f"{editor}?{urlencode(APPROVAL_REFUSED)}"
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_actions(self, obj, user):
        """Wagtail's group approval actions, labelled as what they do (approving publishes)."""
        return [
            (name, ACTION_LABELS.get((name, modal), label), modal)
            for name, label, modal in super().get_actions(obj, user)
        ]

    @classmethod
    def get_description(cls):
        return _(
            "Les membres des groupes choisis approuvent ; un épisode dont un intervenant n'a pas "
            "donné son consentement ne peut pas être approuvé."
        )

    class Meta:
        verbose_name = _("validation par l'association")
        verbose_name_plural = _("validations par l'association")
