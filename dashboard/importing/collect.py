"""Every observation of a file's records, accepted or rejected, with the duplicate check.

A rejection keeps the record's line, the column (for a WITS year column), the raw text (cut at
``RAW_LIMIT``), the English reason for the table and CSV, and the same as a catalogue reason
for a page in the reader's language.
"""

from __future__ import annotations

from dashboard.errors import Reason
from dashboard.importing.decoding import Record
from dashboard.importing.formats import TOTAL, YEAR_COLUMN
from dashboard.importing.rows import Pair, observations
from dashboard.text.reasons import render, short

RAW_LIMIT = 300


class Collector:
    """Accepted and rejected observations, with the duplicate check."""

    def __init__(self) -> None:
        self.ok: list[dict] = []
        self.bad: list[dict] = []
        self.why: list[Reason] = []
        self.seen: dict[tuple, tuple[int, str | None]] = {}
        self.trailing = self.empty_cells = 0

    def read(self, rec: Record, cols: list[str], names: dict[str, str], fmt: str,
             pair: Pair | None = None) -> None:
        """Every observation of one record, accepted or rejected."""
        if rec.cells is None or rec.problem:
            self.reject(rec.line, None, rec.text,
                        rec.problem or Reason("import.reject.unreadable"))
            return
        cells = rec.cells
        if len(cells) > len(cols) and not any(c.strip() for c in cells[len(cols):]):
            cells, self.trailing = cells[:len(cols)], self.trailing + 1
        if len(cells) != len(cols):
            key = "import.reject.columns_short" if len(cells) < len(cols) else "reject.columns"
            self.reject(rec.line, None, rec.text,
                        Reason(key, dict(count=len(cells), expected=len(cols))))
            return
        cell: dict[str, str] = {}
        for k, v in zip(cols, cells, strict=True):
            cell.setdefault(k, v)
        if fmt == "wits_wide" and "value" not in cell:
            self.empty_cells += sum(1 for c in cell if YEAR_COLUMN.match(c)
                                    and not cell[c].strip())
        for out in observations(fmt, cell, names, pair):
            if out.row is None:
                self.reject(rec.line, out.column, rec.text,
                            out.reason or Reason("import.reject.not_usable"))
            else:
                self.accept(rec.line, out.column, rec.text, out.row)

    def reject(self, line: int, column: str | None, raw: str, why: Reason) -> None:
        reason = (Reason("import.reject.row_column", dict(line=line, column=short(column),
                                                          reason=why)) if column else
                  Reason("reject.row", dict(line=line, reason=why)))
        shown = raw if len(raw) <= RAW_LIMIT else f"{raw[:RAW_LIMIT]}… ({len(raw):,} characters)"
        self.bad.append(dict(row=line, column=column, reason=render(reason), raw=shown))
        self.why.append(reason)

    def accept(self, line: int, column: str | None, raw: str, row: dict) -> None:
        key = (row["year"], row["month_start"], row["reporter"], row["partner"], row["flow"],
               row["commodity_code"])
        if key in self.seen:
            first, cls = self.seen[key]
            what = "flow" if row["commodity_code"] == TOTAL else "commodity"
            when = "year" if row["month_start"] is None else "month"
            why = Reason(f"import.reject.duplicate.{when}_{what}", dict(first=first))
            if cls != row["classification"] and cls and row["classification"]:
                why = Reason("import.reject.duplicate_classes",
                             dict(reason=why, here=short(row["classification"]),
                                  there=short(cls)))
            self.reject(line, column, raw, why)
            return
        self.seen[key] = (line, row["classification"])
        self.ok.append(dict(row, row=line, column=column))
