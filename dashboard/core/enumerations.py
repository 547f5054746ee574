"""The enumerated values of the package's tables in the reader's language (the Data & sources
page): kinds, units, qualifiers, bounds, levels, whose statistics, ... (issue 24).

Two places hold the words, as for every data value:

* the catalogues (``data.<kind>.<slug>``), for closed sets the code knows ('lower', 'about',
  'chapter'); a value with no entry is shown as stored, never guessed at;
* the package's own ``translations`` resource (``core.data_text``), for values only the data
  know ('multiple of the 2023 value', a border fact's period): any row it holds for a table's
  column is applied, so a maintainer adds a translation without touching the code.

Identifiers (claim, target, caveat and group ids) stay as stored: they are the keys that join
the tables and name their rows in the CSV, as source ids do. The CSV downloads keep every
value as stored; only what is drawn on screen changes here. No Streamlit.
"""

from __future__ import annotations

import re

import pandas as pd

from dashboard.core.data_text import RESOURCE, data_text
from dashboard.text.corridor import phase
from dashboard.text.i18n import DEFAULT_LANG, catalogue, data_label, slug, tr

# Columns whose values are a closed set with display names (``data.<kind>.<slug>``), beside
# display.VALUE_KINDS (which every table of every page gets).
COLUMN_KINDS = {"level": "level", "statistics": "statistics", "bound": "bound",
                "usd_basis": "usd_basis", "qualifier": "qualifier", "use": "use",
                "topic": "topic", "rule": "flag_rule"}
# Columns whose names mean another closed set in one table than in others.
TABLE_KINDS = {("logistics", "measure"): "logistics_measure",
               ("logistics_measures", "measure"): "logistics_measure",
               ("logistics_caveats", "measure"): "logistics_measure"}
# 'CHN explicit (GACC)': whose statistics, then who said so, as published.
WHOSE = re.compile(r"^(?P<head>[A-Z]{3}\?? ?explicit|[A-Z]{3}\?|unstated)(?P<tail> \(.*\))?$")
# "import (KGZ→CHN), phrased 'Kyrgyz exports'": the flow, its direction in codes, the words.
FLOW_WORDS = re.compile(r"^(?P<flow>export|import|total)(?P<codes> \([A-Z0-9]+→[A-Z0-9]+\))?"
                        r"(?:, phrased '(?P<phrase>.*)')?$")


def _has(key: str) -> bool:
    return key in catalogue(DEFAULT_LANG)


def whose_statistics(value: object, lang: str) -> object:
    """'CHN explicit (GACC)' → 'CHN, указано явно (GACC)': the head in words, the note as
    published (a publisher, a quote); an unknown form as stored."""
    m = WHOSE.match(str(value))
    if m is None:
        return value
    head = m["head"]
    if head.endswith("explicit"):
        text = tr(lang, "data.whose_statistics.explicit", country=head[:3])
    elif head.endswith("?"):
        text = tr(lang, "data.whose_statistics.probable", country=head[:3])
    else:
        text = tr(lang, "data.whose_statistics.unstated")
    return text + (m["tail"] or "")


def flow_words(value: object, lang: str) -> object:
    """"import (KGZ→CHN), phrased 'Kyrgyz exports'" → the flow in words, its codes, and the
    source's own phrase quoted as published."""
    m = FLOW_WORDS.match(str(value))
    if m is None:
        return value
    text = tr(lang, f"data.flow.{m['flow']}") + (m["codes"] or "")
    if m["phrase"] is not None:
        text = tr(lang, "data.flow_words.phrased", flow=text, words=m["phrase"])
    return text


def _labelled(kind: str, lang: str):
    def label(value: object) -> object:
        if pd.isna(value):
            return value
        return data_label(lang, kind, value) if _has(f"data.{kind}.{slug(str(value))}") else value
    return label


def shown_enumerations(name: str, frame: pd.DataFrame, tables, lang: str) -> pd.DataFrame:
    """``frame`` (table ``name`` of ``tables``) with its enumerated values in ``lang``."""
    if lang == DEFAULT_LANG:
        return frame
    out = frame.copy()
    for col in out.columns:
        kind = TABLE_KINDS.get((name, col)) or COLUMN_KINDS.get(col)
        if kind is not None:
            out[col] = out[col].map(_labelled(kind, lang))
    if "phase" in out.columns:  # the corridor page's words for them
        out["phase"] = out["phase"].map(lambda v: v if pd.isna(v) else phase(str(v), lang))
    if "whose_statistics" in out.columns:
        out["whose_statistics"] = out["whose_statistics"].map(
            lambda v: v if pd.isna(v) else whose_statistics(v, lang))
    if "flow_words" in out.columns:
        out["flow_words"] = out["flow_words"].map(
            lambda v: v if pd.isna(v) else flow_words(v, lang))
    return _translated(name, out, tables, lang)


def _translated(name: str, frame: pd.DataFrame, tables, lang: str) -> pd.DataFrame:
    """Every column the package's translations resource holds values of, translated."""
    t = tables.get(RESOURCE)
    if t is None or t.empty or name == RESOURCE:
        return frame
    for field in sorted(set(t.loc[t["resource"] == name, "field"])):
        if field in frame.columns:
            frame[field] = frame[field].map(
                lambda v, f=field: v if pd.isna(v) else (data_text(tables, name, f, v, lang) or v))
    return frame
