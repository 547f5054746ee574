"""Files that are not CSV text: UN Comtrade API JSON, Excel workbooks (.xlsx), and what is refused.

A file's form is judged by its content, never by its name: a ZIP archive that is an Excel
workbook is read (its first sheet, through openpyxl in read-only mode with cached values, so
no formula or macro ever runs); any other ZIP, an image, a PDF or an old binary ``.xls`` is
refused with what it is. JSON is read only in the shape the Comtrade API returns,
``{"data": [{...}, ...]}``; each item becomes one record for the same row accounting as CSV.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass

from dashboard.data.loader import DataError
from dashboard.errors import Reason
from dashboard.importing.decoding import (
    HEADER_SEARCH,
    MAX_CELL,
    Record,
    cell_problem,
    check_unique,
)
from dashboard.importing.formats import detect, norm, refuse

MAX_COLUMNS = 200                 # Comtrade Plus has 47 columns; nothing real has hundreds
MAX_UNZIPPED = 100_000_000        # a 5 MB workbook that unpacks past this is a zip bomb
# What a file is by its first bytes (import.kind.* in the catalogues: 'a PNG image').
_MAGIC = ((b"\x89PNG", "png"), (b"\xff\xd8\xff", "jpeg"), (b"GIF8", "gif"), (b"%PDF", "pdf"),
          (b"\x1f\x8b", "gzip"), (b"7z\xbc\xaf", "7z"), (b"Rar!", "rar"),
          (b"\xd0\xcf\x11\xe0", "xls"))


@dataclass(frozen=True)
class Table:
    """Records from a structured file, ready for the row accounting."""
    header: list[str]
    records: list[Record]
    header_line: int       # 1-based: the header row (Excel); 1 for JSON, whose keys are it
    read_as: Reason | None  # how it was read, for the summary (None for CSV: the reader's)
    form: str = ""         # "JSON" or "Excel"; "" for CSV text


def refuse_by_content(raw: bytes, name: str) -> None:
    """DataError for a file that is an image, a PDF or an archive other than a workbook."""
    what = "webp" if raw.startswith(b"RIFF") and raw[8:12] == b"WEBP" else next(
        (what for magic, what in _MAGIC if raw.startswith(magic)), None)
    if what:
        more = "import.error.more_xls" if what == "xls" else "import.error.more_other"
        raise refuse(name, "import.error.not_data", what=Reason(f"import.kind.{what}"),
                     more=Reason(more))


def is_workbook(raw: bytes, name: str) -> bool:
    """True for an .xlsx; DataError for any other ZIP (by its content, not its name)."""
    if not raw.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            names = z.namelist()
            unpacked = sum(i.file_size for i in z.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise refuse(name, "import.error.bad_zip") from None
    if "xl/workbook.xml" not in names:
        raise refuse(name, "import.error.zip", count=len(names))
    if unpacked > MAX_UNZIPPED:
        raise refuse(name, "import.error.zip_bomb", bytes=unpacked, mb=MAX_UNZIPPED // 10**6)
    return True


def _text(value) -> str:
    """A JSON or Excel value as the text a CSV cell would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)[:MAX_CELL + 1]
    return str(value)


def _record(line: int, cells: list[str]) -> Record:
    text = ",".join(cells)
    return Record(line, text if len(text) <= MAX_CELL else text[:MAX_CELL], cells,
                  cell_problem(cells))


def from_json(text: str, name: str, limit: int) -> Table:
    """Comtrade API JSON: one record per item of ``data``; an item that is not an object is a
    rejected record, counted like any other row."""
    try:
        doc = json.loads(text)
    except RecursionError:
        raise refuse(name, "import.error.json_deep") from None
    except ValueError as exc:
        raise refuse(name, "import.error.json_invalid", error=str(exc)[:120]) from None
    if not isinstance(doc, dict):
        raise refuse(name, "import.error.json_top",
                     kind=type(doc).__name__ if doc is not None else "null",
                     example='{"data": [...]}')
    data = doc.get("data")
    if not isinstance(data, list):
        keys = ", ".join(str(k)[:40] for k in list(doc)[:12]) or Reason("import.error.none")
        said = doc.get("error") or doc.get("message")
        why = Reason("import.error.json_says", dict(text=" ".join(said.split())[:200])) if \
            isinstance(said, str) and said else ""
        raise refuse(name, "import.error.json_no_data", said=why, keys=keys)
    if not data:
        raise refuse(name, "import.error.json_empty")
    if len(data) > limit:
        raise refuse(name, "import.error.too_many_json", rows=limit)
    header: dict[str, None] = {}
    for item in data:
        if isinstance(item, dict):
            header.update((str(k), None) for k in item if str(k) not in header)
            if len(header) > MAX_COLUMNS:
                raise refuse(name, "import.error.json_keys", limit=MAX_COLUMNS)
    cols = list(header)
    detect([norm(c) for c in cols])
    check_unique(cols, 1, name)
    records = []
    for number, item in enumerate(data, 1):
        if not isinstance(item, dict):
            shown = _text(item)[:MAX_CELL]
            records.append(Record(number, shown, None, Reason(
                "import.reject.json_item", dict(item=number, kind=type(item).__name__))))
            continue
        records.append(_record(number, [_text(item.get(c)) for c in cols]))
    return Table(cols, records, 1, Reason("import.read_as_json"), "JSON")


def from_xlsx(raw: bytes, name: str, limit: int) -> Table:
    """The first sheet of a workbook: values as last saved (formulas are never evaluated)."""
    import openpyxl  # imported here: only workbook uploads need it

    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any damage inside the workbook is the file's
        raise refuse(name, "import.error.excel", error=type(exc).__name__) from None
    try:
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
        header, at, first_error = None, 0, None
        for at, values in enumerate(rows, 1):
            cells = [_text(v).strip() for v in values]
            while cells and not cells[-1]:
                cells.pop()
            if cells:
                try:
                    detect([norm(c) for c in cells])
                    check_unique(cells, at, name)
                    header = cells
                    break
                except DataError as exc:
                    first_error = first_error or exc
            if at >= HEADER_SEARCH:
                break
        if header is None:
            why = getattr(first_error, "reason", None) or Reason("import.error.sheet_empty")
            raise refuse(name, "import.error.sheet", sheet=repr(sheet.title[:40]), reason=why)
        records = []
        for line, values in enumerate(rows, at + 1):
            cells = [_text(v) for v in values]
            if not any(c.strip() for c in cells):
                continue
            if not any(c.strip() for c in cells[len(header):]):  # the sheet is wider: empty
                cells = cells[:len(header)] + [""] * (len(header) - len(cells))
            records.append(_record(line, cells))
            if len(records) > limit:
                break
    finally:
        book.close()
    return Table(header, records, at, Reason("import.read_as_excel",
                                             dict(sheet=repr(sheet.title[:40]))), "Excel")
