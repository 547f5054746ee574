"""Two countries, two numbers: China's and Kazakhstan's statistics for the same trade."""

import pandas as pd
import streamlit as st

from dashboard import charts, ui
from dashboard.charts.mirror import anomaly_table
from dashboard.formatting import fmt_bn, fmt_number, fmt_pct
from dashboard.official import anomaly_years, same_period_pairs

t = ui.tables()
st.title("Two countries, two numbers")
st.markdown(
    "China's customs (GACC) and Kazakhstan's Bureau of National Statistics both count the "
    "trade between the two countries, and they do not agree. This page puts each side's own "
    "total next to the other's for every year in which both are available, and shows the gap.")

reporter, partner = ui.pair_selector(t, key="mirror-pair")
spec = charts.build("mirror", t, charts.Options(reporter=reporter, partner=partner))
m = spec.mirror.rows
if m.empty:
    st.warning("No year has a total from both sides for this pair.")
    st.stop()

ui.chart(spec)
a, b = ui.country(reporter), ui.country(partner)
latest = m.iloc[-1]
c1, c2, c3 = st.columns(3)
c1.metric(f"Gap in {int(latest['year'])}", fmt_bn(float(latest["gap_usd"])),
          help=f"{a}'s figure minus {b}'s")
c2.metric(f"{a}'s figure is higher by", fmt_pct(float(latest["gap_pct"]), is_fraction=False),
          help=f"{a}'s figure divided by {b}'s, minus 1")
c3.metric("Range over the years shown",
          f"{fmt_number(m['gap_pct'].min(), 0)}% to {fmt_number(m['gap_pct'].max(), 0)}%")

table = pd.DataFrame({
    "Year": m["year"], f"{a} reports (US$ bn)": m["value_a"] / 1e9,
    f"{b} reports (US$ bn)": m["value_b"] / 1e9, "Gap (US$ bn)": m["gap_usd"] / 1e9,
    "Gap (%)": m["gap_pct"], f"Source ({a})": m["source_a"], f"Source ({b})": m["source_b"]})
st.dataframe(table, hide_index=True, width="stretch", column_config={
    c: st.column_config.NumberColumn(format="%.3f") for c in table.columns[1:4]} | {
    "Gap (%)": st.column_config.NumberColumn(format="%.1f%%"),
    "Year": st.column_config.NumberColumn(format="%d")})

side = "KAZ" if "KAZ" in (reporter, partner) else partner
anomalies = anomaly_years(t, side, reporter if side == partner else partner)
if anomalies:
    st.subheader(f"Years {ui.country(side)}'s database figures look wrong")
    st.warning(anomalies[0].note, icon=":material/warning:")
    st.dataframe(anomaly_table(anomalies), hide_index=True, width="stretch",
                 column_config={"US$ bn": st.column_config.NumberColumn(format="%.3f"),
                                "Year": st.column_config.NumberColumn(format="%d")})

pairs = same_period_pairs(t, reporter, partner)
if pairs:
    st.subheader("Same-period checks (part-years)")
    st.dataframe(pd.DataFrame([{
        "Period": f"{p.period} {p.year}", f"{a} reports (US$ bn)": p.a.value_usd / 1e9,
        f"{b} reports (US$ bn)": p.b.value_usd / 1e9,
        f"{a}'s figure against {b}'s": fmt_pct(p.gap_pct, is_fraction=False, digits=0),
        "Sources": f"{p.a.source_id}, {p.b.source_id}"} for p in pairs
        if p.a.value_usd and p.b.value_usd]), hide_index=True, width="stretch")

st.subheader("Why two official statistics differ")
st.markdown(
    "- **Valuation.** Imports are usually valued *CIF* (including cost, insurance and freight to "
    "the border) and exports *FOB* (free on board, at the exporter's border), so the same goods "
    "are worth more in the importer's books.\n"
    "- **Where goods end up.** Goods declared as going to one country may travel on to another "
    "(transit and re-export).\n"
    "- **Timing, classification and unrecorded trade.** Shipments crossing the year end, "
    "different partner attribution rules and informal (shuttle) trade also open gaps.\n"
    "- **Some figures here are reported by news media**, which round and sometimes quote revised "
    "figures, so part of a gap can come from the reporting rather than the statistics.")
st.caption("Never mix the two series: each line in this dashboard is one reporter's figures.")
ui.footer()
