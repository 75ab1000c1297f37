"""Scheduling from the episode's main tab: a publication date still to come schedules the episode
(Wagtail's go_live_at follows it), and the editor reads in plain French when it will go out."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel

from episodes.editor.notices import publication_time, say_what_happened


def follow_publication_date(episode, date, now=None):
    """Schedule the episode at its publication date when that is still to come; else none."""
    episode.go_live_at = date if date is not None and date > (now or timezone.now()) else None


class PublicationDateSchedules:
    """The episode editor's form: a publication date still to come schedules the episode."""

    def clean(self):
        cleaned_data = super().clean()
        if "publication_date" in self.fields:
            follow_publication_date(self.instance, cleaned_data.get("publication_date"))
        return cleaned_data


class PublicationDatePanel(FieldPanel):
    """The publication date on the main tab and, for those who may publish, « Programmer la
    publication », which says when the episode will go out before doing it."""

    class BoundPanel(FieldPanel.BoundPanel):
        template_name = "episodes/admin/publication_date_panel.html"

        def may_schedule(self):
            """Whoever may publish, unless a review is under way (approving then schedules)."""
            page, user = self.instance, self.request.user
            if page.pk is None:
                parent = getattr(self.form, "parent_page", None)
                return (
                    parent is not None and parent.permissions_for_user(user).can_publish_subpage()
                )
            return page.permissions_for_user(user).can_publish() and not page.workflow_in_progress

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["may_schedule"] = self.may_schedule()
            return context

        @property
        def media(self):
            scheduling = forms.Media(
                js=["js/admin_scheduling.js"], css={"all": ["css/admin_scheduling.css"]}
            )
            return super().media + scheduling


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def say_when_it_will_go_out(request, page):
    """After « Programmer la publication »: « L'épisode … sera publié le 3 décembre 2026 à
    9 h 00. », in place of Wagtail's « programmée pour publication »."""
    scheduled = page.scheduled_revision if request.POST.get("action-publish") else None
    if scheduled is not None:
        say_what_happened(
            request,
            _("L'épisode « %(title)s » sera publié le %(when)s.")
            % {
                "title": page.get_admin_display_title(),
                "when": publication_time(scheduled.approved_go_live_at),
            },
        )


def without_publishing_panel(settings_panels):
    """Page settings without Wagtail's scheduling dialog: an episode is scheduled from its main
    tab's publication date, in one place."""
    return [
        panel
        for panel in settings_panels
        if not getattr(panel, "path", "").endswith(".PublishingPanel")
        and type(panel).__name__ != "PublishingPanel"
    ]
