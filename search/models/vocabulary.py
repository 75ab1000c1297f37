"""The words the index holds, for the French stems on SQLite and the typo corrections."""

from django.db import models


class IndexedWord(models.Model):
    """A word said or written in the published content: folded, with its usual spelling."""

    folded = models.CharField(max_length=100, unique=True)  # « beguinage »
    spelling = models.CharField(max_length=100)  # « béguinage », as visitors read it
    stem = models.CharField(max_length=100, db_index=True)  # Snowball French: « beguinag »
    documents = models.PositiveIntegerField(default=0)  # how many texts say it (about)

    class Meta:
        verbose_name = "mot indexé"

    def __str__(self):
        return self.spelling
