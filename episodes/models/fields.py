"""Fields of the podcast domain's models: times within an episode typed as people read them
(« 1:15 », « 1:02:03 ») and stored as seconds, links to optional images, and the parental key of
children too many for modelcluster to write one by one (a transcript's cues)."""

from django import forms
from django.db import models, transaction
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import (
    ChildObjectsDescriptor,
    ParentalKey,
    create_deferring_foreign_related_manager,
)

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


class BulkChildObjectsDescriptor(ChildObjectsDescriptor):
    """The page's side of a BulkParentalKey: modelcluster's in-memory children, written in bulk."""

    @cached_property
    def child_object_manager_cls(self):
        deferring = create_deferring_foreign_related_manager(self.rel, self.related_manager_cls)
        return bulk_committing(deferring, self.rel)


class BulkParentalKey(ParentalKey):
    """A ParentalKey whose children are written in bulk when their page is saved (published):
    unchanged, nothing is written; changed, one DELETE and a few batched INSERTs. modelcluster
    writes children one query each, after comparing every old one with every new one: a minute
    for the 5,000 cues of a two-hour transcript. For the database and the migrations it is a
    plain ParentalKey, as deconstruct() says: only how pending children are written differs."""

    related_accessor_class = BulkChildObjectsDescriptor

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "modelcluster.fields.ParentalKey", args, kwargs


def bulk_committing(manager_class, rel):
    """modelcluster's manager of a page's children, with commit() written in bulk."""
    accessor, model, key = rel.get_accessor_name(), rel.related_model, rel.field.name
    own = (model._meta.pk, rel.field)  # compared: every column but the row's id and its page
    fields = [field.attname for field in model._meta.concrete_fields if field not in own]

    class BulkCommittingManager(manager_class):
        def commit(self):
            pending = getattr(self.instance, "_cluster_related_objects", {}).get(accessor)
            if pending is None or self.instance.pk is None:
                return super().commit()  # nothing pending, or modelcluster's own refusal
            live = model._base_manager.filter(**{key: self.instance}).order_by("pk")
            rows = [tuple(getattr(item, name) for name in fields) for item in pending]
            with transaction.atomic():
                if list(live.values_list(*fields)) != rows:
                    live.delete()
                    for item in pending:
                        item.pk = None
                        setattr(item, key, self.instance)
                    model._base_manager.bulk_create(pending, batch_size=500)
            del self.instance._cluster_related_objects[accessor]

    return BulkCommittingManager
