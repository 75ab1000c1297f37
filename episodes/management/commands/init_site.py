"""manage.py init_site: the radio's home page in place of Wagtail's welcome page, on a new
production instance (no demo content; idempotent)."""

from django.core.management.base import BaseCommand

from episodes.models.site_pages import ensure_home_page


class Command(BaseCommand):
    help = (
        "Crée la page d'accueil de la radio à la place de la page de bienvenue de Wagtail "
        "(sans contenu de démonstration ; sans effet si elle existe déjà)."
    )

    def handle(self, *args, **options):
        home = ensure_home_page()
        self.stdout.write(self.style.SUCCESS(f"Page d'accueil en place : « {home.title} »."))
