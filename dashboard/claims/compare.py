"""The matching rule: when does a claim match what the statistics say?

1. A figure stands for every value that rounds to it: "$41 billion" is any value from 40.5 up
   to 41.5 billion, "$41.5 billion" from 41.45 to 41.55, "32 %" from 31.5 to 32.5 (one unit of
   the last written digit, centred on the figure; 410亿 is read as 41 billion).
2. A bound widens it: "more than X" (lower) is any value from X up, "less than X" (upper) any
   value up to X, "about/almost X" (approx) any value within one whole unit of the last digit.
3. The claim **matches** when a reading of the same thing (same period, flow and kind: a value,
   a growth rate, a share or a target) from either side's statistics lies in that range; the
   answer says whose reading it is and what the other side says. Readings are taken as stored.
4. It is **close** when no reading matches but one lies within 5 % of the claimed value (for a
   value or a target) or 2 percentage points (for a growth rate or a share).
5. It **differs** when readings exist and none is close; **no data** when there is no reading
   of that period and flow, or the amount is not in US dollars (yuan are never compared with
   dollars).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.claims.parse import Claim
from dashboard.core import official
from dashboard.core.shares import shares
from dashboard.core.verdicts import world_check

CLOSE_RELATIVE = 0.05
CLOSE_POINTS = 2.0
_MIRROR = {"total": "total", "export": "import", "import": "export"}


@dataclass(frozen=True)
class Evidence:
    """One reading a claim was compared with."""

    source_id: str
    reporter: str | None  # CHN | KAZ | None (not stated) | an organisation for world figures
    value: float
    computed: bool = False  # a growth rate we computed from the side's two values
    note: str = ""  # the measure (world figures), the announcer (targets)
    matches: bool = False
    close: bool = False


def claim_range(claim: Claim) -> tuple[float, float]:
    """The values a claim allows (rules 1 and 2)."""
    v, half = claim.value, claim.half
    if claim.bound == "lower":
        return v - half, float("inf")
    if claim.bound == "upper":
        return float("-inf"), v + half
    if claim.bound == "approx":
        return v - 2 * half, v + 2 * half
    return v - half, v + half


def _judge(claim: Claim, value: float) -> tuple[bool, bool]:
    low, high = claim_range(claim)
    if low <= value <= high:
        return True, False
    slack = (CLOSE_POINTS if claim.unit == "percent"
             else abs(claim.value) * CLOSE_RELATIVE)
    return False, low - slack <= value <= high + slack


def _sides(claim: Claim) -> list[tuple[str, str, str]]:
    """(reporter, partner, flow) of both sides' series for the goods the claim speaks of."""
    flow = claim.flow
    if claim.reporter == "KAZ":
        return [("KAZ", "CHN", flow), ("CHN", "KAZ", _MIRROR[flow])]
    return [("CHN", "KAZ", flow), ("KAZ", "CHN", _MIRROR[flow])]


def _values(tables, claim: Claim) -> list[Evidence]:
    p = claim.period
    out: list[Evidence] = []
    seen_unstated: set[tuple[str, float]] = set()
    for reporter, partner, flow in _sides(claim):
        r = official.readings(tables, reporter, partner, flow)
        if p.full_year:
            out += [Evidence(x.source_id, reporter, x.value_usd) for x in r.primary
                    if x.year == p.year]
        for x in (*r.others, *r.side_not_stated):
            if (x.year, x.month_start, x.month_end) != (p.year, p.month_start, p.month_end):
                continue
            if x.value_usd is None or x.derived:
                continue
            if x.reporter is None:
                if (x.source_id, x.value_usd) in seen_unstated:
                    continue
                seen_unstated.add((x.source_id, x.value_usd))
            out.append(Evidence(x.source_id, x.reporter, x.value_usd))
    return out


def _growths(tables, claim: Claim) -> list[Evidence]:
    p = claim.period
    out: list[Evidence] = []
    for reporter, partner, flow in _sides(claim):
        r = official.readings(tables, reporter, partner, flow)
        if p.full_year:
            by_year = {x.year: x for x in r.primary}
            now, before = by_year.get(p.year), by_year.get(p.year - 1)
            if now and before and not (now.anomaly_note or before.anomaly_note):
                out.append(Evidence(now.source_id, reporter,
                                    (now.value_usd / before.value_usd - 1) * 100, computed=True))
            if now and now.reported_change_pct is not None:
                out.append(Evidence(now.source_id, reporter, now.reported_change_pct))
        same = [x for x in r.others if (x.month_start, x.month_end) ==
                (p.month_start, p.month_end) and not x.derived]
        for x in same:
            if x.year == p.year and x.change_pct is not None:
                out.append(Evidence(x.source_id, reporter, x.change_pct))
        if not p.full_year:
            now_v = [x for x in same if x.year == p.year and x.value_usd is not None]
            prev_v = [x for x in same if x.year == p.year - 1 and x.value_usd is not None]
            if now_v and prev_v:
                out.append(Evidence(now_v[0].source_id, reporter,
                                    (now_v[0].value_usd / prev_v[0].value_usd - 1) * 100,
                                    computed=True))
    return out


def _world(tables, claim: Claim) -> list[Evidence]:
    check = world_check(tables["world_trade"], claim.period.year)
    return [Evidence(x.source_id, x.organisation, x.change_pct, note=x.measure)
            for x in (*check.volume, *check.value_falls)]


def _shares(tables, claim: Claim) -> list[Evidence]:
    return [Evidence(s.source_ids[0] if s.source_ids else "", s.figures_of, s.share_pct,
                     note=f"{s.partner}/{s.economy}")
            for s in shares(tables) if s.year == claim.period.year and not s.anomaly]


def _targets(tables, claim: Claim) -> list[Evidence]:
    t = tables["targets"]
    out = []
    column = "target_multiple" if claim.unit == "multiple" else "target_value_usd"
    for row in t[t[column].notna()].itertuples():
        deadline = None if pd.isna(row.deadline_year) else int(row.deadline_year)
        if claim.deadline is not None and deadline not in (None, claim.deadline):
            continue
        out.append(Evidence(str(row.source_id), str(row.announced_by), float(getattr(row, column)),
                            note=str(row.target_id)))
    return out


def evidence(tables: dict[str, pd.DataFrame], claim: Claim) -> list[Evidence]:
    """The readings a claim is compared with, each judged by the rule (empty: no data)."""
    if claim.unit not in ("USD", "percent", "multiple"):
        return []
    if claim.kind == "target":
        found = _targets(tables, claim)
    elif claim.period is None:
        return []
    elif claim.kind == "value":
        found = _values(tables, claim)
    elif claim.subject == "world":
        found = _world(tables, claim)
    elif claim.kind == "share":
        found = _shares(tables, claim)
    else:
        found = _growths(tables, claim)
    judged = []
    for e in found:
        ok, close = _judge(claim, e.value)
        judged.append(Evidence(e.source_id, e.reporter, e.value, e.computed, e.note, ok, close))
    return judged


def verdict(found: list[Evidence]) -> str:
    """matches | close | differs | no_data (rules 3 to 5)."""
    if not found:
        return "no_data"
    if any(e.matches for e in found):
        return "matches"
    return "close" if any(e.close for e in found) else "differs"
