"""How numbers, money and percentages are written on pages, in charts and in exports.

One place, so a figure reads the same everywhere and the wording rules (real minus
signs, no rounding away of a figure's own decimals) hold for every page. No
plotly and no Streamlit here: the data core and the charts both use it.
"""

from __future__ import annotations

import math

MINUS = "\u2212"  # a real minus sign, not a hyphen


def signed(text: str) -> str:
    """A hyphen-minus at the start of a number becomes a real minus; nothing else changes."""
    return MINUS + text[1:] if text.startswith("-") else text


def fmt_number(value: float, digits: int = 1, *, sign: bool = False) -> str:
    """'1,234.5', '+3.2', '−1.1': grouping commas, fixed decimals, a real minus sign."""
    text = f"{value:+,.{digits}f}" if sign else f"{value:,.{digits}f}"
    return signed(text)


def fmt_bn(value_usd: float | None, digits: int | None = None) -> str:
    """'$41 bn', '$43.82 bn', '$0.368 bn': as many decimals as the figure has, no rounding away.

    With ``digits`` the figure is shown to that many decimals (for computed values such as
    projections, where trailing digits carry no information).
    """
    if value_usd is None or (isinstance(value_usd, float) and math.isnan(value_usd)):
        return "n/a"
    bn = value_usd / 1e9
    if digits is None:
        text = f"{abs(bn):,.3f}".rstrip("0").rstrip(".")
    else:
        text = f"{abs(bn):,.{digits}f}"
    return f"{MINUS if bn < 0 else ''}${text} bn"


def fmt_tn(value_usd: float) -> str:
    """'$5.94 tn': trillions, for world and China totals."""
    return f"${value_usd / 1e12:g} tn"


def fmt_pct(fraction_or_pct: float | None, *, is_fraction: bool = True, digits: int = 1,
            sign: bool = True) -> str:
    """'+31.4%' from 0.314 (or from 31.4 with ``is_fraction=False``), with a real minus sign."""
    if fraction_or_pct is None or (isinstance(fraction_or_pct, float)
                                   and math.isnan(fraction_or_pct)):
        return "n/a"
    pct = fraction_or_pct * 100 if is_fraction else fraction_or_pct
    return fmt_number(pct, digits, sign=sign) + "%"


def fmt_share(fraction: float) -> str:
    """'57%': a share of a whole, no sign."""
    return f"{fraction:.0%}"


def capitalise(text: str) -> str:
    """First letter upper-case, the rest untouched ('the 10-year CAGR' keeps 'CAGR')."""
    return text[:1].upper() + text[1:]
