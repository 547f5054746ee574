"""Finding English on a page in another language (a plain module: tests import it).

``visible_strings`` collects everything an AppTest page shows in words, tables included
(their column labels and their text cells); ``english_words`` lists the Latin-letter words
left once the allow-list, codes, file names, source ids and links are taken out.
"""

from __future__ import annotations

import json
import re

import pandas as pd
from google.protobuf.message import Message

# Codes, formats and names that are written in Latin letters in every language.
CODES = {"UN", "Comtrade", "Plus", "WITS", "CAGR", "CIF", "FOB", "HS", "PNG", "SVG", "PDF",
         "HTML", "CSV", "ZIP", "UTF", "BOM", "TOTAL", "MB", "px", "US", "GACC", "TITR", "TEU",
         "English", "Windows",  # the unknown-language notice; code pages (Windows-1251)
         "JSON", "API", "Excel", "xlsx",  # upload forms (issue 26)
         "CPI", "GDP", "BLS", "BEA", "FRED"}  # constant dollars: price indexes, their publishers
CODE = re.compile(r"`[^`]*`")                   # code spans: canonical names, file stems
FILE = re.compile(r"\b[\w.-]+\.(csv|zip|png|svg|pdf|html|json)\b")
SOURCE_ID = re.compile(r"\b(?:[A-Z]{1,2}\d+|U-[0-9a-f]{8})\b")  # S01, L42; an upload's U-1a2b3c4d
ISO3 = re.compile(r"\b[A-Z]{3}\b")               # country codes (CHN, KAZ): codes in every language
URL = re.compile(r"\S*(?:://|\?|www\.)\S*")
SKIPPED = ("plotly_chart",)  # charts: their text is checked by the chart tests
TEXT_FIELDS = {"label", "help", "body", "options", "placeholder", "content", "selected_content",
               "captions", "delta", "text", "value"}


def proto_strings(message: Message) -> list[str]:
    out = []
    for field, value in message.ListFields():
        if isinstance(value, bytes | int | float):
            continue
        values = [value] if isinstance(value, str | Message) else list(value)
        for v in values:
            if isinstance(v, str) and field.name in TEXT_FIELDS:
                out.append(v)
            elif isinstance(v, Message):
                out += proto_strings(v)
    return out


def shown_frame(node) -> pd.DataFrame:
    """What a table shows: its numbers' display text where a pandas Styler gives it (zh, ru, kk
    tables keep numbers for sorting and show them the reader's way), else its values."""
    frame: pd.DataFrame = node.value
    styler = getattr(getattr(getattr(node, "proto", None), "arrow_data", None), "styler", None)
    if styler is None or not styler.display_values:
        return frame
    from streamlit import dataframe_util

    shown = dataframe_util.convert_arrow_bytes_to_pandas_df(styler.display_values)
    config = json.loads(node.proto.columns or "{}")
    formatted = {c for c, v in config.items() if isinstance(v, dict)
                 and v.get("type_config", {}).get("format")}  # a column format wins
    numeric = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])
               and not pd.api.types.is_bool_dtype(frame[c]) and str(c) not in formatted]
    return frame.assign(**{c: shown[c].to_numpy() for c in numeric if c in shown.columns})


def table_strings(node) -> list[str]:
    """A table's on-screen column labels and its text cells (numbers as displayed)."""
    out = []
    config = json.loads(node.proto.columns or "{}") if getattr(node.proto, "columns", "") else {}
    labels = {k: (v.get("label") if isinstance(v, dict) else v) for k, v in config.items()}
    frame = shown_frame(node)
    for col in frame.columns:
        out.append(str(labels.get(str(col)) or col))
        if frame[col].dtype == object or pd.api.types.is_string_dtype(frame[col]):
            out += [str(x) for x in frame[col].dropna()]
    return out


def visible_strings(at, skip_expanders: set[str] = frozenset()) -> list[str]:
    """Every string the page shows; expanders labelled in ``skip_expanders`` are left out."""
    out = []

    def walk(node):
        kind = getattr(node, "type", None)
        if kind in SKIPPED:
            return
        if kind == "expander" and getattr(node, "label", "") in skip_expanders:
            return
        proto = getattr(node, "proto", None)
        if kind == "code" and getattr(proto, "language", "") == "html":
            return  # the embed snippet: markup, not prose
        if kind in ("arrow_data_frame", "dataframe"):
            out.extend(table_strings(node))
            return
        if isinstance(proto, Message) and kind not in ("download_button",):
            out.extend(proto_strings(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return [s for s in out if isinstance(s, str) and s.strip()]


def english_words(texts, allowed_phrases) -> list[str]:
    """Latin-letter words left once allowed phrases, codes, files, ids and links are removed."""
    phrases = sorted({p for p in allowed_phrases if p}, key=len, reverse=True)
    found = []
    for text in texts:
        # links, code spans and file names first: an allowed word inside one must not split it
        text = FILE.sub(" ", CODE.sub(" ", URL.sub(" ", text)))
        for phrase in phrases:
            if phrase in text:
                text = text.replace(phrase, " ")
        text = ISO3.sub(" ", SOURCE_ID.sub(" ", text))
        found += [w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in CODES]
    return found


# --- what a zh, ru or kk page of the fixture package may keep in Latin letters ----------------
PAGE_PROPER_NAMES = {"China Daily", "Fixture Gate"}  # the fixture's crossing
PROSE = ("title", "note", "description", "statement", "claim", "quote", "label", "scope",
         "retrieval", "cites", "check_against", "attribution_note", "anomaly_note", "what",
         "whose_figure", "place", "cmd_desc", "product", "url", "metric", "editorial_note", "words")
IDENTIFIERS = ("claim_id", "target_id", "caveat_id", "group_id", "deflator")


def source_names(tables) -> set[str]:
    """Publishers as they publish, the titles of what they published, the editorial's verbatim
    quotes and the proper names above: what every page, in the browser too, may keep."""
    src = tables["sources"]
    return (set(src["publisher"].dropna()) | set(src["title"].dropna())
            | set(tables["editorial_claims"]["quote"].dropna()) | PAGE_PROPER_NAMES)


def package_names(tables) -> set[str]:
    """Names every page may show as stored (``page_allowed``'s list without the prose)."""
    ids = {str(v) for frame in tables.values() for c in IDENTIFIERS if c in frame.columns
           for v in frame[c].dropna()}
    shown_as_stored = (set(tables["logistics"]["scope"].dropna())
                       | set(tables["products"]["product"]))
    return source_names(tables) | ids | shown_as_stored


def package_prose(tables) -> set[str]:
    """The package's prose cells, identifiers, table names and translated values: what the
    Data & sources page shows as published."""
    out = {str(v) for frame in tables.values() for c in (*PROSE, *IDENTIFIERS)
           if c in frame.columns for v in frame[c].dropna()}
    notes = {m for v in tables["central_asia"]["whose_statistics"].dropna()
             for m in re.findall(r"\(.*\)$", str(v))}
    translations = tables["translations"][["resource", "field", "value"]]
    return out | notes | set(tables) | {str(v) for v in translations.to_numpy().ravel()}


def page_allowed(tables, page: str) -> set[str]:
    """What a zh, ru or kk page of the package may keep in Latin letters, besides ``CODES``;
    listed and reasoned:

    * publishers' names as they publish them, and the titles of what they published (the
      sources table's ``publisher`` and ``title``); the editorial's verbatim quotes (shown with
      our translation beneath);
    * codes and formats (``english_left.CODES``: HS, CSV, UN Comtrade, US$ …), ISO3 country codes,
      source ids and an upload's id (U-1a2b3c4d); the user's own file as written (its header
      names, cells and lines, also inside a rejection reason);
    * "China Daily", which the glossary keeps in Latin letters in Russian and Kazakh;
    * prose cells of the Data & sources page (notes, descriptions, caveats, claims, a source's own
      words as stored, and the note in brackets after whose statistics a figure is: who said so):
      the page shows the package as published, with headers and enumerated values translated;
    * identifiers (claim, target, caveat and group ids, a price index's id, a table's name as
      its CSV is named, the translations resource's resource and field names and the English
      value it translates): keys that join the tables and name their rows in the CSV, as source
      ids do;
    * in the "Show as a table" view under a chart, what a logistics reading covers (``scope``,
      the source's own description) and the fixture's made-up product names, which have no
      catalogue entry (a value without one is shown as stored; the published products have one);
    * on the corridor page, the notes of its collapsed raw logistics table, which shows the
      package's table as the Data & sources page does (notes as published).
    """
    allowed = package_names(tables) | (package_prose(tables) if page == "sources" else set())
    if page == "corridor":
        allowed |= set(tables["logistics"]["note"].dropna())
    return allowed
