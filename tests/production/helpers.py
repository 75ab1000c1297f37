"""The production stack on loopback, for tests/production and make bench: a private PostgreSQL
(initdb in a temporary folder), gunicorn with deploy/gunicorn.conf.py, nginx on the file that
`manage.py nginx_config` makes from deploy/nginx.conf, the task worker; each on a free port."""

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SECRET_KEY = "tests-production-only-" + "s" * 40
UPLOAD_LIMIT_MB = 20
# Variables of the calling environment that the stack sets itself.
OWN_VARIABLES = (
    "DJANGO_SETTINGS_MODULE",
    "DATABASE_URL",
    "PUBLIC_BASE_URL",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "MEDIA_ROOT",
    "STATIC_ROOT",
    "AUDIO_DELIVERY",
    "TRUSTED_PROXIES",
    "IMPORT_ALLOW_PRIVATE_ADDRESSES",
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, timeout=60.0, process=None):
    """Wait until something listens on 127.0.0.1:port (or the process it should come from dies)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} stopped with status {process.returncode}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port}")


def wait_for_http(url, timeout=120.0):
    """Wait until url answers (any status): the server behind it is ready."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def nginx_binary():
    return shutil.which("nginx") or (
        "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
    )


def postgres_bin_dir():
    """Debian's PostgreSQL programs (initdb, pg_ctl), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def as_postgres_user(command):
    """PostgreSQL refuses to run as root: under root, run its programs as the postgres user."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


class PrivatePostgres:
    """A PostgreSQL server of the tests' own, in a temporary folder, that they may stop and start
    (never the machine's shared server)."""

    def __init__(self):
        self.bin = postgres_bin_dir()
        self.folder = Path(tempfile.mkdtemp(prefix="radio-pg-"))
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/radio"
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")

    def run(self, *command):
        subprocess.run(
            as_postgres_user([str(self.bin / command[0]), *command[1:]]),
            check=True,
            capture_output=True,
            timeout=120,
        )

    def create(self):
        data = self.folder / "data"
        self.run("initdb", "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        self.start()
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "radio")

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.run(
            "pg_ctl",
            "-D",
            str(self.folder / "data"),
            "-o",
            options,
            "-l",
            str(self.folder / "log"),
            "-w",
            "start",
        )

    def stop(self):
        self.run("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")

    def remove(self):
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass  # already stopped
        shutil.rmtree(self.folder, ignore_errors=True)


class Stack:
    """radio.settings.production behind nginx, as deploy/ ships it, on free loopback ports."""

    def __init__(self, database_url, folder, **environment):
        self.folder = Path(folder)
        self.nginx_port, self.web_port = free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.nginx_port}"
        self.web_url = f"http://127.0.0.1:{self.web_port}"
        self.env = {k: v for k, v in os.environ.items() if k not in OWN_VARIABLES}
        defaults = dict(
            DJANGO_SETTINGS_MODULE="radio.settings.production",
            SECRET_KEY=SECRET_KEY,
            ALLOWED_HOSTS="127.0.0.1,localhost",
            PUBLIC_BASE_URL=self.url,
            DATABASE_URL=database_url,
            MEDIA_ROOT=str(self.folder / "media"),
            STATIC_ROOT=str(self.folder / "static"),
            AUDIO_DELIVERY="x-accel",
            TRUSTED_PROXIES="127.0.0.1",
            AUDIO_MAX_UPLOAD_MB=str(UPLOAD_LIMIT_MB),
            # The podcast host of the import test runs on this machine (127.0.0.1).
            IMPORT_ALLOW_PRIVATE_ADDRESSES="1",
        )
        self.env.update(defaults, **environment)
        self.processes = {}

    def manage(self, *args, timeout=600):
        """Run manage.py with the stack's settings; its standard output."""
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def python(self, code):
        """Run Python code with Django set up on the stack's database; what it printed."""
        return self.manage("shell", "--no-imports", "-c", code)

    def prepare(self):
        """Migrate, load the demo, collect static files, write nginx's configuration."""
        self.manage("migrate", "--noinput")
        self.manage("load_initial_data")
        self.configure()

    def configure(self):
        """Collect static files and write nginx's configuration."""
        self.manage("collectstatic", "--noinput", "--verbosity", "0")
        self.manage(
            "nginx_config",
            str(self.folder / "nginx"),
            "--standalone",
            "--listen",
            f"127.0.0.1:{self.nginx_port}",
            "--upstream",
            f"127.0.0.1:{self.web_port}",
        )

    def start_process(self, name, command, port=None):
        log = open(self.folder / f"{name}.log", "ab")  # noqa: SIM115 (closed in stop())
        process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=log, stderr=log)
        self.processes[name] = (process, log)
        if port:
            wait_for_port(port, process=process)
        return process

    def start_web(self, workers=2):
        gunicorn = [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py"]
        command = [*gunicorn, "-w", str(workers), "-b", f"127.0.0.1:{self.web_port}", "radio.wsgi"]
        process = self.start_process("gunicorn", command, self.web_port)
        wait_for_http(self.web_url + "/robots.txt")
        return process

    def start_nginx(self):
        folder = self.folder / "nginx"
        command = [
            nginx_binary(),
            "-e",
            "stderr",
            "-p",
            str(folder),
            "-c",
            str(folder / "nginx.conf"),
        ]
        return self.start_process("nginx", command, self.nginx_port)

    def start_worker(self):
        command = [
            sys.executable,
            "manage.py",
            "run_worker",
            "--queue-name",
            "*",
            "--interval",
            "0.2",
            "--no-startup-delay",
            "--no-reload",
        ]
        return self.start_process("worker", command)

    def start_scheduler(self):
        return self.start_process(
            "scheduler", [sys.executable, "manage.py", "schedule_jobs", "--forever"]
        )

    def start(self):
        self.start_web()
        self.start_nginx()
        self.start_worker()
        self.start_scheduler()

    def stop(self):
        for process, _log in self.processes.values():
            process.terminate()
        for process, log in self.processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
            log.close()
        self.processes.clear()

    def log(self, name):
        return (self.folder / f"{name}.log").read_text(errors="replace")
