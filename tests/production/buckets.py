"""The object storage tests' bucket: moto's S3 API set up as the README says
(private, images public by policy), the site's storage pointed at it, HTTP requests that follow
no redirect, and nginx in front of the site with deploy/nginx/s3-proxy.conf."""

import json
import re
import tempfile
import urllib.error
import urllib.request
from contextlib import contextmanager
from urllib.parse import urlsplit

import boto3

from operations.nginx import write_nginx_config
from radio.settings.base import BASE_DIR
from radio.settings.storage import object_storage
from tests.bench.servers import free_port
from tests.production.services import process, program, s3_server

BUCKET = "radio"
CREDENTIALS = {"aws_access_key_id": "radio-test", "aws_secret_access_key": "radio-test-secret"}


def readme_bucket_policy():
    """The bucket policy the README tells operators to set, read from the README itself."""
    readme = (BASE_DIR / "README.md").read_text()
    return json.loads(re.search(r"```json\n(.*?)```", readme, re.S).group(1))


def client(endpoint):
    return boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", **CREDENTIALS)


@contextmanager
def running_bucket():
    """moto's S3 API with the radio's bucket; yields the endpoint URL."""
    with s3_server() as endpoint:
        s3 = client(endpoint)
        s3.create_bucket(Bucket=BUCKET)
        s3.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(readme_bucket_policy()))
        yield endpoint


def use_bucket(settings, endpoint):
    """The site's uploads in the bucket at endpoint, as AWS_STORAGE_BUCKET_NAME and
    AWS_S3_ENDPOINT_URL set them."""
    settings.STORAGES = object_storage_settings(settings, endpoint)
    settings.AWS_S3_ORIGIN = endpoint


def object_storage_settings(settings, endpoint):
    """STORAGES with uploads in the bucket at endpoint."""
    storage = object_storage(
        BUCKET,
        endpoint_url=endpoint,
        region_name="us-east-1",
        access_key=CREDENTIALS["aws_access_key_id"],
        secret_key=CREDENTIALS["aws_secret_access_key"],
        addressing_style="path",
    )
    return {**settings.STORAGES, "default": storage}


def bucket_keys(endpoint):
    listing = client(endpoint).list_objects_v2(Bucket=BUCKET)
    return [item["Key"] for item in listing.get("Contents", [])]


def empty_the_bucket(endpoint):
    s3 = client(endpoint)
    for key in bucket_keys(endpoint):
        s3.delete_object(Bucket=BUCKET, Key=key)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url, *, method="GET", headers=None):
    """(status, headers, body) of one request, redirects not followed."""
    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@contextmanager
def nginx_in_front(site_url):
    """nginx on a free port in front of the site, configured by deploy/nginx.conf and its
    snippets (deploy/nginx/s3-proxy.conf) as `manage.py nginx_config` writes them."""
    binary = program("nginx")
    port = free_port()
    with tempfile.TemporaryDirectory() as folder:
        upstream = urlsplit(site_url).netloc
        conf = write_nginx_config(
            folder, listen=f"127.0.0.1:{port}", upstream=upstream, standalone=True
        )
        with process([binary, "-c", str(conf), "-p", folder], port):
            yield f"http://127.0.0.1:{port}"
