"""The period a report covers, as the reader chooses it (UTC days), 30 days by default."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audience.figures import Period

DEFAULT_DAYS = 30
LONGEST = datetime.timedelta(days=3 * 366)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class PeriodForm(forms.Form):
    """The report's period; a wrong date is named in French and the default period used."""

    since = forms.DateField(label=_("Du"), required=False, widget=DateInput)
    until = forms.DateField(label=_("Au"), required=False, widget=DateInput)

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            raise forms.ValidationError(_("La date de début doit précéder la date de fin."))
        if since and until and until - since > LONGEST:
            raise forms.ValidationError(_("Choisissez une période de trois ans au plus."))
        return cleaned

    def period(self):
        """The Period asked for, or the last 30 days when the form is empty or wrong."""
        today = timezone.now().astimezone(datetime.UTC).date()
        data = self.cleaned_data if self.is_valid() else {}
        until = data.get("until") or today
        since = data.get("since") or until - datetime.timedelta(days=DEFAULT_DAYS - 1)
        if until - since > LONGEST or since > until:
            since = until - datetime.timedelta(days=DEFAULT_DAYS - 1)
        if not self.is_bound:
            self.initial = {"since": since, "until": until}
        return Period(since, until)
