"""Logistics figures in words, in the reader's language: amounts, qualifiers and chart scales.

Pure (no plotly, no streamlit): the corridor charts and the corridor page share it. A figure
keeps every decimal it has (4.25 hours, 4,484,000 tonnes): digits are decided from the stored
value and never rounded away. Qualifiers ('about', 'more than') and units come from the
catalogues; a unit the catalogues do not know is shown as the data writes it.
"""

from __future__ import annotations

from decimal import Decimal

from dashboard.text.formatting import (
    fmt_number,
    is_blank,
    percent_affixes,
    stated_decimals,
)
from dashboard.text.i18n import catalogue, data_label, slug, tr
from dashboard.text.names import fmt_published

QUALIFIERS = ("about", "more than", "less than", "at least", "up to")
# Chart scales: what an axis counts in (Chinese counts in 万, 10**4, as its press does).
SCALES = {"tonnes": {"zh": 1e4, "*": 1e6}, "TEU": {"zh": 1e4, "*": 1e3}}
SCALE_NAMES = {1e6: "million", 1e4: "ten thousand", 1e3: "thousand"}


def number(value: float, lang: str) -> str:
    """A stored figure with its own decimals and the reader's separators."""
    return fmt_number(float(value), stated_decimals(value), lang=lang)


_missing = is_blank


def amount(value, unit, lang: str, qualifier: str = "stated", value_high=None) -> str:
    """'about 4,500,000 tonnes', 'более 4 сут.', '6–10 hours': one figure in words."""
    if _missing(value):
        return tr(lang, "corridor.no_figure")
    text = number(value, lang)
    count = float(value)
    if not _missing(value_high):
        text += "–" + number(value_high, lang)
        count = float(value_high)
    unit = "" if _missing(unit) else str(unit)
    key = f"corridor.unit.{slug(unit)}"
    if unit == "percent":
        prefix, suffix = percent_affixes(lang)
        text = f"{prefix}{text}{suffix}"
    elif key in catalogue("en"):
        text = tr(lang, key, value=text, count=count)
    elif unit:
        text = f"{text} {unit}"
    if qualifier in QUALIFIERS:
        text = tr(lang, f"corridor.qualifier.{slug(qualifier)}", amount=text)
    return text


def scale(unit: str, lang: str) -> float:
    """What a chart's axis divides a unit by (1 when it is drawn in full)."""
    table = SCALES.get(unit)
    return 1.0 if table is None else table.get(lang, table["*"])


def axis_title(unit: str, lang: str) -> str:
    """'Cargo, million tonnes' / '货运量（万吨）': the axis says its unit and scale."""
    key = f"corridor.axis.{slug(unit)}"
    return tr(lang, key) if key in catalogue("en") else unit


def plotted_unit(unit: str, lang: str, divisor: float | None = None) -> str:
    """The CSV's name for a plotted unit, canonical English ('million tonnes')."""
    divisor = scale(unit, lang) if divisor is None else divisor
    return unit if divisor == 1 else f"{SCALE_NAMES.get(divisor, f'{divisor:g}')} {unit}"


def unit_name(unit: str, lang: str) -> str:
    """A unit's name on its own ('containers', '集装箱'), else as the data writes it."""
    return data_label(lang, "unit", unit)


def period_label(period, year, months, lang: str) -> str:
    """'2024' for a full year, 'Jan–Sep 2024' for part of one, else '2020 (forecast …)'."""
    full = not _missing(months) and int(months) == 12
    if full and str(period) == "full year":
        return str(int(year))
    key = "corridor.year_period" if full else "corridor.period_year"
    return tr(lang, key, period=period_name(period, lang), year=str(int(year)))


def period_name(period, lang: str) -> str:
    """'Jan–Sep' → '1—9月': a known period translated, any other as the data writes it."""
    return data_label(lang, "period", str(period))


def date_label(date, lang: str) -> str:
    """A stored date ('2025-11', '2025-10-22') in the reader's language, in one short style
    whatever its precision ('Oct 22, 2025', 'Nov 2025', '2025'); blank if none."""
    return "" if _missing(date) else fmt_published(str(date), lang=lang, short=True)


def reason(text: str, lang: str) -> str:
    """Why a disagreement is listed, in the reader's language (unknown reasons as given)."""
    key = f"corridor.reason.{slug(text)}"
    return tr(lang, key) if key in catalogue("en") else text


def phase(text: str, lang: str) -> str:
    """before / after / reading / target / limit, in words."""
    key = f"corridor.phase.{slug(text)}"
    return tr(lang, key) if key in catalogue("en") else text


_PREFIX = {"about": "about ", "more than": "more than ", "less than": "less than ",
           "at least": "at least ", "up to": "up to "}
_SHORT_UNIT = {"tonnes": "t", "percent": "%"}
_SINGULAR = {"hours": "hour", "minutes": "minute", "days": "day", "weeks": "week",
             "months": "month"}


def _all_digits(d: Decimal) -> str:
    """'1,234.5678', '4.484', '212,000': every digit the figure has, none added or dropped."""
    return f"{d.normalize():,f}"


def fmt_amount(value: float | None, unit: str | None, qualifier: str = "stated",
               value_high: float | None = None) -> str:
    """English house style of the logistics verdicts: 'about 4.484 million t', '212,000 TEU',
    '6–10 hours'. Every stated digit is kept (4,484,000 t is '4.484 million t', never '4.48'),
    as ``amount`` does in any language."""
    if is_blank(value):
        return "no figure"

    def one(v: float) -> str:
        if v >= 1e6 or (unit == "tonnes" and v >= 1e5):
            return f"{_all_digits(Decimal(repr(v)).scaleb(-6))} million"
        return _all_digits(Decimal(repr(v)))

    ranged = not is_blank(value_high)
    text = one(float(value)) + ("–" + one(float(value_high)) if ranged else "")
    u = _SHORT_UNIT.get(unit or "", unit or "")
    if float(value) == 1 and not ranged:
        u = _SINGULAR.get(u, u)
    text = text + u if u == "%" else f"{text} {u}".strip()
    return _PREFIX.get(qualifier, "") + text


def fmt_change(pct: float) -> str:
    """A percentage change as '+62%' / '-8.1%' (one decimal below ten, as sources report)."""
    return f"{pct:+.0f}%" if abs(pct) >= 10 else f"{pct:+.1f}%"
