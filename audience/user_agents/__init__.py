"""Who is listening, by user agent: OPAWG's user-agents-v2 patterns (vendored in opawg/, MIT),
read as its README says: bots, then apps, libraries and browsers, first match wins; devices for
anything that is not a bot; referrers for browsers (web apps and hosts' web players)."""

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "opawg"
KINDS = ("bot", "app", "library", "browser")
FILES = {"bot": "bots", "app": "apps", "library": "libraries", "browser": "browsers"}
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Agent:
    """What a user agent is: kind (bot, app, library, browser or unknown), name, device."""

    kind: str
    name: str = ""
    device: str = ""
    device_category: str = ""
    referrer_name: str = ""
    referrer_category: str = ""

    @property
    def is_bot(self):
        return self.kind == "bot"

    @property
    def app(self):
        """The name reports show: the app, or the web app a browser played from."""
        return self.referrer_name or self.name


def load(name):
    """[(compiled pattern, entry)] of one OPAWG file, in its order."""
    entries = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))["entries"]
    return [(re.compile(entry["pattern"]), entry) for entry in entries]


@lru_cache(maxsize=1)
def patterns():
    tables = {kind: load(FILES[kind]) for kind in KINDS}
    return tables, load("devices"), load("referrers")


def first_match(table, text):
    for pattern, entry in table:
        if pattern.search(text):
            return entry
    return None


@lru_cache(maxsize=8192)
def classify(user_agent, referrer=""):
    """The Agent of a user agent (and Referer origin), memoised: aggregation asks often."""
    text = user_agent.replace("\n", " ").replace("\r", " ")
    tables, devices, referrers = patterns()
    for kind in KINDS:
        entry = first_match(tables[kind], text) if text else None
        if entry is not None:
            break
    else:
        return Agent(UNKNOWN)
    if kind == "bot":
        return Agent(kind, entry["name"])
    device = first_match(devices, text) or {}
    web = first_match(referrers, referrer) if kind == "browser" and referrer else None
    web = web or {}
    return Agent(
        kind,
        entry["name"],
        device.get("name", ""),
        device.get("category", ""),
        web.get("name", ""),
        web.get("category") or "",
    )
