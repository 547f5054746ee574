"""The doubling-target page's logic: scenarios, plain-language answers, shareable state.

Kept apart from the page so that URL parsing, presets and sentences are tested
directly and reused by the export command line.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import pandas as pd

from . import theme
from .projection import cagr, project, required_growth, year_reaching

GROWTH_MIN, GROWTH_MAX = -0.20, 0.50
MULTIPLE_MIN, MULTIPLE_MAX = 1.1, 5.0
TARGET_MIN_USD, TARGET_MAX_USD = 1e9, 1e12
DEADLINE_SPAN = 50  # latest deadline offered, in years after the base year
PRESET_KEYS = ("pace_base", "pace_latest", "cagr10")
SCENARIO_COLOURS = {"custom": "#0072B2", "pace_base": "#E69F00", "pace_latest": "#009E73",
                    "cagr10": "#CC79A7"}


@dataclass(frozen=True)
class Settings:
    base_year: int = 2023
    growth: float = 0.069
    multiple: float = 2.0
    target_usd: float | None = None  # absolute target; None means use multiple
    deadline: int = 2030
    scenarios: tuple[str, ...] = PRESET_KEYS
    log: bool = False

    def to_params(self) -> dict[str, str]:
        """Query parameters that restore this view (only what differs from nothing)."""
        p = {"base": str(self.base_year), "growth": f"{self.growth:.4g}",
             "deadline": str(self.deadline), "scenarios": ",".join(self.scenarios) or "none"}
        if self.target_usd is None:
            p["multiple"] = f"{self.multiple:g}"
        else:
            p["target"] = f"{self.target_usd / 1e9:g}"
        if self.log:
            p["log"] = "1"
        return p


@dataclass(frozen=True)
class Scenario:
    key: str
    label: str
    growth: float
    explanation: str


@dataclass
class Answer:
    settings: Settings
    base_value: float
    target_usd: float
    target_label: str
    paths: list[dict] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    required: float | None = None
    required_sentence: str = ""
    progress: list[str] = field(default_factory=list)


def presets(history: pd.DataFrame, base_year: int) -> list[Scenario]:
    """Scenario growth rates computed from the data, never typed in."""
    out = []
    value = dict(zip(history["year"].astype(int), history["value_usd"].astype(float),
                     strict=True))
    years = set(value)

    def growth(a: int, b: int) -> float:
        return cagr(value[a], a, value[b], b)

    if base_year in years and base_year - 1 in years:
        g = growth(base_year - 1, base_year)
        out.append(Scenario("pace_base", f"the {base_year} pace, {base_year - 1}→{base_year}", g,
                            f"{base_year - 1}→{base_year} growth of China's totals"))
    latest = max(years)
    if latest - 1 in years and (latest != base_year or not out):
        g = growth(latest - 1, latest)
        out.append(Scenario("pace_latest", f"the latest pace, {latest - 1}→{latest}", g,
                            f"{latest - 1}→{latest} growth of China's totals"))
    earlier = sorted(y for y in years if y <= latest - 10)
    if earlier:
        start = earlier[-1]
        span = latest - start
        g = growth(start, latest)
        note = "" if span == 10 else f" ({span} years: no figure for {latest - 10})"
        out.append(Scenario("cagr10", f"the 10-year CAGR, {start}→{latest}", g,
                            f"compound annual growth {start}→{latest}{note}"))
    return out


def _num(raw: str) -> float:
    v = float(raw)
    if not math.isfinite(v):
        raise ValueError
    return v


def parse_params(params: Mapping[str, str | list[str]], base_years: list[int],
                 default: Settings) -> tuple[Settings, list[str]]:
    """Settings from URL query parameters; anything unusable falls back with a notice."""
    s = default
    notices: list[str] = []

    def get(key: str) -> str | None:
        v = params.get(key)
        if isinstance(v, list):
            v = v[-1] if v else None
        return None if v is None else str(v).strip()

    def read(key: str, check, notice: str):
        """The checked value of one parameter, or None (with a notice) when unusable."""
        raw = get(key)
        if raw is None:
            return None
        try:
            return check(_num(raw))
        except ValueError:
            notices.append(notice.format(raw=raw[:20]))
            return None

    def whole(v: float) -> int:
        if v != int(v):
            raise ValueError
        return int(v)

    def within(v, lo, hi):
        if not lo <= v <= hi:
            raise ValueError
        return v

    def known_year(v: float) -> int:
        if whole(v) not in base_years:
            raise ValueError
        return int(v)

    base = read("base", known_year,
                f"Base year '{{raw}}' has no China-reported total; using {default.base_year}.")
    if base is not None:
        s = replace(s, base_year=base)
    # "6.9" is read as percent, "0.069" as a fraction
    growth = read("growth", lambda v: round(within(v / 100 if abs(v) > 1 else v, GROWTH_MIN,
                                                   GROWTH_MAX), 4),
                  f"Growth '{{raw}}' is not a rate between {GROWTH_MIN:.0%} and "
                  f"{GROWTH_MAX:.0%}; using {default.growth:.1%}.")
    if growth is not None:
        s = replace(s, growth=growth)
    target = read("target", lambda v: within(v * 1e9, TARGET_MIN_USD, TARGET_MAX_USD),
                  "Target '{raw}' is not an amount between $1 bn and $1,000 bn; "
                  f"using {default.multiple:g}× the base year.")
    if target is not None:
        s = replace(s, target_usd=target)
    if s.target_usd is None:
        multiple = read("multiple", lambda v: round(within(v, MULTIPLE_MIN, MULTIPLE_MAX), 2),
                        f"Multiple '{{raw}}' is not between {MULTIPLE_MIN:g} and "
                        f"{MULTIPLE_MAX:g}; using {default.multiple:g}×.")
        if multiple is not None:
            s = replace(s, multiple=multiple)
    deadline = read("deadline",
                    lambda v: within(whole(v), s.base_year + 1, s.base_year + DEADLINE_SPAN),
                    f"Deadline '{{raw}}' is not a year after the base year (up to "
                    f"{s.base_year + DEADLINE_SPAN}); using {default.deadline}.")
    if deadline is not None:
        s = replace(s, deadline=deadline)
    if s.deadline <= s.base_year:
        s = replace(s, deadline=s.base_year + 7)
    raw = get("scenarios")
    if raw is not None:
        keys = [k for k in raw.split(",") if k and k != "none"]
        bad = [k for k in keys if k not in PRESET_KEYS]
        if bad:
            notices.append(f"Unknown scenario(s) {', '.join(k[:20] for k in bad)} ignored.")
        s = replace(s, scenarios=tuple(k for k in PRESET_KEYS if k in keys))
    raw = get("log")
    if raw is not None:
        s = replace(s, log=raw in ("1", "true", "yes"))
    return s, notices


def answer(history: pd.DataFrame, settings: Settings, target_label: str | None = None) -> Answer:
    """Everything the page says and draws for one set of controls."""
    s = settings
    base_row = history[history["year"] == s.base_year]
    base_value = float(base_row["value_usd"].iloc[0])
    target = s.target_usd if s.target_usd is not None else base_value * s.multiple
    if target_label is None:
        target_label = (theme.fmt_bn(target, 1) if s.target_usd is not None else
                        f"{s.multiple:g}× {s.base_year} = {theme.fmt_bn(target, 1)}")
    a = Answer(s, base_value, target, target_label)
    all_presets = {p.key: p for p in presets(history, s.base_year)}
    scenarios = [Scenario("custom", "your rate", s.growth, "the rate set with the slider")]
    scenarios += [all_presets[k] for k in s.scenarios if k in all_presets]
    reach = {sc.key: year_reaching(base_value, s.base_year, sc.growth, target)
             for sc in scenarios}
    finite = [y for y in reach.values() if y is not None]
    end = max([s.deadline, s.base_year + 5, *finite]) + 1
    end = min(end, s.base_year + 60)
    for sc in scenarios:
        y = reach[sc.key]
        label = f"{theme.fmt_pct(sc.growth, sign=False)} a year ({sc.label})"
        a.paths.append(dict(key=sc.key, label=label, growth=sc.growth,
                            path=project(base_value, s.base_year, sc.growth, end),
                            reach_year=y if y is not None and y <= end else None,
                            colour=SCENARIO_COLOURS[sc.key], main=sc.key == "custom"))
        what = f"trade reaches {theme.fmt_bn(target, 1)}"
        if y is None:
            a.sentences.append(f"At {label}, {what}: never, at this rate.")
        elif y == s.base_year:
            a.sentences.append(f"At {label}: the target is already met in {s.base_year}.")
        else:
            a.sentences.append(f"At {label}, {what} in {y}.")
    goal = "Doubling" if s.target_usd is None and s.multiple == 2 else (
        f"Reaching {theme.fmt_bn(target, 1)}")
    if base_value >= target:
        a.required_sentence = f"{goal} needs no growth: the base year already reaches it."
    else:
        a.required = required_growth(base_value, s.base_year, target, s.deadline)
        a.required_sentence = (f"{goal} by {s.deadline} needs "
                               f"{theme.fmt_pct(a.required, sign=False)} a year from "
                               f"{s.base_year}.")
    after = history[history["year"] > s.base_year]
    for _, r in after.iterrows():
        a.progress.append(f"{int(r['year'])}: {theme.fmt_bn(float(r['value_usd']), 1)}, "
                          f"{float(r['value_usd']) / target:.0%} of the way.")
    return a


def default_settings(history: pd.DataFrame, base_year: int = 2023) -> Settings:
    """Defaults from the data: base 2023 (the editorial's year), growth at the latest pace."""
    years = sorted(history["year"].astype(int))
    if base_year not in years:
        base_year = years[-1]
    latest = [p for p in presets(history, base_year) if p.key == "pace_latest"]
    growth = round(latest[0].growth, 3) if latest else 0.05
    growth = min(max(growth, GROWTH_MIN), GROWTH_MAX)
    return Settings(base_year=base_year, growth=growth, deadline=max(2030, base_year + 1))
