"""Read users' own trade files (our tidy CSV, UN Comtrade classic or Comtrade Plus).

Every data row ends up either accepted (in the ``bilateral_trade`` schema) or
rejected with its row number, raw values and a reason a person can act on:
nothing is dropped silently. Files are parsed as text only: no pickle, no
spreadsheets, no network.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

import pandas as pd

from .data import DataError

MAX_BYTES = 5 * 1024 * 1024   # matches server.maxUploadSize
MAX_ROWS = 50_000
FLOWS = ("total", "export", "import")
TRADE_COLUMNS = ["year", "reporter", "partner", "flow", "value_usd", "reported_change_pct",
                 "approximate", "source_id", "note", "reading_type", "derived", "attribution",
                 "attribution_note", "anomaly", "anomaly_note"]
DTYPES = {"year": "Int64", "reporter": "string", "partner": "string", "flow": "string",
          "value_usd": "Float64", "reported_change_pct": "Float64", "approximate": "boolean",
          "source_id": "string", "note": "string", "reading_type": "string",
          "derived": "boolean", "attribution": "string", "attribution_note": "string",
          "anomaly": "boolean", "anomaly_note": "string"}

_ISO3 = re.compile(r"^[A-Z]{3}$")
_FORMATS = {
    "tidy": "this dashboard's tidy CSV",
    "comtrade": "UN Comtrade (classic) CSV",
    "comtrade_plus": "UN Comtrade Plus CSV",
}
# Header names after normalising (lower case, no spaces).
_COMTRADE = {"year": "year", "flow": "tradeflow", "reporter": "reporteriso",
             "partner": "partneriso", "value": "tradevalue(us$)", "commodity": "commoditycode"}
_PLUS_REQUIRED = {"refyear", "reporteriso", "partneriso", "primaryvalue"}
_FLOW_WORDS = {"export": "export", "exports": "export", "x": "export",
               "import": "import", "imports": "import", "m": "import", "total": "total"}


def _norm(name: str) -> str:
    return re.sub(r"\s+", "", name.replace("\ufeff", "")).lower()


def _read_bytes(source: str | Path | BinaryIO) -> tuple[bytes, str]:
    if isinstance(source, str | Path):
        path = Path(source)
        if not path.is_file():
            raise DataError(f"{path.name}: file not found")
        if path.stat().st_size > MAX_BYTES:
            raise DataError(f"{path.name}: the file is larger than the "
                            f"{MAX_BYTES // (1024 * 1024)} MB limit")
        return path.read_bytes(), path.name
    name = os.path.basename(str(getattr(source, "name", "uploaded file")))
    raw = source.read(MAX_BYTES + 1)
    if isinstance(raw, str):
        raw = raw.encode("utf-8")
    if len(raw) > MAX_BYTES:
        raise DataError(f"{name}: the file is larger than the {MAX_BYTES // (1024 * 1024)} MB "
                        "limit")
    return raw, name


def _decode(raw: bytes, name: str) -> tuple[str, str]:
    if not raw.strip():
        raise DataError(f"{name}: the file is empty")
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise DataError(f"{name}: this is a spreadsheet or ZIP file, not CSV; save it as CSV "
                        "(UTF-8) and load that")
    if raw.startswith(b"%PDF") or b"\x00" in raw[:4096]:
        raise DataError(f"{name}: not a text CSV file")
    try:
        return raw.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        return raw.decode("cp1251"), "Windows-1251"


def _separator(header_line: str) -> str:
    counts = {sep: header_line.count(sep) for sep in (",", ";", "\t")}
    return max(counts, key=counts.get)


def parse_number(text: str) -> float:
    """'1,234,567', '1 234 567,5', '1.234.567', '2.5e9' → float; ValueError otherwise."""
    t = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    t = t.replace("'", "").replace("$", "")
    if not t:
        raise ValueError("empty")
    if "," in t and "." in t:
        if t.rfind(",") > t.rfind("."):
            t = t.replace(".", "").replace(",", ".")
        else:
            t = t.replace(",", "")
    elif "," in t:
        t = t.replace(",", "") if re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+", t) else t.replace(",",
                                                                                            ".")
    elif t.count(".") > 1 and re.fullmatch(r"[-+]?\d{1,3}(\.\d{3})+", t):
        t = t.replace(".", "")
    value = float(t)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError("not finite")
    return value


def _detect(header: list[str]) -> str:
    cols = set(header)
    if {"year", "reporter", "partner", "flow", "value_usd"} <= cols:
        return "tidy"
    if {_COMTRADE[k] for k in ("year", "flow", "reporter", "partner", "value")} <= cols:
        return "comtrade"
    if cols >= _PLUS_REQUIRED and ({"flowdesc", "flowcode"} & cols):
        return "comtrade_plus"
    raise DataError(
        "no recognisable header: expected this dashboard's columns (year, reporter, partner, "
        "flow, value_usd), UN Comtrade's (Year, Trade Flow, Reporter ISO, Partner ISO, "
        "Trade Value (US$)) or Comtrade Plus's (refYear, flowDesc or flowCode, reporterISO, "
        "partnerISO, primaryValue)")


class _Reject(Exception):
    pass


def _year(text: str) -> int:
    try:
        v = parse_number(text)
    except ValueError:
        raise _Reject(f"year '{text}' is not a year") from None
    if v != int(v) or not 1900 <= v <= 2100:
        raise _Reject(f"year '{text}' is not a year between 1900 and 2100")
    return int(v)


def _iso(text: str, role: str) -> str:
    code = text.strip().upper()
    if not _ISO3.fullmatch(code):
        raise _Reject(f"{role} '{text}' is not an ISO 3166 alpha-3 country code (e.g. CHN)")
    return code


def _flow(text: str) -> str:
    flow = _FLOW_WORDS.get(text.strip().lower())
    if flow is None:
        raise _Reject(f"flow '{text}' is not one of {'/'.join(FLOWS)}")
    return flow


def _value(text: str, column: str = "value") -> float:
    try:
        v = parse_number(text)
    except ValueError:
        raise _Reject(f"{column} '{text}' is not a number") from None
    if v < 0:
        raise _Reject(f"{column} '{text}' is negative; trade values cannot be")
    return v


def _tidy_row(cell: dict[str, str]) -> dict:
    change = cell.get("reported_change_pct", "").strip()
    approx = cell.get("approximate", "").strip().lower()
    if approx not in ("", "true", "false", "1", "0", "yes", "no"):
        raise _Reject(f"approximate '{cell['approximate']}' is not true or false")
    note = cell.get("note", "").strip()
    own_source = cell.get("source_id", "").strip()
    if own_source:
        note = f"File's source_id: {own_source}. {note}".strip()
    try:
        change_v = parse_number(change) if change else None
    except ValueError:
        raise _Reject(f"reported_change_pct '{change}' is not a number") from None
    return dict(year=_year(cell["year"]), reporter=_iso(cell["reporter"], "reporter"),
                partner=_iso(cell["partner"], "partner"), flow=_flow(cell["flow"]),
                value_usd=_value(cell["value_usd"], "value_usd"),
                reported_change_pct=change_v, approximate=approx in ("true", "1", "yes"),
                note=note or None)


def _comtrade_row(cell: dict[str, str], plus: bool) -> dict:
    if plus:
        year_text = cell["refyear"]
        freq = cell.get("freqcode", "A").strip().upper() or "A"
        period = cell.get("period", "").strip()
        flow_text = cell.get("flowdesc") or cell.get("flowcode", "")
        commodity = cell.get("cmdcode", "TOTAL").strip()
        value_text = cell["primaryvalue"]
        reporter, partner = cell["reporteriso"], cell["partneriso"]
    else:
        year_text = cell["year"]
        period = cell.get("period", "").strip()
        freq = "M" if len(period) == 6 else "A"
        flow_text = cell["tradeflow"]
        commodity = cell.get("commoditycode", "TOTAL").strip()
        value_text = cell["tradevalue(us$)"]
        reporter, partner = cell["reporteriso"], cell["partneriso"]
    if freq != "A" or (period and len(period) == 6):
        raise _Reject(f"period '{period or freq}' is not annual; only annual figures are used")
    if commodity.upper() not in ("TOTAL", "ALL", ""):
        raise _Reject(f"commodity code '{commodity}' is not TOTAL (all commodities); only "
                      "all-commodity totals are used")
    return dict(year=_year(year_text), reporter=_iso(reporter, "reporter"),
                partner=_iso(partner, "partner"), flow=_flow(flow_text),
                value_usd=_value(value_text), reported_change_pct=None, approximate=False,
                note=None)


def read_trade_csv(source: str | Path | BinaryIO) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(accepted rows in the bilateral_trade schema, rejected rows with reasons)."""
    raw, name = _read_bytes(source)
    text, encoding = _decode(raw, name)
    first_line = text.lstrip("\n").split("\n", 1)[0]
    sep = _separator(first_line)
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise DataError(f"{name}: cannot read a CSV header ({exc})") from None
    norm = [_norm(h) for h in header]
    try:
        fmt = _detect(norm)
    except DataError as exc:
        raise DataError(f"{name}: {exc}") from None
    digest = hashlib.sha256(raw).hexdigest()[:8]
    source_id = f"U-{digest}"
    ok_rows: list[dict] = []
    bad_rows: list[dict] = []
    seen: dict[tuple, int] = {}
    count = 0
    try:
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            count += 1
            if count > MAX_ROWS:
                raise DataError(f"{name}: more than {MAX_ROWS:,} data rows (the limit); filter "
                                "the file to annual totals for the pairs you need")
            raw_text = sep.join(cells)
            if len(cells) != len(norm):
                bad_rows.append(dict(row=line, raw=raw_text, reason=(
                    f"row {line}: {len(cells)} values where the header has {len(norm)} "
                    "columns")))
                continue
            cell = dict(zip(norm, cells, strict=True))
            try:
                row = _tidy_row(cell) if fmt == "tidy" else _comtrade_row(
                    cell, fmt == "comtrade_plus")
            except _Reject as why:
                bad_rows.append(dict(row=line, raw=raw_text, reason=f"row {line}: {why}"))
                continue
            key = (row["year"], row["reporter"], row["partner"], row["flow"])
            if key in seen:
                bad_rows.append(dict(row=line, raw=raw_text, reason=(
                    f"row {line}: same year, reporter, partner and flow as row {seen[key]}")))
                continue
            seen[key] = line
            ok_rows.append(row)
    except csv.Error as exc:
        raise DataError(f"{name}: not a readable CSV file ({exc})") from None
    messages = [f"Read as {_FORMATS[fmt]}, {encoding}, separator '{sep}'." .replace(
        "'\t'", "tab")]
    if fmt != "tidy":
        derived = _derive_totals(ok_rows)
        if derived:
            messages.append(f"{derived} total(s) derived as export + import where the file "
                            "gives both flows of a year.")
    accepted = pd.DataFrame(ok_rows, columns=TRADE_COLUMNS[:TRADE_COLUMNS.index("source_id")]
                            + ["note"])
    accepted["source_id"] = source_id
    # Your file says whose figures they are: its reporter column. Never a database reading.
    accepted = accepted.assign(
        reading_type="upload", derived=accepted["note"].fillna("").str.startswith("Derived"),
        attribution="stated", attribution_note="The reporter column of your file.",
        anomaly=False, anomaly_note=pd.NA)
    accepted = accepted[TRADE_COLUMNS].astype(DTYPES)
    accepted = accepted.sort_values(["reporter", "partner", "year", "flow"]).reset_index(
        drop=True)
    rejected = pd.DataFrame(bad_rows, columns=["row", "raw", "reason"]).astype(
        {"row": "Int64", "raw": "string", "reason": "string"})
    accepted.attrs.update(source=upload_source(source_id, name, fmt), format=_FORMATS[fmt],
                          messages=messages)
    return accepted, rejected


def _derive_totals(rows: list[dict]) -> int:
    by_key = {(r["year"], r["reporter"], r["partner"], r["flow"]): r for r in rows}
    derived = 0
    for (year, rep, par, flow), r in list(by_key.items()):
        if flow != "export":
            continue
        imp = by_key.get((year, rep, par, "import"))
        if imp is None or (year, rep, par, "total") in by_key:
            continue
        rows.append(dict(year=year, reporter=rep, partner=par, flow="total",
                         value_usd=r["value_usd"] + imp["value_usd"], reported_change_pct=None,
                         approximate=False,
                         note="Derived: export + import from the uploaded file."))
        derived += 1
    return derived


def _clean_text(text: str) -> str:
    """File names go into chart source lines: keep them to plain characters."""
    return re.sub(r"[<>&\"'`\[\]()*_#|\\]", "", text)[:80] or "uploaded file"


def upload_source(source_id: str, file_name: str, fmt: str) -> dict:
    return dict(source_id=source_id, publisher="Your uploaded file",
                title=_clean_text(file_name), url=None,
                published=datetime.now(UTC).strftime("%Y-%m-%d"), kind="user upload",
                cites=_FORMATS[fmt], note="Visible only in your browser session.")


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
