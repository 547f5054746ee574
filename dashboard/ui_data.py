"""The session's tables and what is computed from them, once.

Every reader of the bundled package shares its validated tables (read-only) and, through
``shared``, every result computed from them for the same choices; a session with an upload
gets its own merged copy and its own results, each computed once per upload.
"""

from __future__ import annotations

import gc
from types import MappingProxyType

import pandas as pd
import streamlit as st

from . import charts, memo
from .data import DataError, data_root, load_package
from .i18n import tr
from .ui_lang import lang

UPLOAD_KEY = "uploaded_trade"      # session-only user data (see importing.py)
PREFER_KEY = "prefer_series"        # "bundled" or "uploaded" where both give a figure
_SESSION_TABLES = "_tables"         # this session's own copy, with its upload merged once



@st.cache_resource(show_spinner=False)
def _package(root: str) -> MappingProxyType:
    """The validated package, once per process and data folder. Read-only: sessions copy it."""
    package = MappingProxyType(load_package(root))
    # Streamlit collects garbage after every run of every session (runner.postScriptGC): a
    # full pass over every object of pandas, plotly, Babel and these tables, a third of a
    # page view. What is loaded now lives as long as the process: move it out of the
    # collector's sight, so each pass only walks what a session made.
    gc.freeze()
    return package


def _root() -> str:
    return str(data_root().resolve())


def bundled_tables() -> dict[str, pd.DataFrame]:
    """The validated data package, or a clear error and a stopped page."""
    try:
        shared = _package(_root())
    except DataError as exc:
        st.error(tr(lang(), "ui.bundled_invalid", error=exc))
        st.stop()
    # A session may sort or annotate what it gets; it must never change another's tables.
    return {name: frame.copy(deep=False) for name, frame in shared.items()}


def tables() -> dict[str, pd.DataFrame]:
    """This session's tables: bundled, plus its uploaded figures, merged once per change."""
    upload = st.session_state.get(UPLOAD_KEY)
    prefer = st.session_state.get(PREFER_KEY, "bundled")
    token = (_root(), id(upload), prefer)
    cached = st.session_state.get(_SESSION_TABLES)
    if cached is not None and cached[0] == token:
        return dict(cached[1])
    merged = bundled_tables()
    if upload is not None:
        from .importing import combine

        merged["bilateral_trade"], _ = combine(merged["bilateral_trade"], upload["accepted"],
                                               prefer=prefer)
        merged["sources"] = pd.concat([merged["sources"], upload["source"]], ignore_index=True)
    st.session_state[_SESSION_TABLES] = (token, merged)
    return dict(merged)


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
    t = tables()
    upload = st.session_state.get(UPLOAD_KEY)
    key = memo.call_key(fn, args, kwargs)
    if upload is None:
        return _shared_results().get((_root(), key), lambda: fn(t, *args, **kwargs))
    token = st.session_state[_SESSION_TABLES][0]
    own = st.session_state.get(_SESSION_RESULTS)
    if own is None or own[0] != token:
        own = st.session_state[_SESSION_RESULTS] = (token, memo.Memo(max_entries=64))
    return own[1].get(key, lambda: fn(t, *args, **kwargs))


def _build_chart(t: dict[str, pd.DataFrame], name: str, options: charts.Options | None):
    return charts.build(name, t, options)


def build(name: str, options: charts.Options | None = None) -> charts.Chart:
    """A chart of this session's tables, built once per choice of options (see ``shared``)."""
    return shared(_build_chart, name, options)
