"""Fields of the podcast domain's models: times within an episode typed as people read them
(« 1:15 », « 1:02:03 ») and stored as seconds, and links to optional images."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from episodes.formats.timecodes import format_precise_timecode, parse_timecode


class TimecodeInput(forms.TextInput):
    """A text box showing seconds as « 1:15 » or « 1:02:03.500 »; what was typed stays as typed."""

    def __init__(self, attrs=None):
        super().__init__({"placeholder": "0:00", "size": 12, **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, int | float):
            return format_precise_timecode(value)
        return super().format_value(value)


class TimecodeFormField(forms.Field):
    """A start time typed as « mm:ss » or « hh:mm:ss » (or plain seconds, « .250 » allowed)."""

    widget = TimecodeInput
    default_error_messages = {
        "invalid": _(
            "« %(value)s » n'est pas un temps lisible : écrivez par exemple 1:15 (minutes:secondes)"
            " ou 1:02:03 (heures:minutes:secondes)."
        ),
    }

    def to_python(self, value):
        if value in self.empty_values or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, int | float):
            return float(value)
        seconds = parse_timecode(str(value))
        if seconds is None:
            raise forms.ValidationError(
                self.error_messages["invalid"], code="invalid", params={"value": value}
            )
        return seconds


class TimecodeField(models.FloatField):
    """Seconds within an episode, edited in the admin as « mm:ss » or « hh:mm:ss »."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": TimecodeFormField, **kwargs})


def optional_image(verbose_name, **options):
    """A link to a Wagtail image that may be left empty (artwork, logo, photo): deleting the image
    empties the link, never what uses it."""
    return models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        **options,
    )
