"""The tables an import produces: the accepted rows, all-commodity totals in the bilateral_trade
schema, the upload's source entry, and how an upload combines with the bundled data.

Monthly rows (``month_start``/``month_end`` set) are part-year figures: they stay in ``rows`` and
the monthly view, and never reach the annual totals.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd

from dashboard.importing.countries import WORLD
from dashboard.importing.formats import TOTAL

_READ_COLUMNS = ["year", "reporter", "partner", "flow", "value_usd", "reported_change_pct",
                 "approximate", "source_id", "note"]
# Provenance as in bilateral_trade: your file's reporter column says whose figures they are.
_PROVENANCE = dict(reading_type="upload", attribution="stated",
                   attribution_note="The reporter column of your file.", anomaly=False)
NAMED_PAIR_NOTE = "The reporter you named when loading the file (it has no reporter column)."
TRADE_COLUMNS = [*_READ_COLUMNS, "reading_type", "derived", "attribution", "attribution_note",
                 "anomaly", "anomaly_note"]
DTYPES = {"year": "Int64", "reporter": "string", "partner": "string", "flow": "string",
          "value_usd": "Float64", "reported_change_pct": "Float64", "approximate": "boolean",
          "source_id": "string", "note": "string", "reading_type": "string",
          "derived": "boolean", "attribution": "string", "attribution_note": "string",
          "anomaly": "boolean", "anomaly_note": "string"}
# The tidy form of every accepted observation: row (and column) say where it came from;
# month_start/month_end are set only for part-year (monthly) figures.
ROW_COLUMNS = ["row", "column", "year", "month_start", "month_end", "reporter", "reporter_name",
               "partner", "partner_name", "flow", "classification", "commodity_code",
               "commodity_desc", "value_usd", "reported_change_pct", "approximate", "note",
               "source_id"]
ROW_DTYPES = {**{c: t for c, t in DTYPES.items() if c in ROW_COLUMNS}, "row": "Int64",
              "column": "string", "reporter_name": "string", "partner_name": "string",
              "classification": "string", "commodity_code": "string", "commodity_desc": "string",
              "month_start": "Int64", "month_end": "Int64"}
REJECTED_COLUMNS = {"row": "Int64", "column": "string", "reason": "string", "raw": "string"}


def row_frame(ok: list[dict], source_id: str) -> pd.DataFrame:
    rows = pd.DataFrame(ok, columns=[c for c in ROW_COLUMNS if c != "source_id"])
    rows["source_id"] = source_id
    return rows[ROW_COLUMNS].astype(ROW_DTYPES)


def annual(rows: pd.DataFrame) -> pd.DataFrame:
    """Whole-year rows only: part-year (monthly) figures are never mixed into annual series."""
    if "month_start" not in rows.columns:
        return rows
    return rows[rows["month_start"].isna()].reset_index(drop=True)


def totals_of(rows: pd.DataFrame, fmt: str, source_id: str,
              named_pair: bool = False) -> tuple[pd.DataFrame, int]:
    """All-commodity whole-year rows with a country partner, in the bilateral_trade schema."""
    rows = annual(rows)
    pick = rows[(rows["commodity_code"] == TOTAL) & (rows["partner"] != WORLD)]
    table = pick[_READ_COLUMNS].copy()
    derived = 0
    if fmt != "tidy" and not table.empty:
        have = set(zip(table["year"], table["reporter"], table["partner"], table["flow"],
                       strict=True))
        wide = table.pivot_table(index=["year", "reporter", "partner"], columns="flow",
                                 values="value_usd", aggfunc="first")
        extra = []
        for (year, rep, par), r in wide.iterrows():
            if {"export", "import"} <= set(r.dropna().index) and \
                    (year, rep, par, "total") not in have:
                extra.append(dict(year=year, reporter=rep, partner=par, flow="total",
                                  value_usd=float(r["export"]) + float(r["import"]),
                                  approximate=False, source_id=source_id,
                                  note="Derived: export + import from the uploaded file."))
        derived = len(extra)
        table = pd.concat([table, pd.DataFrame(extra, columns=_READ_COLUMNS)],
                          ignore_index=True)
    provenance = dict(_PROVENANCE, **({"attribution_note": NAMED_PAIR_NOTE} if named_pair
                                      else {}))
    table = table.assign(**provenance, anomaly_note=pd.NA,
                         derived=table["note"].fillna("").str.startswith("Derived"))
    table = table[TRADE_COLUMNS].astype(DTYPES)
    table["approximate"] = table["approximate"].fillna(False)
    table = table.sort_values(["reporter", "partner", "year", "flow"]).reset_index(drop=True)
    return table, derived


def _clean_text(text: str) -> str:
    """File names go into chart source lines: keep them to plain characters."""
    kept = "".join(c for c in text if c.isprintable())
    return (kept.translate(str.maketrans("", "", "<>&\"'`[]()*_#|\\$~:!{}=+@^%")).strip()[:80]
            or "uploaded file")


def upload_source(source_id: str, file_name: str, fmt_name: str) -> dict:
    return dict(source_id=source_id, publisher="Your uploaded file",
                title=_clean_text(file_name), url=None,
                published=datetime.now(UTC).strftime("%Y-%m-%d"), kind="user upload",
                cites=fmt_name, note="Visible only in your browser session.")


def source_frame(accepted: pd.DataFrame, columns) -> pd.DataFrame:
    """The upload's entry for the sources table, in that table's columns."""
    row = {c: accepted.attrs["source"].get(c, pd.NA) for c in columns}
    return pd.DataFrame([row], columns=list(columns)).astype("string")


def combine(bundled: pd.DataFrame, uploaded: pd.DataFrame,
            prefer: str = "bundled") -> tuple[pd.DataFrame, pd.DataFrame]:
    """One series per key: where both give a figure the user's preference wins, both reported."""
    key = ["year", "reporter", "partner", "flow"]
    both = bundled.merge(uploaded, on=key, suffixes=("_bundled", "_uploaded"))
    conflicts = both[key + ["value_usd_bundled", "source_id_bundled", "value_usd_uploaded",
                            "source_id_uploaded"]]
    if prefer == "uploaded":
        keep_b = ~bundled.set_index(key).index.isin(both.set_index(key).index)
        table = pd.concat([bundled[keep_b], uploaded], ignore_index=True)
    else:
        keep_u = ~uploaded.set_index(key).index.isin(both.set_index(key).index)
        table = pd.concat([bundled, uploaded[keep_u]], ignore_index=True)
    table = table.astype(DTYPES).sort_values(key).reset_index(drop=True)
    return table, conflicts.reset_index(drop=True)
