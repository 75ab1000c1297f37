"""The object storage tests' bucket: moto's S3 API set up as the README says
(private, images public by policy), the site's storage pointed at it, HTTP requests that follow
no redirect, and nginx in front of the site with deploy/nginx/s3-proxy.conf."""

import json
import tempfile
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from string import Template
from urllib.parse import urlsplit

import boto3

from radio.settings.base import BASE_DIR, object_storage
from tests.bench.servers import free_port
from tests.production.services import nginx_user, process, program, s3_server

BUCKET = "radio"
CREDENTIALS = {"aws_access_key_id": "radio-test", "aws_secret_access_key": "radio-test-secret"}
# The README's bucket policy: anyone may read images and their renditions, nothing else.
PUBLIC_IMAGES_POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": [
                f"arn:aws:s3:::{BUCKET}/images/*",
                f"arn:aws:s3:::{BUCKET}/original_images/*",
            ],
        }
    ],
}
NGINX_CONF = """daemon off; pid $tmp/nginx.pid; error_log $tmp/error.log; $user
events {}
http {
    access_log off;
    client_body_temp_path $tmp; proxy_temp_path $tmp;
    fastcgi_temp_path $tmp; uwsgi_temp_path $tmp; scgi_temp_path $tmp;
    server {
        listen 127.0.0.1:$port;
        location / { proxy_pass $site; proxy_set_header Host $$host:$$server_port; }
        include $tmp/s3-proxy.conf;
    }
}
"""


def client(endpoint):
    return boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", **CREDENTIALS)


@contextmanager
def running_bucket():
    """moto's S3 API with the radio's bucket; yields the endpoint URL."""
    with s3_server() as endpoint:
        s3 = client(endpoint)
        s3.create_bucket(Bucket=BUCKET)
        s3.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_IMAGES_POLICY))
        yield endpoint


def object_storage_settings(settings, endpoint):
    """STORAGES with uploads in the bucket at endpoint, as AWS_STORAGE_BUCKET_NAME sets them."""
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
def nginx_in_front(site_url, s3_endpoint):
    """nginx on a free port proxying to the site, with deploy/nginx/s3-proxy.conf as shipped."""
    binary = program("nginx")
    port = free_port()
    snippet = (BASE_DIR / "deploy" / "nginx" / "s3-proxy.conf").read_text()
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(s3_endpoint))
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "s3-proxy.conf").write_text(snippet.replace("${S3_ORIGIN}", origin))
        conf = Template(NGINX_CONF).substitute(tmp=tmp, user=nginx_user(), port=port, site=site_url)
        (Path(tmp) / "nginx.conf").write_text(conf)
        with process([binary, "-c", f"{tmp}/nginx.conf", "-p", tmp], port):
            yield f"http://127.0.0.1:{port}"
