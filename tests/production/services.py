"""Real servers on free loopback ports for the production tests: Varnish in front of the site,
a small WebSub hub that records the pings, an S3 API (moto's server mode). Each skips
its test with a clear message when the program is missing locally; .ci/run installs them."""

import os
import shutil
import subprocess
import tempfile
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.bench.servers import free_port, wait_for_port

# Caches every GET for an hour whatever the site says, so only a purge can refresh a page; takes
# PURGE from loopback, as a deployment's Varnish takes it from the web servers.
VARNISH_VCL = """vcl 4.1;
backend site {{ .host = "{host}"; .port = "{port}"; }}
acl purgers {{ "127.0.0.1"; }}
sub vcl_recv {{
    if (req.method == "PURGE") {{
        if (client.ip !~ purgers) {{ return (synth(405, "Not allowed")); }}
        return (purge);
    }}
    unset req.http.Cookie;
    return (hash);
}}
sub vcl_backend_response {{
    set beresp.ttl = 1h;
    unset beresp.http.Set-Cookie;
}}
"""


def program(name):
    """The path of a server program, or a skip naming the Debian package to install."""
    path = shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/local/sbin")
    if path is None:
        message = f"{name} is not installed (apt-get install {name.rstrip('d')}; .ci/run does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@contextmanager
def process(command, port):
    """A server process listening on port until the block ends; its errors shown if it fails."""
    with tempfile.TemporaryFile() as errors:
        server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        try:
            wait_for_port(port)
        except RuntimeError:
            server.kill()
            errors.seek(0)
            raise RuntimeError(f"{command[0]} did not start: {errors.read().decode()}") from None
        try:
            yield server
        finally:
            server.terminate()
            server.wait(timeout=20)


@contextmanager
def varnish(backend_url, port=None):
    """Varnish on port (a free one by default) in front of backend_url; yields its URL."""
    binary = program("varnishd")
    backend = urlsplit(backend_url)
    port = port or free_port()
    with tempfile.TemporaryDirectory() as workdir:
        os.chmod(workdir, 0o755)  # varnishd reads its VCL as the varnish user
        vcl = Path(workdir) / "site.vcl"
        vcl.write_text(VARNISH_VCL.format(host=backend.hostname, port=backend.port))
        vcl.chmod(0o644)
        command = [binary, "-F", "-n", workdir, "-f", str(vcl), "-a", f"127.0.0.1:{port}"]
        command += ["-s", "malloc,32m"]
        with process(command, port):
            yield f"http://127.0.0.1:{port}"


class WebSubHub:
    """A WebSub hub on loopback that answers 204 and records each publish ping's hub.url."""

    def __init__(self):
        self.pinged = []
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                form = parse_qs(self.rfile.read(length).decode())
                if form.get("hub.mode") == ["publish"]:
                    hub.pinged.extend(form.get("hub.url", []))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/"

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@contextmanager
def s3_server():
    """moto's S3 API on a free loopback port (the real protocol, boto3 on the other side)."""
    server_module = pytest.importorskip("moto.server", reason="moto[server] is a dev extra")
    port = free_port()
    server = server_module.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


def unused_url():
    """An address where nothing listens: a dependency that is down."""
    return f"http://127.0.0.1:{free_port()}"
