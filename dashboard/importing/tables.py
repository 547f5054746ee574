"""What a user's file shows: products, shares of trade with the World, each reporter's series
and mirror comparisons, plus the plain-language summary of a read. Pure pandas, no charts.

Every table carries a ``series`` label saying it is the user's data and whose statistics it
is; products are never called the whole trade, and their share of the total is given only
where the file holds the all-commodity TOTAL to compare with.
"""

from __future__ import annotations

import pandas as pd

from dashboard.errors import Reason
from dashboard.importing.countries import WORLD, name_of
from dashboard.importing.formats import TOTAL
from dashboard.text.i18n import DEFAULT_LANG, tr

FLOW_WORDS = {"export": "exports to", "import": "imports from", "total": "trade with"}
MIRROR = {"export": "import", "import": "export", "total": "total"}


def _label(reporter: str, flow: str, partner: str, kind: str = "total") -> str:
    """A series' canonical English label, worded as the import page's English
    (``import.series.<kind>``): 'Your file: China's exports to Kazakhstan, as China reports
    them'."""
    r = name_of(reporter)
    return tr(DEFAULT_LANG, f"import.series.{kind}", reporter_country=r,
              partner_country=name_of(partner),
              flow=tr(DEFAULT_LANG, f"import.series_flow.{flow}"))


def _annual(rows: pd.DataFrame) -> pd.DataFrame:
    """Whole-year rows: part-year (monthly) figures never enter an annual table."""
    return rows[rows["month_start"].isna()] if "month_start" in rows.columns else rows


def _with_totals(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Add flow 'total' = export + import where both are given and no total is."""
    wide = frame.pivot_table(index=keys, columns="flow", values="value_usd", aggfunc="first")
    if not {"export", "import"} <= set(wide.columns):
        return frame.assign(derived=False)
    add = wide[wide["export"].notna() & wide["import"].notna()]
    if "total" in wide.columns:
        add = add[add["total"].isna()]
    extra = (add["export"] + add["import"]).rename("value_usd").reset_index()
    extra["flow"] = "total"
    return pd.concat([frame.assign(derived=False), extra.assign(derived=True)],
                     ignore_index=True)


def product_view(rows: pd.DataFrame, reporter: str | None = None,
                 partner: str | None = None) -> pd.DataFrame:
    """Product (non-TOTAL) rows per year, flow and reporter, with the file's descriptions and,
    where the file has the TOTAL for the same year and flow, the product's share of it."""
    cols = ["year", "reporter", "partner", "flow", "commodity_code", "commodity",
            "commodity_desc", "classification", "value_usd", "total_usd", "share_of_total_pct",
            "series", "source_id"]
    rows = _annual(rows)
    p = rows[rows["commodity_code"] != TOTAL]
    if reporter:
        p = p[p["reporter"] == reporter]
    if partner:
        p = p[p["partner"] == partner]
    if p.empty:
        return pd.DataFrame(columns=cols)
    key = ["year", "reporter", "partner", "flow"]
    totals = rows[rows["commodity_code"] == TOTAL][key + ["value_usd"]]
    p = p.merge(totals.rename(columns={"value_usd": "total_usd"}), on=key, how="left")
    p["share_of_total_pct"] = p["value_usd"] / p["total_usd"] * 100
    latest = (p.sort_values("year").dropna(subset=["commodity_desc"])
              .groupby("commodity_code")["commodity_desc"].last())
    p["commodity"] = [f"{c} {latest[c]}" if c in latest.index else c
                      for c in p["commodity_code"]]
    p["series"] = [_label(r, f, q, "product") for r, f, q in
                   zip(p["reporter"], p["flow"], p["partner"], strict=True)]
    return p.sort_values(key[1:] + ["commodity_code", "year"])[cols].reset_index(drop=True)


def world_shares(rows: pd.DataFrame) -> pd.DataFrame:
    """The pair's trade as a share of the reporter's trade with the World, per year, flow and
    commodity, wherever the file gives both (totals derived as export + import are marked)."""
    cols = ["year", "reporter", "partner", "flow", "commodity_code", "value_usd",
            "world_value_usd", "share_pct", "derived", "series", "source_id"]
    keys = ["year", "reporter", "partner", "commodity_code"]
    rows = _annual(rows)
    base = rows[keys + ["flow", "value_usd"]]
    pair, world = base[base["partner"] != WORLD], base[base["partner"] == WORLD]
    if pair.empty or world.empty:
        return pd.DataFrame(columns=cols)
    pair, world = _with_totals(pair, keys), _with_totals(world, keys)
    on = ["year", "reporter", "commodity_code", "flow"]
    both = pair.merge(world.drop(columns="partner").rename(
        columns={"value_usd": "world_value_usd", "derived": "world_derived"}), on=on)
    if both.empty:
        return pd.DataFrame(columns=cols)
    both["share_pct"] = both["value_usd"] / both["world_value_usd"] * 100
    both["derived"] = both["derived"] | both["world_derived"]
    both["series"] = [_label(r, f, p, "world_share") for r, f, p in
                      zip(both["reporter"], both["flow"], both["partner"], strict=True)]
    both["source_id"] = rows["source_id"].iloc[0]
    return both.sort_values(["reporter", "partner", "commodity_code", "flow", "year"])[
        cols].reset_index(drop=True)


def monthly_view(rows: pd.DataFrame) -> pd.DataFrame:
    """Monthly rows, and year-to-date sums of consecutive months from January (marked as sums of
    months), beside the same months of the year before where the file has them."""
    cols = ["year", "month_start", "month_end", "reporter", "partner", "flow", "commodity_code",
            "value_usd", "previous_year_usd", "change_pct", "measure", "series", "source_id"]
    if "month_start" not in rows.columns or rows["month_start"].isna().all():
        return pd.DataFrame(columns=cols)
    m = rows[rows["month_start"].notna()].copy()
    m["measure"] = "month"
    key = ["reporter", "partner", "flow", "commodity_code", "year"]
    got = {(*k, int(mo)): float(v) for *k, mo, v in
           m[key + ["month_start", "value_usd"]].itertuples(index=False)}

    def upto(k: tuple, n: int) -> float | None:
        vals = [got.get((*k, i)) for i in range(1, n + 1)]
        return None if None in vals else float(sum(vals))

    ytd = []
    for k in dict.fromkeys(tuple(x) for x in m[key].itertuples(index=False)):
        n = next(i for i in range(1, 14) if (*k, i) not in got) - 1
        if n >= 2:
            ytd.append(dict(zip(key, k, strict=True), month_start=1, month_end=n,
                            value_usd=upto(k, n), previous_year_usd=upto((*k[:-1], k[-1] - 1), n),
                            measure=f"sum of months 1–{n} (year to date)"))
    m["previous_year_usd"] = [got.get((*k[:-1], k[-1] - 1, int(mo))) for *k, mo in
                              m[key + ["month_start"]].itertuples(index=False)]
    both = pd.concat([m, pd.DataFrame(ytd)], ignore_index=True)
    both["previous_year_usd"] = both["previous_year_usd"].astype("Float64")
    both["change_pct"] = (both["value_usd"] / both["previous_year_usd"] - 1) * 100
    both["kind"] = both["measure"] != "month"
    both["series"] = [_label(r, f, p, "monthly") for r, f, p in
                      zip(both["reporter"], both["flow"], both["partner"], strict=True)]
    both["source_id"] = rows["source_id"].iloc[0]
    return both.sort_values(["reporter", "partner", "flow", "commodity_code", "kind", "year",
                             "month_start"])[cols].reset_index(drop=True)


def reporter_series(totals: pd.DataFrame) -> pd.DataFrame:
    """Each reporter's own figures as its own labelled series (never mixed with another's)."""
    out = totals.copy()
    out["series"] = [_label(r, f, p) for r, f, p in
                     zip(out["reporter"], out["flow"], out["partner"], strict=True)]
    return out.sort_values(["reporter", "partner", "flow", "year"]).reset_index(drop=True)


def mirror_pairs(totals: pd.DataFrame) -> list[tuple[str, str]]:
    """Pairs where the file holds both sides' statistics (A on B and B on A)."""
    have = set(zip(totals["reporter"], totals["partner"], strict=True))
    return sorted((a, b) for a, b in have if (b, a) in have and a < b and WORLD not in (a, b))


def mirror_flows(trade: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """A's exports to B beside B's imports from A (and the reverse, and totals), per year."""
    cols = ["year", "measure", "reporter_a", "flow_a", "value_a_usd", "reporter_b", "flow_b",
            "value_b_usd", "gap_usd", "gap_pct"]
    key = ["year", "flow"]
    left = trade[(trade["reporter"] == a) & (trade["partner"] == b)][key + ["value_usd"]]
    right = trade[(trade["reporter"] == b) & (trade["partner"] == a)][key + ["value_usd"]]
    right = right.assign(flow=right["flow"].map(MIRROR))
    both = left.merge(right, on=key, suffixes=("_a", "_b"))
    if both.empty:
        return pd.DataFrame(columns=cols)
    both = both.rename(columns={"flow": "flow_a", "value_usd_a": "value_a_usd",
                                "value_usd_b": "value_b_usd"})
    both["flow_b"] = both["flow_a"].map(MIRROR)
    both["reporter_a"], both["reporter_b"] = a, b
    both["measure"] = [f"{name_of(a)}'s {FLOW_WORDS[fa]} {name_of(b)} vs {name_of(b)}'s "
                       f"{FLOW_WORDS[fb]} {name_of(a)} (your file)"
                       for fa, fb in zip(both["flow_a"], both["flow_b"], strict=True)]
    both["gap_usd"] = both["value_a_usd"] - both["value_b_usd"]
    both["gap_pct"] = (both["value_a_usd"] / both["value_b_usd"] - 1) * 100
    return both.sort_values(["flow_a", "year"])[cols].reset_index(drop=True)


def _years(frame: pd.DataFrame) -> str:
    lo, hi = int(frame["year"].min()), int(frame["year"].max())
    return str(lo) if lo == hi else f"{lo}–{hi}"


def summary(read_as: Reason, rows: pd.DataFrame, rejected: pd.DataFrame, *, trailing: int,
            derived: int, empty_cells: int, header_line: int, wide: bool) -> list[Reason]:
    """What was read, one reason a sentence (import.summary.*), each computed from the read."""
    total = len(rows) + len(rejected)
    out = [read_as, Reason("import.summary.cells" if wide else "import.summary.rows",
                           dict(count=total, accepted=len(rows), rejected=len(rejected)))]
    if header_line > 1:
        out.append(Reason("import.summary.header_line", dict(line=header_line)))
    if trailing:
        out.append(Reason("import.summary.trailing", dict(count=trailing)))
    if empty_cells:
        out.append(Reason("import.summary.empty_cells", dict(count=empty_cells)))
    if derived:
        out.append(Reason("import.derived", dict(count=derived)))
    if rows.empty:
        return out
    monthly = rows[rows["month_start"].notna()] if "month_start" in rows.columns else rows[:0]
    if not monthly.empty:
        first = monthly.sort_values(["year", "month_start"]).iloc[[0, -1]]
        span = "–".join(dict.fromkeys(f"{int(y)}-{int(m):02d}" for y, m in
                                      zip(first["year"], first["month_start"], strict=True)))
        out.append(Reason("import.summary.monthly", dict(count=len(monthly), span=span)))
        rows = rows[rows["month_start"].isna()]
    if rows.empty:
        return out
    if rows["note"].str.contains("thousand", case=False, na=False).any():
        out.append(Reason("import.summary.thousand"))
    ok = rows["classification"].str.fullmatch(r"\w{1,12}").fillna(True).astype(bool)
    named = rows["classification"].where(ok, "other")
    classes = rows.assign(classification=named).dropna(subset=["classification"]).groupby(
        "classification")
    if len(classes) > 1:
        out.append(Reason("import.summary.classifications", dict(list=", ".join(
            f"{c} ({_years(g)})" for c, g in classes))))
    products = rows[rows["commodity_code"] != TOTAL]
    if not products.empty:
        codes = Reason("import.summary.codes", dict(count=products["commodity_code"].nunique()))
        out.append(Reason("import.summary.products", dict(count=len(products), codes=codes)))
    world = rows[rows["partner"] == WORLD]
    if not world.empty:
        out.append(Reason("import.summary.world", dict(count=len(world))))
    reporters = sorted(set(rows["reporter"]))
    if len(reporters) > 1:
        out.append(Reason("import.summary.reporters", dict(countries=tuple(reporters))))
    return out
