"""A chart's plotted rows as its "Show as a table" shows them: values in the reader's language
(issue 24).

The rows are the chart's CSV: canonical English names and values ('primary', 'cpi-u',
'million tonnes', 'met'), which stay so in every download. On screen, each value with a
catalogue entry is shown in ``lang`` (the same entries the charts' legends and the Data &
sources page use); a value without one is shown as stored, never guessed at. Column labels
are ``display.column_labels``; numbers are written by ``core.readable``. No Streamlit.
"""

from __future__ import annotations

import re

import pandas as pd

from dashboard.core.data_text import RESOURCE, data_text
from dashboard.core.display import column_labels, has, shown_values
from dashboard.core.enumerations import shown_enumerations
from dashboard.text.i18n import DEFAULT_LANG, data_label, slug, tr
from dashboard.text.names import country_name

# Columns of chart rows whose values are a closed set, and the catalogue prefix naming them.
PREFIXES = {"status": "target.status.", "verdict": "target.status.",
            "prices": "prices.option.", "deflator": "prices.name.", "series": "data.series.",
            "part": "data.part.", "role": "data.role.", "source_id": "data.source_id.",
            "unit_plotted": "data.unit_plotted.", "hs_heading": "data.hs_heading_group."}
SELLS = re.compile(r"^(?P<seller>.+) sells (?P<buyer>.+)$")  # product charts' flow_label


def _named(prefix: str, lang: str):
    """A value's entry under ``prefix`` (by slug, or as written: 'cpi-u'), else the value."""
    def name(value: object) -> object:
        if not isinstance(value, str):
            return value
        for key in (prefix + slug(value), prefix + value):
            if has(key):
                return tr(lang, key)
        if prefix == "data.unit_plotted.":
            return data_label(lang, "unit", value)
        return value
    return name


def _sells(frame: pd.DataFrame, lang: str) -> pd.Series:
    """'Kazakhstan sells China' in ``lang``: the countries named by the rows' own codes."""
    codes = set(frame.get("reporter", pd.Series(dtype=object)).dropna()) | set(
        frame.get("partner", pd.Series(dtype=object)).dropna())
    by_name = {country_name(str(c), DEFAULT_LANG): country_name(str(c), lang) for c in codes}

    def one(value: object) -> object:
        m = SELLS.match(str(value))
        if m is None or m["seller"] not in by_name or m["buyer"] not in by_name:
            return value
        return tr(lang, "legend.sells", seller=by_name[m["seller"]], buyer=by_name[m["buyer"]])
    return frame["flow_label"].map(one)


def _computed(value: object, lang: str) -> object:
    """'gap_usd, partner_pct_of_china' (which columns are ours) as those columns' labels."""
    if not isinstance(value, str):
        return value
    parts = [p.strip() for p in value.split(",")]
    labels = column_labels(parts, lang)
    return ", ".join(labels[p] for p in parts) if all(p in labels for p in parts) else value


def shown_rows(frame: pd.DataFrame, lang: str, tables=None) -> pd.DataFrame:
    """``frame`` (a chart's rows) with its values in ``lang``; English as stored. A column
    that ``tables``' translations resource translates for some table (a logistics reading's
    period) is translated by it."""
    if lang == DEFAULT_LANG:
        return frame
    out = shown_enumerations("chart", shown_values(frame, lang), {}, lang)
    translations = (tables or {}).get(RESOURCE)
    if translations is not None:
        for resource, field in set(zip(translations["resource"], translations["field"],
                                       strict=True)):
            if field in out.columns:
                out[field] = out[field].map(lambda v, r=resource, f=field: v if not isinstance(
                    v, str) else (data_text(tables, r, f, v, lang) or v))
    for col, prefix in PREFIXES.items():
        if col in out.columns:
            out[col] = out[col].map(_named(prefix, lang))
    if "measure" in out.columns:  # the corridor charts' measures are logistics measures
        out["measure"] = out["measure"].map(
            lambda v: data_label(lang, "logistics_measure", v) if isinstance(v, str) else v)
    if "flow_label" in out.columns:
        out["flow_label"] = _sells(out if "reporter" in out else frame, lang)
    if "computed" in out.columns and out["computed"].map(lambda v: isinstance(v, str)).any():
        out["computed"] = out["computed"].map(lambda v: _computed(v, lang))
    if {"hs_chapter", "description"} <= set(out.columns):
        out["description"] = [d if pd.isna(c) or not has(f"data.hs_chapter.{c}")
                              else data_label(lang, "hs_chapter", c)
                              for c, d in zip(out["hs_chapter"], out["description"], strict=True)]
    text = [c for c in out.columns if out[c].map(lambda v: isinstance(v, str)).any()]
    gap = "；" if lang == "zh" else "; "
    for col in text:  # a hover's line break is not for a table cell
        out[col] = out[col].map(lambda v: v.replace("<br>", gap) if isinstance(v, str) else v)
    return out
