"""Streamlit glue shared by the pages: the session's tables, chart + export controls, pair choice.

The only module besides the pages that imports Streamlit; it holds no logic of
its own beyond wiring widgets to the functional core. Every function that shows words
takes the reader's language; ``lang()`` is this session's (set by ``language()`` on
every run of app.py).
"""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from dashboard import charts
from dashboard.charts.screen import PHONE, on_screen
from dashboard.charts.theme import EXPORT_WIDTH
from dashboard.core import display
from dashboard.data.loader import descriptor_text, trade_pairs
from dashboard.export import archive, embed
from dashboard.export import render as export
from dashboard.text.i18n import DEFAULT_LANG, tr
from dashboard.text.plain import bounded, md_escape
from dashboard.text.publishers import publisher_name
from dashboard.text.reasons import render
from dashboard.text.wording import dated
from dashboard.ui import device
from dashboard.ui import language as ui_lang
from dashboard.ui.language import (  # noqa: F401  (the pages reach the session's language through ui)
    LANG_KEY,
    NOTICE_VALUE_LIMIT,
    country,
    language,
    language_selector,
    notice,
    translator,
    who,
)
from dashboard.ui.sharing import (  # noqa: F401  (app.py reaches embed_view through ui)
    embed_view,
    share_controls,
    share_link,
)
from dashboard.ui.tables import (  # noqa: F401  (the pages reach the session's tables through ui)
    PREFER_KEY,
    UPLOAD_KEY,
    UPLOAD_PARAM,
    build,
    bundled_shared,
    bundled_table,
    bundled_tables,
    chart_table,
    readable_frame,
    shared,
    sortable,
    table_rows,
    tables,
    upload_marker,
)

RIGHT_TEXT = st.column_config.TextColumn(alignment="right")  # a number written as text
USER_ERROR_LIMIT = 400  # characters of an error message shown
lang = ui_lang.lang  # this session's language; pages call ui.lang(), functions take ``lang``


def pair_selector(*, key: str, lang: str = DEFAULT_LANG) -> tuple[str, str]:
    """Reporter–partner choice of this session's tables, shown only when they hold more
    than one pair."""
    pairs = shared(trade_pairs)
    if len(pairs) <= 1:
        return pairs[0] if pairs else ("CHN", "KAZ")
    labels = {p: tr(lang, "ui.pair_option", reporter=country(p[0], lang),
                    partner=country(p[1], lang)) for p in pairs}
    col, _ = st.columns([2, 3])
    return col.selectbox(tr(lang, "ui.pair_label"), pairs, format_func=labels.get, key=key,
                         help=tr(lang, "ui.pair_help"))


def _file(spec: charts.Chart, fmt: str, address: str = ""):
    """The deferred file for one format; a failed static export disables static formats."""
    def render() -> bytes:
        try:
            return export.render(spec, fmt, address)
        except export.ExportUnavailable as exc:
            export.mark_unavailable(str(exc))
            raise
    return render


def export_controls(spec: charts.Chart, lang: str = DEFAULT_LANG,
                    phone_height: int | None = None) -> None:
    """Download buttons for every format; files are built only when clicked (no rerun).
    ``phone_height``: the height of the chart's phone drawing, when the page drew that one."""
    ok, why = export.static_available(lang=lang)
    address = share_link()  # on every image, with the data's licence
    with st.popover(tr(lang, "export.button"), icon=":material/download:",
                    key=f"export-{spec.name}"):
        st.caption(tr(lang, "export.caption", files=f"`{spec.stem}.*`", width=EXPORT_WIDTH,
                      height=export.figure_height(spec.figure)))
        if ok and not export.warm():  # the download shows only a spinner while it builds
            st.caption(tr(lang, "export.first_static"))
        for fmt in export.FORMATS:
            disabled = fmt in export.STATIC_FORMATS and not ok
            st.download_button(
                tr(lang, f"export.format.{fmt}"), data=_file(spec, fmt, address),
                file_name=export.filename(spec, fmt),
                mime=export.MIME[fmt], key=f"dl-{spec.name}-{fmt}", on_click="ignore",
                disabled=disabled, width="stretch", icon=":material/download:")
        if not ok:
            st.caption(why)
        share_controls(spec, lang, phone_height)


def chart(spec: charts.Chart, lang: str = DEFAULT_LANG) -> None:
    """A chart as the user sees it (drawn for a phone or a desk, ``device``; its subtitle as
    the caption under it), a text alternative, its numbers as a table, export."""
    alt = getattr(spec, "alt", "") or spec.title
    screen = device.screen()
    figure, captions = on_screen(spec.figure, lang, screen)
    height = export.figure_height(spec.figure)
    st.plotly_chart(figure, config=export.plotly_config(spec.stem, height),
                    key=f"chart-{spec.name}", width="stretch", theme=None, alt=alt)
    for text in captions:
        st.caption(md_escape(text))
    with st.expander(tr(lang, "ui.show_table"), icon=":material/table_rows:"):
        st.caption(alt)
        # Streamlit's own table toolbar can download CSV too: no cell may start a formula.
        # Headers, values, money and percentages in the reader's language and format (numbers
        # sort as numbers); the chart's CSV export keeps canonical names and numbers.
        table(chart_table(spec, lang), lang, values=False, key=f"table-{spec.name}")
    export_controls(spec, lang, export.figure_height(figure) if screen is PHONE else None)


def download_all(t: dict[str, pd.DataFrame], options: charts.Options | None = None) -> None:
    """One ZIP: every chart in every format, the data package, the user's rows and a README.

    Charts, README and notes come out in ``options.lang``.
    """
    upload = st.session_state.get(UPLOAD_KEY)
    lang = options.lang if options is not None else DEFAULT_LANG
    base = (st.context.url or "").rsplit("/", 1)[0]

    def make_zip(progress) -> bytes:
        specs = [charts.build(n, t, options) for n in charts.available(t)]
        version = json.loads(descriptor_text()).get("version", "")
        user = None if upload is None else {"uploaded_trade": upload["accepted"],
                                            "uploaded_source": upload["source"]}
        if upload is not None and upload.get("result") is not None:
            # Every accepted row: products, trade with the World and monthly rows too.
            user["uploaded_rows"] = upload["result"].rows
        return archive.build_zip(specs, archive.package_files(), version=version,
                                 user_tables=user, lang=lang, flags=display.flag_table(t, lang),
                                 address=lambda s: embed.live_url(base, s.name, s.lang),
                                 progress=progress)

    # Drawing every image takes a while: a button starts it and a bar counts the charts, then
    # the download is offered (Streamlit shows nothing but a spinner while a download builds).
    key = f"zip-all-{lang}"
    if st.button(tr(lang, "export.prepare_all"), key="prep-all", icon=":material/folder_zip:",
                 help=tr(lang, "export.prepare_help")):
        bar = st.progress(0.0, text=tr(lang, "export.progress", done=0, total="…"))
        st.session_state[key] = make_zip(lambda done, total: bar.progress(
            done / total, text=tr(lang, "export.progress", done=done, total=total)))
        bar.empty()
    if key in st.session_state:
        st.download_button(tr(lang, "export.download_all"), data=st.session_state[key],
                           file_name="china-kazakhstan-trade-dashboard.zip",
                           mime=export.MIME["zip"], key="dl-all", on_click="ignore",
                           icon=":material/download:")
    ok, why = export.static_available(lang=lang)
    if not ok:
        st.caption(tr(lang, "export.zip_partial", reason=why))


def source_caption(ids, t: dict[str, pd.DataFrame], lang: str = DEFAULT_LANG) -> None:
    """Plain-text list of the sources behind a block (never Markdown from data)."""
    src = t["sources"].set_index("source_id")
    parts = [tr(lang, "common.source_item", id=sid,
                publisher=publisher_name(src.loc[sid, "publisher"], lang),
                published=dated(src.loc[sid, "published"], lang))
             for sid in dict.fromkeys(ids) if sid in src.index]
    if parts:
        st.caption(tr(lang, "common.sources_caption",
                      items=tr(lang, "common.item_separator").join(parts)))


def table(frame: pd.DataFrame, lang: str = DEFAULT_LANG, config: dict | None = None, *,
          values: bool = True, shared_frame: bool = False, key: str | None = None) -> None:
    """A data table with on-screen column labels (and, unless ``values`` is False, value
    names) and money and percentages (core.readable) in the reader's language. The frame,
    and any CSV made from it, keeps the canonical names, values and numbers. ``shared_frame``:
    the frame is the process's own (``bundled_shared``): its numbers are written once.
    """
    config = dict(config or {})
    shown = display.blank_missing(display.true_false(
        display.shown_values(frame, lang) if values else frame))
    data, written = sortable(shown, lang)  # not in English: numbers shown the reader's way
    config |= written  # a view's printf format would hide the reader's text
    for col, label in display.column_labels(frame.columns, lang).items():
        config[col] = {**config[col], "label": label} if col in config else label
    st.dataframe(data, hide_index=True, width="stretch", column_config=config, key=key)


def footer(lang: str = DEFAULT_LANG) -> None:
    st.divider()
    st.caption(tr(lang, "footer.text"))


def user_error(exc: Exception, lang: str) -> None:
    """An error meant for a person, as plain text (its message may repeat what they typed)."""
    text = render(exc.reason, lang) if getattr(exc, "reason", None) else str(exc)
    st.error(tr(lang, "ui.user_error", error=md_escape(bounded(text, USER_ERROR_LIMIT))),
             icon=":material/error:")
