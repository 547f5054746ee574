"""Free text the data store in English, shown in the reader's language from the package's own
``translations`` resource (resource, field, value → zh, ru, kk).

Catalogue entries (``data.<kind>.<value>``) name closed sets the code knows; a value that only
the data know (a border fact's period: 'before the online booking system (stated 2023)') is
translated beside the data, so adding a row and its translation never touches the code. A value
without an entry is shown as stored, never guessed at.
"""

from __future__ import annotations

import pandas as pd

from dashboard.text.i18n import DEFAULT_LANG, catalogue, slug

RESOURCE = "translations"


def data_text(tables: dict[str, pd.DataFrame], resource: str, field: str, value: object,
              lang: str) -> str | None:
    """``value`` of ``resource.field`` in ``lang``; None when the package has no entry for it
    (English: the value itself)."""
    if lang == DEFAULT_LANG:
        return str(value)
    t = tables.get(RESOURCE)
    if t is None or t.empty or lang not in t.columns:
        return None
    hit = t[(t["resource"] == resource) & (t["field"] == field) & (t["value"] == str(value))]
    return None if hit.empty else str(hit.iloc[0][lang])


def missing(tables: dict[str, pd.DataFrame], resource: str, field: str,
            langs: tuple[str, ...] = ("zh", "ru", "kk"), *,
            kind: str | None = None) -> list[tuple[str, str]]:
    """(value, language) pairs of ``resource.field`` with Latin letters and no translation
    (a value the catalogues name as ``data.<kind>.<slug>`` has one)."""
    values = [v for v in tables[resource][field].dropna().astype(str).unique()
              if kind is None or f"data.{kind}.{slug(v)}" not in catalogue(DEFAULT_LANG)]
    return [(v, lang) for v in values if any(c.isascii() and c.isalpha() for c in v)
            for lang in langs if not data_text(tables, resource, field, v, lang)]
