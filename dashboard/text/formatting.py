"""How numbers, money, percentages, years and country names are written, in every language.

One place, so a figure reads the same everywhere and the wording rules (real minus
signs, no rounding away of a figure's own decimals) hold for every page. English keeps
the house style ('$41 bn', '+31.4%'); zh, ru and kk follow CLDR through Babel: decimal
commas and non-breaking grouping spaces in ru and kk, '41 млрд $', '410亿美元', the
locale's own percent pattern ('+31,4 %' in ru, '+31,4%' in kk). The digits are always
decided first, the same way for every language, and only then written with the
locale's symbols, so no language shows a different rounding of the same figure.
No plotly and no Streamlit here: the data core and the charts both use it.
"""

from __future__ import annotations

import math
from decimal import Decimal
from functools import cache

from babel import Locale
from babel.numbers import parse_pattern

MINUS = "\u2212"  # a real minus sign, not a hyphen
_NA = {"en": "n/a", "zh": "无数据", "ru": "н/д", "kk": "дерек жоқ"}
_RANGE_DASH = {"zh": "—"}  # GB/T 15834: a year span takes the one-em dash in Chinese


def signed(text: str) -> str:
    """A hyphen-minus at the start of a number becomes a real minus; nothing else changes."""
    return MINUS + text[1:] if text.startswith("-") else text


@cache
def cldr_locale(lang: str) -> Locale:
    return Locale.parse(lang)


def is_blank(value: object) -> bool:
    """Whether a cell holds nothing: None, pandas' NA or NaN (the one test the code uses)."""
    if value is None or type(value).__name__ == "NAType":  # pandas.NA, without importing pandas
        return True
    return isinstance(value, float) and math.isnan(value)


def _localise(plain: str, lang: str) -> str:
    """'1234.50' (digits already decided) → '1 234,50' in ru: symbols only, no re-rounding."""
    decimals = len(plain.partition(".")[2])
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return _pattern(pattern).apply(Decimal(plain), cldr_locale(lang))


_pattern = cache(parse_pattern)


def _compose(raw: str, lang: str, *, sign: bool, prefix: str = "", suffix: str = "") -> str:
    """raw is Python's '+1234.5' / '-0.3'; returns sign + prefix + localised digits + suffix."""
    lead = MINUS if raw[0] == "-" else ("+" if sign else "")
    return f"{lead}{prefix}{_localise(raw[1:], lang)}{suffix}"


def stated_decimals(value: float) -> int:
    """The decimals a stored value has (4.25 → 2, 4484000 → 0, −1.1 → 1), at most six: a
    figure is written with the precision its source gave, never rounded away or padded."""
    text = f"{abs(float(value)):.6f}".rstrip("0")
    return len(text.partition(".")[2])


def fmt_number(value: float, digits: int = 1, *, sign: bool = False, lang: str = "en") -> str:
    """'1,234.5', '+3.2', '−1.1' (ru: '1 234,5'): grouping, fixed decimals, a real minus."""
    if lang == "en":
        text = f"{value:+,.{digits}f}" if sign else f"{value:,.{digits}f}"
        return signed(text)
    return _compose(f"{value:+.{digits}f}", lang, sign=sign)


@cache
def _money_affixes(lang: str, magnitude: int) -> tuple[str, str]:
    """Prefix and suffix for US dollars in units of 10**magnitude, from CLDR's compact forms.

    ru/kk: '0 млрд ¤' → ('', ' млрд $'). zh: the compact number unit ('亿', '万亿') followed
    by the currency's name ('美元'), as Chinese financial reporting writes it.
    """
    loc = cldr_locale(lang)
    key = str(10**magnitude)
    if lang == "zh":
        pattern = loc.compact_decimal_formats["short"]["other"][key]
        return "", pattern.suffix[0] + loc.currencies["USD"]
    pattern = loc.compact_currency_formats["short"]["other"][key]
    symbol = loc.currency_symbols.get("USD", "$")
    return (pattern.prefix[0].replace("¤", symbol).replace("'", ""),
            pattern.suffix[0].replace("¤", symbol).replace("'", ""))


def _money(value_usd: float, lang: str, magnitude: int, decimals: int | None) -> str:
    """In units of 10**magnitude, down to $1 million (trailing zeros dropped) or fixed decimals.

    The minus sign follows the English rule (the value is below zero), so every language
    agrees on the sign as well as on the digits.
    """
    units = abs(value_usd) / 10**magnitude
    if decimals is None:
        plain = f"{units:.{max(0, magnitude - 6)}f}".rstrip("0").rstrip(".")
    else:
        plain = f"{units:.{max(0, decimals)}f}"
    prefix, suffix = _money_affixes(lang, magnitude)
    return _compose(("-" if value_usd / 1e9 < 0 else "+") + plain, lang, sign=False, prefix=prefix,
                    suffix=suffix)


def fmt_bn(value_usd: float | None, digits: int | None = None, *, lang: str = "en") -> str:
    """'$41 bn', '$43.82 bn', '$0.368 bn'; '410亿美元', '41 млрд $': no rounding away.

    With ``digits`` the figure is shown to that many decimals of a billion (for computed
    values such as projections, where trailing digits carry no information); Chinese
    counts in 亿 (10**8), so it shows one decimal fewer for the same precision.
    """
    if is_blank(value_usd):
        return _NA.get(lang, "n/a")
    if lang == "en":
        bn = value_usd / 1e9
        if digits is None:
            text = f"{abs(bn):,.3f}".rstrip("0").rstrip(".")
        else:
            text = f"{abs(bn):,.{digits}f}"
        return f"{MINUS if bn < 0 else ''}${text} bn"
    if lang == "zh":
        magnitude = 12 if abs(value_usd) >= 1e12 else 8
        return _money(value_usd, lang, magnitude,
                      None if digits is None else digits + magnitude - 9)
    return _money(value_usd, lang, 9, digits)


def fmt_tn(value_usd: float, *, lang: str = "en") -> str:
    """'$5.94 tn', '5,94 трлн $', '5.94万亿美元': trillions, for world and China totals."""
    if lang == "en":
        return f"${value_usd / 1e12:g} tn"
    text = f"{value_usd / 1e12:g}"
    prefix, suffix = _money_affixes(lang, 12)
    return _compose(text if text[0] == "-" else "+" + text, lang, sign=False, prefix=prefix,
                    suffix=suffix)


@cache
def _percent_affixes(lang: str) -> tuple[str, str]:
    pattern = cldr_locale(lang).percent_formats[None]
    return pattern.prefix[0], pattern.suffix[0]


def fmt_pct(fraction_or_pct: float | None, *, is_fraction: bool = True, digits: int = 1,
            sign: bool = True, lang: str = "en") -> str:
    """'+31.4%' from 0.314 (or from 31.4 with ``is_fraction=False``); ru '+31,4 %'; real minus."""
    if is_blank(fraction_or_pct):
        return _NA.get(lang, "n/a")
    pct = fraction_or_pct * 100 if is_fraction else fraction_or_pct
    if lang == "en":
        return fmt_number(pct, digits, sign=sign) + "%"
    prefix, suffix = _percent_affixes(lang)
    return _compose(f"{pct:+.{digits}f}", lang, sign=sign, prefix=prefix, suffix=suffix)


def fmt_share(fraction: float, *, lang: str = "en") -> str:
    """'57%' (ru '57 %'): a share of a whole, no sign."""
    if lang == "en":
        return f"{fraction:.0%}"
    digits = f"{abs(fraction):.0%}"[:-1]
    prefix, suffix = _percent_affixes(lang)
    return _compose(("-" if fraction < 0 else "+") + digits, lang, sign=False, prefix=prefix,
                    suffix=suffix)


def fmt_pct_range(low: float, high: float, *, digits: int = 0, lang: str = "en") -> str:
    """'2–5%', '2–5 %': a range of percentages (already in percent), unit written once."""
    prefix, suffix = ("", "%") if lang == "en" else _percent_affixes(lang)
    a, b = (fmt_number(v, digits, lang=lang) for v in (low, high))
    return f"{prefix}{a}–{b}{suffix}"


def fmt_multiple(value: float, *, lang: str = "en") -> str:
    """'2×', '1.5×' ('1,5×' in ru): a multiple, with only the decimals it has."""
    if lang == "en":
        return signed(f"{value:g}") + "×"
    return _compose(f"{value:+g}", lang, sign=False, suffix="×")


def fmt_year(year: int | float) -> str:
    """'2023' in every language: years are never grouped ('2 023') nor given decimals."""
    return str(int(year))


def fmt_year_range(start: int, end: int, *, lang: str = "en") -> str:
    """'2013–2023' ('2013—2023' in Chinese typesetting)."""
    return f"{fmt_year(start)}{_RANGE_DASH.get(lang, '–')}{fmt_year(end)}"


def money_unit(lang: str = "en") -> float:
    """What a money axis counts in: 1e9 (US$ bn, млрд $), or 1e8 in Chinese (亿美元)."""
    return 1e8 if lang == "zh" else 1e9


def percent_affixes(lang: str = "en") -> tuple[str, str]:
    """Prefix and suffix of a percentage, for axis ticks: ('', '%'), ru ('', '\u00a0%')."""
    return ("", "%") if lang == "en" else _percent_affixes(lang)


def plotly_separators(lang: str = "en") -> str:
    """Plotly's ``layout.separators``: decimal mark then group mark ('.,' or ',\u00a0')."""
    symbols = cldr_locale(lang).number_symbols["latn"]
    return symbols["decimal"] + symbols["group"]


def not_available(lang: str = "en") -> str:
    """The word for a figure that does not exist ('n/a', 'н/д', …)."""
    return _NA.get(lang, "n/a")


def capitalise(text: str) -> str:
    """First letter upper-case, the rest untouched ('the 10-year CAGR' keeps 'CAGR')."""
    return text[:1].upper() + text[1:]


def money_affixes(lang: str = "en") -> tuple[str, str]:
    """Prefix and suffix of a money tick in ``money_unit`` units: ('$', ' bn'), ('', '亿美元')."""
    if lang == "en":
        return "$", " bn"
    return _money_affixes(lang, 8 if lang == "zh" else 9)
