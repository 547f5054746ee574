"""The pieces of the logistics-hub verdict in the reader's language: a measure's name, a figure,
a change, a period. Pandas only.

English keeps the house style of ``text.corridor.fmt_amount`` ('4.484 million t', '-8.1%'); the
other languages write a figure as the corridor page does (``text.corridor.amount``: CLDR separators,
catalogue units) and a change with a real minus sign. Names of measures come from the catalogue
(``data.logistics_measure.<measure id>``) where it has them, else as the data label them.
"""

from __future__ import annotations

import pandas as pd

from dashboard.text.corridor import amount, fmt_amount, fmt_change, period_label
from dashboard.text.corridor import period_name as corridor_period
from dashboard.text.formatting import fmt_pct, stated_decimals
from dashboard.text.i18n import DEFAULT_LANG, catalogue, data_label, tr


def measure_name(measure: str, label: str, lang: str) -> str:
    """A logistics measure's name: the data's label in English, the catalogue's elsewhere."""
    key = f"data.logistics_measure.{measure}"
    return tr(lang, key) if lang != DEFAULT_LANG and key in catalogue(DEFAULT_LANG) else label


def figure(r: pd.Series, lang: str) -> str:
    """One reading's figure with its unit and qualifier ('about 9,000 trains')."""
    if lang == DEFAULT_LANG:
        return fmt_amount(float(r["value"]), str(r["unit"]), str(r["qualifier"]))
    return amount(r["value"], r["unit"], lang, str(r["qualifier"]))


def change(pct: float, lang: str) -> str:
    """A change in percent: '+62%', one decimal below ten ('−8,1 %' in Russian)."""
    if lang == DEFAULT_LANG:
        return fmt_change(pct)
    return fmt_pct(pct, is_fraction=False, digits=0 if abs(pct) >= 10 else 1, lang=lang)


def stated_change(pct: float, lang: str) -> str:
    """A change a source states, with every decimal it gave ('+14.6%', never '+15%')."""
    digits = stated_decimals(pct)
    if lang == DEFAULT_LANG:
        return f"{pct:+.{digits}f}%"
    return fmt_pct(pct, is_fraction=False, digits=digits, lang=lang)


def whose(text: object, lang: str) -> str:
    """Whose figure a reading is ('Kazakhstan Ministry of Transport'), named as catalogued."""
    return data_label(lang, "whose", str(text)) if lang != DEFAULT_LANG else str(text)


def period(name: object, year: object, months: object, lang: str) -> str:
    """A reading's period and year ('Jan–Oct 2019', '2019年1—10月')."""
    if lang == DEFAULT_LANG:
        return f"{name} {int(year)}"
    return period_label(name, year, months, lang)


def period_name(name: object, lang: str) -> str:
    """A period on its own ('Jan–Oct', '1—10月')."""
    return str(name) if lang == DEFAULT_LANG else corridor_period(str(name), lang)


def caveat(caveat_id: str, statement: str, lang: str) -> str:
    """A caveat of the logistics tables: ``data.caveat.<caveat_id>``, else as the data word it."""
    key = f"data.caveat.{caveat_id}"
    return tr(lang, key) if lang != DEFAULT_LANG and key in catalogue(DEFAULT_LANG) \
        else str(statement)


def unit(text: object, lang: str) -> str:
    return str(text) if lang == DEFAULT_LANG else data_label(lang, "unit", str(text))


def clauses(lang: str, items) -> str:
    """Clauses of one sentence: '; ' between them ('；' in Chinese); a leading '' starts the
    text with the separator (a clause added to a sentence)."""
    items = list(items)
    lead = tr(lang, "common.item_separator") if items and items[0] == "" else ""
    return lead + tr(lang, "common.item_separator").join(i for i in items if i)


def bracket(text: str, lang: str) -> str:
    """An aside in brackets: ' (…)', '（…）' in Chinese."""
    return f"（{text}）" if lang == "zh" else f" ({text})"
