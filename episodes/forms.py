"""The episode editor's form: publishing is refused while a speaker's consent is missing."""

from wagtail.admin.forms import WagtailAdminPageForm

from episodes.consent import formset_speakers_without_consent, is_publishing, refusal_message


class EpisodePageForm(WagtailAdminPageForm):
    """Checks consent when the editor publishes, schedules or approves; drafts save as before.

    The check runs once the form and its formsets are valid, so that it reads the speakers the
    editor is sending; on refusal Wagtail re-renders the editor with everything they typed.
    """

    def is_valid(self):
        valid = super().is_valid()
        if valid and is_publishing(self.data) and "speakers" in self.formsets:
            missing = formset_speakers_without_consent(self.formsets["speakers"])
            if missing:
                self.add_error(None, refusal_message(missing))
                return False
        return valid
