"""From an uploaded file's bytes to numbered records: encoding, line ends, separator, quotes.

Real downloads arrive as UTF-8 (with or without BOM), UTF-16 (Excel "Unicode Text"),
Windows-1251 or Windows-1252, with CRLF, LF or CR-only line ends and sometimes blank lines
before the header. Each record keeps the number of the line it starts on so every rejection
can point to it. Problems inside one record (an unclosed quote, an oversized cell) are
reported for that record alone; they never swallow the records after it.
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from dashboard.data.loader import DataError
from dashboard.errors import Reason
from dashboard.importing.formats import detect, norm, refuse
from dashboard.text.plain import quoted
from dashboard.text.reasons import english

# One upload limit: .streamlit/config.toml's server.maxUploadSize is in MB of 10**6 bytes, as the
# browser counts them; the importer, the page and the README state this same byte count.
MAX_BYTES = 5_000_000
MAX_MB = MAX_BYTES // 10**6
MAX_CELL = 4_000              # longest HS descriptions are well under this
MAX_QUOTED_LINES = 20         # a quoted cell may span this many lines, no more
HEADER_SEARCH = 30            # title or blank lines above the header: this many at most
ENCODINGS_TRIED = "UTF-8, UTF-16, Windows-1251 and Windows-1252"
_UNDEFINED_1252 = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
_UNDEFINED_1251 = {0x98}


@dataclass(frozen=True)
class Record:
    """One data record: the line it starts on, its cells, or why it could not be split."""
    line: int
    text: str
    cells: list[str] | None
    problem: Reason | None = None


def read_bytes(source: str | Path | BinaryIO) -> tuple[bytes, str]:
    """The file's bytes and its base name, refusing anything over the size limit."""
    limit = Reason("import.error.too_large", dict(mb=MAX_MB, bytes=MAX_BYTES))
    if isinstance(source, str | Path):
        path = Path(source)
        if not path.is_file():
            raise refuse(path.name, "import.error.not_found")
        if path.stat().st_size > MAX_BYTES:
            raise refuse(path.name, limit)
        return path.read_bytes(), path.name
    name = os.path.basename(str(getattr(source, "name", "") or "uploaded file"))
    raw = source.read(MAX_BYTES + 1)
    if isinstance(raw, str):
        raw = raw.encode("utf-8")
    if len(raw) > MAX_BYTES:
        raise refuse(name, limit)
    return raw, name


def _utf16(raw: bytes) -> str | None:
    """'utf-16' (BOM) or the byte order whose every other byte is NUL, as Excel writes."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = raw[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _cyrillic_first(raw: bytes) -> bool:
    """Windows-1251 or -1252? Russian words are runs of high bytes; Western ones mix."""
    present = set(raw)
    if present & _UNDEFINED_1251:
        return False
    if present & _UNDEFINED_1252:
        return True
    cyr = lat = 0
    for word in re.findall(rb"[A-Za-z\xc0-\xff]+", raw):
        high = sum(b >= 0xC0 for b in word)
        if high and high >= 0.6 * len(word) and len(word) > 1:
            cyr += len(word)
        elif high:
            lat += len(word)
    return cyr > lat


def decode(raw: bytes, name: str) -> tuple[str, str]:
    """(text, encoding label); a clear DataError for anything that is not a text CSV."""
    if not raw.strip():
        raise refuse(name, "import.error.empty")
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise refuse(name, "import.error.spreadsheet")
    if raw.startswith(b"%PDF"):
        raise refuse(name, "import.error.not_text")
    wide = _utf16(raw)
    if wide:
        try:
            text = raw.decode(wide)
        except UnicodeDecodeError:
            raise refuse(name, "import.error.utf16") from None
        label = "UTF-16"
    else:
        if b"\x00" in raw[:4096]:
            raise refuse(name, "import.error.not_text")
        text, label = _decode_8bit(raw, name)
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise refuse(name, "import.error.empty")
    if "\x00" in text[:4096]:
        raise refuse(name, "import.error.not_text")
    return text, label


def _decode_8bit(raw: bytes, name: str) -> tuple[str, str]:
    try:
        return raw.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        pass
    order = [("cp1251", "Windows-1251"), ("cp1252", "Windows-1252")]
    if not _cyrillic_first(raw):
        order.reverse()
    for codec, label in order:
        try:
            return raw.decode(codec), label
        except UnicodeDecodeError:
            continue
    raise refuse(name, "import.error.encoding")


def lines_of(text: str) -> list[str]:
    """Physical lines for CRLF, LF and CR-only files alike."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def separator(line: str) -> str:
    counts = {sep: line.count(sep) for sep in (",", ";", "\t")}
    return max(counts, key=counts.get)


def split(line: str, sep: str, strict: bool = False) -> list[str]:
    """One record's cells (csv rules: quotes, doubled quotes); csv.Error when it cannot."""
    rows = list(csv.reader([line], delimiter=sep, strict=strict))
    return rows[0] if rows else []


def _cells(text: str, sep: str) -> list[str] | None:
    """Cells of ``text``, or None while a quoted cell is still open at its end."""
    try:
        return split(text, sep, strict=True)
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            return None
    return split(text, sep)


def cell_problem(cells: list[str]) -> Reason | None:
    """A record's cell over the length limit, as a reason; None when every cell fits."""
    longest = max(map(len, cells), default=0)
    if longest > MAX_CELL:
        return Reason("import.reject.cell_too_long", dict(chars=longest, limit=MAX_CELL))
    return None


def records(lines: list[str], start: int, sep: str, width: int,
            limit: int | None = None) -> list[Record]:
    """Data records after the header (``start`` is the first data line's index).

    A record whose quote stays open may continue on the next lines, as a quoted cell with
    a line break does, but only when that yields a well-formed record of the header's width
    within a few lines, none of which looks like a row of its own; otherwise the record is
    reported alone and reading goes on. Reading stops once ``limit`` is passed.
    """
    out: list[Record] = []
    i = start
    while i < len(lines) and (limit is None or len(out) <= limit):
        line, number = lines[i], i + 1
        i += 1
        if not line.replace(sep, "").strip():
            continue
        try:
            cells = _cells(line, sep)
            text = line
            if cells is None:
                joined = _join_quoted(lines, i - 1, sep, width)
                if joined is None:
                    out.append(Record(number, line, None,
                                      Reason("import.reject.unclosed_quote")))
                    continue
                text, cells, used = joined
                i += used
        except csv.Error as exc:
            why = (Reason("import.reject.cell_over",
                          dict(chars=csv.field_size_limit(), limit=MAX_CELL))
                   if "field larger" in str(exc) else
                   Reason("import.reject.not_csv", dict(error=str(exc)[:120])))
            out.append(Record(number, line[:MAX_CELL], None, why))
            continue
        out.append(Record(number, text, cells, cell_problem(cells)))
    return out


def _join_quoted(lines: list[str], i: int, sep: str,
                 width: int) -> tuple[str, list[str], int] | None:
    text = lines[i]
    for used in range(1, MAX_QUOTED_LINES + 1):
        if i + used >= len(lines):
            return None
        nxt = lines[i + used]
        if nxt.count(sep) >= width - 1:
            return None  # the next line is a row of its own, not the rest of a cell
        text += "\n" + nxt
        cells = _cells(text, sep)
        if cells is not None:
            return (text, cells, used) if width <= len(cells) <= width + 1 else None
    return None


def find_header(lines: list[str], name: str) -> tuple[int, list[str], str, str]:
    """(line index, header cells, separator, format) of the first recognisable header."""
    first_error = None
    for i, line in enumerate(lines[:HEADER_SEARCH]):
        if not line.strip():
            continue
        sep = separator(line)
        try:
            cells = split(line, sep)
            while cells and not cells[-1].strip():
                cells.pop()
            fmt = detect([norm(c) for c in cells])
        except DataError as exc:
            first_error = first_error or exc
        except csv.Error as exc:  # a garbled line: try the next one
            message, reason = english("import.error.no_header", error=str(exc)[:120])
            first_error = first_error or DataError(message, reason=reason)
        else:
            check_unique(cells, i + 1, name)
            return i, cells, sep, fmt
    raise DataError(f"{name}: {first_error}", reason=getattr(first_error, "reason", None))


def check_unique(header: list[str], line: int, name: str) -> None:
    """Two columns of one name: which one holds the figures? Refused, naming both."""
    seen: dict[str, int] = {}
    for number, cell in enumerate(header, 1):
        key = norm(cell)
        if key and key in seen:
            raise refuse(name, "import.error.duplicate_column", line=line, text=quoted(cell, 40),
                         column_a=seen[key], column_b=number)
        seen.setdefault(key, number)
