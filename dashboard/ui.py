"""Streamlit glue shared by the pages: cached data, chart + export controls, pair choice.

The only module besides the pages that imports Streamlit; it holds no logic of
its own beyond wiring widgets to the functional core.
"""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from . import catalog, export
from .data import COUNTRY_NAMES, DataError, descriptor_text, load_package
from .theme import EXPORT_WIDTH

UPLOAD_KEY = "uploaded_trade"      # session-only user data (see importing.py)
PREFER_KEY = "prefer_series"        # "bundled" or "uploaded" where both give a figure

FORMAT_LABELS = {"png": "PNG (2×)", "svg": "SVG", "pdf": "PDF", "html": "HTML (interactive)",
                 "csv": "CSV (data)"}


@st.cache_resource(show_spinner=False)
def _bundled() -> dict[str, pd.DataFrame]:
    return load_package()


@st.cache_resource(show_spinner=False)
def _descriptor() -> str:
    return descriptor_text()


def bundled_tables() -> dict[str, pd.DataFrame]:
    """The validated bundled package, or a clear error and a stopped page."""
    try:
        return _bundled()
    except DataError as exc:
        st.error(f"The bundled data failed validation, so nothing is shown: {exc}")
        st.stop()


def tables() -> dict[str, pd.DataFrame]:
    """Bundled tables, plus this session's uploaded figures where the user chose to use them."""
    base = bundled_tables()
    upload = st.session_state.get(UPLOAD_KEY)
    if upload is None:
        return base
    from .importing import combine

    merged = dict(base)
    merged["bilateral_trade"], _ = combine(base["bilateral_trade"], upload["accepted"],
                                           prefer=st.session_state.get(PREFER_KEY, "bundled"))
    merged["sources"] = pd.concat([base["sources"], upload["source"]], ignore_index=True)
    return merged


def country(code: str) -> str:
    return COUNTRY_NAMES.get(code, code)


def pair_selector(t: dict[str, pd.DataFrame], *, key: str) -> tuple[str, str]:
    """Reporter–partner choice, shown only when the data holds more than one pair."""
    trade = t["bilateral_trade"]
    pairs = {(r, p) for r, p, f in zip(trade["reporter"], trade["partner"], trade["flow"],
                                        strict=True) if f == "total"}
    pairs = sorted(pairs, key=lambda p: (p != ("CHN", "KAZ"), p))
    if len(pairs) <= 1:
        return pairs[0] if pairs else ("CHN", "KAZ")
    labels = {p: f"{country(p[0])}'s statistics on trade with {country(p[1])}" for p in pairs}
    col, _ = st.columns([2, 3])
    return col.selectbox("Whose figures", pairs, format_func=labels.get, key=key,
                         help="Each country's statistics are charted separately, never mixed.")


def export_controls(spec: catalog.ChartSpec) -> None:
    """Download buttons for every format; files are built only when clicked (no rerun)."""
    ok, why = export.static_available()
    with st.popover("Export", icon=":material/download:", key=f"export-{spec.name}"):
        st.caption(f"`{spec.stem}.*` · {EXPORT_WIDTH}×{export.figure_height(spec.figure)} px, "
                   "as shown, with title, units and source line")
        for fmt in export.FORMATS:
            disabled = fmt in export.STATIC_FORMATS and not ok
            st.download_button(
                FORMAT_LABELS[fmt], data=(lambda f=fmt: export.render(spec, f)),
                file_name=export.filename(spec, fmt), mime=export.MIME[fmt],
                key=f"dl-{spec.name}-{fmt}", on_click="ignore", disabled=disabled,
                width="stretch", icon=":material/download:")
        if not ok:
            st.caption(why)


def chart(spec: catalog.ChartSpec) -> None:
    """A chart as the user sees it, with its export control under it."""
    height = export.figure_height(spec.figure)
    st.plotly_chart(spec.figure, config=export.plotly_config(spec.stem, height),
                    key=f"chart-{spec.name}", width="stretch", theme=None)
    export_controls(spec)


def download_all(t: dict[str, pd.DataFrame], options: catalog.Options | None = None) -> None:
    """One ZIP: every chart in every format, the data CSVs, datapackage.json and a README."""
    def build() -> bytes:
        specs = [catalog.build(n, t, options) for n in catalog.CHART_NAMES]
        version = json.loads(_descriptor()).get("version", "")
        return export.build_zip(specs, t, _descriptor(), version=version)

    st.download_button("Download all charts and data (ZIP)", data=build,
                       file_name="china-kazakhstan-trade-dashboard.zip", mime=export.MIME["zip"],
                       key="dl-all", on_click="ignore", icon=":material/folder_zip:")
    ok, why = export.static_available()
    if not ok:
        st.caption("The ZIP will hold HTML and CSV only. " + why)


def source_caption(ids, t: dict[str, pd.DataFrame]) -> None:
    """Plain-text list of the sources behind a block (never Markdown from data)."""
    src = t["sources"].set_index("source_id")
    parts = []
    for sid in dict.fromkeys(ids):
        if sid in src.index:
            r = src.loc[sid]
            parts.append(f"{sid}: {r['publisher']}, {r['published']}")
    if parts:
        st.caption("Sources — " + "; ".join(parts))


def footer() -> None:
    st.divider()
    st.caption("China–Kazakhstan Trade Dashboard · figures from news reports citing official "
               "statistics, each traceable on the Data & sources page · projections are "
               "arithmetic, not forecasts.")
