"""The database as one file: SQLite's online backup API, or pg_dump's custom format; and back.

Both give a consistent snapshot of a database in use: the site keeps running during a backup.
"""

import os
import sqlite3
import subprocess

from django.db import connection
from django.utils.translation import gettext as _

from episodes.backup.errors import BackupError

ENGINES = {"django.db.backends.sqlite3": "sqlite", "django.db.backends.postgresql": "postgresql"}
DUMP_NAMES = {"sqlite": "database/db.sqlite3", "postgresql": "database/postgresql.dump"}


def engine():
    """ "sqlite" or "postgresql": the engine of this instance's database."""
    name = ENGINES.get(connection.settings_dict["ENGINE"])
    if name is None:
        raise BackupError(_("Seules les bases SQLite et PostgreSQL peuvent être sauvegardées."))
    return name


def dump_database(path):
    """Write a snapshot of the database to path; returns the engine's name."""
    name = engine()
    if name == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(path) as target:
            connection.connection.backup(target)
        target.close()
    else:
        run_postgresql("pg_dump", "--format=custom", "--no-owner", "--no-privileges", "-f", path)
    return name


def restore_database(path, dumped_engine):
    """Replace this instance's database by the snapshot at path."""
    name = engine()
    if name != dumped_engine:
        raise BackupError(
            _(
                "Cette sauvegarde vient d'une base %(dumped)s ; cette instance utilise %(engine)s. "
                "Restaurez-la sur une instance du même type de base."
            )
            % {"dumped": dumped_engine, "engine": name}
        )
    if name == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(path) as source:
            source.backup(connection.connection)
        source.close()
    else:
        connection.close()
        run_postgresql(
            "pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges",
            "--single-transaction", "--exit-on-error", path,
        )  # fmt: skip


def run_postgresql(program, *arguments):
    """Run pg_dump or pg_restore on this instance's database; a French error if it fails."""
    settings = connection.settings_dict
    env = dict(os.environ, PGDATABASE=settings["NAME"])
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER")):
        if settings.get(key):
            env[variable] = str(settings[key])
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = settings["PASSWORD"]
    if program == "pg_restore":
        arguments = ("-d", settings["NAME"], *arguments)
    try:
        subprocess.run([program, *arguments], env=env, check=True, capture_output=True)
    except FileNotFoundError:
        raise BackupError(
            _("%(program)s est introuvable : installez le client PostgreSQL (postgresql-client).")
            % {"program": program}
        ) from None
    except subprocess.CalledProcessError as failure:
        raise BackupError(
            _("%(program)s a échoué : %(error)s")
            % {"program": program, "error": failure.stderr.decode(errors="replace").strip()}
        ) from None
