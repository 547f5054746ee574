"""Numbers in tables for reading, written the reader's way (issue 24).

Streamlit's column formats are printf, so English only: '$41,055,000,000' or '6.9%' on a
Russian page that writes '41,055 млрд $' and '6,9 %' in its text. For zh, ru and kk the
money, percentage and number columns of a table for reading become text written by
``dashboard.text.formatting``; English keeps its numeric columns and printf formats, which
already are its house style. Only what is drawn changes: the frame a CSV download is made
from keeps its numbers. No Streamlit, so it is tested directly.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from numbers import Real

import pandas as pd

from dashboard.text import formatting as f
from dashboard.text.i18n import DEFAULT_LANG

BN_FROM = 1e8  # from US$ 100 million, money is written in billions (亿 in Chinese) as in text


def money(value: float, lang: str) -> str:
    """'41,055 млрд $', '410.55亿美元' from US$ 100 million up; smaller amounts in whole dollars
    ('1 234 567 $', '1,234,567美元'), so no table cell rounds a small figure away to zero."""
    if abs(value) >= BN_FROM:
        return f.fmt_bn(value, lang=lang)
    digits = f.fmt_number(abs(value), 0, lang=lang)
    sign = f.MINUS if value < 0 else ""
    if lang == "en":
        return f"{sign}${digits}"
    if lang == "zh":
        return f"{sign}{digits}美元"
    return f"{sign}{digits}\u00a0$"


# What each kind of column becomes; values are never None here (blanks stay blank).
KINDS: Mapping[str, Callable[[float, str], str]] = {
    "money": money,
    "signed_pct": lambda v, lang: f.fmt_pct(v, is_fraction=False, digits=1, lang=lang),
    "pct": lambda v, lang: f.fmt_pct(v, is_fraction=False, digits=2, sign=False, lang=lang),
    "bn": lambda v, lang: f.fmt_number(v, 2 if lang == "zh" else 3, lang=lang),
    "pct1": lambda v, lang: f.fmt_pct(v, is_fraction=False, digits=1, sign=False, lang=lang),
    "number": lambda v, lang: f.fmt_number(v, f.stated_decimals(v), lang=lang),
    "usd_bn": lambda v, lang: money(v * 1e9, lang),
    "usd_tn": lambda v, lang: f.fmt_tn(v * 1e12, lang=lang),
}

# The package's and the importer's numeric columns, by canonical name.
COLUMN_KINDS: Mapping[str, str] = {
    "value_usd": "money", "target_value_usd": "money", "change_usd": "money",
    "total_usd": "money", "world_value_usd": "money", "value_a_usd": "money",
    "value_b_usd": "money", "gap_usd": "money",
    "reported_change_pct": "signed_pct", "change_pct": "signed_pct", "gap_pct": "signed_pct",
    "share_pct": "pct", "share_of_total_pct": "pct",
    "value": "number", "value_high": "number",  # logistics and border facts: tonnes, TEU, hours
    "value_plotted": "number", "partner_pct_of_china": "pct", "share_of_five_pct": "pct",
}


# A chart's data table names its columns by unit: 'value_usd_bn', 'share_pct', 'change_pct_percent'.
SUFFIX_KINDS = (("_usd_bn", "usd_bn"), ("_usd_tn", "usd_tn"), ("_usd", "money"),
                ("share_pct", "pct"), ("_pct", "signed_pct"), ("_pct_percent", "signed_pct"))


def kind_of(column: str) -> str | None:
    """The kind of a canonical column: ``COLUMN_KINDS``, else its unit suffix, else None."""
    if column in COLUMN_KINDS:
        return COLUMN_KINDS[column]
    return next((kind for suffix, kind in SUFFIX_KINDS if column.endswith(suffix)), None)


def cell(value: object, kind: str, lang: str) -> object:
    """One value in the reader's format; blanks and non-numbers stay as they are."""
    if f.is_blank(value) or isinstance(value, bool) or not isinstance(value, Real):
        return value
    return KINDS[kind](float(value), lang)


def formatters(frame: pd.DataFrame, lang: str,
               kinds: Mapping[str, str] | None = None) -> dict[str, Callable[[object], str]]:
    """Per number column of ``frame``, the function that writes one of its cells for ``lang``
    (blanks as ''); none in English. A table keeps its numbers and shows these as their display
    text, so a column sorts by value, not alphabetically ('9' before '10')."""
    if lang == DEFAULT_LANG:
        return {}
    if kinds is None:
        kinds = {c: k for c in frame.columns if isinstance(c, str) and (k := kind_of(c))}
    cols = [c for c in frame.columns if c in kinds and pd.api.types.is_numeric_dtype(frame[c])
            and not pd.api.types.is_bool_dtype(frame[c])]

    def writer(kind: str) -> Callable[[object], str]:
        return lambda v: "" if f.is_blank(v) else str(cell(v, kind, lang))

    return {c: writer(kinds[c]) for c in cols}


def readable(frame: pd.DataFrame, lang: str,
             kinds: Mapping[str, str] | None = None) -> tuple[pd.DataFrame, list[str]]:
    """The frame with its number columns written for ``lang`` as text, and the columns it wrote
    (for exports and tests; pages show ``formatters`` over the numbers, which keeps sorting).

    ``kinds`` maps column names to a kind of ``KINDS`` (default: ``kind_of`` each canonical
    name). English returns the frame unchanged (its printf formats stay, so does numeric
    sorting).
    """
    if lang == DEFAULT_LANG:
        return frame, []
    if kinds is None:
        kinds = {c: k for c in frame.columns if isinstance(c, str) and (k := kind_of(c))}
    cols = list(formatters(frame, lang, kinds))
    if not cols:
        return frame, []
    out = frame.copy()
    for col in cols:
        out[col] = out[col].astype(object).map(lambda v, k=kinds[col]: cell(v, k, lang))
    return out, cols
