"""Read users' own trade files: our tidy CSV, UN Comtrade classic or Plus, World Bank WITS.

Every observation in the file ends up either accepted (in a tidy form) or rejected with its
row number, raw text and a reason a person can act on: nothing is dropped silently, and
accepted + rejected always equals the file's data rows. Text only: no pickle, no spreadsheets.
Bytes → records in ``decoding``, records → observations in ``formats`` and ``rows``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

import pandas as pd

from dashboard.data.loader import DataError
from dashboard.importing.countries import WORLD
from dashboard.importing.decoding import (
    MAX_BYTES,
    Record,
    decode,
    find_header,
    lines_of,
    read_bytes,
    records,
)
from dashboard.importing.formats import (
    DECIMAL_COMMA,
    FORMATS,
    TOTAL,
    YEAR_COLUMN,
    norm,
)
from dashboard.importing.rows import observations
from dashboard.importing.tables import summary

__all__ = ["MAX_BYTES", "MAX_ROWS", "DTYPES", "TRADE_COLUMNS", "ROW_COLUMNS", "ImportResult",
           "read_import", "read_trade_csv", "combine", "source_frame", "upload_source"]

MAX_ROWS = 50_000
FLOWS = ("total", "export", "import")
_READ_COLUMNS = ["year", "reporter", "partner", "flow", "value_usd", "reported_change_pct",
                 "approximate", "source_id", "note"]
# Provenance as in bilateral_trade: your file's reporter column says whose figures they are.
_PROVENANCE = dict(reading_type="upload", attribution="stated",
                   attribution_note="The reporter column of your file.", anomaly=False)
TRADE_COLUMNS = [*_READ_COLUMNS, "reading_type", "derived", "attribution", "attribution_note",
                 "anomaly", "anomaly_note"]
DTYPES = {"year": "Int64", "reporter": "string", "partner": "string", "flow": "string",
          "value_usd": "Float64", "reported_change_pct": "Float64", "approximate": "boolean",
          "source_id": "string", "note": "string", "reading_type": "string",
          "derived": "boolean", "attribution": "string", "attribution_note": "string",
          "anomaly": "boolean", "anomaly_note": "string"}
# The tidy form of every accepted observation: row (and column) say where it came from.
ROW_COLUMNS = ["row", "column", "year", "reporter", "reporter_name", "partner", "partner_name",
               "flow", "classification", "commodity_code", "commodity_desc", "value_usd",
               "reported_change_pct", "approximate", "note", "source_id"]
ROW_DTYPES = {**{c: t for c, t in DTYPES.items() if c in ROW_COLUMNS}, "row": "Int64",
              "column": "string", "reporter_name": "string", "partner_name": "string",
              "classification": "string", "commodity_code": "string", "commodity_desc": "string"}
REJECTED_COLUMNS = {"row": "Int64", "column": "string", "reason": "string", "raw": "string"}
_RAW_LIMIT = 300


@dataclass(frozen=True)
class ImportResult:
    """Everything read from one file. ``rows`` holds every accepted observation; ``totals``,
    ``commodities`` and ``world`` are views of it (``totals`` in the bilateral_trade schema,
    plus export + import totals derived where the file gives both flows)."""
    file_name: str
    format: str
    encoding: str
    separator: str
    source_id: str
    data_rows: int
    rows: pd.DataFrame
    totals: pd.DataFrame
    commodities: pd.DataFrame
    world: pd.DataFrame
    rejected: pd.DataFrame
    messages: tuple[str, ...]


class _Collector:
    """Accepted and rejected observations, with the duplicate check."""

    def __init__(self) -> None:
        self.ok: list[dict] = []
        self.bad: list[dict] = []
        self.seen: dict[tuple, tuple[int, str | None]] = {}
        self.trailing = self.empty_cells = 0

    def read(self, rec: Record, cols: list[str], names: dict[str, str], fmt: str) -> None:
        """Every observation of one record, accepted or rejected."""
        if rec.cells is None or rec.problem:
            self.reject(rec.line, None, rec.text, rec.problem or "cannot be read")
            return
        cells = rec.cells
        if len(cells) > len(cols) and not any(c.strip() for c in cells[len(cols):]):
            cells, self.trailing = cells[:len(cols)], self.trailing + 1
        if len(cells) != len(cols):
            short = " (trailing fields are missing)" if len(cells) < len(cols) else ""
            self.reject(rec.line, None, rec.text, f"{len(cells)} values where the header has "
                        f"{len(cols)} columns{short}")
            return
        cell: dict[str, str] = {}
        for k, v in zip(cols, cells, strict=True):
            cell.setdefault(k, v)
        if fmt == "wits_wide" and "value" not in cell:
            self.empty_cells += sum(1 for c in cell if YEAR_COLUMN.match(c)
                                    and not cell[c].strip())
        for out in observations(fmt, cell, names):
            if out.row is None:
                self.reject(rec.line, out.column, rec.text, out.reason or "not usable")
            else:
                self.accept(rec.line, out.column, rec.text, out.row)

    def reject(self, line: int, column: str | None, raw: str, why: str) -> None:
        where = f"row {line}" + (f", column {column}" if column else "")
        shown = raw if len(raw) <= _RAW_LIMIT else f"{raw[:_RAW_LIMIT]}… ({len(raw):,} characters)"
        self.bad.append(dict(row=line, column=column, reason=f"{where}: {why}", raw=shown))

    def accept(self, line: int, column: str | None, raw: str, row: dict) -> None:
        key = (row["year"], row["reporter"], row["partner"], row["flow"], row["commodity_code"])
        if key in self.seen:
            first, cls = self.seen[key]
            what = "flow" if row["commodity_code"] == TOTAL else "flow and commodity"
            why = f"same year, reporter, partner and {what} as row {first}"
            if cls != row["classification"] and cls and row["classification"]:
                why += f" ({row['classification']} here, {cls} there)"
            self.reject(line, column, raw, why)
            return
        self.seen[key] = (line, row["classification"])
        self.ok.append(dict(row, row=line, column=column))


def read_import(source: str | Path | BinaryIO) -> ImportResult:
    """Read a trade file into an ImportResult; DataError when the file as a whole is unusable."""
    raw, name = read_bytes(source)
    text, encoding = decode(raw, name)
    lines = lines_of(text)
    at, header, sep, fmt = find_header(lines, name)
    cols = [norm(h) for h in header]
    names = dict(zip(cols, header, strict=True))
    recs = records(lines, at + 1, sep, len(cols), limit=MAX_ROWS)
    if not recs:
        raise DataError(f"{name}: no data rows: the file has a header (line {at + 1}) but no "
                        "rows of figures below it")
    if len(recs) > MAX_ROWS:
        raise DataError(f"{name}: more than {MAX_ROWS:,} data rows (the limit); filter the file "
                        "to the years, partners and products you need")
    got = _Collector()
    decimal = DECIMAL_COMMA.set(sep == ";")
    try:
        for rec in recs:
            got.read(rec, cols, names, fmt)
    finally:
        DECIMAL_COMMA.reset(decimal)
    source_id = f"U-{hashlib.sha256(raw).hexdigest()[:8]}"
    rows = _frame(got.ok, source_id)
    totals, derived = _totals(rows, fmt, source_id)
    rejected = pd.DataFrame(got.bad, columns=list(REJECTED_COLUMNS)).astype(REJECTED_COLUMNS)
    messages = tuple(summary(f"Read as {FORMATS[fmt]}, {encoding}, separator "
                             f"{'tab' if sep == chr(9) else repr(sep)}.", rows, rejected,
                             trailing=got.trailing, derived=derived,
                             empty_cells=got.empty_cells,
                             header_line=at + 1,
                             wide=fmt == "wits_wide" and "value" not in cols))
    totals.attrs.update(source=upload_source(source_id, name, fmt), format=FORMATS[fmt],
                        messages=list(messages))
    return ImportResult(
        file_name=name, format=FORMATS[fmt], encoding=encoding, separator=sep,
        source_id=source_id, data_rows=len(got.ok) + len(got.bad), rows=rows, totals=totals,
        commodities=rows[rows["commodity_code"] != TOTAL].reset_index(drop=True),
        world=rows[rows["partner"] == WORLD].reset_index(drop=True), rejected=rejected,
        messages=messages)


def _frame(ok: list[dict], source_id: str) -> pd.DataFrame:
    rows = pd.DataFrame(ok, columns=[c for c in ROW_COLUMNS if c != "source_id"])
    rows["source_id"] = source_id
    return rows[ROW_COLUMNS].astype(ROW_DTYPES)


def _totals(rows: pd.DataFrame, fmt: str, source_id: str) -> tuple[pd.DataFrame, int]:
    """All-commodity rows with a country partner, in the bilateral_trade schema."""
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
    table = table.assign(**_PROVENANCE, anomaly_note=pd.NA,
                         derived=table["note"].fillna("").str.startswith("Derived"))
    table = table[TRADE_COLUMNS].astype(DTYPES)
    table["approximate"] = table["approximate"].fillna(False)
    table = table.sort_values(["reporter", "partner", "year", "flow"]).reset_index(drop=True)
    return table, derived


def read_trade_csv(source: str | Path | BinaryIO) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(all-commodity totals in the bilateral_trade schema, rejected rows with reasons).

    The original contract; ``read_import`` gives the whole file."""
    result = read_import(source)
    return result.totals, result.rejected


def _clean_text(text: str) -> str:
    """File names go into chart source lines: keep them to plain characters."""
    kept = "".join(c for c in text if c.isprintable())
    return (kept.translate(str.maketrans("", "", "<>&\"'`[]()*_#|\\$~:!{}=+@^%")).strip()[:80]
            or "uploaded file")


def upload_source(source_id: str, file_name: str, fmt: str) -> dict:
    return dict(source_id=source_id, publisher="Your uploaded file",
                title=_clean_text(file_name), url=None,
                published=datetime.now(UTC).strftime("%Y-%m-%d"), kind="user upload",
                cites=FORMATS[fmt], note="Visible only in your browser session.")


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
