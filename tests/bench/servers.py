"""Real servers for the HTTP benchmarks: gunicorn (2 workers) and, for reference, nginx."""

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

NGINX_CONF = """{user}daemon off; worker_processes 2;
pid {tmp}/nginx.pid; error_log {tmp}/error.log;
events {{ worker_connections 256; }}
http {{ access_log off; sendfile on; types {{ audio/mpeg mp3; }}
  client_body_temp_path {tmp}; proxy_temp_path {tmp}; fastcgi_temp_path {tmp};
  uwsgi_temp_path {tmp}; scgi_temp_path {tmp};
  server {{ listen 127.0.0.1:{port}; root {root}; }} }}
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port}")


@contextmanager
def running(command, port, env=None):
    """Run a server process until the block ends; it is always stopped."""
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for_port(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=20)


def gunicorn(port):
    """gunicorn with 2 sync workers serving the project with the current environment."""
    command = [sys.executable, "-m", "gunicorn", "radio.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}"]
    return running(command, port, env=dict(os.environ))


@contextmanager
def nginx(root):
    """nginx serving a folder as static files, or None when nginx is not installed."""
    binary = shutil.which("nginx") or (
        "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
    )
    if not binary:
        yield None
        return
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        conf = Path(tmp) / "nginx.conf"
        user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read the media folder
        conf.write_text(NGINX_CONF.format(user=user, tmp=tmp, port=port, root=root))
        with running([binary, "-c", str(conf), "-p", tmp], port) as url:
            yield url


def load(url, headers=(), seconds=5, connections=16):
    """Requests per second and median latency (ms) under a bounded wrk load, or None."""
    if not shutil.which("wrk"):
        return None
    command = [
        "wrk",
        f"-t{min(2, connections)}",
        f"-c{connections}",
        f"-d{seconds}s",
        # A loaded machine answers late: a slow answer counts, instead of being dropped at 2 s.
        "--timeout",
        "10s",
        "--latency",
        url,
    ]
    for header in headers:
        command += ["-H", header]
    output = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 30).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    median = re.search(r"50%\s+([\d.]+)(us|ms|s)", output)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[median.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    transfer = re.search(r"Transfer/sec:\s+([\d.]+)(B|KB|MB|GB)", output)
    megabytes = {"B": 1e-6, "KB": 1 / 1024, "MB": 1.0, "GB": 1024.0}[transfer.group(2)]
    return {
        "rate": rate,
        "p50": float(median.group(1)) * scale,
        "errors": errors and errors.group(1),
        "mbps": float(transfer.group(1)) * megabytes,
    }


def headers_of(url):
    """The response headers of a GET, lower-cased names."""
    with urllib.request.urlopen(url, timeout=30) as response:
        return {name.lower(): value for name, value in response.headers.items()}
