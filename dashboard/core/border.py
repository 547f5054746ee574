"""China–Kazakhstan border crossings: clearance-time facts, truck-queue episodes, policy steps.

The sources give no series of waiting or clearance times, only before/after statements and
dated episodes, so these are grouped facts rather than lines. Pandas only. ``fmt_amount`` is the
one way figures of the logistics tables are written out, here and in ``dashboard.core.logistics``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.text.formatting import is_blank

_PREFIX = {"about": "about ", "more than": "more than ", "less than": "less than ",
           "at least": "at least ", "up to": "up to "}
_SHORT_UNIT = {"tonnes": "t", "percent": "%"}
_SINGULAR = {"hours": "hour", "minutes": "minute", "days": "day", "weeks": "week",
             "months": "month"}


def fmt_amount(value: float | None, unit: str | None, qualifier: str = "stated",
               value_high: float | None = None) -> str:
    """'about 4.48 million t', '212,000 TEU', '6–10 hours': one way to write a figure."""
    if is_blank(value):
        return "no figure"

    def one(v: float) -> str:
        if v >= 1e6 or (unit == "tonnes" and v >= 1e5):
            return f"{v / 1e6:.3g} million"
        return f"{v:,.0f}" if float(v).is_integer() else f"{v:g}"

    ranged = not is_blank(value_high)
    text = one(float(value)) + ("–" + one(float(value_high)) if ranged else "")
    u = _SHORT_UNIT.get(unit or "", unit or "")
    if float(value) == 1 and not ranged:
        u = _SINGULAR.get(u, u)
    text = text + u if u == "%" else f"{text} {u}".strip()
    return _PREFIX.get(qualifier, "") + text


def fmt_change(pct: float) -> str:
    """A percentage change as '+62%' / '-8.1%' (one decimal below ten, as sources report)."""
    return f"{pct:+.0f}%" if abs(pct) >= 10 else f"{pct:+.1f}%"


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
