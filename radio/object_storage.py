"""Uploads in an S3-compatible bucket (AWS, Scaleway, OVH, MinIO…), through django-storages.

The bucket is private; images are public through its policy, audio never: it is reached by
short-lived signed URLs given to one listener at a time (redirect mode) or to nginx (x-accel).
"""

from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class ObjectStorage(S3Storage):
    """django-storages' S3 storage, which also signs a URL for one file, whatever the bucket's
    default (querystring_auth is off: image URLs in feeds must not expire)."""

    def signed_url(self, name, *, method="GET", seconds=300, filename=""):
        """A URL of the file valid for `seconds`, for GET or HEAD; filename names the download."""
        params = {"Bucket": self.bucket_name, "Key": self._normalize_name(clean_name(name))}
        if filename and method == "GET":
            params["ResponseContentDisposition"] = f'inline; filename="{filename}"'
        operation = "head_object" if method == "HEAD" else "get_object"
        return self.bucket.meta.client.generate_presigned_url(
            operation, Params=params, ExpiresIn=seconds, HttpMethod=method
        )
