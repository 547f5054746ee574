"""The session's tables and what is computed from them, once.

Every reader of the bundled package shares its validated tables (read-only) and, through
``shared``, every result computed from them for the same choices; a session with an upload
gets its own merged copy and its own results, each computed once per upload.
"""

from __future__ import annotations

import functools
import gc
from types import MappingProxyType

import pandas as pd
import streamlit as st

from dashboard import charts, environment
from dashboard.core import memo
from dashboard.core.chart_tables import shown_rows
from dashboard.core.readable import formatters, readable
from dashboard.data.loader import DATA_ENV, DataError, data_root, load_package
from dashboard.export import render as export
from dashboard.export.embed import UPLOAD_PARAM
from dashboard.text.i18n import tr
from dashboard.text.plain import md_escape, visible
from dashboard.text.reasons import render
from dashboard.ui import janitor as memory
from dashboard.ui.language import lang, notice

UPLOAD_KEY = "uploaded_trade"      # session-only user data (see importing.py)
PREFER_KEY = "prefer_series"        # "bundled" or "uploaded" where both give a figure
_SESSION_TABLES = "_tables"         # an uploading session's tables, its upload merged once


@st.cache_resource(show_spinner=False)
def _package(root: str) -> MappingProxyType:
    """The validated package, once per process and data folder. Read-only: shared by all."""
    package = MappingProxyType(load_package(root))
    _janitor()
    # What is loaded now (pandas, plotly, Babel, these tables) lives as long as the process:
    # out of the collector's sight, each full collection only walks what sessions made. With
    # Streamlit's post-run collection on (its default), that was a third of a page view.
    gc.freeze()
    return package


@st.cache_resource(show_spinner=False)
def _janitor():
    """One memory janitor per process (see memory.py)."""
    return memory.start_janitor()


def _root() -> str:
    """The data package's folder, as a key: resolved once per setting of DASHBOARD_DATA."""
    return _resolved(environment.get(DATA_ENV))


@functools.lru_cache(maxsize=8)
def _resolved(setting: str | None) -> str:
    return str(data_root().resolve())


def bundled_tables() -> dict[str, pd.DataFrame]:
    """The validated data package, or a clear error and a stopped page."""
    try:
        shared = _package(_root())
    except DataError as exc:
        why = render(exc.reason, lang()) if exc.reason else str(exc)  # in the reader's words
        st.error(tr(lang(), "ui.bundled_invalid", error=md_escape(why)))
        st.stop()
    # The process's own frames, read-only like every shared result (tests/ui/test_shared_results
    # checks that no page changes them): a copy per session and run cost time, and weak
    # references that pandas keeps on the shared frames for every copy made of them.
    return dict(shared)


def bundled_table(name: str) -> pd.DataFrame:
    """One bundled table, the process's own object: for a deferred download, which must not
    keep a session's copies (or its page's variables) alive until the session expires.
    Read-only, like every shared result."""
    return _package(_root())[name]


def tables() -> dict[str, pd.DataFrame]:
    """This session's tables: bundled, plus everything its upload holds (totals, products,
    World rows, monthly rows: ``importing.session``), merged once per change."""
    upload = st.session_state.get(UPLOAD_KEY)
    if upload is None:  # nothing of its own to keep: an idle session holds no tables
        return bundled_tables()
    prefer = st.session_state.get(PREFER_KEY, "bundled")
    token = (_root(), id(upload), prefer)
    cached = st.session_state.get(_SESSION_TABLES)
    if cached is not None and cached[0] == token:
        return dict(cached[1])
    from dashboard.importing.session import session_tables

    result = upload.get("result")
    rows = result.rows if result is not None else None
    merged = session_tables(bundled_tables(), rows, upload["accepted"], upload["source"],
                            prefer=prefer)
    st.session_state[_SESSION_TABLES] = (token, merged)
    return dict(merged)


def upload_marker(lang: str) -> None:
    """An upload lives in one server process's memory: when that process restarts (or a worker
    dies and haproxy moves the reader to another), the session is new and the file is gone.
    While a session uses an upload its URL carries ``?upload=<source id>``; a session that
    finds the mark but no upload says so once, instead of silently showing the bundled data."""
    upload = st.session_state.get(UPLOAD_KEY)
    marked = st.query_params.get(UPLOAD_PARAM)
    if upload is not None:
        source_id = upload["source_entry"]["source_id"]
        if marked != source_id:  # page switches drop query parameters: write it back
            st.query_params[UPLOAD_PARAM] = source_id
    elif marked is not None:
        del st.query_params[UPLOAD_PARAM]
        notice(tr(lang, "upload.lost", id=visible(marked, 20)))


@st.cache_resource(show_spinner=False)
def _shared_results() -> memo.Memo:
    return memo.Memo()


_SESSION_RESULTS = "_results"  # (tables token, Memo): an upload's results, for its session


def shared(fn, /, *args, **kwargs):
    """``fn(tables, *args, **kwargs)`` on this session's tables, computed once.

    Readers of the bundled package share one result per process and choice of arguments
    (the language, a pair, a year range, ...): most page views compute nothing. A session
    with an upload has tables of its own: its results are kept in the session, so each is
    computed once per upload, not once per rerun. Results are shared: never modify one.
    """
    if st.session_state.get(UPLOAD_KEY) is None:
        return bundled_shared(fn, *args, **kwargs)
    t = tables()
    key = memo.call_key(fn, args, kwargs)
    token = st.session_state[_SESSION_TABLES][0]
    own = st.session_state.get(_SESSION_RESULTS)
    if own is None or own[0] != token:
        own = st.session_state[_SESSION_RESULTS] = (token, memo.Memo(max_entries=64))
    return own[1].get(key, lambda: fn(t, *args, **kwargs))


def bundled_shared(fn, /, *args, **kwargs):
    """``fn(bundled tables, *args, **kwargs)``, once per process: for what shows the bundled
    package only, whatever the session uploaded (the Data & sources page)."""
    key = (_root(), memo.call_key(fn, args, kwargs))
    return _shared_results().get(key, lambda: fn(bundled_tables(), *args, **kwargs))


def _build_chart(t: dict[str, pd.DataFrame], name: str, options: charts.Options | None):
    return charts.build(name, t, options)


def build(name: str, options: charts.Options | None = None) -> charts.Chart:
    """A chart of this session's tables, built once per choice of options (see ``shared``)."""
    return shared(_build_chart, name, options)


def table_rows(spec: charts.Chart) -> pd.DataFrame:
    """The chart's plotted rows as the page's table shows them: cells that a spreadsheet
    would run as formulas escaped (Streamlit's table toolbar downloads them as CSV).
    Computed once per shared chart; a chart made from an upload is never kept here."""
    if st.session_state.get(UPLOAD_KEY) is not None:
        return spec.data.map(export.safe_cell)
    return memo.by_identity(_shared_results(), (spec,), "table rows",
                            lambda: spec.data.map(export.safe_cell))


def chart_table(spec: charts.Chart, lang: str) -> pd.DataFrame:
    """``table_rows`` with its values in ``lang`` (``core.chart_tables``), once per shared
    chart and language; a chart made from an upload is never kept here."""
    rows = table_rows(spec)
    if st.session_state.get(UPLOAD_KEY) is not None:
        return shown_rows(rows, lang, tables())
    return memo.by_identity(_shared_results(), (spec,), ("shown rows", lang),
                            lambda: shown_rows(rows, lang, bundled_tables()))


def readable_frame(frame: pd.DataFrame, lang: str, *, shared_frame: bool = False):
    """``core.readable`` of a table a page shows. For the process's own frames (bundled tables,
    a shared chart's rows) computed once per language: writing 13,000 amounts takes a second.
    A session's own frames (an upload) are never kept here."""
    if not shared_frame:
        return readable(frame, lang)
    return memo.by_identity(_shared_results(), (frame,), ("readable", lang),
                            lambda: readable(frame, lang))


NUMBER = st.column_config.NumberColumn()  # a number column whose display text the Styler gives


def sortable(frame: pd.DataFrame, lang: str, kinds: dict[str, str] | None = None):
    """(what ``st.dataframe`` shows, column config of the written columns): in zh/ru/kk the
    number columns stay numbers, shown through a pandas Styler with ``core.readable``'s text
    ('41,055 млрд $'), so clicking a header sorts them by value, not as text; English keeps the
    frame and its printf formats. Streamlit uses a Styler's display text only where the column
    config sets no ``format``: the written columns get a plain ``NumberColumn``."""
    writers = formatters(frame, lang, kinds)
    if not writers:
        return frame, {}
    data = frame.reset_index(drop=True)
    # The Styler writes every cell: the other number columns as Streamlit would ('4.25', not
    # pandas' '4.250000'), blanks empty (not '<NA>').
    others = [c for c in data.columns if c not in writers and not pd.api.types.is_bool_dtype(
        data[c]) and pd.api.types.is_numeric_dtype(data[c])]
    return (data.style.format(writers, na_rep="").format(_plain, subset=others, na_rep=""),
            dict.fromkeys(writers, NUMBER))


def _plain(value) -> str:
    number = float(value)
    return f"{number:.0f}" if number.is_integer() else f"{number:.10g}"
