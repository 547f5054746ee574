"""Shares and products: how much the two matter to each other, and what Kazakhstan sells."""

import streamlit as st

from dashboard import charts
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
