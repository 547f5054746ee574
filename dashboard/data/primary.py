"""The primary reading rule, applied in code when a package is loaded.

``bilateral_trade`` may hold, for one year, reporter, partner and flow, a row of each
``reading_type``: a ``database`` row (the value the reporter gave UN Comtrade) and a ``report``
(an official-attributed press reading, used while the database has no row for that year). The
database row is then the primary reading; the report leaves the series and joins
``other_readings`` as another full-year reading of the same figure, with its source and
attribution. So a year first known from a report (China's 2025) switches to the database
automatically when the database row is added, without editing the report's row.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import suppress

import pandas as pd

RANK = {"database": 0, "report": 1}  # lower is primary
KEY = ["year", "reporter", "partner", "flow"]
MOVED_NOTE = ("Was the primary reading until the database gave this year; the database row "
              "is primary now (primary reading rule).")


def _direction(reporter: str, partner: str, flow: str) -> str:
    if flow == "total":
        return "both ways"
    return f"{reporter} to {partner}" if flow == "export" else f"{partner} to {reporter}"


def split(trade: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(primary rows, displaced rows): one row per year, reporter, partner and flow, the one of
    lowest ``RANK``; the rest are displaced. Row order is kept."""
    if trade.empty or not trade.duplicated(subset=KEY, keep=False).any():
        return trade, trade.iloc[0:0]
    rank = trade["reading_type"].map(RANK).fillna(len(RANK))
    best = rank.groupby([trade[k] for k in KEY], dropna=False).transform("min")
    keep = (rank == best) & ~pd.concat([trade[KEY], rank.rename("_r")], axis=1).duplicated()
    return trade[keep], trade[~keep]


def as_other_readings(moved: pd.DataFrame, other: pd.DataFrame) -> pd.DataFrame:
    """Displaced ``bilateral_trade`` rows in the columns (and types) of ``other_readings``."""
    rows = []
    for _, r in moved.iterrows():
        note = r.get("note")
        note = MOVED_NOTE if pd.isna(note) or not str(note) else f"{MOVED_NOTE} {note}"
        rows.append({
            "year": r["year"], "period": "full year", "reporter": r["reporter"],
            "partner": r["partner"], "flow": r["flow"], "value_usd": r["value_usd"],
            "change_pct": r.get("reported_change_pct"), "approximate": r["approximate"],
            "source_id": r["source_id"], "note": note, "month_start": 1, "month_end": 12,
            "direction": _direction(str(r["reporter"]), str(r["partner"]), str(r["flow"])),
            "attribution": r.get("attribution", "inferred"),
            "attribution_note": r.get("attribution_note", ""), "derived": False})
    frame = pd.DataFrame(rows).reindex(columns=other.columns)
    for column in other.columns:  # the types the loader gave other_readings
        with suppress(TypeError, ValueError):
            frame[column] = frame[column].astype(other[column].dtype)
    return frame


def apply_rule(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The tables with ``bilateral_trade`` reduced to its primary readings and every displaced
    report added to ``other_readings`` (unless the same source's reading is already there)."""
    out = dict(tables)
    trade = tables["bilateral_trade"]
    if "reading_type" not in trade.columns:
        return out
    primary, moved = split(trade)
    if moved.empty:
        return out
    other = tables["other_readings"]
    extra = as_other_readings(moved, other)
    key = ["year", "period", "reporter", "partner", "flow", "direction", "source_id"]
    have = set(other[key].itertuples(index=False, name=None))
    extra = extra[[k not in have for k in extra[key].itertuples(index=False, name=None)]]
    out["bilateral_trade"] = primary.reset_index(drop=True)
    out["other_readings"] = pd.concat([other, extra], ignore_index=True) if len(extra) else other
    return out
