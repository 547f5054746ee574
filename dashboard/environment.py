"""Every environment variable the dashboard reads, with its meaning: one list, one place.

Modules read a variable through ``get`` with a name from here, so nothing reads an unlisted one
(a test checks the code against this list, and the README's table is generated from it).
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Variable:
    name: str
    meaning: str
    default: str


DASHBOARD_DATA = "DASHBOARD_DATA"
BROWSER_PATH = "BROWSER_PATH"
DASHBOARD_GC_INTERVAL = "DASHBOARD_GC_INTERVAL"
SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"

VARIABLES = (
    Variable(DASHBOARD_DATA, "a data package directory to load instead of the bundled one "
             "(app, command line and publish)", "the bundled package"),
    Variable(BROWSER_PATH, "the Chromium executable for PNG/SVG/PDF export and the browser tests",
             "`chromium` on the PATH"),
    Variable(DASHBOARD_GC_INTERVAL, "seconds between the memory janitor's runs in a served "
             "process (0 turns it off)", "30"),
    Variable(SOURCE_DATE_EPOCH, "the build date of a published bundle, as a Unix time "
             "(reproducible builds)", "the data package's `created` date"),
)


def get(name: str) -> str | None:
    """The variable's value (None when unset); ``name`` must be one listed above."""
    if name not in {v.name for v in VARIABLES}:
        raise KeyError(f"{name} is not a listed environment variable (dashboard/environment.py)")
    return os.environ.get(name)


def markdown_table() -> str:
    """The README's table of variables."""
    rows = [f"| `{v.name}` | {v.meaning} | {v.default} |" for v in VARIABLES]
    return "\n".join(["| Variable | Meaning | Default |", "|---|---|---|", *rows])
