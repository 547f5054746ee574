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
from dashboard.errors import Reason, UserError
from dashboard.importing.countries import name_of, resolve
from dashboard.text.reasons import english, short

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
    """This observation cannot be used: ``reason`` says why (a catalogue key), ``str()`` in
    English."""

    def __init__(self, why: str | Reason, **params: object) -> None:
        message, reason = english(why.key, **why.params) if isinstance(why, Reason) else \
            english(why, **params)
        super().__init__(message, reason=reason)


def refuse(name: str, why: str | Reason, **params: object) -> DataError:
    """A DataError about the whole file ``name``: 'name: message' in English, the reason
    without the name (the page shows the file name on its own line)."""
    message, reason = english(why.key, **why.params) if isinstance(why, Reason) else \
        english(why, **params)
    return DataError(f"{name}: {message}", reason=reason)


@dataclass(frozen=True)
class Outcome:
    """One observation of a record: a tidy row, or the reason it was rejected."""
    column: str | None
    row: dict | None
    reason: Reason | None = None


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
    message, reason = english("import.error.unrecognised")
    raise DataError(message, reason=reason)


def quote(text: str, limit: int = 60) -> str:
    """A cell value for a message: quoted, one line, shortened."""
    return f"'{short(text, limit)}'"


def year_of(text: str) -> int:
    try:
        v = parse_number(text)
    except ValueError:
        raise Reject("reject.year_not_year", text=short(text)) from None
    if v != int(v) or not 1900 <= v <= 2100:
        raise Reject("reject.year_range", text=short(text), min="1900", max="2100")
    if v > date.today().year:
        raise Reject("import.reject.year_future", text=short(text))
    return int(v)


def value_of(text: str, column: str = "value", multiplier: int = 1) -> float:
    """Dollars from a cell; zero, negative, non-finite or impossibly large values refused."""
    if not text.strip():
        raise Reject("import.reject.value_empty", column=short(column))
    cell = dict(column=short(column), text=short(text))
    try:
        v = parse_number(text)
    except ValueError as exc:
        raise Reject("import.reject.not_finite" if str(exc) == "not finite" else
                     "reject.not_number", **cell) from None
    if v < 0:
        raise Reject("reject.negative", **cell)
    if v == 0:
        raise Reject("import.reject.zero", **cell)
    usd = v if multiplier == 1 else float(Decimal(repr(v)) * multiplier)
    if usd < MIN_VALUE_USD:
        raise Reject("import.reject.below_cent", **cell)
    if not math.isfinite(usd) or usd > MAX_VALUE_USD:
        raise Reject("import.reject.too_large", **cell)
    return usd


def flow_of(text: str, codes: dict[str, str] | None = None) -> str:
    key = text.strip().lower()
    flow = _FLOW_WORDS.get(key) or (codes or {}).get(key)
    if flow is None:
        raise Reject("reject.flow", text=short(text), flows="total/export/import")
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
    raise Reject("import.reject.country", role=Reason(f"import.role.{role}"),
                 text=short(given[0] if given else ""))


def commodity(code_text: str, desc: str) -> tuple[str, str | None]:
    code = code_text.strip()
    if code.lower() in _ALL:
        return TOTAL, desc.strip() or None
    if not re.fullmatch(r"[0-9A-Za-z]{1,12}", code):
        raise Reject("import.reject.commodity", text=short(code))
    return code, desc.strip() or None


def breakdown(cell: dict[str, str], header: dict[str, str]) -> None:
    for col, whole in _ALL_OF.items():
        if col in cell and cell[col].strip() not in whole:
            raise Reject("import.reject.breakdown", column=short(header[col]),
                         text=short(cell[col]), whole="/".join(sorted(w for w in whole if w)))
