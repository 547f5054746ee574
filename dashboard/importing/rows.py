"""One record of each supported format → tidy observations (see import_formats for the rules)."""

from __future__ import annotations

import re
from datetime import date

from dashboard.errors import Reason
from dashboard.importing.countries import pair_problem
from dashboard.importing.formats import (
    CLASSIC_FLOW_CODES,
    TOTAL,
    WITS_INDICATORS,
    WITS_VALUE,
    YEAR_COLUMN,
    Outcome,
    Reject,
    breakdown,
    commodity,
    country,
    flow_of,
    parse_number,
    value_of,
    year_of,
)
from dashboard.text.reasons import short

_TRUE_FALSE = ("", "true", "false", "1", "0", "yes", "no")
Pair = tuple[tuple[str, str], tuple[str, str]]   # ((reporter ISO3, name), (partner ISO3, name))


def _obs(year, reporter, partner, flow, value, code=TOTAL, desc=None, classification=None,
         note=None, change=None, approximate=False, months=(None, None)) -> dict:
    problem = pair_problem(reporter[0], partner[0])
    if problem:
        raise Reject(problem)
    return dict(year=year, month_start=months[0], month_end=months[1],
                reporter=reporter[0], reporter_name=reporter[1], partner=partner[0],
                partner_name=partner[1], flow=flow, classification=classification or None,
                commodity_code=code, commodity_desc=desc, value_usd=value,
                reported_change_pct=change, approximate=approximate, note=note)


def tidy(cell: dict[str, str], header: dict[str, str]) -> dict:
    change = cell.get("reported_change_pct", "").strip()
    approx = cell.get("approximate", "").strip().lower()
    if approx not in _TRUE_FALSE:
        raise Reject("reject.approximate", text=short(cell["approximate"]))
    note = cell.get("note", "").strip()
    own_source = cell.get("source_id", "").strip()
    if own_source:
        note = f"File's source_id: {own_source}. {note}".strip()
    try:
        change_v = parse_number(change) if change else None
    except ValueError:
        raise Reject("reject.not_number", column="reported_change_pct",
                     text=short(change)) from None
    if change_v is not None and not -100 <= change_v <= 100_000:
        raise Reject("import.reject.change_range", text=short(change))
    return _obs(year_of(cell["year"]), country(cell, "reporter", ("reporter",)),
                country(cell, "partner", ("partner",)), flow_of(cell["flow"]),
                value_of(cell["value_usd"], "value_usd"), note=note or None, change=change_v,
                approximate=approx in ("true", "1", "yes"))


def classic(cell: dict[str, str], header: dict[str, str]) -> dict:
    breakdown(cell, header)
    year, months = period_of(cell.get("period", ""), "", cell["year"])
    flow = flow_of(cell.get("tradeflow") or cell.get("tradeflowcode", ""), CLASSIC_FLOW_CODES)
    reporter = country(cell, "reporter", ("reporteriso", "reportercode", "reporter"))
    partner = country(cell, "partner", ("partneriso", "partnercode", "partner"))
    code, desc = commodity(cell.get("commoditycode", TOTAL), cell.get("commodity", ""))
    value = value_of(cell["tradevalue(us$)"], header["tradevalue(us$)"])
    return _obs(year, reporter, partner, flow, value, code, desc, cell.get("classification"),
                months=months)


def plus(cell: dict[str, str], header: dict[str, str]) -> dict:
    kind = cell.get("typecode", "C").strip().upper() or "C"
    if kind != "C":
        raise Reject("import.reject.services", text=short(kind))
    breakdown(cell, header)
    year, months = period_of(cell.get("period", ""), cell.get("freqcode", ""), cell["refyear"])
    flow = flow_of(cell.get("flowdesc") or cell.get("flowcode", ""))
    reporter = country(cell, "reporter", ("reporteriso", "reportercode", "reporterdesc"))
    partner = country(cell, "partner", ("partneriso", "partnercode", "partnerdesc"))
    code, desc = commodity(cell.get("cmdcode", TOTAL), cell.get("cmddesc", ""))
    value = value_of(cell["primaryvalue"], header["primaryvalue"])
    return _obs(year, reporter, partner, flow, value, code, desc,
                cell.get("classificationcode"), months=months)


def period_of(period: str, freq: str, year_text: str) -> tuple[int, tuple[int | None, ...]]:
    """(year, (month_start, month_end)): (None, None) for a whole year, the month for a monthly
    row (freqCode M, period 202401); monthly figures are part-year, never annual. A declared
    frequency is trusted: freqCode A with a month's period is refused, not read as a month."""
    period, freq = period.strip(), freq.strip().upper()
    if freq not in ("", "A", "M"):
        raise Reject("import.reject.freq", text=short(freq))
    if freq == "A" and re.fullmatch(r"\d{6}", period):  # declared annual, shaped as a month:
        raise Reject("import.reject.freq_period", freq=freq, text=short(period))  # never guess
    if freq != "M" and len(period) != 6:
        return year_of(year_text), (None, None)
    if not re.fullmatch(r"(19|20)\d\d(0[1-9]|1[0-2])", period):
        raise Reject("import.reject.period_month", text=short(period or freq))
    year, month = year_of(period[:4]), int(period[4:])
    if year_text.strip() and year_of(year_text) != year:
        raise Reject("import.reject.period_year", text=short(period), year=short(year_text))
    today = date.today()
    if (year, month) >= (today.year, today.month):
        raise Reject("import.reject.period_future", text=short(period))
    return year, (month, month)


def wits(cell: dict[str, str], header: dict[str, str]) -> dict:
    year = year_of(cell["year"])
    flow = flow_of(cell.get("tradeflow") or cell.get("tradeflowname", ""))
    reporter = country(cell, "reporter", ("reporteriso3", "reporter", "reportername"))
    partner = country(cell, "partner", ("partneriso3", "partner", "partnername"))
    code, desc = commodity(cell.get("productcode", TOTAL),
                           cell.get("productdescription") or cell.get("productname", ""))
    column = next(c for c in WITS_VALUE if c in cell)
    value = value_of(cell[column], header[column], multiplier=1000)
    return _obs(year, reporter, partner, flow, value, code, desc, cell.get("nomenclature"),
                note="WITS value in US$ thousand, × 1,000")


def _unit(text: str) -> int:
    """Dollars per unit of a WITS indicator such as 'Export (US$ Thousand)'."""
    t = text.lower()
    if "%" in t or "share" in t or "index" in t or "number" in t or "growth" in t:
        raise Reject("import.reject.indicator_not_value", text=short(text))
    if "us$" not in t and "usd" not in t:
        raise Reject("import.reject.indicator_unit", text=short(text))
    if "thousand" in t or "1000" in t:
        return 1000
    if "million" in t or " mil" in t:
        return 1_000_000
    return 1


def _product(text: str) -> tuple[str, str | None, str]:
    """WITS product groups: 'All Products' is TOTAL; '27 Mineral fuels' an HS chapter."""
    t = text.strip()
    if t.lower() in ("all products", "total", "total trade", ""):
        return TOTAL, t or None, ""
    m = re.fullmatch(r"(\d{2,6})(?:\s*[:\-–]\s*|\s+)(\D.*)", t)
    if m:
        return m.group(1), m.group(2), "HS"
    return t[:80], t, "WITS product group"


def wits_table(cell: dict[str, str], header: dict[str, str]) -> list[Outcome]:
    """A TradeStats table row: one observation per year column, or one Year/Value pair."""
    years = [c for c in cell if YEAR_COLUMN.match(c)] if "value" not in cell else ["value"]
    filled = [c for c in years if cell[c].strip()]
    if not filled:
        return [Outcome(None, None, Reason("import.reject.no_figure"))]
    indicator = " ".join(cell.get(c, "") for c in ("indicator", "measure")).strip()
    try:
        unit = _unit(indicator)
        flow_text = cell.get("tradeflow") or indicator.split("(")[0]
        flow = flow_of(flow_text)
        reporter = country(cell, "reporter", ("reporteriso3", "reportername", "reporter"))
        partner = country(cell, "partner", ("partneriso3", "partnername", "partner"))
        problem = pair_problem(reporter[0], partner[0])
        if problem:
            raise Reject(problem)
        code, desc, scheme = _product(cell.get("productgroup", ""))
    except Reject as why:
        return [Outcome(header.get(c, c), None, why.reason) for c in filled]
    out = []
    for col in filled:
        label = header.get(col, col)
        try:
            year = year_of(cell["year"] if col == "value" else col)
            value = value_of(cell[col], label, multiplier=unit)
        except Reject as why:
            out.append(Outcome(label, None, why.reason))
            continue
        note = f"WITS value in {indicator}" + (f", × {unit:,}" if unit != 1 else "")
        out.append(Outcome(label, _obs(year, reporter, partner, flow, value, code, desc, scheme,
                                       note=note)))
    return out


def wits_indicator(cell: dict[str, str], header: dict[str, str], pair: Pair | None) -> dict:
    """A WITS indicator file's row: the reporter and partner are the ones the caller named."""
    if pair is None:
        raise Reject("import.reject.no_pair")
    code_text = cell["indicator"].strip()
    named = cell.get("indicator_name", "").strip()
    flow = WITS_INDICATORS.get(code_text.lower())
    if flow is None:
        shown = f"'{short(code_text)}'" + (f" ('{short(named)}')" if named else "")
        raise Reject("import.reject.indicator_code", shown=shown)
    year = year_of(cell["year"])
    product, name = cell.get("product", "").strip(), cell.get("product_name", "").strip()
    whole = ("total", "all products", "999999", "")
    if product.lower() in whole and (product or name.lower() in whole):
        code, desc, scheme = TOTAL, name or None, ""
    elif product:
        code, desc = product[:80], name or None
        scheme = "HS" if re.fullmatch(r"\d{2,6}", product) else "WITS product group"
    else:
        code, desc, scheme = _product(name)
    thousands = [c for c in ("value_usd_thousand", "valueusdthousand") if c in cell]
    column = thousands[0] if thousands else "value"
    unit = 1000 if thousands else _unit(named or code_text)
    value = value_of(cell[column], header[column], multiplier=unit)
    note = f"WITS {code_text}" + (", value in US$ thousand, × 1,000" if unit == 1000 else "")
    return _obs(year, pair[0], pair[1], flow, value, code, desc, scheme, note=note)


_BY_FORMAT = {"tidy": tidy, "comtrade": classic, "comtrade_plus": plus, "wits": wits}


def observations(fmt: str, cell: dict[str, str], header: dict[str, str],
                 pair: Pair | None = None) -> list[Outcome]:
    """Every observation in one record of ``fmt``, each accepted or rejected."""
    if fmt == "wits_wide":
        return wits_table(cell, header)
    try:
        if fmt == "wits_indicator":
            return [Outcome(None, wits_indicator(cell, header, pair))]
        return [Outcome(None, _BY_FORMAT[fmt](cell, header))]
    except Reject as why:
        return [Outcome(None, None, why.reason)]
