"""The file formats the importer reads, and how one record of each becomes tidy observations.

Formats: this dashboard's tidy CSV, UN Comtrade classic, UN Comtrade Plus, and World Bank
WITS (raw "by product" rows with a value in US$ thousand, or TradeStats tables with an
Indicator and either a Year/Value pair or a column per year; or an indicator file of one
reporter-partner pair that the caller names). A record yields one
observation, or one per year column for WITS tables; each is accepted or rejected with a
reason a person can act on.
"""

from __future__ import annotations

import math
import re
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from dashboard.data.loader import DataError
from dashboard.errors import UserError
from dashboard.importing.countries import name_of, resolve

FORMATS = {
    "tidy": "this dashboard's tidy CSV",
    "comtrade": "UN Comtrade (classic) CSV",
    "comtrade_plus": "UN Comtrade Plus CSV",
    "wits": "World Bank WITS CSV",
    "wits_wide": "World Bank WITS TradeStats CSV (Indicator table)",
    "wits_indicator": "World Bank WITS indicator CSV",
}
# WITS indicator files (one reporter-partner pair, named by the caller): the trade-value codes.
WITS_INDICATORS = {"mprt-trd-vl": "import", "xprt-trd-vl": "export"}
WITS_INDICATOR_VALUE = ("value_usd_thousand", "valueusdthousand", "value")
MAX_VALUE_USD = 1e14   # $100 trillion: above any year's whole world merchandise trade
MIN_VALUE_USD = 0.01   # a cent: nothing smaller can be a trade value
TOTAL = "TOTAL"
_FLOW_WORDS = {"export": "export", "exports": "export", "x": "export", "gross exp.": "export",
               "gross exports": "export", "import": "import", "imports": "import",
               "m": "import", "gross imp.": "import", "gross imports": "import",
               "total": "total"}
CLASSIC_FLOW_CODES = {"1": "import", "2": "export"}
_ALL = {"total", "all", "", "all products", "all commodities", "total trade"}
YEAR_COLUMN = re.compile(r"^(19|20)\d\d$")
WITS_VALUE = ("tradevalue1000usd", "tradevaluein1000usd", "tradevalue(us$thousand)",
               "tradevalue(1000usd)")
# Breakdown columns: a row for one customs regime, transport mode or second partner is a
# part of a total, not a total; the value that means "all of them" is listed.
_ALL_OF = {"partner2code": {"0", ""}, "customscode": {"C00", ""}, "motcode": {"0", ""},
           "2ndpartnercode": {"0", ""}, "customsproc.code": {"C00", ""},
           "modeoftransportcode": {"0", ""}}


class Reject(UserError):
    """This observation cannot be used; the message says why."""


@dataclass(frozen=True)
class Outcome:
    """One observation of a record: a tidy row, or the reason it was rejected."""
    column: str | None
    row: dict | None
    reason: str | None = None


# Semicolon-separated files come from spreadsheets set up with a decimal comma: there
# '960,000' is 960 (not 960 thousand). Set per read by importing.read_import.
DECIMAL_COMMA: ContextVar[bool] = ContextVar("DECIMAL_COMMA", default=False)


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
        thousands = re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+", t) and not (
            DECIMAL_COMMA.get() and t.count(",") == 1)
        t = t.replace(",", "") if thousands else t.replace(",", ".")
    elif t.count(".") > 1 and re.fullmatch(r"[-+]?\d{1,3}(\.\d{3})+", t):
        t = t.replace(".", "")
    value = float(t)
    if not math.isfinite(value):
        raise ValueError("not finite")
    return value


def norm(name: str) -> str:
    return re.sub(r"\s+", "", name.replace("\ufeff", "")).lower()


def detect(cols: list[str]) -> str:
    """The format a normalised header belongs to; DataError naming what was expected."""
    have = set(cols)
    if {"year", "reporter", "partner", "flow", "value_usd"} <= have:
        return "tidy"
    if {"year", "tradevalue(us$)"} <= have and have & {"tradeflow", "tradeflowcode"} and (
            have & {"reporteriso", "reportercode", "reporter"}):
        return "comtrade"
    if "refyear" in have and have & {"primaryvalue"} and have & {"flowdesc", "flowcode"}:
        return "comtrade_plus"
    wits_who = have & {"reporter", "reportername", "reporteriso3"}
    if wits_who and "year" in have and have & set(WITS_VALUE):
        return "wits"
    by_year = {"year", "value"} <= have or any(YEAR_COLUMN.match(c) for c in cols)
    if wits_who and have & {"indicator", "measure"} and by_year:
        return "wits_wide"
    if {"year", "indicator"} <= have and have & set(WITS_INDICATOR_VALUE) and not (
            have & {"reporter", "partner", "reporteriso3", "partneriso3"}):
        return "wits_indicator"
    raise DataError(
        "no recognisable header: expected this dashboard's columns (year, reporter, partner, "
        "flow, value_usd), UN Comtrade's (Year, Trade Flow, Reporter ISO, Partner ISO, "
        "Trade Value (US$)), Comtrade Plus's (refYear, flowDesc or flowCode, reporterISO, "
        "partnerISO, primaryValue) or WITS's (Reporter, Partner, Year, Trade Value 1000USD; "
        "or Reporter Name, Partner Name, Indicator and a column per year; or a WITS indicator "
        "file's year, product, indicator, value_usd_thousand)")


def quote(text: str, limit: int = 60) -> str:
    """A cell value for a message: quoted, one line, shortened."""
    t = " ".join(str(text).split())
    return f"'{t[:limit]}…'" if len(t) > limit else f"'{t}'"


def year_of(text: str) -> int:
    try:
        v = parse_number(text)
    except ValueError:
        raise Reject(f"year {quote(text)} is not a year") from None
    if v != int(v) or not 1900 <= v <= 2100:
        raise Reject(f"year {quote(text)} is not a year between 1900 and 2100")
    if v > date.today().year:
        raise Reject(f"year {quote(text)} is in the future; a trade value cannot be reported "
                     "for it yet")
    return int(v)


def value_of(text: str, column: str = "value", multiplier: int = 1) -> float:
    """Dollars from a cell; zero, negative, non-finite or impossibly large values refused."""
    if not text.strip():
        raise Reject(f"{column} is empty")
    try:
        v = parse_number(text)
    except ValueError as exc:
        what = "is not a finite number" if str(exc) == "not finite" else "is not a number"
        raise Reject(f"{column} {quote(text)} {what}") from None
    if v < 0:
        raise Reject(f"{column} {quote(text)} is negative; trade values cannot be")
    if v == 0:
        raise Reject(f"{column} {quote(text)} is zero; a yearly trade value must be above zero")
    usd = v if multiplier == 1 else float(Decimal(repr(v)) * multiplier)
    if usd < MIN_VALUE_USD:
        raise Reject(f"{column} {quote(text)} is less than one US cent; not a yearly trade "
                     "value")
    if not math.isfinite(usd) or usd > MAX_VALUE_USD:
        raise Reject(f"{column} {quote(text)} is more than US$100 trillion, larger than any "
                     "yearly trade value")
    return usd


def flow_of(text: str, codes: dict[str, str] | None = None) -> str:
    key = text.strip().lower()
    flow = _FLOW_WORDS.get(key) or (codes or {}).get(key)
    if flow is None:
        raise Reject(f"flow {quote(text)} is not one of total/export/import")
    return flow


def country(cell: dict[str, str], role: str, columns: tuple[str, ...]) -> tuple[str, str]:
    """(ISO3, name) from the first of ``columns`` that names a country we know."""
    given = [cell.get(c, "").strip() for c in columns if cell.get(c, "").strip()]
    for text in given:
        code = resolve(text)
        if code:
            names = [cell.get(c, "").strip() for c in columns if "desc" in c or "name" in c
                     or c in ("reporter", "partner")]
            shown = next((n for n in names if n and resolve(n) == code and len(n) > 3), "")
            return code, shown or name_of(code)
    raise Reject(f"{role} {quote(given[0] if given else '')} is not an ISO 3166 alpha-3 country "
                 "code (e.g. CHN), a UN M49 number (e.g. 156) or a country name we know")


def commodity(code_text: str, desc: str) -> tuple[str, str | None]:
    code = code_text.strip()
    if code.lower() in _ALL:
        return TOTAL, desc.strip() or None
    if not re.fullmatch(r"[0-9A-Za-z]{1,12}", code):
        raise Reject(f"commodity code {quote(code)} is not an HS code or TOTAL")
    return code, desc.strip() or None


def breakdown(cell: dict[str, str], header: dict[str, str]) -> None:
    for col, whole in _ALL_OF.items():
        if col in cell and cell[col].strip() not in whole:
            raise Reject(f"{header[col]} {quote(cell[col])} is one part of a breakdown; only "
                         f"rows over all of them ({'/'.join(sorted(w for w in whole if w))}) "
                         "are used")
