"""Shares and products: how much the two matter to each other, and what Kazakhstan sells."""

import streamlit as st

from dashboard import charts, ui

t = ui.tables()
st.title("Shares and products")
st.markdown("Each country's trade with the other as a share of its trade with the whole world, "
            "and the goods behind Kazakhstan's sales to China, as both sides report them.")

shares = charts.build("shares", t)
if shares.shares:
    ui.chart(shares)
else:
    st.info("The data holds no world totals, so no share can be computed.")

st.subheader("Selected HS chapters")
chapters = charts.build("hs-chapters", t)
if chapters.chapters:
    ui.chart(chapters)
    st.caption("Only the chapters in the data: they are not the whole trade, and the two sides "
               "value the same goods differently (exports FOB, imports CIF).")
else:
    st.info("The data holds no HS chapter figures.")

st.subheader("Named products")
ui.chart(charts.build("products", t))
ui.footer()
