"""The synonym groups editors keep: words and expressions a search treats as the same."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from search.understanding.synonyms import group_entries, validate_entries


class SynonymGroup(models.Model):
    """Words and expressions that mean the same to a visitor: « seniors, personnes âgées »."""

    terms = models.TextField(
        _("mots et expressions"),
        help_text=_(
            "Séparés par des virgules, par exemple : seniors, personnes âgées, aînés, "
            "bien-vieillir. Une recherche de l'un trouve aussi les autres."
        ),
    )
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("groupe de synonymes")
        verbose_name_plural = _("synonymes")
        ordering = ["terms"]

    def __str__(self):
        return ", ".join(group_entries(self.terms))

    def clean(self):
        others = SynonymGroup.objects.exclude(pk=self.pk).values_list("terms", flat=True)
        errors = validate_entries(self.terms, others)
        if errors:
            raise ValidationError({"terms": errors})
