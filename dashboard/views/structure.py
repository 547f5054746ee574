"""Shares and products: how much the two matter to each other, and what Kazakhstan sells."""

import streamlit as st

from dashboard import charts
from dashboard.charts.product_chapter import default_chapter
from dashboard.charts.product_mix import chapter_name, flow_label, pair
from dashboard.core import products
from dashboard.text.formatting import fmt_year
from dashboard.ui import controls as ui

lang = ui.lang()
T = ui.translator()
t = ui.tables()
opts = charts.Options(lang=lang)
st.title(T("structure.title"))
st.markdown(T("structure.intro"))

shares = ui.build("shares", opts)
if shares.shares:
    ui.chart(shares, lang)
else:
    st.info(T("structure.no_shares"))

st.subheader(T("structure.mix_heading"))
if products.has_products(t):
    ui.chart(ui.build("product-mix", opts), lang)
    reporter, partner = pair(t, opts)
    gap_years = ui.shared(products.incomplete_years, reporter, partner)
    run = ui.shared(products.missing_run, tuple(gap_years), reporter, partner) if gap_years else []
    if run:
        st.caption(T("structure.mix_caption", years=T.listing([fmt_year(y) for y in gap_years]),
                     count=len(run), first=min(run), last=max(run),
                     examples=T.listing([chapter_name(t, c, lang, width=40) for c in run[:3]])))
    else:
        st.caption(T("structure.mix_caption_plain"))
    st.subheader(T("structure.chapter_heading"))
    left, right = st.columns(2)
    flow = left.radio(T("structure.flow_pick"), products.FLOWS, horizontal=True,
                      format_func=lambda f: flow_label(reporter, partner, f, lang),
                      key="product-flow")
    ranked = ui.shared(products.chapters, reporter, partner, flow)
    codes = list(ranked.groupby("hs_code")["value_usd"].sum()
                 .sort_values(ascending=False).index[:15])
    first = default_chapter(t, reporter, partner, flow)
    chapter = right.selectbox(T("structure.chapter_pick"), codes,
                              index=codes.index(first) if first in codes else 0,
                              format_func=lambda c: chapter_name(t, c, lang, width=60),
                              key=f"product-chapter-{flow}")
    ui.chart(ui.build("product-chapter", charts.ProductOptions(
        lang=lang, chapter=chapter, flow=flow)), lang)
else:
    st.info(T("structure.no_products"))

st.subheader(T("structure.chapters_heading"))
chapters = ui.build("hs-chapters", opts)
if chapters.chapters:
    ui.chart(chapters, lang)
    st.caption(T("structure.chapters_caption"))
else:
    st.info(T("structure.no_chapters"))

st.subheader(T("structure.products_heading"))
ui.chart(ui.build("products", opts), lang)
ui.footer(lang)
