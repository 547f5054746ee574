"""China–Kazakhstan border crossings: clearance-time facts, truck-queue episodes, policy steps.

The sources give no series of waiting or clearance times, only before/after statements and
dated episodes, so these are grouped facts rather than lines. Pandas only. Figures are written
out by ``dashboard.text.corridor`` (the text layer decides every number format).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.text.corridor import fmt_amount
from dashboard.text.formatting import is_blank


@dataclass(frozen=True)
class BorderReading:
    phase: str  # before | after | reading | target | limit
    period: str
    date: str | None
    text: str  # the figure written out ('6–10 hours'), or the policy for rows without one
    value: float | None
    unit: str | None
    what: str
    whose_figure: str
    source_id: str


@dataclass(frozen=True)
class BorderFact:
    """A before/after clearance-time fact, a dated truck-queue episode, or a policy step."""

    group_id: str
    topic: str
    place: str
    mode: str
    date: str | None  # latest date in the group, else the earliest publication of its sources
    readings: tuple[BorderReading, ...]

    def phase(self, name: str) -> BorderReading | None:
        return next((r for r in self.readings if r.phase == name), None)

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.source_id for r in self.readings))


def _opt(v):
    return None if is_blank(v) else v


def border_facts(tables: dict[str, pd.DataFrame], topic: str) -> list[BorderFact]:
    """Rows of border_facts for one topic, grouped by fact or episode, newest first."""
    bf = tables["border_facts"]
    published = tables["sources"].set_index("source_id")["published"]
    out = []
    for gid, g in bf[bf["topic"] == topic].groupby("group_id", sort=False):
        readings = tuple(BorderReading(
            str(r.phase), str(r.period), _opt(r.date),
            fmt_amount(_opt(r.value), _opt(r.unit), str(r.qualifier), _opt(r.value_high))
            if pd.notna(r.value) else str(r.what),
            None if pd.isna(r.value) else float(r.value), _opt(r.unit), str(r.what),
            str(r.whose_figure), str(r.source_id)) for r in g.itertuples())
        dates = list(g["date"].dropna().astype(str))
        date = max(dates) if dates else min(str(published.get(s, "")) for s in g["source_id"])
        first = g.iloc[0]
        out.append(BorderFact(str(gid), topic, str(first["place"]), str(first["mode"]),
                              date or None, readings))
    return sorted(out, key=lambda f: f.date or "", reverse=True)


def clearance_facts(tables: dict[str, pd.DataFrame]) -> list[BorderFact]:
    """Clearance and processing times: before/after pairs or single readings, newest first."""
    return border_facts(tables, "clearance time")


def queue_episodes(tables: dict[str, pd.DataFrame]) -> list[BorderFact]:
    """Truck-queue episodes with their queue sizes, waits, daily rates, targets and caps."""
    return border_facts(tables, "truck queue")


def policy_steps(tables: dict[str, pd.DataFrame]) -> list[BorderFact]:
    """Customs-facilitation steps announced (no figures)."""
    return border_facts(tables, "policy")
