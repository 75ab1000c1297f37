"""manage.py load_initial_data: the demo show, episodes and knowledge pages (idempotent)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.urls import reverse

from episodes.delivery.addresses import public_url
from episodes.demo.loader import load_demo_content

DEV_ADMIN = ("admin", "admin")


class Command(BaseCommand):
    help = "Charge le contenu de démonstration (sans doublon si on le relance)."

    def handle(self, *args, **options):
        load_demo_content()
        self.stdout.write(self.style.SUCCESS("Contenu de démonstration chargé."))
        if settings.DEBUG:
            self.ensure_dev_admin()

    def ensure_dev_admin(self):
        """A superuser for local development only; never created when DEBUG is off."""
        username, password = DEV_ADMIN
        user_model = get_user_model()
        if not user_model.objects.filter(username=username).exists():
            user_model.objects.create_superuser(username, "admin@example.org", password)
        self.stdout.write(
            f"Administration : {public_url(reverse('wagtailadmin_home'))} "
            f"(identifiant « {username} », mot de passe « {password} », développement seulement)"
        )
