"""Small pieces of wording shared by the verdicts, the doubling answer and the charts.

English keeps the exact forms the pages have always used (a source date as stored,
'2×', '4%'); the other languages write them the CLDR way (formatting.py). No plotly,
no Streamlit: the functional core and the charts both use these.
"""

from __future__ import annotations

from dashboard.text import formatting as f
from dashboard.text import names


def dated(value: str, lang: str = "en") -> str:
    """A source date as stored ('2018-04') in English, the language's own form otherwise."""
    return str(value) if lang == "en" else names.fmt_published(value, lang=lang)


def times(multiple: float, lang: str = "en") -> str:
    """'2', '1.5' ('1,5' in Russian): a multiple's digits, for '{times}×' in a message."""
    return f"{multiple:g}" if lang == "en" else f.fmt_multiple(multiple, lang=lang)[:-1]


def pct(value: float, lang: str = "en", **kwargs) -> str:
    """A figure already in percent: '+20.0%', '+20,0 %'."""
    return f.fmt_pct(value, is_fraction=False, lang=lang, **kwargs)


def pct_g(value: float, lang: str = "en") -> str:
    """'4%' or '2.5%': a percentage with only the decimals it has ('2,5 %' in Russian)."""
    plain = f"{value:g}"
    if lang == "en":
        return plain + "%"
    return pct(value, lang, sign=False, digits=len(plain.partition(".")[2]))
