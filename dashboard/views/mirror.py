"""Two countries, two numbers: China's and Kazakhstan's statistics for the same trade."""

import pandas as pd
import streamlit as st

from dashboard import catalog, ui
from dashboard.theme import fmt_bn

t = ui.tables()
st.title("Two countries, two numbers")
st.markdown(
    "China's customs (GACC) and Kazakhstan's Bureau of National Statistics both count the "
    "trade between the two countries, and they do not agree. This page puts each side's own "
    "total next to the other's for every year in which both are available, and shows the gap.")

reporter, partner = ui.pair_selector(t, key="mirror-pair")
spec = catalog.build("mirror", t, catalog.Options(reporter=reporter, partner=partner))
m = spec.extra["table"]
if m.empty:
    st.warning("No year has a total from both sides for this pair.")
    st.stop()

ui.chart(spec)
a, b = ui.country(reporter), ui.country(partner)
lo, hi = m["gap_pct"].min(), m["gap_pct"].max()
latest = m.iloc[-1]
c1, c2, c3 = st.columns(3)
c1.metric(f"Gap in {int(latest['year'])}", fmt_bn(float(latest["gap_usd"])),
          help=f"{a}'s figure minus {b}'s")
c2.metric(f"{a}'s figure is higher by", f"{latest['gap_pct']:.1f}%",
          help=f"{a}'s figure divided by {b}'s, minus 1")
c3.metric("Range over the years shown", f"{lo:.0f}% to {hi:.0f}%")

table = pd.DataFrame({
    "Year": m["year"],
    f"{a} reports (US$ bn)": m[f"value_usd_{reporter.lower()}"] / 1e9,
    f"{b} reports (US$ bn)": m[f"value_usd_{partner.lower()}"] / 1e9,
    "Gap (US$ bn)": m["gap_usd"] / 1e9,
    "Gap (%)": m["gap_pct"],
    f"Source ({a})": m[f"source_id_{reporter.lower()}"],
    f"Source ({b})": m[f"source_id_{partner.lower()}"],
})
st.dataframe(table, hide_index=True, width="stretch", column_config={
    c: st.column_config.NumberColumn(format="%.3f") for c in table.columns[1:4]} | {
    "Gap (%)": st.column_config.NumberColumn(format="%.1f%%"),
    "Year": st.column_config.NumberColumn(format="%d")})

if (reporter, partner) == ("CHN", "KAZ"):
    part = t["other_readings"]
    part = part[part["period"] != "full year"]
    if not part.empty:
        st.subheader("A same-period check: January–October 2023")
        chn = part[part["reporter"] == "CHN"]["value_usd"].iloc[0]
        kaz = part[part["reporter"] == "KAZ"]["value_usd"].iloc[0]
        st.write(f"For the first ten months of 2023 one report (bne IntelliNews, S19) gives "
                 f"China's figure as {fmt_bn(chn)} and Kazakh media's as {fmt_bn(kaz)}: "
                 f"China's is {(chn / kaz - 1):.0%} higher, the same pattern as the full years.")

st.subheader("Why two official statistics differ")
st.markdown(
    "- **Valuation.** Imports are usually valued *CIF* (including cost, insurance and freight to "
    "the border) and exports *FOB* (free on board, at the exporter's border), so the same goods "
    "are worth more in the importer's books.\n"
    "- **Where goods end up.** Goods declared as going to one country may travel on to another "
    "(transit and re-export). Central Asian officials have given this explanation for gaps in "
    "trade with China (reported by Orda.kz, S33).\n"
    "- **Timing, classification and unrecorded trade.** Shipments crossing the year end, "
    "different partner attribution rules and informal (shuttle) trade also open gaps.\n"
    "- **The figures here are reported by news media**, which round and sometimes quote revised "
    "figures, so part of a gap can come from the reporting rather than the statistics.")
gap_years = ", ".join(str(int(y)) for y in m[m["gap_pct"] > 35]["year"])
if gap_years:
    st.info(f"In {gap_years} the gap is much wider than in the other years. Those Kazakh "
            "figures come from different news reports than the later years; treat the size of "
            "the gap in those years with care.", icon=":material/warning:")
st.caption("Never mix the two series: each line in this dashboard is one reporter's figures.")
ui.footer()
