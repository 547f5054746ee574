"""World comparison: 2023 growth of China–Kazakhstan trade against world and China's trade."""

import streamlit as st

from dashboard import catalog, ui

t = ui.bundled_tables()
st.title("Against the world")
st.markdown(
    "The editorial set China–Kazakhstan trade growth of **+32%** in 2023 against a **1.1% "
    "decline** in global trade. World trade can be measured in several ways, and they gave "
    "different answers for 2023: this chart shows each one beside the bilateral figure.")

spec = catalog.build("world-comparison", t)
ui.chart(spec)

w = t["world_trade"]
editorial = w[w["organisation"] == "China Daily"].iloc[0]
revised = w[w["measure"].str.contains("revised")].iloc[0]
first = w[(w["measure"] == "Merchandise trade volume") & (w["published"] == "2024-04")].iloc[0]
st.info(
    f"The editorial's {editorial['change_pct']:+.1f}% names no source. It matches the WTO's "
    f"merchandise trade **volume** figure as revised in {revised['published']} "
    f"({revised['change_pct']:+.1f}%), which was published **after** the editorial "
    f"({editorial['published']}). The WTO figure available before the editorial was "
    f"{first['change_pct']:+.1f}% ({first['published']}).".replace("-", "−"),
    icon=":material/history:")
st.markdown(
    "**Volume vs value.** A *volume* measure removes price changes: it says how much more or "
    "less was shipped. A *value* measure is in current US dollars, so falling prices (as for "
    "energy and commodities in 2023) pull it down further. The bilateral +32% is a value "
    "figure, so the like-for-like comparison is with the value measures (−2% to −5% for goods "
    "and services combined or goods alone). Services exports rose.")

st.subheader("Context: China's total foreign trade")
ui.chart(catalog.build("china-trade", t))
st.caption("China's 2023 total is given only as a change (−5.0%); the source gives no level.")
ui.footer()
