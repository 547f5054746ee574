"""The official series and every other reading beside it, for the pages to draw.

``bilateral_trade`` holds one primary reading per year, reporter, partner and flow
(the UN Comtrade value where there is one); ``other_readings`` keeps the rest:
press readings, lower bounds, part-year figures and figures whose side is not
stated. These functions select and pair them so that no page has to know the
column rules. pandas only: no plotly, no streamlit. Shares of world trade and HS
chapters: ``official_world``; the target history: ``official_targets``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.core.memo import Memo, by_identity
from dashboard.text.formatting import is_blank


def _opt(value):
    """A cell as a plain Python value, or None where it is blank."""
    if is_blank(value):
        return None
    return value.item() if hasattr(value, "item") else value


def _float(value) -> float | None:
    v = _opt(value)
    return None if v is None else float(v)


def _text(value) -> str:
    v = _opt(value)
    return "" if v is None else str(v)


def direction(reporter: str, partner: str, flow: str) -> str:
    """Which goods a flow counts, whoever reports it ('both ways', 'CHN to KAZ', ...)."""
    if flow == "total":
        return "both ways"
    return f"{reporter} to {partner}" if flow == "export" else f"{partner} to {reporter}"


@dataclass(frozen=True)
class Primary:
    """One point of a primary series (a row of ``bilateral_trade``)."""

    year: int
    value_usd: float
    source_id: str
    reading_type: str  # database | report
    derived: bool  # export + import computed by us
    attribution: str  # stated | inferred
    attribution_note: str
    approximate: bool
    reported_change_pct: float | None
    anomaly_note: str | None  # set where the figure must carry the anomaly note


@dataclass(frozen=True)
class Reading:
    """One other reading (a row of ``other_readings``). A bound is never a value."""

    year: int
    month_start: int
    month_end: int
    period: str
    reporter: str | None  # None: side not stated
    direction: str
    value_usd: float | None
    lower_bound_usd: float | None
    change_pct: float | None
    change_pct_lower_bound: float | None
    approximate: bool
    attribution: str  # stated | stated, doubtful | inferred | not stated
    attribution_note: str
    source_id: str
    note: str
    # derived: computed by us from the source's own figures (a share times a total), never the
    # source's figure; value_low_usd..value_high_usd is what the rounding of its figures allows
    derived: bool = False
    value_low_usd: float | None = None
    value_high_usd: float | None = None

    @property
    def full_year(self) -> bool:
        return (self.month_start, self.month_end) == (1, 12)

    @property
    def is_bound(self) -> bool:
        return self.value_usd is None and self.lower_bound_usd is not None


@dataclass(frozen=True)
class Readings:
    """Everything known about one series: primary line, other readings, unattributed ones."""

    reporter: str
    partner: str
    flow: str
    primary: tuple[Primary, ...]
    others: tuple[Reading, ...]  # same reporter, partner and flow; full and part years
    side_not_stated: tuple[Reading, ...]  # same goods, but whose statistics is unknown


def _primary(r) -> Primary:
    anomaly = bool(_opt(r["anomaly"]))
    return Primary(int(r["year"]), float(r["value_usd"]), str(r["source_id"]),
                   str(r["reading_type"]), bool(_opt(r["derived"])), str(r["attribution"]),
                   _text(r["attribution_note"]), bool(_opt(r["approximate"])),
                   _float(r["reported_change_pct"]),
                   _text(r["anomaly_note"]) if anomaly else None)


def _reading(r) -> Reading:
    return Reading(int(r["year"]), int(r["month_start"]), int(r["month_end"]), str(r["period"]),
                   _opt(r["reporter"]), str(r["direction"]), _float(r["value_usd"]),
                   _float(r["lower_bound_usd"]), _float(r["change_pct"]),
                   _float(r["change_pct_lower_bound"]), bool(_opt(r["approximate"])),
                   str(r["attribution"]), _text(r["attribution_note"]), str(r["source_id"]),
                   _text(r["note"]), bool(_opt(r.get("derived"))), _float(r.get("value_low_usd")),
                   _float(r.get("value_high_usd")))


def _is(col: pd.Series, value: str) -> pd.Series:
    return (col == value).fillna(False).astype(bool)


def _order(df: pd.DataFrame) -> pd.DataFrame:
    return df.sort_values(["year", "month_end", "source_id"], kind="stable")


_READINGS = Memo(max_entries=64)


def readings(tables: dict[str, pd.DataFrame], reporter: str = "CHN", partner: str = "KAZ",
             flow: str = "total") -> Readings:
    """The primary series of one reporter and flow, with every other reading of it (once per
    set of read-only tables: charts ask for it on every redraw)."""
    inputs = (tables["bilateral_trade"], tables["other_readings"])
    return by_identity(_READINGS, inputs, (reporter, partner, flow),
                       lambda: _readings(tables, reporter, partner, flow))


def _readings(tables: dict[str, pd.DataFrame], reporter: str, partner: str,
              flow: str) -> Readings:
    trade, other = tables["bilateral_trade"], tables["other_readings"]
    sel = trade[_is(trade["reporter"], reporter) & _is(trade["partner"], partner)
                & _is(trade["flow"], flow)].sort_values("year")
    same = other[_is(other["reporter"], reporter) & _is(other["partner"], partner)
                 & _is(other["flow"], flow)]
    unknown = other[other["reporter"].isna()
                    & _is(other["direction"], direction(reporter, partner, flow))]
    return Readings(reporter, partner, flow, tuple(_primary(r) for _, r in sel.iterrows()),
                    tuple(_reading(r) for _, r in _order(same).iterrows()),
                    tuple(_reading(r) for _, r in _order(unknown).iterrows()))


@dataclass(frozen=True)
class SamePeriodPair:
    """The same months and goods as each side reports them: a same-period mirror check."""

    year: int
    month_start: int
    month_end: int
    period: str
    direction: str
    a: Reading
    b: Reading

    @property
    def gap_usd(self) -> float:
        return self.a.value_usd - self.b.value_usd  # type: ignore[operator]

    @property
    def gap_pct(self) -> float:
        return (self.a.value_usd / self.b.value_usd - 1) * 100  # type: ignore[operator]


def same_period_pairs(tables: dict[str, pd.DataFrame], a: str = "CHN", b: str = "KAZ",
                      part_year_only: bool = True) -> list[SamePeriodPair]:
    """Every pair of figures (values, not bounds) for the same months and goods from a and b."""
    other = tables["other_readings"]
    other = other[other["value_usd"].notna()]
    if "derived" in other.columns:  # a value derived by us is never one side's figure
        other = other[~other["derived"].fillna(False).astype(bool)]
    if part_year_only:
        other = other[(other["month_start"] != 1) | (other["month_end"] != 12)]
    side_a = other[_is(other["reporter"], a) & _is(other["partner"], b)]
    side_b = other[_is(other["reporter"], b) & _is(other["partner"], a)]
    key = ["year", "month_start", "month_end", "direction"]
    pairs = []
    for _, ra in _order(side_a).iterrows():
        match = side_b
        for k in key:
            match = match[match[k] == ra[k]]
        for _, rb in _order(match).iterrows():
            x, y = _reading(ra), _reading(rb)
            pairs.append(SamePeriodPair(x.year, x.month_start, x.month_end, x.period,
                                        x.direction, x, y))
    return sorted(pairs, key=lambda p: (p.year, p.month_end, p.direction))


@dataclass(frozen=True)
class AnomalyYear:
    """A year whose database figures carry the anomaly note, with the national readings."""

    year: int
    reporter: str
    partner: str
    note: str
    database: tuple[Primary, ...]  # the flagged rows: total, export, import
    national: tuple[Reading, ...]  # the same side's other readings for that year

    @property
    def database_total_usd(self) -> float | None:
        return next((p.value_usd for p in self.database if p.derived), None)


def anomaly_years(tables: dict[str, pd.DataFrame], reporter: str = "KAZ",
                  partner: str = "CHN") -> list[AnomalyYear]:
    """Every flagged year of one reporter, found from the ``anomaly`` column."""
    trade, other = tables["bilateral_trade"], tables["other_readings"]
    flagged = trade[_is(trade["reporter"], reporter) & _is(trade["partner"], partner)
                    & trade["anomaly"].fillna(False).astype(bool)]
    out = []
    for year, rows in flagged.groupby("year", sort=True):
        rows = rows.sort_values("flow", key=lambda f: f.map({"total": 0, "export": 1,
                                                             "import": 2}))
        national = other[_is(other["reporter"], reporter) & _is(other["partner"], partner)
                         & (other["year"] == year)]
        out.append(AnomalyYear(int(year), reporter, partner, _text(rows["anomaly_note"].iloc[0]),
                               tuple(_primary(r) for _, r in rows.iterrows()),
                               tuple(_reading(r) for _, r in _order(national).iterrows())))
    return out
