"""Derived figures: growth, CAGR, mirror gaps and target status.

Everything here is computed from the package's tables, never typed in, so a
corrected figure in ``data/`` flows through to every sentence on every page.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.core.memo import Memo, by_identity
from dashboard.core.projection import cagr
from dashboard.core.targets import TargetHistory, target_history
from dashboard.data.loader import series
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
    status: str  # core.targets.VERDICTS: met | missed | open | no figure
    detail: str
    source_id: str


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
    """The growth chart's markers: ``core.targets``' verdicts (one vocabulary for every page),
    for the targets with a dollar value."""
    judged = target_history({"targets": targets, "bilateral_trade": trade}, reporter, partner)
    by_id = {h.target_id: h for h in judged}
    out = []
    for _, t in targets.iterrows():
        h = by_id[str(t["target_id"])]
        if h.value_usd is None:
            continue
        out.append(TargetStatus(h.target_id, _target_label(h, lang), h.value_usd,
                                h.deadline_year, h.verdict, _target_detail(h, lang),
                                h.source_id))
    return out


def _target_detail(h: TargetHistory, lang: str) -> str:
    """One line saying why the verdict is what it is, in ``lang``."""
    year = str(h.verdict_year)
    if h.verdict == "met":
        value = fmt_bn(h.verdict_value_usd, lang=lang)
        if h.verdict_gap is None:
            return tr(lang, "target.detail.met", year=year, value=value)
        gap = (str(h.verdict_gap[0]) if h.verdict_gap[0] == h.verdict_gap[1]
               else f"{h.verdict_gap[0]}–{h.verdict_gap[1]}")
        return tr(lang, "target.detail.met_by", year=year, value=value, gap=gap)
    if h.verdict == "open":
        last = (not_available(lang) if h.verdict_value_usd is None
                else fmt_bn(h.verdict_value_usd, lang=lang))
        return tr(lang, "target.detail.open", value=last, year=year)
    if h.verdict == "missed":
        return tr(lang, "target.detail.missed", value=fmt_bn(h.verdict_value_usd, lang=lang),
                  year=year)
    return tr(lang, "target.detail.unknown", year=year)  # no figure for the deadline year


def _target_label(h: TargetHistory, lang: str) -> str:
    amount = fmt_bn(h.value_usd, lang=lang)
    label = (tr(lang, "target.label.deadline", value=amount, year=str(h.deadline_year))
             if h.deadline_year else tr(lang, "target.label.no_deadline", value=amount))
    if h.multiple is not None and h.base_year is not None:
        label = tr(lang, "target.label.multiple", value=label, times=times(h.multiple, lang),
                   base_year=str(h.base_year))
    return label
