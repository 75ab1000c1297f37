"""manage.py update_search_vocabulary: the search's vocabulary rebuilt from the published content.

Publishing adds words by itself; run this after `manage.py update_index`, after bulk imports that
bypass publishing, or now and then to drop the words of content since removed.
"""

from django.core.management.base import BaseCommand

from search.models import IndexedWord
from search.understanding.vocabulary import rebuild


class Command(BaseCommand):
    help = (
        "Reconstruit le vocabulaire de la recherche (corrections, racines) à partir du contenu "
        "publié."
    )

    def handle(self, *args, **options):
        rebuild()
        count = IndexedWord.objects.count()
        self.stdout.write(f"Vocabulaire de la recherche : {count} mots.")
