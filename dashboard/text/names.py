"""Dates, country names and lists in the reader's language, from CLDR through Babel.

Kept beside ``formatting`` (numbers, money, percentages): a source date or a country's name is
shown as CLDR writes it in each language, and text that is not such a date is never altered.
"""

from __future__ import annotations

import re
from datetime import date

from babel import dates, lists
from babel.core import get_global

from dashboard.text.formatting import cldr_locale

_PUBLISHED = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def fmt_published(value: str | date, *, lang: str = "en", short: bool = False) -> str:
    """A source date as stored ('2024', '2024-07', '2024-07-03') in the reader's language.

    'July 2024' / '2024年7月' / 'июль 2024 г.' / '2024 ж. шілде'. Text that is not such a
    date is returned unchanged: a data value is never altered or guessed at.
    """
    if isinstance(value, date):
        return dates.format_date(value, format="long", locale=cldr_locale(lang))
    m = _PUBLISHED.match(str(value).strip())
    if not m:
        return str(value)
    year, month, day = m.groups()
    try:
        if day:  # short: abbreviated months, so a table column never cuts a date off
            return (dates.format_skeleton("yMMMd", date(int(year), int(month), int(day)),
                                          locale=cldr_locale(lang)) if short else
                    dates.format_date(date(int(year), int(month), int(day)), format="long",
                                      locale=cldr_locale(lang)))
        if month:
            return dates.format_skeleton("yMMM" if short else "yMMMM",
                                         date(int(year), int(month), 1), locale=cldr_locale(lang))
    except ValueError:
        return str(value)
    return year


def country_name(code: str, lang: str = "en") -> str:
    """CLDR's name of a country in the reader's language: 'CHN'/'CN' → '中国', 'Казахстан'."""
    code = str(code).strip().upper()
    alpha2 = code if len(code) == 2 else (get_global("territory_aliases").get(code) or [code])[0]
    return cldr_locale(lang).territories.get(alpha2, code)


def fmt_list(items: list[str], *, lang: str = "en", style: str = "standard") -> str:
    """'A, B and C' / 'A、B和C' / 'A, B и C' / 'A, B және C' (CLDR list patterns)."""
    return lists.format_list(list(items), style=style, locale=cldr_locale(lang))
