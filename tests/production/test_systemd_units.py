"""The systemd units of deploy/ as an operator installs them (README « Running in production »):
checked by systemd's own `systemd-analyze verify`, and their commands, user, folder and
environment file agree with the README and the code."""

import configparser
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import get_commands, load_command_class

from tests.browser import unavailable
from tests.production.helpers import ROOT

UNITS = ROOT / "deploy" / "systemd"
CODE = "/srv/radio"  # where the README puts the code
SERVICES = sorted(UNITS.glob("*.service"))
MISSING = "systemd-analyze introuvable : apt-get install systemd (pour vérifier les unités)"


def read_unit(path):
    unit = configparser.ConfigParser(interpolation=None, strict=False)
    unit.optionxform = str  # systemd's keys are case-sensitive
    unit.read(path, encoding="utf-8")
    return unit


def operator_section():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("## Running in production (operators)", 1)[1].split("\n## ", 1)[0]


def test_the_units_pass_systemd_analyze_verify(tmp_path):
    if shutil.which("systemd-analyze") is None:
        unavailable(MISSING)
    # Installed as shipped, except that the code is this checkout and its virtualenv.
    venv_bin = str(Path(sys.executable).parent)
    for unit in UNITS.iterdir():
        text = unit.read_text(encoding="utf-8").replace(f"{CODE}/.venv/bin", venv_bin)
        (tmp_path / unit.name).write_text(text.replace(CODE, str(ROOT)), encoding="utf-8")
    result = subprocess.run(
        ["systemd-analyze", "verify", *sorted(str(path) for path in tmp_path.iterdir())],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == ""  # not even a warning


@pytest.mark.parametrize("path", SERVICES, ids=lambda path: path.name)
def test_each_service_runs_as_the_readme_installs_it(path):
    service = read_unit(path)["Service"]
    assert service["User"] == service["Group"] == "radio"
    assert service["WorkingDirectory"] == CODE
    assert service["EnvironmentFile"] == "/etc/radio/env"
    assert service["Environment"] == "DJANGO_SETTINGS_MODULE=radio.settings.production"
    section = operator_section()
    assert "adduser --system --group --home /srv/radio radio" in section
    assert "/etc/radio/env" in section


@pytest.mark.parametrize("path", SERVICES, ids=lambda path: path.name)
def test_each_service_command_is_one_the_code_accepts(path, database_tasks):
    command = shlex.split(read_unit(path)["Service"]["ExecStart"])
    assert command[0].startswith(f"{CODE}/.venv/bin/")
    if command[1] == "manage.py":  # its options, parsed by the command's own parser
        name, arguments = command[2], command[3:]
        parser = load_command_class(get_commands()[name], name).create_parser("manage.py", name)
        parser.parse_args(arguments)
    else:  # gunicorn -c deploy/gunicorn.conf.py radio.wsgi
        assert command[1:3] == ["-c", "deploy/gunicorn.conf.py"]
        assert (ROOT / command[2]).is_file()
        assert (ROOT / (command[3].replace(".", "/") + ".py")).is_file()


def test_the_readme_enables_every_unit_it_ships():
    section = operator_section()
    enabled = re.search(r"systemctl\s+enable --now ([^`]+)`", section).group(1).split()
    timers = {path.stem for path in UNITS.glob("*.timer")}
    # Every timer is enabled, and every service that no timer starts.
    expected = {f"{name}.timer" for name in timers}
    expected |= {path.stem for path in SERVICES if path.stem not in timers}
    assert set(enabled) == expected


def test_the_example_environment_leaves_the_units_settings_module_alone(tmp_path):
    # systemd: a variable of EnvironmentFile= overrides Environment=. The README copies
    # .env.example to /etc/radio/env, so it must not name the development settings.
    lines = (ROOT / ".env.example").read_text(encoding="utf-8").splitlines()
    names = {line.split("=", 1)[0] for line in lines if "=" in line and not line.startswith("#")}
    assert "DJANGO_SETTINGS_MODULE" not in names
    # The README's « Prepare » step reads the same file with the shell.
    shell = "set -a && . ./.env.example && set +a && env"
    result = subprocess.run(["sh", "-c", shell], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "DJANGO_SETTINGS_MODULE=radio.settings.dev" not in result.stdout
