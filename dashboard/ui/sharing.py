"""Sharing a view: its link, the iframe snippet of one chart, and the chart alone (``?chart=``)
that the snippet shows in someone else's page."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from dashboard import charts
from dashboard.charts.screen import PHONE, on_screen
from dashboard.export import embed
from dashboard.export import render as export
from dashboard.text.i18n import DEFAULT_LANG, tr
from dashboard.text.plain import md_escape, visible
from dashboard.ui.language import NOTICE_VALUE_LIMIT, notice
from dashboard.ui.tables import tables

EMBED_CHROME_PX = 260  # under an embedded chart: the link back, its caption, the sources


def share_link() -> str:
    """This exact view's address: the page and its settings."""
    params = embed.view_params({k: st.query_params.get_all(k) for k in st.query_params})
    return f"{st.context.url or ''}?{urlencode(params)}"


def share_controls(spec: charts.Chart, lang: str = DEFAULT_LANG,
                   phone_height: int | None = None) -> None:
    """'Share / embed': this exact view's link and an iframe of the chart alone, as tall as
    the chart's phone drawing (``phone_height`` when the page has drawn that already)."""
    params = embed.view_params({k: st.query_params.get_all(k) for k in st.query_params})
    page = st.context.url or ""
    st.markdown(f"**{tr(lang, 'share.title')}**")
    st.code(share_link(), language=None, wrap_lines=True)
    st.caption(tr(lang, "share.link"))
    src = embed.embed_url(page, spec.name, params)
    # Tall enough for the embed's drawing (a phone's, ``embed_view``), the link and sources.
    shown = (phone_height or export.figure_height(on_screen(spec.figure, lang, PHONE)[0])
             ) + EMBED_CHROME_PX
    st.code(embed.iframe_snippet(src, spec.title, shown, resizes=False), language="html",
            wrap_lines=True)
    st.caption(tr(lang, "share.embed") + " — " + tr(lang, "share.embed_help"))


def embed_view(lang: str) -> bool:
    """``?chart=<name>``: that chart alone, its source line and a link to the full page.

    For iframes (with Streamlit's ``embed=true``); the chart takes the link's settings.
    """
    name = st.query_params.get(embed.CHART_PARAM)
    if name is None:
        return False
    if name not in charts.CHART_NAMES:
        notice(tr(lang, "share.unknown_chart", name=visible(name, NOTICE_VALUE_LIMIT)))
        return False
    t = tables()
    params = embed.view_params({k: st.query_params.get_all(k) for k in st.query_params})
    options, ignored = embed.options(t, params, lang, chart=name)
    for text in ignored:  # a setting the link gave but the chart cannot use: say so
        notice(text)
    spec = charts.build(name, t, options)
    # A phone's drawing, whoever reads: an article's column may be narrower than a desk's.
    figure, captions = on_screen(spec.figure, lang)
    st.plotly_chart(figure, config=export.plotly_config(spec.stem,
                    export.figure_height(spec.figure)), key=f"embed-{name}", width="stretch",
                    theme=None, alt=getattr(spec, "alt", "") or spec.title)
    # The link back first, right under the chart: a short iframe never hides it.
    st.link_button(tr(lang, "share.full_dashboard"), f"{st.context.url or ''}?"
                   f"{urlencode(params)}", icon=":material/open_in_new:")
    for text in captions:
        st.caption(md_escape(text))
    st.text(" ".join(spec.source.replace("<br>", " ").split()))
    return True
