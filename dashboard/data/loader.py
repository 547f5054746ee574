"""Load and validate the bundled Frictionless data package.

The dashboard must never show a number it cannot trace, so every table is checked
against its Table Schema before any page sees it. Validation is our own (no
frictionless import at run time) and reports the file, line and column of the
first problem in one exception type, ``DataError``: ``schema.py`` checks the
descriptor's shape, ``csvtable.py`` keeps every file inside the package and reads
and types it row by row; this module ties them together and checks foreign keys.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from dashboard import environment
from dashboard.data import csvtable
from dashboard.data import descriptor as schema
from dashboard.data import primary as primary_rule
from dashboard.data import rules as package_rules
from dashboard.data.messages import at, data_error
from dashboard.errors import DataError, Reason  # noqa: F401  (public: dashboard.data.DataError)
from dashboard.text.plain import bounded

DESCRIPTOR = "datapackage.json"
DATA_ENV = environment.DASHBOARD_DATA  # see dashboard/environment.py


def _bundled_dir() -> Path:
    """``data/`` beside the package in a checkout; ``dashboard/_data`` in an installed wheel."""
    checkout = Path(__file__).resolve().parents[2] / "data"
    if (checkout / DESCRIPTOR).is_file():
        return checkout
    return Path(__file__).resolve().parents[1] / "_data"


DATA_DIR = _bundled_dir()


def data_root(root: str | Path | None = None) -> Path:
    """The package to load: an explicit root, else ``$DASHBOARD_DATA``, else the bundled data."""
    if root is not None:
        return Path(root)
    env = (environment.get(DATA_ENV) or "").strip()
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


def read_descriptor(root: Path) -> dict:
    """Parse ``datapackage.json`` with a clear message for every way it can be broken."""
    path = root / DESCRIPTOR
    if not path.is_file():
        raise data_error("descriptor_missing", at(path), folder=bounded(root, 200))
    csvtable.check_size(path)
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8"), parse_int=_whole_number)
    except UnicodeDecodeError as exc:
        raise data_error("not_utf8", at(path), why=str(exc.reason)) from None
    except json.JSONDecodeError as exc:
        raise data_error("malformed_json", at(path), line=exc.lineno, item=exc.colno,
                         why=exc.msg) from None
    except (OSError, RecursionError) as exc:
        why = exc.strerror if isinstance(exc, OSError) else "nested too deeply"
        raise data_error("cannot_read", at(path), why=why) from None
    schema.check_descriptor(descriptor, REQUIRED_RESOURCES)
    package_rules.check_fields(descriptor)
    return descriptor


MAX_DIGITS = 30  # no count, year or bound in a package needs more


def _whole_number(text: str) -> int:
    """A JSON integer; thousands of digits are a DataError, not Python's conversion limit."""
    digits = len(text.lstrip("-"))
    if digits > MAX_DIGITS:
        raise data_error("too_many_digits", at(DESCRIPTOR), digits=digits,
                         text=bounded(text, 24), limit=MAX_DIGITS)
    return int(text)


def _check_foreign_keys(tables: Mapping[str, pd.DataFrame], lines: Mapping[str, list[int]],
                        descriptor: dict) -> None:
    for resource in descriptor["resources"]:
        for fk in resource["schema"].get("foreignKeys", []):
            fields = [fk["fields"]] if isinstance(fk["fields"], str) else fk["fields"]
            ref = fk["reference"]
            ref_fields = [ref["fields"]] if isinstance(ref["fields"], str) else ref["fields"]
            ref_name = ref.get("resource") or resource["name"]
            ref_table, table = tables[ref_name], tables[resource["name"]]
            known = set(ref_table[ref_fields].dropna().itertuples(index=False, name=None))
            keys = table[fields]
            unknown = keys.notna().all(axis=1) & ~pd.Series(
                [k in known for k in keys.itertuples(index=False, name=None)], index=keys.index)
            if unknown.any():
                i = int(unknown.to_numpy().nonzero()[0][0])
                value = ", ".join(str(v) for v in keys.iloc[i])
                raise data_error("unknown_key", at(Path(resource["path"]),
                                                  lines[resource["name"]][i], fields[0]),
                                 value=value, fields=", ".join(ref_fields), resource=ref_name)


def load_package(root: str | Path | None = None) -> dict[str, pd.DataFrame]:
    """Every resource of the package as a typed DataFrame, after full validation, with the
    primary reading rule applied (``primary.apply_rule``: a database row displaces a report)."""
    root = data_root(root)
    if not root.is_dir():
        why = Reason("error.data.is_a_file" if root.exists() else "error.data.no_such_folder")
        raise data_error("not_a_directory", bounded(root, 200), why=why)
    descriptor = read_descriptor(root)
    read = {r["name"]: csvtable.read_table(root, r, r["name"] in REQUIRED_RESOURCES)
            for r in descriptor["resources"]}
    tables = {name: table for name, (table, _) in read.items()}
    lines = {name: rows for name, (_, rows) in read.items()}
    _check_foreign_keys(tables, lines, descriptor)
    package_rules.check(tables, lines, {r["name"]: r["path"] for r in descriptor["resources"]})
    return primary_rule.apply_rule(tables)


def descriptor_text(root: str | Path | None = None) -> str:
    """The descriptor as shipped, for exports that bundle it."""
    return (data_root(root) / DESCRIPTOR).read_text(encoding="utf-8")


def series(trade: pd.DataFrame, reporter: str = "CHN", partner: str = "KAZ",
           flow: str = "total") -> pd.DataFrame:
    """One reporter's annual series for a flow, sorted by year (gaps stay gaps)."""
    sel = trade[(trade["reporter"] == reporter) & (trade["partner"] == partner)
                & (trade["flow"] == flow)]
    return sel.sort_values("year").reset_index(drop=True)


def pair_series(tables: Mapping[str, pd.DataFrame], reporter: str = "CHN",
                partner: str = "KAZ") -> pd.DataFrame:
    """``series`` of the package's bilateral trade: a pair's yearly totals."""
    return series(tables["bilateral_trade"], reporter, partner)


def trade_pairs(tables: Mapping[str, pd.DataFrame]) -> list[tuple[str, str]]:
    """Every reporter–partner pair with total-trade figures, China–Kazakhstan first."""
    trade = tables["bilateral_trade"]
    totals = trade[trade["flow"] == "total"]
    return sorted(set(zip(totals["reporter"], totals["partner"], strict=True)),
                  key=lambda p: (p != ("CHN", "KAZ"), p))


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
