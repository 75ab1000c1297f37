"""Backups that include media: `manage.py backup DEST` writes one tar archive (the database dump,
every media file, a manifest with their checksums) while the site runs; `manage.py restore ARCHIVE`
rebuilds an empty instance from it. database.py dumps and restores (pg_dump / SQLite's backup
API), media.py lists and copies the stored files (local disk or object storage), writer.py and
reader.py make and check the archive."""
