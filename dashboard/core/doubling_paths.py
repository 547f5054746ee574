"""The paths the doubling chart draws: each scenario, the path the deadline needs, each rate once.

A constant rate compounded from the base year is one ``ScenarioPath``. Besides the scenarios
the reader chose, the chart draws the path the chosen deadline needs; paths whose rates agree
to ``SAME_RATE`` are drawn once, under one label naming them all.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from dashboard.core.flags import Flag
from dashboard.core.projection import project
from dashboard.text.formatting import fmt_pct
from dashboard.text.i18n import tr

SCENARIO_COLOURS = {"custom": "#0072B2", "pace_base": "#E69F00", "pace_latest": "#009E73",
                    "cagr10": "#CC79A7", "required": "#000000"}
SAME_RATE = 0.0005  # 0.05 percentage points: rates this close are drawn as one path


@dataclass(frozen=True)
class ScenarioPath:
    """One projected path: a constant rate compounded from the base year."""

    key: str
    label: str
    growth: float
    years: tuple[int, ...]
    values_usd: tuple[float, ...]
    reach_year: int | None
    colour: str
    main: bool
    flags: tuple[Flag, ...] = ()  # the scenario's flags (see doubling.Scenario)
    name: str = ""  # the scenario alone ('your rate'), for a combined label

    def value_in(self, year: int) -> float | None:
        return dict(zip(self.years, self.values_usd, strict=True)).get(year)


def path_label(growth: float, name: str, lang: str) -> str:
    """'6.8% a year (your rate)'."""
    return tr(lang, "answer.path_label", rate=fmt_pct(growth, sign=False, lang=lang), label=name)


def required_path(base_value: float, base_year: int, rate: float, deadline: int, end: int,
                  lang: str = "en") -> ScenarioPath:
    """The path that reaches ``target`` exactly at ``deadline`` (``rate`` is what that needs)."""
    name = tr(lang, "scenario.required", deadline=str(deadline))
    path = project(base_value, base_year, rate, end)
    reach = deadline  # by construction (compounding it back may land a hair short)
    return ScenarioPath("required", path_label(rate, name, lang), rate,
                        tuple(int(v) for v in path["year"]),
                        tuple(float(v) for v in path["value"]),
                        reach if reach <= end else None,
                        SCENARIO_COLOURS["required"], False, (), name)


def drawn(paths: list[ScenarioPath], lang: str = "en") -> list[ScenarioPath]:
    """``paths`` with those of the same rate (to ``SAME_RATE``) merged: one line, one label.

    The merged path keeps the first path's place, the main path's drawing if one of them is
    the main path, and names every scenario it stands for."""
    groups: list[list[ScenarioPath]] = []
    for p in paths:
        group = next((g for g in groups if abs(g[0].growth - p.growth) <= SAME_RATE + 1e-12),
                     None)
        if group is None:
            groups.append([p])
        else:
            group.append(p)
    out = []
    for group in groups:
        if len(group) == 1:
            out.append(group[0])
            continue
        lead = next((p for p in group if p.main), group[0])
        names = tr(lang, "common.item_separator").join(p.name or p.label for p in group)
        out.append(replace(lead, key="+".join(p.key for p in group),
                           label=path_label(lead.growth, names, lang),
                           flags=tuple(f for p in group for f in p.flags),
                           name=names))
    return out
