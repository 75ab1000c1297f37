"""Browser tests: Playwright drives Debian's chromium against the live server.

Without the browser they skip on a developer's machine and fail under CI (CI set), where skipped
browser tests would prove nothing.
"""

import importlib
import os

import pytest

CHROMIUM_MISSING = "Chromium introuvable : installez le paquet Debian chromium"
PLAYWRIGHT_MISSING = "Playwright introuvable : pip install -e '.[dev]'"
AXE_MISSING = "axe-core introuvable : pip install -e '.[dev]' (axe-playwright-python)"


def unavailable(message, *, module_level=False):
    """Skip the test (or the whole module), or fail it when running under CI."""
    if os.environ.get("CI", "").lower() not in ("", "0", "false"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message, allow_module_level=module_level)


def require(module_name, message):
    """Import a browser-testing package, or skip (fail under CI) the module needing it."""
    try:
        return importlib.import_module(module_name)
    except ImportError as error:
        unavailable(f"{message} ({error})", module_level=True)
