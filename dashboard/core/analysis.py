"""Derived figures: growth, CAGR, mirror gaps and target status.

Everything here is computed from the package's tables, never typed in, so a
corrected figure in ``data/`` flows through to every sentence on every page.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.core.memo import Memo, by_identity
from dashboard.core.projection import cagr
from dashboard.core.targets import first_crossing
from dashboard.data.loader import series, value_for
from dashboard.text.formatting import fmt_bn, not_available
from dashboard.text.i18n import tr
from dashboard.text.wording import times


def yoy_growth(s: pd.DataFrame) -> pd.DataFrame:
    """Year-on-year change where two consecutive years exist (gaps give no bar)."""
    s = s.sort_values("year").reset_index(drop=True)
    prev = s.shift(1)
    consecutive = (s["year"] - prev["year"]) == 1
    out = pd.DataFrame({
        "year": s["year"].astype(int),
        "computed_change_pct": ((s["value_usd"] / prev["value_usd"] - 1) * 100).where(consecutive),
        "previous_value_usd": prev["value_usd"].where(consecutive),
        "value_usd": s["value_usd"],
        "reported_change_pct": s["reported_change_pct"],
        "source_id": s["source_id"],
    })
    return out


def cagr_between(s: pd.DataFrame, start_year: int, end_year: int) -> float | None:
    """CAGR between two years that both have a figure; None where either is a gap."""
    start = s[s["year"] == start_year]
    end = s[s["year"] == end_year]
    if start.empty or end.empty or end_year <= start_year:
        return None
    return cagr(float(start["value_usd"].iloc[0]), start_year, float(end["value_usd"].iloc[0]),
                end_year)


@dataclass(frozen=True)
class Mirror:
    """Each side's total for the years both exist. ``rows`` has fixed columns:

    year, value_a, value_b, source_a, source_b, approximate_a, approximate_b, gap_usd, gap_pct
    (``a`` and ``b`` are the two reporters' codes).
    """

    a: str
    b: str
    rows: pd.DataFrame

    @property
    def empty(self) -> bool:
        return self.rows.empty


def mirror_table(trade: pd.DataFrame, a: str = "CHN", b: str = "KAZ",
                 flow: str = "total") -> Mirror:
    """Each side's reported total for the years both exist, and the gap between them."""
    cols = {"value_usd": "value", "source_id": "source", "approximate": "approximate"}
    if "anomaly" in trade.columns:
        cols["anomaly"] = "anomaly"
    left = series(trade, a, b, flow)[["year", *cols]].rename(
        columns={k: f"{v}_a" for k, v in cols.items()})
    right = series(trade, b, a, flow)[["year", *cols]].rename(
        columns={k: f"{v}_b" for k, v in cols.items()})
    both = left.merge(right, on="year")
    both["gap_usd"] = both["value_a"] - both["value_b"]
    both["gap_pct"] = (both["value_a"] / both["value_b"] - 1) * 100
    both["year"] = both["year"].astype(int)
    return Mirror(a, b, both.reset_index(drop=True))


@dataclass(frozen=True)
class CagrSummary:
    start: int
    end: int
    start_value: float
    end_value: float
    rate: float


def cagr_summary(s: pd.DataFrame, start: int, end: int) -> CagrSummary | None:
    """The CAGR between two years of a series with both values, or None where either is a gap."""
    rate = cagr_between(s, start, end)
    if rate is None:
        return None
    value = dict(zip(s["year"].astype(int), s["value_usd"].astype(float), strict=True))
    return CagrSummary(start, end, value[start], value[end], rate)


@dataclass(frozen=True)
class TargetStatus:
    target_id: str
    label: str
    value_usd: float
    deadline_year: int | None
    status: str  # met | missed | open | unknown
    detail: str
    source_id: str


def target_value(target: pd.Series, trade: pd.DataFrame) -> float | None:
    """Dollar value of a target; a relative goal is computed from its base year."""
    if pd.notna(target["target_value_usd"]):
        return float(target["target_value_usd"])
    if pd.notna(target["target_multiple"]) and pd.notna(target["base_year"]):
        base = value_for(trade, int(target["base_year"]))
        return None if base is None else base * float(target["target_multiple"])
    return None


_STATUSES = Memo(max_entries=64)


def target_statuses(targets: pd.DataFrame, trade: pd.DataFrame, reporter: str = "CHN",
                    partner: str = "KAZ", lang: str = "en") -> list[TargetStatus]:
    """Met, missed, open or unknown for each target, judged only by years with a figure.

    ``label`` and ``detail`` are in ``lang``; ``status`` stays a code. Judged once per pair of
    (read-only) tables, pair and language: every redraw of the growth chart asks again.
    """
    return list(by_identity(_STATUSES, (targets, trade), (reporter, partner, lang),
                            lambda: tuple(_target_statuses(targets, trade, reporter, partner,
                                                           lang))))


def _target_statuses(targets: pd.DataFrame, trade: pd.DataFrame, reporter: str, partner: str,
                     lang: str) -> list[TargetStatus]:
    s = series(trade, reporter, partner)
    latest = int(s["year"].max()) if not s.empty else None
    out = []
    for _, t in targets.iterrows():
        value = target_value(t, trade)
        if value is None:
            continue
        deadline = None if pd.isna(t["deadline_year"]) else int(t["deadline_year"])
        announced_year = int(str(t["announced"])[:4])
        hit = first_crossing(s, value, announced_year, deadline)
        if hit is not None:
            status = "met"
            detail = (tr(lang, "target.detail.met", year=str(hit.year),
                         value=fmt_bn(hit.value_usd, lang=lang)) if hit.gap is None else
                      tr(lang, "target.detail.met_by", year=str(hit.year),
                         value=fmt_bn(hit.value_usd, lang=lang),
                         gap=(str(hit.gap[0]) if hit.gap[0] == hit.gap[1]
                              else f"{hit.gap[0]}–{hit.gap[1]}")))
        elif deadline is None or (latest is not None and deadline > latest):
            status = "open"
            last = (fmt_bn(float(s["value_usd"].iloc[-1]), lang=lang) if latest
                    else not_available(lang))
            detail = tr(lang, "target.detail.open", value=last, year=str(latest))
        elif not s[s["year"] == deadline].empty:
            v = float(s[s["year"] == deadline]["value_usd"].iloc[0])
            status = "missed"
            detail = tr(lang, "target.detail.missed", value=fmt_bn(v, lang=lang),
                        year=str(deadline))
        else:
            status = "unknown"
            detail = tr(lang, "target.detail.unknown", year=str(deadline))
        amount = fmt_bn(value, lang=lang)
        label = (tr(lang, "target.label.deadline", value=amount, year=str(deadline)) if deadline
                 else tr(lang, "target.label.no_deadline", value=amount))
        if pd.notna(t["target_multiple"]):
            label = tr(lang, "target.label.multiple", value=label,
                       times=times(float(t["target_multiple"]), lang),
                       base_year=str(int(t["base_year"])))
        out.append(TargetStatus(str(t["target_id"]), label, value, deadline, status, detail,
                                str(t["source_id"])))
    return out
