"""Load and validate the bundled Frictionless data package.

The dashboard must never show a number it cannot trace, so every table is checked
against its Table Schema before any page sees it. Validation is our own (no
frictionless import at run time) and reports the file, line and column of the
first problem in one exception type, ``DataError``.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

DESCRIPTOR = "datapackage.json"
DATA_ENV = "DASHBOARD_DATA"  # names a data package directory to load instead of the bundled one


def _bundled_dir() -> Path:
    """``data/`` beside the package in a checkout; ``dashboard/_data`` in an installed wheel."""
    checkout = Path(__file__).resolve().parent.parent / "data"
    if (checkout / DESCRIPTOR).is_file():
        return checkout
    return Path(__file__).resolve().parent / "_data"


DATA_DIR = _bundled_dir()


def data_root(root: str | Path | None = None) -> Path:
    """The package to load: an explicit root, else ``$DASHBOARD_DATA``, else the bundled data."""
    if root is not None:
        return Path(root)
    env = os.environ.get(DATA_ENV, "").strip()
    return Path(env) if env else DATA_DIR

# Resources every page relies on (a contract with later issues and acceptance checks).
REQUIRED_RESOURCES = (
    "sources",
    "bilateral_trade",
    "world_trade",
    "targets",
    "products",
    "editorial_claims",
)

COUNTRY_NAMES = {"CHN": "China", "KAZ": "Kazakhstan"}

_TRUE = {"true", "True", "TRUE", "1", "yes"}
_FALSE = {"false", "False", "FALSE", "0", "no"}


class DataError(Exception):
    """A data file or descriptor does not match what the dashboard needs."""


def _where(path: Path, line: int | None = None, column: str | None = None) -> str:
    parts = [str(path.name)]
    if line is not None:
        parts.append(f"line {line}")
    if column is not None:
        parts.append(f"column '{column}'")
    return ", ".join(parts)


def read_descriptor(root: Path) -> dict:
    """Parse ``datapackage.json`` with a clear message for every way it can be broken."""
    path = root / DESCRIPTOR
    if not path.is_file():
        raise DataError(f"{path.name}: the data package descriptor is missing from {root}")
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise DataError(f"{path.name}: not UTF-8 text ({exc.reason})") from None
    except json.JSONDecodeError as exc:
        raise DataError(
            f"{path.name}: malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        raise DataError(f"{path.name}: expected an object with a 'resources' list")
    names = [r.get("name") for r in descriptor["resources"] if isinstance(r, dict)]
    missing = [n for n in REQUIRED_RESOURCES if n not in names]
    if missing:
        raise DataError(f"{path.name}: missing resource(s) {', '.join(missing)}")
    return descriptor


def _convert(raw: pd.Series, field: dict, path: Path) -> pd.Series:
    """Turn one column of strings into its schema type, or name the first bad cell."""
    name = field["name"]
    ftype = field.get("type", "string")
    blank = raw.str.strip() == ""
    lines = raw.index + 2  # header is line 1

    def bad(mask: pd.Series, expected: str) -> None:
        if mask.any():
            i = int(mask.to_numpy().nonzero()[0][0])
            raise DataError(
                f"{_where(path, int(lines[i]), name)}: expected {expected}, got {raw.iloc[i]!r}"
            )

    if ftype == "integer":
        num = pd.to_numeric(raw.where(~blank), errors="coerce")
        bad(~blank & (num.isna() | (num % 1 != 0)), "a whole number")
        return num.astype("Int64")
    if ftype == "number":
        num = pd.to_numeric(raw.where(~blank), errors="coerce")
        bad(~blank & (num.isna() | ~num.map(lambda v: math.isfinite(v) if v == v else True)),
            "a finite number")
        return num.astype("Float64")
    if ftype == "boolean":
        ok = raw.isin(_TRUE | _FALSE)
        bad(~blank & ~ok, "true or false")
        return raw.map(lambda v: True if v in _TRUE else (False if v in _FALSE else pd.NA)).astype(
            "boolean"
        )
    return raw.where(~blank, pd.NA).astype("string")


def _check_constraints(col: pd.Series, field: dict, path: Path) -> None:
    name = field["name"]
    c = field.get("constraints", {})
    lines = col.index + 2
    present = col.notna()

    def bad(mask: pd.Series, expected: str) -> None:
        mask = mask.fillna(False).astype(bool)
        if mask.any():
            i = int(mask.to_numpy().nonzero()[0][0])
            raise DataError(
                f"{_where(path, int(lines[i]), name)}: expected {expected}, got {col.iloc[i]!r}"
            )

    if c.get("required"):
        bad(~present, "a value (the field is required)")
    if "enum" in c:
        bad(present & ~col.isin(c["enum"]), "one of " + ", ".join(map(str, c["enum"])))
    if "minimum" in c:
        bad(present & (col < c["minimum"]), f"a value >= {c['minimum']}")
    if "maximum" in c:
        bad(present & (col > c["maximum"]), f"a value <= {c['maximum']}")
    if "pattern" in c:
        rx = re.compile(c["pattern"])
        bad(present & ~col.map(lambda v: bool(rx.fullmatch(str(v))) if v is not pd.NA else True),
            f"text matching {c['pattern']}")
    if c.get("unique"):
        bad(present & col.duplicated(keep="first"), "a unique value (already used above)")


def read_resource(root: Path, resource: dict) -> pd.DataFrame:
    """Read one CSV resource, typed and checked field by field against its schema."""
    name = resource.get("name", "?")
    if not isinstance(resource.get("path"), str) or not isinstance(resource.get("schema"), dict):
        raise DataError(f"{DESCRIPTOR}: resource '{name}' needs a 'path' and a 'schema'")
    path = root / resource["path"]
    if not path.is_file():
        raise DataError(f"{path.name}: file of resource '{name}' not found")
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except UnicodeDecodeError:
        raise DataError(f"{path.name}: not UTF-8 text") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise DataError(f"{path.name}: not a readable CSV table ({exc})") from None
    fields = resource["schema"].get("fields", [])
    expected = [f["name"] for f in fields]
    missing = [c for c in expected if c not in raw.columns]
    if missing:
        raise DataError(
            f"{path.name}: missing column(s) {', '.join(repr(c) for c in missing)}; "
            f"expected columns {', '.join(expected)}"
        )
    extra = [c for c in raw.columns if c not in expected]
    if extra:
        raise DataError(
            f"{path.name}: column(s) {', '.join(repr(c) for c in extra)} not in the schema"
        )
    table = pd.DataFrame(index=raw.index)
    for field in fields:
        col = _convert(raw[field["name"]], field, path)
        _check_constraints(col, field, path)
        table[field["name"]] = col
    pk = resource["schema"].get("primaryKey")
    if pk:
        pk = [pk] if isinstance(pk, str) else pk
        dup = table.duplicated(subset=pk, keep="first")
        if dup.any():
            i = int(dup.to_numpy().nonzero()[0][0])
            key = ", ".join(f"{k}={table[k].iloc[i]}" for k in pk)
            raise DataError(
                f"{_where(path, i + 2)}: duplicate primary key ({key}); "
                f"expected one row per {', '.join(pk)}"
            )
    return table


def _check_foreign_keys(tables: Mapping[str, pd.DataFrame], descriptor: dict) -> None:
    for resource in descriptor["resources"]:
        for fk in resource.get("schema", {}).get("foreignKeys", []):
            field = fk["fields"] if isinstance(fk["fields"], str) else fk["fields"][0]
            ref = fk["reference"]
            ref_field = ref["fields"] if isinstance(ref["fields"], str) else ref["fields"][0]
            ref_table = tables.get(ref["resource"])
            if ref_table is None:
                raise DataError(f"{DESCRIPTOR}: foreign key refers to unknown resource "
                                f"'{ref['resource']}'")
            known = set(ref_table[ref_field].dropna())
            col = tables[resource["name"]][field]
            unknown = col.notna() & ~col.isin(known)
            if unknown.any():
                i = int(unknown.to_numpy().nonzero()[0][0])
                raise DataError(
                    f"{_where(Path(resource['path']), i + 2, field)}: "
                    f"'{col.iloc[i]}' is not a {ref_field} in {ref['resource']}"
                )


def load_package(root: str | Path | None = None) -> dict[str, pd.DataFrame]:
    """Every resource of the package as a typed DataFrame, after full validation."""
    root = data_root(root)
    if not root.is_dir():
        raise DataError(f"{root}: not a data package directory (no such folder)")
    descriptor = read_descriptor(root)
    tables = {r["name"]: read_resource(root, r) for r in descriptor["resources"]}
    _check_foreign_keys(tables, descriptor)
    return tables


def descriptor_text(root: str | Path | None = None) -> str:
    """The descriptor as shipped, for exports that bundle it."""
    return (data_root(root) / DESCRIPTOR).read_text(encoding="utf-8")


def series(trade: pd.DataFrame, reporter: str = "CHN", partner: str = "KAZ",
           flow: str = "total") -> pd.DataFrame:
    """One reporter's annual series for a flow, sorted by year (gaps stay gaps)."""
    sel = trade[(trade["reporter"] == reporter) & (trade["partner"] == partner)
                & (trade["flow"] == flow)]
    return sel.sort_values("year").reset_index(drop=True)


def value_for(trade: pd.DataFrame, year: int, reporter: str = "CHN", partner: str = "KAZ",
              flow: str = "total") -> float | None:
    """A single figure, or None where no source gives it."""
    s = series(trade, reporter, partner, flow)
    hit = s[s["year"] == year]
    return None if hit.empty else float(hit["value_usd"].iloc[0])


def source_labels(source_ids: pd.Series, sources: pd.DataFrame) -> pd.Series:
    """'Publisher (date)' for each source id: the short form used in hovers and CSVs."""
    label = {r.source_id: f"{r.publisher} ({r.published})" for r in sources.itertuples()}
    return source_ids.map(lambda i: label.get(i, i))
