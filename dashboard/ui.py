"""Streamlit glue shared by the pages: the session's tables, chart + export controls, pair choice.

The only module besides the pages that imports Streamlit; it holds no logic of
its own beyond wiring widgets to the functional core.
"""

from __future__ import annotations

import json
from types import MappingProxyType
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from . import archive, charts, embed, export
from .charts.kit import country, who  # noqa: F401  (pages name the reporter)
from .data import DataError, data_root, descriptor_text, load_package
from .i18n import LANGUAGES, resolve_language, tr
from .theme import EXPORT_WIDTH

LANG_KEY = "lang"                   # this session's language (also ?lang= in every link)
UPLOAD_KEY = "uploaded_trade"      # session-only user data (see importing.py)
PREFER_KEY = "prefer_series"        # "bundled" or "uploaded" where both give a figure
_SESSION_TABLES = "_tables"         # this session's own copy, with its upload merged once

FORMAT_LABELS = {"png": "PNG (2×)", "svg": "SVG", "pdf": "PDF", "html": "HTML (interactive)",
                 "csv": "CSV (data)"}


def language() -> str:
    """The session's language: ``?lang=`` wins, then the session's choice, then the browser.

    Page switches drop query parameters, so the choice is written back into the URL on
    every run: a shared link always carries it. An unknown code falls back to English
    with a notice (shown as plain text: the code is whatever the link said).
    """
    raw = st.query_params.get_all(LANG_KEY)
    if raw:
        resolution = resolve_language(raw, None)
    elif st.session_state.get(LANG_KEY) in LANGUAGES:
        resolution = resolve_language(st.session_state[LANG_KEY], None)
    else:
        resolution = resolve_language(None, st.context.locale)
    lang = resolution.lang
    st.session_state[LANG_KEY] = lang
    if st.query_params.get(LANG_KEY) != lang:
        st.query_params[LANG_KEY] = lang
    if resolution.notice:
        notice(tr(lang, resolution.notice, code=_bounded(raw[-1] if raw else "")))
    return lang


def _bounded(text: str, limit: int = 40) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def language_selector(lang: str) -> None:
    """The language choice, top right of every page; the URL follows it."""
    _, col = st.columns([5, 1])

    def switch() -> None:
        st.session_state[LANG_KEY] = st.session_state["lang-choice"]
        st.query_params[LANG_KEY] = st.session_state["lang-choice"]

    st.session_state["lang-choice"] = lang
    col.selectbox(tr(lang, "lang.label"), list(LANGUAGES), format_func=LANGUAGES.get,
                  key="lang-choice", on_change=switch, help=tr(lang, "lang.help"),
                  label_visibility="collapsed")


@st.cache_resource(show_spinner=False)
def _package(root: str) -> MappingProxyType:
    """The validated package, once per process and data folder. Read-only: sessions copy it."""
    return MappingProxyType(load_package(root))


def _root() -> str:
    return str(data_root().resolve())


def bundled_tables() -> dict[str, pd.DataFrame]:
    """The validated data package, or a clear error and a stopped page."""
    try:
        shared = _package(_root())
    except DataError as exc:
        st.error(f"The data failed validation, so nothing is shown: {exc}")
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


def pair_selector(t: dict[str, pd.DataFrame], *, key: str) -> tuple[str, str]:
    """Reporter–partner choice, shown only when the data holds more than one pair."""
    trade = t["bilateral_trade"]
    totals = trade[trade["flow"] == "total"]
    pairs = sorted(set(zip(totals["reporter"], totals["partner"], strict=True)),
                   key=lambda p: (p != ("CHN", "KAZ"), p))
    if len(pairs) <= 1:
        return pairs[0] if pairs else ("CHN", "KAZ")
    labels = {p: f"{country(p[0])}'s statistics on trade with {country(p[1])}" for p in pairs}
    col, _ = st.columns([2, 3])
    return col.selectbox("Whose figures", pairs, format_func=labels.get, key=key,
                         help="Each country's statistics are charted separately, never mixed.")


def _file(spec: charts.Chart, fmt: str):
    """The deferred file for one format; a failed static export disables static formats."""
    def build() -> bytes:
        try:
            return export.render(spec, fmt)
        except export.ExportUnavailable as exc:
            export.mark_unavailable(str(exc))
            raise
    return build


def export_controls(spec: charts.Chart) -> None:
    """Download buttons for every format; files are built only when clicked (no rerun)."""
    ok, why = export.static_available()
    with st.popover("Export", icon=":material/download:", key=f"export-{spec.name}"):
        st.caption(f"`{spec.stem}.*` · {EXPORT_WIDTH}×{export.figure_height(spec.figure)} px, "
                   "as shown, with title, units and source line")
        for fmt in export.FORMATS:
            disabled = fmt in export.STATIC_FORMATS and not ok
            st.download_button(
                FORMAT_LABELS[fmt], data=_file(spec, fmt), file_name=export.filename(spec, fmt),
                mime=export.MIME[fmt], key=f"dl-{spec.name}-{fmt}", on_click="ignore",
                disabled=disabled, width="stretch", icon=":material/download:")
        if not ok:
            st.caption(why)
        share_controls(spec)


def share_controls(spec: charts.Chart) -> None:
    """'Share / embed': this exact view's link and an iframe of the chart alone."""
    lang = st.session_state.get(LANG_KEY, "en")
    params = embed.view_params({k: st.query_params.get_all(k) for k in st.query_params})
    page = st.context.url or ""
    st.markdown(f"**{tr(lang, 'share.title')}**")
    st.code(f"{page}?{urlencode(params)}", language=None, wrap_lines=True)
    st.caption(tr(lang, "share.link"))
    src = embed.embed_url(page, spec.name, params)
    st.code(embed.iframe_snippet(src, spec.title, export.figure_height(spec.figure) + 120,
                                 resizes=False), language="html", wrap_lines=True)
    st.caption(tr(lang, "share.embed") + " — " + tr(lang, "share.embed_help"))


def embed_view(lang: str) -> bool:
    """``?chart=<name>``: that chart alone, its source line and a link to the full page.

    For iframes (with Streamlit's ``embed=true``); the chart takes the link's settings.
    """
    name = st.query_params.get(embed.CHART_PARAM)
    if name is None:
        return False
    if name not in charts.CHART_NAMES:
        notice(tr(lang, "share.unknown_chart", name=_bounded(name)))
        return False
    t = tables()
    params = embed.view_params({k: st.query_params.get_all(k) for k in st.query_params})
    spec = charts.build(name, t, embed.options(t, params, lang))
    st.plotly_chart(spec.figure, config=export.plotly_config(spec.stem,
                    export.figure_height(spec.figure)), key=f"embed-{name}", width="stretch",
                    theme=None, alt=getattr(spec, "alt", "") or spec.title)
    st.text(" ".join(spec.source.replace("<br>", " ").split()))
    st.link_button(tr(lang, "share.full_dashboard"), f"{st.context.url or ''}?"
                   f"{urlencode(params)}", icon=":material/open_in_new:")
    return True


def chart(spec: charts.Chart) -> None:
    """A chart as the user sees it: a text alternative, its numbers as a table, export."""
    height = export.figure_height(spec.figure)
    alt = getattr(spec, "alt", "") or spec.title
    st.plotly_chart(spec.figure, config=export.plotly_config(spec.stem, height),
                    key=f"chart-{spec.name}", width="stretch", theme=None, alt=alt)
    with st.expander("Show as a table", icon=":material/table_rows:"):
        st.caption(alt)
        # Streamlit's own table toolbar can download CSV too: no cell may start a formula.
        st.dataframe(spec.data.map(export.safe_cell), hide_index=True, width="stretch",
                     key=f"table-{spec.name}")
    export_controls(spec)


def download_all(t: dict[str, pd.DataFrame], options: charts.Options | None = None) -> None:
    """One ZIP: every chart in every format, the data package, the user's rows and a README."""
    upload = st.session_state.get(UPLOAD_KEY)

    def build() -> bytes:
        specs = [charts.build(n, t, options) for n in charts.available(t)]
        version = json.loads(descriptor_text()).get("version", "")
        user = None if upload is None else {"uploaded_trade": upload["accepted"],
                                            "uploaded_source": upload["source"]}
        return archive.build_zip(specs, archive.package_files(), version=version,
                                user_tables=user)

    st.download_button("Download all charts and data (ZIP)", data=build,
                       file_name="china-kazakhstan-trade-dashboard.zip", mime=export.MIME["zip"],
                       key="dl-all", on_click="ignore", icon=":material/folder_zip:")
    ok, why = export.static_available()
    if not ok:
        st.caption("The ZIP will hold HTML and CSV only. " + why)


def source_caption(ids, t: dict[str, pd.DataFrame]) -> None:
    """Plain-text list of the sources behind a block (never Markdown from data)."""
    src = t["sources"].set_index("source_id")
    parts = [f"{sid}: {src.loc[sid, 'publisher']}, {src.loc[sid, 'published']}"
             for sid in dict.fromkeys(ids) if sid in src.index]
    if parts:
        st.caption("Sources — " + "; ".join(parts))


def notice(text: str) -> None:
    """A warning whose text may repeat what a user typed: shown as plain text, never Markdown."""
    with st.container(border=True):
        st.text(f"⚠ {text}")


def footer() -> None:
    st.divider()
    st.caption("China–Kazakhstan Trade Dashboard · every figure traceable on the Data & sources "
               "page · projections are arithmetic, not forecasts.")
