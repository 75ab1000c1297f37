"""What stops a backup or a restore, with the French message the operator reads."""


class BackupError(Exception):
    """A backup or restore that cannot go on; str() is the French message for the operator."""
