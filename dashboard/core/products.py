"""What each country sells the other: HS chapters and headings of one reporter's statistics.

Reads ``product_trade`` (headings as the extract gives them; chapters and totals as our
sums of them) and ``hs_codes``. A share is a chapter's value over the flow's total of the
same reporter and year. A chapter missing in a year between two years that have it is a
*gap* in the extract, never zero trade: it is listed, never filled. pandas only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from dashboard.core.official import _is

FLOWS = ("export", "import")


@dataclass(frozen=True)
class ChapterMix:
    """One chapter of a flow: its value and share in the last year, and in the first."""

    flow: str
    hs_code: str
    description: str
    end_usd: float | None  # None: no row in the last year (a gap)
    end_share_pct: float | None
    start_usd: float | None  # None: no row in the first year
    start_share_pct: float | None
    source_id: str
    gap: bool = False  # missing in the last year although earlier and later years have it


def has_products(tables: dict[str, pd.DataFrame]) -> bool:
    p = tables.get("product_trade")
    return p is not None and not p.empty


def _rows(tables: dict[str, pd.DataFrame], reporter: str, partner: str,
          flow: str, level: str) -> pd.DataFrame:
    p = tables["product_trade"]
    return p[_is(p["reporter"], reporter) & _is(p["partner"], partner) & _is(p["flow"], flow)
             & _is(p["level"], level)]


def pairs(tables: dict[str, pd.DataFrame]) -> list[tuple[str, str, bool]]:
    """Every (reporter, partner) with product rows, and whether they come from the session's
    upload (source ids ``U-...``): the upload's first, so a user sees their own file."""
    if not has_products(tables):
        return []
    p = tables["product_trade"]
    user = p["source_id"].astype(str).str.startswith("U-")
    found = p.assign(user=user).groupby(["reporter", "partner"], sort=True)["user"].any()
    return sorted(((str(r), str(q), bool(u)) for (r, q), u in found.items()),
                  key=lambda x: not x[2])


def describe(tables: dict[str, pd.DataFrame], code: str) -> str:
    """The code's English name, or '' where the naming table has none."""
    h = tables.get("hs_codes")
    if h is None:
        return ""
    hit = h.loc[h["hs_code"] == code, "description"]
    return "" if hit.empty or pd.isna(hit.iloc[0]) else str(hit.iloc[0])


def years(tables: dict[str, pd.DataFrame], reporter: str = "KAZ",
          partner: str = "CHN") -> list[int]:
    """Years with any product row for the pair, either flow."""
    if not has_products(tables):
        return []
    p = tables["product_trade"]
    sel = p[_is(p["reporter"], reporter) & _is(p["partner"], partner)]
    return sorted(int(y) for y in sel["year"].unique())


def chapters(tables: dict[str, pd.DataFrame], reporter: str = "KAZ", partner: str = "CHN",
             flow: str = "export") -> pd.DataFrame:
    """Chapter rows of a flow with ``share_pct`` of the same year's total (NaN: no total)."""
    c = _rows(tables, reporter, partner, flow, "chapter").copy()
    total = _rows(tables, reporter, partner, flow, "total").set_index("year")["value_usd"]
    c["share_pct"] = (c["value_usd"].astype(float)
                      / c["year"].map(total).astype(float) * 100)
    return c.sort_values(["year", "value_usd"], ascending=[True, False]).reset_index(drop=True)


def gaps(tables: dict[str, pd.DataFrame], reporter: str = "KAZ", partner: str = "CHN",
         flow: str = "export") -> dict[int, tuple[str, ...]]:
    """For each year, the chapters with no row although an earlier and a later year have one."""
    c = _rows(tables, reporter, partner, flow, "chapter")
    all_years = years(tables, reporter, partner)
    out: dict[int, tuple[str, ...]] = {}
    for code, rows in c.groupby("hs_code"):
        have = set(int(y) for y in rows["year"])
        for y in all_years:
            if y not in have and min(have) < y < max(have):
                out.setdefault(y, ())
                out[y] += (str(code),)
    return {y: tuple(sorted(v)) for y, v in sorted(out.items())}


def mix(tables: dict[str, pd.DataFrame], reporter: str = "KAZ", partner: str = "CHN",
        flow: str = "export", start: int | None = None, end: int | None = None,
        top: int = 10, gap_rows: int = 3) -> tuple[int, int, list[ChapterMix]]:
    """The ``top`` chapters of the last year, largest first, with the first year beside them,
    then up to ``gap_rows`` chapters missing in the last year (a gap), largest in the latest
    earlier year first. Returns (first year, last year, chapters)."""
    c = chapters(tables, reporter, partner, flow)
    ys = sorted(int(y) for y in c["year"].unique()
                if (start is None or y >= start) and (end is None or y <= end))
    if not ys:
        return (start or 0, end or 0, [])
    first, last = ys[0], ys[-1]
    at_first = c[c["year"] == first].set_index("hs_code")
    at_last = c[c["year"] == last]
    out = []
    for _, r in at_last.head(top).iterrows():
        code = str(r["hs_code"])
        before = at_first.loc[code] if code in at_first.index and first != last else None
        out.append(ChapterMix(
            flow, code, describe(tables, code), float(r["value_usd"]), _num(r["share_pct"]),
            None if before is None else float(before["value_usd"]),
            None if before is None else _num(before["share_pct"]), str(r["source_id"])))
    missing = gaps(tables, reporter, partner, flow).get(last, ())
    earlier = c[(c["year"] < last) & c["hs_code"].isin(missing)].sort_values(
        ["year", "value_usd"], ascending=[False, False]).drop_duplicates("hs_code")
    for _, r in earlier.head(gap_rows).iterrows():
        code = str(r["hs_code"])
        before = at_first.loc[code] if code in at_first.index else None
        out.append(ChapterMix(
            flow, code, describe(tables, code), None, None,
            None if before is None else float(before["value_usd"]),
            None if before is None else _num(before["share_pct"]), str(r["source_id"]),
            gap=True))
    return first, last, out


def headings(tables: dict[str, pd.DataFrame], chapter: str, reporter: str = "KAZ",
             partner: str = "CHN", flow: str = "export", top: int = 4) -> pd.DataFrame:
    """A chapter's series by heading: the ``top`` headings over all years, and the rest of
    the chapter as one computed row per year (``hs_code`` 'rest'). Columns: year, hs_code,
    value_usd, computed, source_id."""
    h = _rows(tables, reporter, partner, flow, "heading")
    h = h[h["hs_code"].str.slice(0, 2) == chapter]
    c = _rows(tables, reporter, partner, flow, "chapter")
    c = c[c["hs_code"] == chapter]
    biggest = (h.groupby("hs_code")["value_usd"].sum().sort_values(ascending=False)
               .head(top).index.tolist())
    keep = h[h["hs_code"].isin(biggest)][["year", "hs_code", "value_usd", "computed",
                                          "source_id"]]
    shown = keep.groupby("year")["value_usd"].sum()
    rest = []
    for _, r in c.iterrows():
        left = float(r["value_usd"]) - float(shown.get(r["year"], 0.0))
        if left >= 1:  # at least a dollar outside the headings shown
            rest.append(dict(year=int(r["year"]), hs_code="rest", value_usd=left,
                             computed=True, source_id=str(r["source_id"])))
    order = {code: i for i, code in enumerate(biggest)}
    out = pd.concat([keep.assign(computed=keep["computed"].astype(bool)),
                     pd.DataFrame(rest, columns=keep.columns)], ignore_index=True)
    out["order"] = out["hs_code"].map(order).fillna(len(order))
    out = out.sort_values(["year", "order"]).drop(columns="order").reset_index(drop=True)
    out["year"] = out["year"].astype(int)
    out["value_usd"] = out["value_usd"].astype(float)
    return out


def _num(v: object) -> float | None:
    return None if pd.isna(v) else float(v)


MATERIAL_SHARE_PCT = 1.0  # a missing chapter that held at least this share the year before


def incomplete_years(tables: dict[str, pd.DataFrame], reporter: str = "KAZ",
                     partner: str = "CHN") -> list[int]:
    """Years in which either flow lacks a chapter (a gap) that held a material share of the
    flow in the latest earlier year with a row: the data, not the trade, are incomplete."""
    out = set()
    for flow in FLOWS:
        c = chapters(tables, reporter, partner, flow)
        for year, codes in gaps(tables, reporter, partner, flow).items():
            before = c[(c["year"] < year) & c["hs_code"].isin(codes)].sort_values("year")
            latest = before.drop_duplicates("hs_code", keep="last")
            if (latest["share_pct"] >= MATERIAL_SHARE_PCT).any():
                out.add(year)
    return sorted(out)


def missing_run(tables: dict[str, pd.DataFrame], years_: Sequence[int], reporter: str = "KAZ",
                partner: str = "CHN") -> list[str]:
    """The longest run of consecutive chapters (of those the data hold at all) without a
    row in any of ``years_``, in either flow; largest first (by the value in the latest
    earlier year with a row)."""
    p = tables["product_trade"]
    p = p[_is(p["level"], "chapter") & _is(p["reporter"], reporter) & _is(p["partner"], partner)]
    every = sorted(set(p["hs_code"].astype(str)))
    common = set(every) - set(p.loc[p["year"].isin(years_), "hs_code"].astype(str))
    best: list[str] = []
    run: list[str] = []
    for code in every:
        run = [*run, code] if code in common else []
        if len(run) > len(best):
            best = run
    size: dict[str, float] = {}
    for flow in FLOWS:
        c = chapters(tables, reporter, partner, flow)
        c = c[(c["year"] < min(years_, default=0)) & c["hs_code"].isin(best)]
        for _, r in c.sort_values("year").drop_duplicates("hs_code", keep="last").iterrows():
            size[str(r["hs_code"])] = max(size.get(str(r["hs_code"]), 0.0),
                                          float(r["value_usd"]))
    return sorted(best, key=lambda code: (-size.get(code, 0.0), code))
