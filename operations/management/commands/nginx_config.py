"""Write deploy/nginx.conf filled in with this instance's paths and addresses."""

from django.core.management import BaseCommand

from operations.nginx import write_nginx_config


class Command(BaseCommand):
    help = (
        "Écrit la configuration nginx du site (deploy/nginx.conf complétée avec les chemins "
        "et adresses de cette instance) dans DOSSIER : radio.conf et radio.d/."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", metavar="DOSSIER")
        parser.add_argument("--listen", default="80", help="Adresse d'écoute de nginx (80).")
        parser.add_argument(
            "--upstream", default="127.0.0.1:8000", help="Adresse de gunicorn (127.0.0.1:8000)."
        )
        parser.add_argument(
            "--standalone",
            action="store_true",
            help="Ajouter un nginx.conf complet, pour un nginx lancé à part (make serve-prod).",
        )
        parser.add_argument("--access-log", default="off", help="Journal d'accès (off).")

    def handle(self, *args, folder, listen, upstream, standalone, access_log, **options):
        path = write_nginx_config(
            folder,
            listen=listen,
            upstream=upstream,
            standalone=standalone,
            access_log=access_log,
        )
        self.stdout.write(str(path))
