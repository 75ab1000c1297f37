"""What the moderator's buttons and messages say: « Approuver et publier » as the main button of
an episode under review, « Demander des modifications » beside it, no « Publier » that would stop
the review; then a message saying what happened, and to whom. The approval itself stays the
consent-gated task of models/workflow.py."""

from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.action_menu import WorkflowMenuItem
from wagtail.models import WorkflowState

from episodes.editor.notices import publication_time, say_what_happened
from episodes.models.workflow import ACTION_LABELS


@hooks.register("construct_page_action_menu")
def clear_moderator_actions(menu_items, request, context):
    """For whoever may act on the review: the task's actions labelled as they are meant, approving
    first (the main button), and no « Publier », which would cancel the review."""
    reviewing = [item for item in menu_items if isinstance(item, WorkflowMenuItem)]
    if not reviewing:
        return
    for item in reviewing:
        item.label = ACTION_LABELS.get((item.name, item.launch_modal), item.label)
    menu_items[:] = [item for item in menu_items if item.name != "action-publish"]
    approve = [item for item in reviewing if item.name == "approve" and not item.launch_modal]
    for item in approve:
        menu_items.remove(item)
    menu_items[:0] = approve


def review_outcome(page):
    """What the moderator's action did to this episode, in French; None if nothing to say."""
    state = WorkflowState.objects.for_instance(page).order_by("-created_at").first()
    title = page.get_admin_display_title()
    if state is None:
        return None
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        requester = state.requested_by.get_full_name() or state.requested_by.get_username()
        return _("Des modifications ont été demandées à %(person)s pour « %(title)s ».") % {
            "person": requester,
            "title": title,
        }
    if state.status == WorkflowState.STATUS_APPROVED:
        scheduled = page.scheduled_revision
        if scheduled is not None:
            return _("L'épisode « %(title)s » est approuvé ; il sera publié le %(when)s.") % {
                "title": title,
                "when": publication_time(scheduled.approved_go_live_at),
            }
        return _("L'épisode « %(title)s » est approuvé et publié.") % {"title": title}
    return None


@hooks.register("after_edit_page")
def tell_the_moderator_what_happened(request, page):
    if request.method == "POST" and request.POST.get("action-workflow-action"):
        message = review_outcome(page.specific)
        if message:
            say_what_happened(request, message)
