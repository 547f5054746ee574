"""The projection settings: one definition of their limits and checks.

The doubling page's widgets, its shareable link and the export command line all
take the same settings; each reads its limits and validation from here, so the
three can never drift apart. The page falls back with a notice where the command
line stops with an error: both get the same one-line reason from ``check_*``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace

from .formatting import fmt_pct

PRESET_KEYS = ("pace_base", "pace_latest", "cagr10")


@dataclass(frozen=True)
class Limits:
    growth_min: float = -0.20
    growth_max: float = 0.50
    multiple_min: float = 1.1
    multiple_max: float = 5.0
    target_min_bn: float = 1.0
    target_max_bn: float = 1000.0
    deadline_span: int = 50  # latest deadline offered, in years after the base year
    default_deadline: int = 2030


LIMITS = Limits()


@dataclass(frozen=True)
class Settings:
    base_year: int = 2023
    growth: float = 0.069
    multiple: float = 2.0
    target_usd: float | None = None  # absolute target; None means use ``multiple``
    deadline: int = 2030
    scenarios: tuple[str, ...] = PRESET_KEYS
    log: bool = False

    def to_params(self) -> dict[str, str]:
        """Query parameters that restore this view."""
        p = {"base": str(self.base_year), "growth": f"{self.growth:.4g}",
             "deadline": str(self.deadline), "scenarios": ",".join(self.scenarios) or "none"}
        if self.target_usd is None:
            p["multiple"] = f"{self.multiple:g}"
        else:
            p["target"] = f"{self.target_usd / 1e9:g}"
        if self.log:
            p["log"] = "1"
        return p


class SettingError(ValueError):
    """A setting outside its limits; the message is one line a person can act on."""


def _finite(value: float, what: str) -> float:
    if not isinstance(value, int | float) or not math.isfinite(value):
        raise SettingError(f"{what} must be a finite number")
    return float(value)


def check_base_year(year: float, years: list[int], who: str = "the chosen reporter") -> int:
    if _finite(year, "the base year") != int(year) or int(year) not in years:
        raise SettingError(f"base year {year:g} has no total reported by {who}; choose from "
                           f"{', '.join(map(str, years))}")
    return int(year)


def check_growth(fraction: float, limits: Limits = LIMITS) -> float:
    g = _finite(fraction, "growth")
    if not limits.growth_min <= g <= limits.growth_max:
        raise SettingError(f"growth {g:g} is outside {limits.growth_min:g} to "
                           f"{limits.growth_max:g} (a fraction: 0.069 means 6.9% a year)")
    return round(g, 4)


def check_multiple(multiple: float, limits: Limits = LIMITS) -> float:
    m = _finite(multiple, "the multiple")
    if not limits.multiple_min <= m <= limits.multiple_max:
        raise SettingError(f"multiple {m:g} is outside {limits.multiple_min:g} to "
                           f"{limits.multiple_max:g}")
    return round(m, 2)


def check_target_bn(target_bn: float, limits: Limits = LIMITS) -> float:
    """An absolute target in US$ bn, returned in dollars."""
    t = _finite(target_bn, "the target")
    if not limits.target_min_bn <= t <= limits.target_max_bn:
        raise SettingError(f"target {t:g} is outside {limits.target_min_bn:g} to "
                           f"{limits.target_max_bn:g} (US$ bn)")
    return t * 1e9


def deadline_range(base_year: int, limits: Limits = LIMITS) -> tuple[int, int]:
    return base_year + 1, base_year + limits.deadline_span


def check_deadline(year: float, base_year: int, limits: Limits = LIMITS) -> int:
    lo, hi = deadline_range(base_year, limits)
    y = _finite(year, "the deadline")
    if y != int(y) or not lo <= y <= hi:
        raise SettingError(f"deadline {y:g} must be a year from {lo} to {hi}")
    return int(y)


def default_deadline(base_year: int, limits: Limits = LIMITS) -> int:
    lo, hi = deadline_range(base_year, limits)
    return min(max(limits.default_deadline, lo), hi)


TRUE_WORDS = ("1", "true", "yes", "on")
FALSE_WORDS = ("0", "false", "no", "off")
MAX_NOTICE_VALUE = 40  # characters of a user's value repeated in a notice
MAX_UNKNOWN_LISTED = 5


def shorten(raw: str, limit: int = MAX_NOTICE_VALUE) -> str:
    """A user's value, bounded, for repeating it back in a notice."""
    raw = " ".join(str(raw).split())
    return raw if len(raw) <= limit else raw[: limit - 1] + "…"


def parse_params(params: Mapping[str, str | list[str]], base_years: list[int],
                 default: Settings, who: str = "the chosen reporter",
                 limits: Limits = LIMITS) -> tuple[Settings, list[str]]:
    """Settings from a shared link; anything unusable falls back to the default with a notice.

    Notices are plain text that repeat the user's value shortened: pages must show them
    as text, never as Markdown.
    """
    s = default
    notices: list[str] = []

    def get(key: str) -> str | None:
        v = params.get(key)
        if isinstance(v, list):
            v = v[-1] if v else None
        return None if v is None else str(v).strip()

    def read(key: str, check, fallback: str):
        raw = get(key)
        if raw is None:
            return None
        try:
            return check(float(raw))
        except ValueError as exc:  # float() and SettingError
            why = str(exc) if isinstance(exc, SettingError) else "not a number"
            notices.append(f"{key}={shorten(raw)!r} ignored ({why}); using {fallback}.")
            return None

    base = read("base", lambda v: check_base_year(v, base_years, who), str(default.base_year))
    if base is not None:
        s = replace(s, base_year=base)
    # "6.9" in a link is read as percent, "0.069" as a fraction
    growth = read("growth", lambda v: check_growth(v / 100 if abs(v) > 1 else v, limits),
                  fmt_pct(default.growth, sign=False))
    if growth is not None:
        s = replace(s, growth=growth)
    target = read("target", lambda v: check_target_bn(v, limits),
                  f"{default.multiple:g}× the base year")
    if target is not None:
        s = replace(s, target_usd=target)
    if s.target_usd is None:
        multiple = read("multiple", lambda v: check_multiple(v, limits),
                        f"{default.multiple:g}×")
        if multiple is not None:
            s = replace(s, multiple=multiple)
    fallback_deadline = default_deadline(s.base_year, limits)
    deadline = read("deadline", lambda v: check_deadline(v, s.base_year, limits),
                    str(fallback_deadline))
    s = replace(s, deadline=deadline if deadline is not None else (
        s.deadline if deadline_range(s.base_year, limits)[0] <= s.deadline
        <= deadline_range(s.base_year, limits)[1] else fallback_deadline))
    raw = get("scenarios")
    if raw is not None:
        keys = [k.strip() for k in raw.split(",") if k.strip() and k.strip() != "none"]
        bad = [k for k in keys if k not in PRESET_KEYS]
        if bad:
            shown = ", ".join(repr(shorten(k)) for k in bad[:MAX_UNKNOWN_LISTED])
            more = len(bad) - MAX_UNKNOWN_LISTED
            notices.append(f"scenarios: unknown {shown}{f' and {more} more' if more > 0 else ''}"
                           f" ignored; known: {', '.join(PRESET_KEYS)}.")
        s = replace(s, scenarios=tuple(k for k in PRESET_KEYS if k in keys))
    raw = get("log")
    if raw is not None:
        if raw.lower() in TRUE_WORDS or raw.lower() in FALSE_WORDS:
            s = replace(s, log=raw.lower() in TRUE_WORDS)
        else:
            notices.append(f"log={shorten(raw)!r} ignored (use one of "
                           f"{', '.join(TRUE_WORDS + FALSE_WORDS)}); using "
                           f"{'1' if default.log else '0'}.")
    known = {"base", "growth", "target", "multiple", "deadline", "scenarios", "log", "lang"}
    unknown = [k for k in params if k not in known]
    if unknown:
        shown = ", ".join(repr(shorten(k, 20)) for k in unknown[:MAX_UNKNOWN_LISTED])
        notices.append(f"unknown link parameter(s) {shown} ignored.")
    return s, notices
