"""Read users' own trade files: our tidy CSV, UN Comtrade classic or Plus (CSV, API JSON or an
Excel workbook, annual or monthly), World Bank WITS (with reporter and partner columns, or an
indicator file of one pair that the caller names).

Every observation in the file ends up either accepted (in a tidy form) or rejected with its
row number, raw text and a reason a person can act on: nothing is dropped silently, and
accepted + rejected always equals the file's data rows. No pickle, nothing executed.
Bytes → records in ``decoding`` (text) or ``forms`` (JSON, workbooks), records → observations
in ``formats`` and ``rows`` (accepted or rejected in ``collect``), the resulting tables in
``results``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pandas as pd

from dashboard.data.loader import DataError
from dashboard.errors import Reason
from dashboard.importing.collect import Collector
from dashboard.importing.countries import WORLD, name_of, pair_problem, resolve
from dashboard.importing.decoding import (
    MAX_BYTES,
    decode,
    find_header,
    lines_of,
    read_bytes,
    records,
)
from dashboard.importing.formats import (
    DECIMAL_COMMA,
    TOTAL,
    detect,
    norm,
    refuse,
)
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
from dashboard.importing.rows import Pair
from dashboard.importing.tables import summary
from dashboard.text.reasons import english, render, short

__all__ = ["MAX_BYTES", "MAX_ROWS", "DTYPES", "TRADE_COLUMNS", "ROW_COLUMNS", "ImportResult",
           "PairNeeded", "read_import", "read_trade_csv", "combine", "source_frame",
           "upload_source"]

MAX_ROWS = 50_000
FLOWS = ("total", "export", "import")


class PairNeeded(DataError):
    """The file has no reporter or partner columns: the caller must name both."""

    def __init__(self, message: str, columns: list[str], reason: Reason | None = None) -> None:
        super().__init__(message, reason=reason)
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
    # The same as catalogue reasons, for a page in the reader's language: one note per line of
    # ``messages``, one reason per row of ``rejected`` (whose ``reason`` column is English).
    notes: tuple[Reason, ...] = ()
    reasons: tuple[Reason, ...] = ()


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
        raise refuse(name, "import.error.no_rows", line=table.header_line)
    if len(recs) > MAX_ROWS:
        raise refuse(name, "import.error.too_many_rows", rows=MAX_ROWS)
    got = Collector()
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
    fmt_key = Reason(f"import.format.{fmt}" + (f"_{table.form.lower()}" if table.form else ""))
    fmt_name = render(fmt_key)
    if table.read_as is not None:
        read_as = Reason(table.read_as.key, dict(table.read_as.params, format=fmt_key))
    else:
        separator = Reason("import.separator_tab") if sep == chr(9) else repr(sep)
        read_as = Reason("import.read_as", dict(format=fmt_key, encoding=encoding,
                                                separator=separator))
    notes = summary(read_as, rows, rejected, trailing=got.trailing,
                    derived=derived, empty_cells=got.empty_cells,
                    header_line=table.header_line,
                    wide=fmt == "wits_wide" and "value" not in cols)
    if pair:
        notes.insert(1, Reason("import.summary.pair_named", dict(
            reporter_country=pair[0][0], reporter=pair[0][0], partner_country=pair[1][0],
            partner=pair[1][0])))
    elif reporter or partner:
        notes.insert(1, Reason("import.summary.pair_unused"))
    messages = tuple(render(n) for n in notes)
    totals.attrs.update(source=upload_source(source_id, name, fmt_name), format=fmt_name,
                        messages=list(messages))
    whole = annual(rows)
    return ImportResult(
        file_name=name, format=fmt_name, encoding=encoding, separator=sep,
        source_id=source_id, data_rows=len(got.ok) + len(got.bad), rows=rows, totals=totals,
        commodities=whole[whole["commodity_code"] != TOTAL].reset_index(drop=True),
        world=whole[whole["partner"] == WORLD].reset_index(drop=True), rejected=rejected,
        messages=messages, notes=tuple(notes), reasons=tuple(got.why))


def _text_table(text: str, name: str) -> tuple[Table, str]:
    """(records, separator) of a text file: JSON by its first character, else CSV."""
    if text.lstrip()[:1] in ("{", "["):
        return from_json(text, name, MAX_ROWS), ""
    lines = lines_of(text)
    at, header, sep, _ = find_header(lines, name)
    recs = records(lines, at + 1, sep, len(header), limit=MAX_ROWS)
    return Table(header, recs, at + 1, None), sep


def _format_of(cols: list[str], name: str) -> str:
    try:
        return detect(cols)
    except DataError as exc:
        raise DataError(f"{name}: {exc}", reason=exc.reason) from None


def _pair(fmt: str, reporter: str | None, partner: str | None, header: list[str],
          name: str) -> Pair | None:
    """The caller's reporter and partner, checked, for a file that has no such columns."""
    if fmt != "wits_indicator":
        return None
    have = ", ".join(h for h in header if h.strip())
    if not reporter or not partner:
        message, reason = english("import.error.pair_needed", columns=short(have, 400))
        raise PairNeeded(f"{name}: {message}", [h for h in header if h.strip()], reason)
    codes = []
    for role, given in (("reporter", reporter), ("partner", partner)):
        code = resolve(str(given))
        if code is None or code != str(given).strip().upper():
            raise refuse(name, "import.error.pair_code", role=Reason(f"import.role.{role}"),
                         text=repr(str(given)[:40]))
        codes.append(code)
    problem = pair_problem(codes[0], codes[1])
    if problem:
        raise refuse(name, problem)
    return (codes[0], name_of(codes[0])), (codes[1], name_of(codes[1]))


def read_trade_csv(source: str | Path | BinaryIO) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(all-commodity totals in the bilateral_trade schema, rejected rows with reasons).

    The original contract; ``read_import`` gives the whole file."""
    result = read_import(source)
    return result.totals, result.rejected


