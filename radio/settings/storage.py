"""Where uploads live (local files or an S3-compatible bucket) and how audio reaches listeners;
read by base.py, which every environment's settings extend."""

import os

STORAGES = {
    "default": {"BACKEND": "radio.storage.LocalMediaStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


# S3-compatible object storage for uploads (needs the "s3" extra: pip install -e ".[s3]"). One
# bucket, private; a bucket policy makes images/ and original_images/ publicly readable (README).
# Audio stays private: /audio/<guid> hands out short-lived signed URLs.
def object_storage(bucket_name, **options):
    """The STORAGES entry of uploads in an S3 bucket (radio/object_storage.py)."""
    from botocore.config import Config  # the "s3" extra

    return {
        "BACKEND": "radio.object_storage.ObjectStorage",
        "OPTIONS": {
            "bucket_name": bucket_name,
            "file_overwrite": False,
            "querystring_auth": False,
            # A file read back (stream mode, backups) spills to disk past 8 MiB, not to memory.
            "max_memory_size": 8 * 1024 * 1024,
            # A storage that does not answer fails an upload in seconds, not minutes.
            "client_config": Config(
                signature_version="s3v4",
                s3={"addressing_style": options.pop("addressing_style", None) or "auto"},
                connect_timeout=5,
                read_timeout=30,
                retries={"max_attempts": 3, "mode": "standard"},
            ),
            **options,
        },
    }


AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = object_storage(
        AWS_STORAGE_BUCKET_NAME,
        endpoint_url=os.environ.get("AWS_S3_ENDPOINT_URL") or None,
        region_name=os.environ.get("AWS_S3_REGION_NAME") or None,
        access_key=os.environ.get("AWS_ACCESS_KEY_ID", ""),
        secret_key=os.environ.get("AWS_SECRET_ACCESS_KEY", ""),
        custom_domain=os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
        addressing_style=os.environ.get("AWS_S3_ADDRESSING_STYLE")
        or ("path" if os.environ.get("AWS_S3_ENDPOINT_URL") else "virtual"),
    )
# The origin (scheme and host) of the bucket's signed URLs, that nginx fetches audio from in
# x-accel mode (deploy/nginx/s3-proxy.conf): the endpoint's with path-style addresses, else
# https://<bucket>.s3.<region>.amazonaws.com on AWS (or the provider's own bucket host).
AWS_S3_ORIGIN = os.environ.get("AWS_S3_ORIGIN", "").rstrip("/")
if AWS_STORAGE_BUCKET_NAME and not AWS_S3_ORIGIN and os.environ.get("AWS_S3_ENDPOINT_URL"):
    AWS_S3_ORIGIN = os.environ["AWS_S3_ENDPOINT_URL"].rstrip("/")
# How long a signed audio URL of the bucket is valid (redirect and x-accel modes), in seconds.
AUDIO_SIGNED_URL_SECONDS = int(os.environ.get("AUDIO_SIGNED_URL_SECONDS", "300"))

# How audio reaches listeners: "stream" (Django streams it, with byte ranges), "x-accel" (nginx
# serves the file named in X-Accel-Redirect, or fetches it from the bucket: deploy/nginx/
# s3-proxy.conf) or "redirect" (to the storage URL, signed for a bucket).
AUDIO_DELIVERY = os.environ.get("AUDIO_DELIVERY", "stream")
AUDIO_X_ACCEL_PREFIX = os.environ.get("AUDIO_X_ACCEL_PREFIX", "/protected-media")
# The internal location nginx fetches audio of the bucket through (deploy/nginx/s3-proxy.conf).
AUDIO_X_ACCEL_S3_PREFIX = os.environ.get("AUDIO_X_ACCEL_S3_PREFIX", "/protected-s3")
