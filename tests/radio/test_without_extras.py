"""The install the README gives operators (`make .venv/.installed`: no "s3" extra) runs: the
production settings load, the media storage opens and a check passes without django-storages or
boto3, which only object storage needs."""

import os
import subprocess
import sys

from django.conf import settings

WITHOUT_S3 = """
import sys
for name in ("storages", "boto3", "botocore"):
    sys.modules[name] = None  # as if the "s3" extra were not installed
import django
django.setup()
from django.core.files.storage import storages
from django.core.management import call_command
print(type(storages["default"]).__name__)
call_command("check")
"""


def test_production_runs_without_the_object_storage_packages(tmp_path):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "radio.settings.production",
        "SECRET_KEY": "without-extras-" + "k" * 50,
        "ALLOWED_HOSTS": "radio.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "AWS_STORAGE_BUCKET_NAME": "",
    }
    run = subprocess.run(
        [sys.executable, "-c", WITHOUT_S3],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert "LocalMediaStorage" in run.stdout
