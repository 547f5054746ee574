"""Every environment variable the dashboard reads, with its meaning: one list, one place.

Modules read a variable through ``get`` (raw) or ``value`` (checked) with a name from here, so
nothing reads an unlisted one (a test checks the code against this list, and the README's table
is generated from it). ``check_all`` runs every variable's check once at start (``cli.main`` and
``app.py``): a bad value is one ``EnvironmentProblem`` line naming the variable, never a silent
default or a traceback later.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dashboard.errors import UserError
from dashboard.text.plain import quoted

MAX_GC_INTERVAL_S = 3600
LATEST_EPOCH = 253_402_300_799  # 9999-12-31T23:59:59Z


class EnvironmentProblem(UserError):
    """An environment variable whose value cannot be used; the message names it."""


class _Unusable(ValueError):
    """A check's own reason (float() and int() failing read as 'not a number')."""


def _seconds(raw: str) -> float:
    value = float(raw)
    if not math.isfinite(value):
        raise _Unusable("not a finite number")
    if value != 0 and not 1 <= value <= MAX_GC_INTERVAL_S:
        raise _Unusable(f"outside 1 to {MAX_GC_INTERVAL_S:,} seconds")
    return value + 0.0  # -0 is 0


def _folder(raw: str) -> Path:
    path = Path(raw)
    if not path.exists():
        raise _Unusable("not a data package directory (no such folder)")
    if not path.is_dir():
        raise _Unusable("not a data package directory (it is a file, not a folder)")
    return path


def _unix_time(raw: str) -> int:
    value = int(raw)
    if not 0 <= value <= LATEST_EPOCH:
        raise _Unusable("not a Unix time between 1970 and 9999")
    return value


@dataclass(frozen=True)
class Variable:
    name: str
    meaning: str
    default: str
    check: Callable[[str], object] | None = None  # the value, or ValueError saying why not
    expected: str = ""


DASHBOARD_DATA = "DASHBOARD_DATA"
BROWSER_PATH = "BROWSER_PATH"
DASHBOARD_GC_INTERVAL = "DASHBOARD_GC_INTERVAL"
SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"

VARIABLES = (
    Variable(DASHBOARD_DATA, "a data package directory to load instead of the bundled one "
             "(app, command line and publish)", "the bundled package", _folder,
             "a folder holding datapackage.json"),
    Variable(BROWSER_PATH, "the Chromium executable for PNG/SVG/PDF export and the browser tests",
             "`chromium` on the PATH"),
    Variable(DASHBOARD_GC_INTERVAL, "seconds between the memory janitor's runs in a served "
             f"process, from 1 to {MAX_GC_INTERVAL_S:,} (0 turns it off)", "30", _seconds,
             f"0 (off) or a number of seconds from 1 to {MAX_GC_INTERVAL_S:,}"),
    Variable(SOURCE_DATE_EPOCH, "the build date of a published bundle, as a Unix time "
             "(reproducible builds)", "the data package's `created` date", _unix_time,
             "a whole number of seconds since 1970-01-01"),
)


def get(name: str) -> str | None:
    """The variable's value (None when unset); ``name`` must be one listed above."""
    if name not in {v.name for v in VARIABLES}:
        raise KeyError(f"{name} is not a listed environment variable (dashboard/environment.py)")
    return os.environ.get(name)


def _listed(name: str) -> Variable:
    for v in VARIABLES:
        if v.name == name:
            return v
    raise KeyError(f"{name} is not a listed environment variable (dashboard/environment.py)")


def value(name: str) -> object | None:
    """The variable's checked value (None when unset or blank); ``EnvironmentProblem`` when
    its value cannot be used."""
    var, raw = _listed(name), get(name)
    if raw is None or not raw.strip() or var.check is None:
        return None if raw is None or not raw.strip() else raw
    try:
        return var.check(raw.strip())
    except (ValueError, OverflowError) as exc:
        why = str(exc) if isinstance(exc, _Unusable) else "not a number"
        raise EnvironmentProblem(f"environment variable {name}={quoted(raw)}: {why}; expected "
                                 f"{var.expected}") from None


def check_all() -> None:
    """Every listed variable's check, at start: the first bad value as one clear line."""
    for v in VARIABLES:
        value(v.name)


def markdown_table() -> str:
    """The README's table of variables."""
    rows = [f"| `{v.name}` | {v.meaning} | {v.default} |" for v in VARIABLES]
    return "\n".join(["| Variable | Meaning | Default |", "|---|---|---|", *rows])
