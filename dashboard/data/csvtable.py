"""One resource's CSV file: found inside the package only, read row by row, typed by column.

A resource path that leaves the package (``..``, an absolute path, a URL, a symbolic link
pointing out) is refused before anything is opened. Rows are read with their line numbers
(quoted cells may span lines), so every message names the file, the line and the column;
a row of the wrong width, a blank row, an unclosed quote or a byte that is not UTF-8 is an
error rather than a silently shifted or dropped row.
"""

from __future__ import annotations

import csv
import io
import math
import re
from pathlib import Path, PurePosixPath

import pandas as pd

from dashboard.data.descriptor import SchemaProblem
from dashboard.data.messages import at, data_error, expected, got
from dashboard.errors import Reason
from dashboard.text.plain import bounded, quoted

MAX_FILE_BYTES = 20_000_000  # 20 MB per package file: 400 times the largest bundled one
SHOWN_LIMIT = 60             # characters of a cell repeated in a message

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_TRUE = {"true", "True", "TRUE", "1", "yes"}
_FALSE = {"false", "False", "FALSE", "0", "no"}
_BOUND_CHECKS = (("minimum", lambda v, b: v < b, ">="), ("maximum", lambda v, b: v > b, "<="),
                 ("exclusiveMinimum", lambda v, b: v <= b, ">"),
                 ("exclusiveMaximum", lambda v, b: v >= b, "<"))
_LENGTH_CHECKS = (("minLength", lambda n, b: n < b, "at least"),
                  ("maxLength", lambda n, b: n > b, "at most"))


def resource_file(root: Path, raw: str, at: str) -> Path:
    """The resource's file, which must be inside the package folder (no way out of it)."""
    shown = quoted(raw, 80)
    if not raw.strip() or "\x00" in raw:
        raise SchemaProblem(f"{at}: path {shown} does not name a file")
    if _SCHEME.match(raw) or raw.startswith("//"):
        raise SchemaProblem(f"{at}: path {shown} is a URL; the dashboard reads only files "
                            "inside the data package folder")
    pure = PurePosixPath(raw)
    if pure.is_absolute() or "\\" in raw or ".." in pure.parts:
        raise SchemaProblem(f"{at}: path {shown} leads outside the data package; give it "
                            "relative to the folder of datapackage.json, without '..'")
    path = root / raw
    try:
        inside = path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a loop of links
        inside = False
    if not inside:
        raise SchemaProblem(f"{at}: path {shown} is a link to a file outside the data "
                            "package")
    return path


def check_size(path: Path) -> None:
    """Before anything is read: a package file over ``MAX_FILE_BYTES`` is refused at once."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise data_error("cannot_read", at(path), why=str(exc.strerror)) from None
    if size > MAX_FILE_BYTES:
        raise data_error("too_large", at(path), size=size, limit=MAX_FILE_BYTES,
                         mb=MAX_FILE_BYTES // 2**20)


def read_rows(path: Path) -> tuple[list[str], list[list[str]], list[int]]:
    """Header, rows and each row's line number; every row exactly as wide as the header."""
    check_size(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise data_error("cannot_read", at(path), why=str(exc.strerror)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise data_error("not_utf8_byte", at(path, line),
                         byte=f"0x{data[exc.start]:02x}") from None
    if "\x00" in text:  # a binary or corrupted file, not text
        line = text[:text.index("\x00")].count("\n") + 1
        raise data_error("nul_byte", at(path, line))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[list[str]] = []
    lines: list[int] = []
    header: list[str] | None = None
    start = 1
    try:
        for row in reader:
            if header is None:
                header = row
                _check_header(header, path)
            elif not any(cell.strip() for cell in row):
                raise data_error("blank_row", at(path, start))
            elif len(row) != len(header):
                columns = bounded(", ".join(header), 200)
                raise data_error("cells", at(path, start), cells=len(row),
                                 expected=len(header), columns=columns)
            else:
                rows.append(row)
                lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise data_error("not_csv", at(path, start), why=str(exc)) from None
    if header is None:
        raise data_error("empty_file", at(path))
    return header, rows, lines


def _check_header(header: list[str], path: Path) -> None:
    for i, name in enumerate(header, 1):
        if not name.strip():
            raise data_error("unnamed_column", at(path, 1), item=i)
        if header.index(name) != i - 1:
            raise data_error("column_twice", at(path, 1), name=shown(name))


def _shown(value) -> str | None:
    """``shown``, None for an empty cell (said in words by ``messages.got``)."""
    return None if value is None or value is pd.NA else shown(value)


def shown(value) -> str:
    """A cell as a message shows it: numbers plainly (0, 0.5, 1e+308), text quoted."""
    if value is None or value is pd.NA:
        return "an empty cell"
    if isinstance(value, bool):
        return repr(value)
    if isinstance(value, str):
        return quoted(value, SHOWN_LIMIT)
    x = float(value)
    return str(int(x)) if x.is_integer() and abs(x) < 1e16 else f"{x:g}"


def where(path: Path | str, line: int | None = None, column: str | None = None) -> str:
    """'file, line N, column 'x'': where a problem is, as every message says it."""
    parts = [Path(path).name]
    if line is not None:
        parts.append(f"line {line}")
    if column is not None:
        parts.append(f"column '{column}'")
    return ", ".join(parts)



def read_table(root: Path, resource: dict, need_rows: bool) -> tuple[pd.DataFrame, list[int]]:
    """The resource's table, typed and checked field by field, and each row's file line."""
    name = resource["name"]
    path = resource_file(root, resource["path"], f"resource '{name}'")
    if not path.is_file():
        raise data_error("resource_file_missing", at(path), name=name)
    header, rows, lines = read_rows(path)
    fields = resource["schema"]["fields"]
    expected = [f["name"] for f in fields]
    missing = [c for c in expected if c not in header]
    if missing:
        raise data_error("missing_columns", at(path), columns=", ".join(map(shown, missing)),
                         expected=", ".join(expected))
    extra = [c for c in header if c not in expected]
    if extra:
        raise data_error("extra_columns", at(path), columns=", ".join(map(shown, extra[:10])))
    if not rows and need_rows:
        raise data_error("no_rows", at(path), name=name)
    raw = pd.DataFrame(rows, columns=header, dtype=object)
    table = pd.DataFrame(index=raw.index)
    for field in fields:
        col = convert(raw[field["name"]], field, path, lines)
        check_constraints(col, field, path, lines)
        table[field["name"]] = col
    pk = resource["schema"].get("primaryKey")
    if pk:
        pk = [pk] if isinstance(pk, str) else pk
        dup = table.duplicated(subset=pk, keep="first")
        if dup.any():
            i = int(dup.to_numpy().nonzero()[0][0])
            key = ", ".join(f"{k}={bounded(table[k].iloc[i], SHOWN_LIMIT)}" for k in pk)
            raise data_error("duplicate_key", at(path, lines[i]), pk=key,
                             fields=", ".join(pk))
    return table, lines


def convert(raw: pd.Series, field: dict, path: Path, lines: list[int]) -> pd.Series:
    """Turn one column of strings into its schema type, or name the first bad cell."""
    name = field["name"]
    ftype = field.get("type", "string")
    blank = raw.str.strip() == ""

    def bad(mask: pd.Series, what: Reason) -> None:
        if mask.any():
            i = int(mask.to_numpy().nonzero()[0][0])
            raise data_error("bad_cell", at(path, lines[i], name), expected=what,
                             got=got(raw.iloc[i], _shown(raw.iloc[i])))

    if ftype == "integer":
        num = pd.to_numeric(raw.where(~blank), errors="coerce")
        bad(~blank & (num.isna() | (num % 1 != 0) | (num.abs() > 2**53)),
            expected("whole_number"))
        return num.astype("Int64")
    if ftype == "number":
        num = pd.to_numeric(raw.where(~blank), errors="coerce")
        bad(~blank & (num.isna() | ~num.map(lambda v: math.isfinite(v) if v == v else True)),
            expected("finite_number"))
        return num.astype("Float64")
    if ftype == "boolean":
        ok = raw.isin(_TRUE | _FALSE)
        bad(~blank & ~ok, expected("true_false"))
        return raw.map(lambda v: True if v in _TRUE else (False if v in _FALSE else pd.NA)).astype(
            "boolean"
        )
    return raw.where(~blank, pd.NA).astype("string")


def check_constraints(col: pd.Series, field: dict, path: Path, lines: list[int]) -> None:
    name = field["name"]
    c = field.get("constraints", {})
    present = col.notna()

    def bad(mask: pd.Series, what: Reason) -> None:
        mask = mask.fillna(False).astype(bool)
        if mask.any():
            i = int(mask.to_numpy().nonzero()[0][0])
            raise data_error("bad_cell", at(path, lines[i], name), expected=what,
                             got=got(col.iloc[i], _shown(col.iloc[i])))

    if c.get("required"):
        bad(~present, expected("required"))
    if "enum" in c:
        bad(present & ~col.isin(c["enum"]),
            expected("one_of", values=", ".join(map(str, c["enum"]))))
    for key, outside, word in _BOUND_CHECKS:
        if key in c:
            bad(present & outside(col, c[key]), expected("bound", word=word, limit=str(c[key])))
    for key, outside, word in _LENGTH_CHECKS:
        if key in c:
            bad(present & outside(col.str.len(), c[key]),
                expected(f"length_{word.replace(' ', '_')}", limit=str(c[key])))
    if "pattern" in c:
        rx = re.compile(c["pattern"])
        ok = pd.Series([v is pd.NA or bool(rx.fullmatch(str(v))) for v in col],
                       index=col.index, dtype=bool)
        bad(present & ~ok, expected("pattern", pattern=c["pattern"]))
    if c.get("unique"):
        bad(present & col.duplicated(keep="first"), expected("unique"))
