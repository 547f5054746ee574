"""Kazakhstan among China's five Central Asian partners, from the ``central_asia`` table.

Rankings read China's own full-year totals (one reading per state and year, by ``RULE``); a
share is of the sum of the five chosen figures (computed here, never typed). The regional
mirror gap sets a partner's own statistics beside China's figure for the same state and the
same months of the same year. Part-years never enter a ranking; yuan figures, outlets'
conversions of yuan, lower bounds and readings whose side is only inferred never do either.
A state without a figure is a gap: the year is not ranked.

Layer rules (checked by tests/test_layers.py): pure pandas, no streamlit, no plotly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

TABLE = "central_asia"
STATES = ("KAZ", "KGZ", "TJK", "TKM", "UZB")
PARTNER_STATISTICS = ("KGZ", "TJK", "UZB")  # statistics offices whose readings are mirrors
RULE = ("China's statistics named explicitly (statistics CHN, attribution explicit), total "
        "trade, a full year, US dollars as stated (never an outlet's conversion of yuan), no "
        "bound; where several qualify, the most precise figure, then the lowest source_id.")

Tables = Mapping[str, pd.DataFrame]


@dataclass(frozen=True)
class Rank:
    year: int
    country: str
    rank: int
    value_usd: float
    share_pct: float
    source_id: str
    row_id: str


@dataclass(frozen=True)
class Mirror:
    """China's figure and a partner's own for the same state, year and months."""

    country: str
    year: int
    months: int
    china_usd: float
    china_row: str
    china_source: str
    partner_usd: float
    partner_row: str
    partner_source: str
    partner_bound: str | None
    partner_period_stated: bool

    @property
    def gap_usd(self) -> float:
        """China's figure minus the partner's (computed)."""
        return self.china_usd - self.partner_usd

    @property
    def partner_pct_of_china(self) -> float:
        """The partner's figure as a percentage of China's (computed)."""
        return self.partner_usd / self.china_usd * 100


def has_data(tables: Tables) -> bool:
    c = tables.get(TABLE)
    return c is not None and not c.empty


def _text(value: object) -> str | None:
    return None if pd.isna(value) or str(value) == "" else str(value)


def _qualified(c: pd.DataFrame, statistics: str, attribution: str = "explicit") -> pd.DataFrame:
    keep = ((c["statistics"] == statistics) & (c["attribution"] == attribution)
            & (c["flow"] == "total") & (c["currency"] == "USD")
            & (c["usd_basis"] == "stated") & c["value_usd"].notna())
    return c[keep.fillna(False)]


def _digits(value: float) -> int:
    return len(repr(float(value)).rstrip("0").rstrip(".").replace(".", "").lstrip("0"))


def _pick(rows: pd.DataFrame) -> pd.Series | None:
    """One reading by ``RULE``: no bound first, then the most digits, then the lowest source."""
    if rows.empty:
        return None
    order = rows.assign(
        _bounded=rows["bound"].notna() & (rows["bound"] != ""),
        _digits=[-_digits(v) for v in rows["value"]])
    order = order.sort_values(["_bounded", "_digits", "source_id", "row_id"])
    return order.iloc[0]


def chosen(tables: Tables, year: int) -> dict[str, pd.Series]:
    """China's full-year total for each state with one in ``year`` (``RULE``)."""
    c = _qualified(tables[TABLE], "CHN")
    c = c[(c["year"] == year) & (c["months"] == 12) & (c["bound"].isna() | (c["bound"] == ""))]
    out = {}
    for state in STATES:
        row = _pick(c[c["country"] == state])
        if row is not None:
            out[state] = row
    return out


def years(tables: Tables) -> list[int]:
    """Years with a chosen figure for every one of the five states (rankable years)."""
    if not has_data(tables):
        return []
    c = tables[TABLE]
    candidates = sorted(int(y) for y in c.loc[c["country"].isin(STATES), "year"].dropna().unique())
    return [y for y in candidates if len(chosen(tables, y)) == len(STATES)]


def ranking(tables: Tables, year: int) -> list[Rank]:
    """The five states by China's figure, largest first, with shares of their sum (computed)."""
    picks = chosen(tables, year)
    if len(picks) < len(STATES):
        return []  # a gap: no share of 'the five' without all five
    total = sum(float(r["value_usd"]) for r in picks.values())
    ordered = sorted(picks.items(), key=lambda kv: (-float(kv[1]["value_usd"]), kv[0]))
    return [Rank(year, state, i, float(r["value_usd"]), float(r["value_usd"]) / total * 100,
                 str(r["source_id"]), str(r["row_id"]))
            for i, (state, r) in enumerate(ordered, 1)]


def region_total(tables: Tables, year: int) -> pd.Series | None:
    """China's stated full-year total with the five together (CA5), by ``RULE``."""
    c = _qualified(tables[TABLE], "CHN")
    return _pick(c[(c["country"] == "CA5") & (c["year"] == year) & (c["months"] == 12)
                   & (c["bound"].isna() | (c["bound"] == ""))])


def mirrors(tables: Tables) -> list[Mirror]:
    """Every partner's own total beside China's for the same state, year and months."""
    if not has_data(tables):
        return []
    c = tables[TABLE]
    china = _qualified(c, "CHN")
    china = china[china["bound"].isna() | (china["bound"] == "")]
    out = []
    for stats in PARTNER_STATISTICS:
        own = _qualified(c, stats)
        for _, p in own.sort_values(["year", "months", "row_id"]).iterrows():
            if _text(p["bound"]) == "lower":
                continue  # 'more than' sets no gap
            mine = china[(china["country"] == p["country"]) & (china["year"] == p["year"])
                         & (china["months"] == p["months"])]
            ch = _pick(mine)
            if ch is None:
                continue
            out.append(Mirror(str(p["country"]), int(p["year"]), int(p["months"]),
                              float(ch["value_usd"]), str(ch["row_id"]), str(ch["source_id"]),
                              float(p["value_usd"]), str(p["row_id"]), str(p["source_id"]),
                              _text(p["bound"]), bool(p["period_stated"])))
    return sorted(out, key=lambda m: (m.year, m.months, m.country))


def region_readings(tables: Tables) -> pd.DataFrame:
    """China–Central Asia full-year totals in US dollars, each with its ``kind``: ``series``
    (China's stated figure by ``RULE``, one a year: the line), ``inferred`` (a figure whose side
    is only inferred), ``lower`` (a bound) or ``converted`` (an outlet's conversion of yuan).
    Yuan figures, part-years and other sides' readings never enter; years without a figure are
    absent (gaps)."""
    if not has_data(tables):
        return pd.DataFrame(columns=["year", "value_usd", "kind", "source_id", "row_id",
                                     "approximate"])
    c = tables[TABLE]
    c = c[(c["country"] == "CA5") & (c["flow"] == "total") & (c["months"] == 12)
          & (c["currency"] == "USD") & c["value_usd"].notna()]
    line = [region_total(tables, int(y)) for y in sorted(c["year"].dropna().unique())]
    picked = {str(r["row_id"]) for r in line if r is not None}
    bounded = c["bound"].notna() & (c["bound"] != "")
    kind = pd.Series("", index=c.index)
    kind[c["row_id"].astype(str).isin(picked)] = "series"
    kind[(kind == "") & (c["usd_basis"] == "outlet conversion")] = "converted"
    kind[(kind == "") & bounded & (c["bound"] == "lower")] = "lower"
    kind[(kind == "") & (c["statistics"] == "CHN") & (c["attribution"] == "inferred")
         & ~bounded] = "inferred"
    out = c.assign(kind=kind)[kind != ""]
    line_points = set(zip(out.loc[out["kind"] == "series", "year"],
                          out.loc[out["kind"] == "series", "value_usd"], strict=True))
    same = [k != "series" and (y, v) in line_points
            for y, v, k in zip(out["year"], out["value_usd"], out["kind"], strict=True)]
    out = out[[not x for x in same]]  # another reading of a figure on the line: no extra mark
    out = out.drop_duplicates(subset=["year", "value_usd", "kind"])  # one mark per figure
    return pd.DataFrame({
        "year": out["year"].astype(int), "value_usd": out["value_usd"].astype(float),
        "kind": out["kind"], "source_id": out["source_id"].astype(str),
        "row_id": out["row_id"].astype(str),
        "approximate": (out["bound"] == "approx").fillna(False).astype(bool),
    }).sort_values(["kind", "year"]).reset_index(drop=True)
