"""Read users' own trade files: our tidy CSV, UN Comtrade classic or Plus (CSV, API JSON or an
Excel workbook, annual or monthly), World Bank WITS (with reporter and partner columns, or an
indicator file of one pair that the caller names).

Every observation in the file ends up either accepted (in a tidy form) or rejected with its
row number, raw text and a reason a person can act on: nothing is dropped silently, and
accepted + rejected always equals the file's data rows. No pickle, nothing executed.
Bytes → records in ``decoding`` (text) or ``forms`` (JSON, workbooks), records → observations
in ``formats`` and ``rows``, the resulting tables in ``results``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pandas as pd

from dashboard.data.loader import DataError
from dashboard.importing.countries import WORLD, name_of, pair_problem, resolve
from dashboard.importing.decoding import (
    MAX_BYTES,
    Record,
    decode,
    find_header,
    lines_of,
    read_bytes,
    records,
)
from dashboard.importing.formats import DECIMAL_COMMA, FORMATS, TOTAL, YEAR_COLUMN, detect, norm
from dashboard.importing.forms import Table, from_json, from_xlsx, is_workbook, refuse_by_content
from dashboard.importing.results import (
    DTYPES,
    REJECTED_COLUMNS,
    ROW_COLUMNS,
    TRADE_COLUMNS,
    annual,
    combine,
    row_frame,
    source_frame,
    totals_of,
    upload_source,
)
from dashboard.importing.rows import Pair, observations
from dashboard.importing.tables import summary

__all__ = ["MAX_BYTES", "MAX_ROWS", "DTYPES", "TRADE_COLUMNS", "ROW_COLUMNS", "ImportResult",
           "PairNeeded", "read_import", "read_trade_csv", "combine", "source_frame",
           "upload_source"]

MAX_ROWS = 50_000
FLOWS = ("total", "export", "import")
_RAW_LIMIT = 300


class PairNeeded(DataError):
    """The file has no reporter or partner columns: the caller must name both."""

    def __init__(self, message: str, columns: list[str]) -> None:
        super().__init__(message)
        self.columns = columns


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

    def read(self, rec: Record, cols: list[str], names: dict[str, str], fmt: str,
             pair: Pair | None = None) -> None:
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
        for out in observations(fmt, cell, names, pair):
            if out.row is None:
                self.reject(rec.line, out.column, rec.text, out.reason or "not usable")
            else:
                self.accept(rec.line, out.column, rec.text, out.row)

    def reject(self, line: int, column: str | None, raw: str, why: str) -> None:
        where = f"row {line}" + (f", column {column}" if column else "")
        shown = raw if len(raw) <= _RAW_LIMIT else f"{raw[:_RAW_LIMIT]}… ({len(raw):,} characters)"
        self.bad.append(dict(row=line, column=column, reason=f"{where}: {why}", raw=shown))

    def accept(self, line: int, column: str | None, raw: str, row: dict) -> None:
        key = (row["year"], row["month_start"], row["reporter"], row["partner"], row["flow"],
               row["commodity_code"])
        if key in self.seen:
            first, cls = self.seen[key]
            what = "flow" if row["commodity_code"] == TOTAL else "flow and commodity"
            when = "year" if row["month_start"] is None else "month"
            why = f"same {when}, reporter, partner and {what} as row {first}"
            if cls != row["classification"] and cls and row["classification"]:
                why += f" ({row['classification']} here, {cls} there)"
            self.reject(line, column, raw, why)
            return
        self.seen[key] = (line, row["classification"])
        self.ok.append(dict(row, row=line, column=column))


def read_import(source: str | Path | BinaryIO, reporter: str | None = None,
                partner: str | None = None) -> ImportResult:
    """Read a trade file into an ImportResult; DataError when the file as a whole is unusable.

    ``reporter`` and ``partner`` (ISO3 codes) name the pair for a file without reporter and
    partner columns (a WITS indicator file); such a file without them raises ``PairNeeded``.
    A file with its own reporter and partner columns keeps them (a message says so)."""
    raw, name = read_bytes(source)
    refuse_by_content(raw, name)
    if is_workbook(raw, name):
        table, encoding, sep = from_xlsx(raw, name, MAX_ROWS), "Excel", ""
    else:
        text, encoding = decode(raw, name)
        table, sep = _text_table(text, name)
    cols = [norm(h) for h in table.header]
    names = dict(zip(cols, table.header, strict=True))
    fmt = _format_of(cols, name)
    pair = _pair(fmt, reporter, partner, table.header, name)
    recs = table.records
    if not recs:
        raise DataError(f"{name}: no data rows: the file has a header (line "
                        f"{table.header_line}) but no rows of figures below it")
    if len(recs) > MAX_ROWS:
        raise DataError(f"{name}: more than {MAX_ROWS:,} data rows (the limit); filter the file "
                        "to the years, partners and products you need")
    got = _Collector()
    decimal = DECIMAL_COMMA.set(sep == ";")
    try:
        for rec in recs:
            got.read(rec, cols, names, fmt, pair)
    finally:
        DECIMAL_COMMA.reset(decimal)
    source_id = f"U-{hashlib.sha256(raw).hexdigest()[:8]}"
    rows = row_frame(got.ok, source_id)
    totals, derived = totals_of(rows, fmt, source_id, named_pair=pair is not None)
    rejected = pd.DataFrame(got.bad, columns=list(REJECTED_COLUMNS)).astype(REJECTED_COLUMNS)
    form = table.form
    fmt_name = f"{FORMATS[fmt].removesuffix(' CSV')} ({form})" if form else FORMATS[fmt]
    how = table.read_as or f"{encoding}, separator {'tab' if sep == chr(9) else repr(sep)}"
    lines = summary(f"Read as {fmt_name}, {how}.", rows, rejected, trailing=got.trailing,
                    derived=derived, empty_cells=got.empty_cells,
                    header_line=table.header_line,
                    wide=fmt == "wits_wide" and "value" not in cols)
    if pair:
        lines.insert(1, f"Reporter and partner as you named them: {name_of(pair[0][0])} "
                     f"({pair[0][0]}) reporting its trade with {name_of(pair[1][0])} "
                     f"({pair[1][0]}); the file itself has no reporter or partner column.")
    elif reporter or partner:
        lines.insert(1, "The file names its own reporters and partners; the reporter and "
                     "partner you chose were not used.")
    messages = tuple(lines)
    totals.attrs.update(source=upload_source(source_id, name, fmt_name), format=fmt_name,
                        messages=list(messages))
    whole = annual(rows)
    return ImportResult(
        file_name=name, format=fmt_name, encoding=encoding, separator=sep,
        source_id=source_id, data_rows=len(got.ok) + len(got.bad), rows=rows, totals=totals,
        commodities=whole[whole["commodity_code"] != TOTAL].reset_index(drop=True),
        world=whole[whole["partner"] == WORLD].reset_index(drop=True), rejected=rejected,
        messages=messages)


def _text_table(text: str, name: str) -> tuple[Table, str]:
    """(records, separator) of a text file: JSON by its first character, else CSV."""
    if text.lstrip()[:1] in ("{", "["):
        return from_json(text, name, MAX_ROWS), ""
    lines = lines_of(text)
    at, header, sep, _ = find_header(lines, name)
    recs = records(lines, at + 1, sep, len(header), limit=MAX_ROWS)
    return Table(header, recs, at + 1, ""), sep


def _format_of(cols: list[str], name: str) -> str:
    try:
        return detect(cols)
    except DataError as exc:
        raise DataError(f"{name}: {exc}") from None


def _pair(fmt: str, reporter: str | None, partner: str | None, header: list[str],
          name: str) -> Pair | None:
    """The caller's reporter and partner, checked, for a file that has no such columns."""
    if fmt != "wits_indicator":
        return None
    have = ", ".join(h for h in header if h.strip())
    if not reporter or not partner:
        raise PairNeeded(f"{name}: this file has no reporter or partner columns (its columns: "
                         f"{have}), so it does not say whose trade with whom it holds; name "
                         "the reporter and the partner (ISO3 codes such as KAZ and CHN) to "
                         "load it", [h for h in header if h.strip()])
    codes = []
    for role, given in (("reporter", reporter), ("partner", partner)):
        code = resolve(str(given))
        if code is None or code != str(given).strip().upper():
            raise DataError(f"{name}: {role} {str(given)[:40]!r} is not an ISO 3166 alpha-3 "
                            "country code we know (e.g. KAZ, CHN)")
        codes.append(code)
    problem = pair_problem(codes[0], codes[1])
    if problem:
        raise DataError(f"{name}: {problem}")
    return (codes[0], name_of(codes[0])), (codes[1], name_of(codes[1]))


def read_trade_csv(source: str | Path | BinaryIO) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(all-commodity totals in the bilateral_trade schema, rejected rows with reasons).

    The original contract; ``read_import`` gives the whole file."""
    result = read_import(source)
    return result.totals, result.rejected


