"""The searches visitors typed that found nothing or little: query text and counts only."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchGap(models.Model):
    """A query that found few episodes on a day, and how many times it was typed that day.

    No visitor is recorded: no address, session or time of day, only the words and counts.
    """

    query = models.CharField(_("recherche"), max_length=200)
    day = models.DateField(_("jour"))
    searches = models.PositiveIntegerField(_("recherches"), default=1)
    results = models.PositiveIntegerField(_("épisodes trouvés"), default=0)

    class Meta:
        verbose_name = _("recherche sans résultat")
        verbose_name_plural = _("recherches sans résultat")
        constraints = [
            models.UniqueConstraint(fields=["query", "day"], name="search_gap_query_day")
        ]
        indexes = [models.Index(fields=["day"], name="search_gap_day")]

    def __str__(self):
        return self.query
