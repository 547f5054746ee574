"""Where sources disagree, found in the logistics data rather than typed in.

A disagreement is listed when full-year readings of one measure and year differ in value (a
'more than X' that every plain reading exceeds is no disagreement), when reported growth rates
differ, when a part-year exceeds the primary full-year figure, or when targets for one border
episode differ between sources. Pandas only.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

FULL_YEAR_KINDS = ("outturn", "expected")  # readings that claim to cover a whole year


@dataclass(frozen=True)
class Disagreement:
    """Readings of one thing in one year that do not agree, with why they are listed."""

    measure: str
    label: str
    year: int
    reasons: tuple[str, ...]
    readings: pd.DataFrame  # period, kind, value, qualifier, unit, change, scope, whose, source_id


_READING_COLS = ["period", "kind", "value", "qualifier", "unit", "reported_change_pct", "scope",
                 "whose_figure", "source_id"]


def _consistent_bound(row: pd.Series, plain: pd.DataFrame) -> bool:
    """A 'more than X' reading is no disagreement when every plain reading exceeds X."""
    if plain.empty or row["qualifier"] not in ("more than", "less than"):
        return False
    if row["qualifier"] == "more than":
        return bool((plain["value"] > row["value"]).all())
    return bool((plain["value"] < row["value"]).all())


def disagreements(tables: dict[str, pd.DataFrame]) -> list[Disagreement]:
    """Where sources disagree, found in the data: full-year values or growth rates that differ,
    part-years above the primary full year, and border targets that differ between sources."""
    lg = tables["logistics"]
    labels = tables["logistics_measures"].set_index("measure")["label"]
    out = []
    full = lg[lg["kind"].isin(FULL_YEAR_KINDS) & (lg["months"] == 12).fillna(False)]
    for (measure, year), g in lg.groupby(["measure", "year"], sort=True):
        reasons, involved = [], []
        fy = full[(full["measure"] == measure) & (full["year"] == year)]
        for unit, u in fy[fy["value"].notna()].groupby("unit"):
            plain = u[u["qualifier"].isin(["stated", "about"])]
            kept = u[[not _consistent_bound(r, plain) for _, r in u.iterrows()]]
            if kept["value"].nunique() > 1:
                reasons.append("full-year values differ")
                involved.append(u)
            prim = u[u["primary"].fillna(False).astype(bool)]
            part = g[(g["kind"] == "part-year") & (g["unit"] == unit)]
            if not prim.empty and not part.empty:
                above = part[part["value"] > float(prim["value"].iloc[0])]
                if not above.empty:
                    reasons.append("part-year above the full year")
                    involved += [prim, above]
        if fy["reported_change_pct"].dropna().nunique() > 1:
            reasons.append("growth rates differ")
            involved.append(fy[fy["reported_change_pct"].notna()])
        if reasons:
            rows = pd.concat(involved).drop_duplicates("figure_id").sort_values("value")
            out.append(Disagreement(str(measure), str(labels.get(measure, measure)), int(year),
                                    tuple(dict.fromkeys(reasons)),
                                    rows[_READING_COLS].reset_index(drop=True)))
    bf = tables["border_facts"]
    for gid, g in bf[bf["phase"] == "target"].groupby("group_id"):
        if g["source_id"].nunique() > 1 and g[["value", "unit"]].drop_duplicates().shape[0] > 1:
            rows = g.rename(columns={"phase": "kind", "what": "scope"}).assign(
                reported_change_pct=pd.NA)
            year = int(str(g["date"].dropna().min())[:4])
            out.append(Disagreement(str(gid), str(g["place"].iloc[0]), year,
                                    ("targets differ between sources",),
                                    rows[_READING_COLS].reset_index(drop=True)))
    return out
