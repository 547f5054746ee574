"""What the pages need from a data package, whatever its own schema allows.

A package named by ``DASHBOARD_DATA`` or ``--data`` brings its own Table Schema, which may
be looser than the bundled one (``minimum: 0`` on an amount, no bounds on a change). These
rules hold for every package, so that no page meets a value it cannot show: amounts from
one dollar to US$100 trillion (a zero divides, 1e308 overflows), changes from -100% to
+1000%, target multiples from 1 to 100, the editorial claims the overview checks, at least one
total to chart and project. Each failure names the file, line and column.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from dashboard.data.csvtable import shown, where
from dashboard.data.messages import at, data_error
from dashboard.errors import DataError, Reason

MAX_USD = 1e14  # US$100 trillion: above world trade, far below overflow


@dataclass(frozen=True)
class Range:
    low: float
    high: float
    what: str

    def outside(self, values: pd.Series) -> pd.Series:
        return (values < self.low) | (values > self.high)

    def __str__(self) -> str:
        return f"from {_num(self.low)} to {_num(self.high)}"


AMOUNT = Range(1, MAX_USD, what="an amount in US dollars")
CHANGE_USD = Range(-MAX_USD, MAX_USD, what="a change in US dollars")
CHANGE_PCT = Range(-100, 1000, what="a change in percent")
MULTIPLE = Range(1, 100, what="a multiple of a base year")

# The fields (and types) the pages read from each resource, whatever else a package adds.
_S, _I, _N, _B = "string", "integer", "number", "boolean"
PAGE_FIELDS = {
    "sources": dict(source_id=_S, publisher=_S, title=_S, url=_S, published=_S, kind=_S),
    "bilateral_trade": dict(year=_I, reporter=_S, partner=_S, flow=_S, value_usd=_N,
                            reported_change_pct=_N, approximate=_B, source_id=_S, note=_S),
    "world_trade": dict(year=_I, economy=_S, measure=_S, basis=_S, organisation=_S,
                        published=_S, value_usd=_N, change_pct=_N, source_id=_S, note=_S),
    "targets": dict(target_id=_S, announced=_S, announced_by=_S, target_value_usd=_N,
                    target_multiple=_N, base_year=_I, deadline_year=_I, source_id=_S, note=_S),
    "products": dict(year=_I, reporter=_S, partner=_S, flow=_S, product=_S, value_usd=_N,
                     source_id=_S),
    "editorial_claims": dict(claim_id=_S, claim=_S, quote=_S, metric=_S, year=_I, value=_N,
                             source_id=_S),
    "other_readings": dict(year=_I, period=_S, reporter=_S, partner=_S, flow=_S, value_usd=_N,
                           change_pct=_N, change_usd=_N, approximate=_B, source_id=_S),
}

# The claims the overview and world pages check, each with a year and a value.
PAGE_CLAIMS = ("trade_2023", "growth_2023", "world_2023", "doubling_goal")
CLAIM_RANGES = {"bilateral_trade_total": AMOUNT, "bilateral_trade_change_pct": CHANGE_PCT,
                "world_trade_change_pct": CHANGE_PCT, "target_multiple": MULTIPLE}


def column_range(column: str) -> Range | None:
    """The range a numeric column's name implies (``*_usd``, ``*change_pct*``, multiples)."""
    if column.startswith("change_usd"):
        return CHANGE_USD
    if column.endswith("_usd"):
        return AMOUNT
    if "change_pct" in column:
        return CHANGE_PCT
    if column == "target_multiple":
        return MULTIPLE
    return None


def check_fields(descriptor: dict) -> None:
    """Each resource the pages read has the fields they read, with the type they expect."""
    names = [r["name"] for r in descriptor["resources"]]
    missing = [n for n in PAGE_FIELDS if n not in names]
    if missing:
        raise data_error("missing_resources", "datapackage.json", names=", ".join(missing))
    for resource in descriptor["resources"]:
        need = PAGE_FIELDS.get(resource["name"], {})
        have = {f["name"]: f.get("type", "string") for f in resource["schema"]["fields"]}
        for field, ftype in need.items():
            if have.get(field) != ftype:
                got = (Reason("error.data.field_missing") if field not in have
                       else Reason("error.data.field_is", {"type": repr(have[field])}))
                raise data_error("field_needed", "datapackage.json", name=resource["name"],
                                 field=field, type=ftype, got=got)


def check(tables: Mapping[str, pd.DataFrame], lines: Mapping[str, list[int]],
          files: Mapping[str, str]) -> None:
    """Raise DataError at the first value or row the pages could not show."""
    for name, table in tables.items():
        for column in table.columns:
            rule = column_range(column)
            if rule is not None and pd.api.types.is_numeric_dtype(table[column]):
                _in_range(table[column], rule, files[name], lines[name], column)
    _check_claims(tables["editorial_claims"], tables["world_trade"],
                  files["editorial_claims"], lines["editorial_claims"])
    if "product_trade" in tables:
        _check_product_sums(tables["product_trade"], files["product_trade"],
                            lines["product_trade"])
    if "central_asia" in tables:
        _check_currencies(tables["central_asia"], files["central_asia"], lines["central_asia"])
    trade = tables["bilateral_trade"]
    if not (trade["flow"] == "total").any():
        raise data_error("no_total", files["bilateral_trade"])


def _in_range(values: pd.Series, rule: Range, file: str, lines: list[int], column: str) -> None:
    bad = (values.notna() & rule.outside(values.astype(float))).fillna(False).to_numpy()
    if bad.any():
        i = int(bad.nonzero()[0][0])
        raise DataError(f"{where(file, lines[i], column)}: expected {rule.what} {rule}, "
                        f"got {shown(values.iloc[i])}")


def _num(x: float) -> str:
    return shown(float(x))


def _check_claims(claims: pd.DataFrame, world: pd.DataFrame, file: str,
                  lines: list[int]) -> None:
    ids = list(claims["claim_id"])
    missing = [c for c in PAGE_CLAIMS if c not in ids]
    if missing:
        raise data_error("missing_claims", file, names=", ".join(missing),
                         claims=", ".join(PAGE_CLAIMS))
    for cid in PAGE_CLAIMS:
        i = ids.index(cid)
        row = claims.iloc[i]
        for column in ("year", "value"):
            if pd.isna(row[column]):
                raise data_error("claim_needs", at(file, lines[i], column), claim=cid,
                                 column=column)
        rule = CLAIM_RANGES.get(str(row["metric"]))
        if rule is not None:
            _in_range(claims["value"].iloc[[i]], rule, file, [lines[i]], "value")
        if row["metric"] == "world_trade_change_pct" and not (
                (world["economy"] == "World") & (world["year"] == row["year"])).any():
            raise data_error("claim_no_world", at(file, lines[i], "year"), claim=cid,
                             year=str(row["year"]))


def _check_product_sums(p: pd.DataFrame, file: str, lines: list[int]) -> None:
    """Headings as given (computed false); each chapter and total marked computed and equal
    to the sum of its headings, so a share never rests on a typed or rounded sum."""
    level, code = p["level"].astype(str), p["hs_code"].astype(str)
    width = {"heading": 4, "chapter": 2}
    for i in range(len(p)):
        lv = level.iloc[i]
        wrong = (len(code.iloc[i]) != width[lv]) if lv in width else code.iloc[i] != "TOTAL"
        if wrong:
            raise DataError(f"{where(file, lines[i], 'hs_code')}: a {lv} needs "
                            f"{'TOTAL' if lv == 'total' else f'{width[lv]} digits'}")
        if bool(p["computed"].iloc[i]) != (lv != "heading"):
            raise DataError(f"{where(file, lines[i], 'computed')}: a {lv} row is "
                            f"{'given by the extract' if lv == 'heading' else 'our sum'}: "
                            f"computed must be {str(lv != 'heading').lower()}")
    keys = ["year", "reporter", "partner", "flow"]
    heads = p[level == "heading"].assign(chapter=code.str.slice(0, 2))
    sums = {"chapter": heads.groupby([*keys, "chapter"])["value_usd"].sum(),
            "total": heads.groupby(keys)["value_usd"].sum()}
    for i in range(len(p)):
        lv = level.iloc[i]
        if lv == "heading":
            continue
        key = tuple(p[k].iloc[i] for k in keys) + ((code.iloc[i],) if lv == "chapter" else ())
        want = sums[lv].get(key if len(key) > 1 else key[0])
        if want is None or abs(float(want) - float(p["value_usd"].iloc[i])) > 0.5:
            raise DataError(f"{where(file, lines[i], 'value_usd')}: the {lv} is not the sum of "
                            f"its headings ({shown(p['value_usd'].iloc[i])} against "
                            f"{shown(want)})")


def _check_currencies(c: pd.DataFrame, file: str, lines: list[int]) -> None:
    """Yuan stay yuan: a CNY row has no value_usd, a US-dollar row has one."""
    for i in range(len(c)):
        usd, cny = pd.notna(c["value_usd"].iloc[i]), c["currency"].iloc[i] == "CNY"
        if usd == cny:
            raise DataError(f"{where(file, lines[i], 'value_usd')}: "
                            + ("a yuan figure is never converted here: leave value_usd empty"
                               if cny else "a US-dollar figure needs value_usd"))
