"""Growth: bilateral trade over time, year-on-year change, CAGR, flows and targets."""

import streamlit as st

from dashboard import charts, ui
from dashboard.analysis import cagr_summary
from dashboard.data import series
from dashboard.formatting import fmt_bn, fmt_pct

t = ui.tables()
st.title("Growth of bilateral trade")
st.caption("Annual goods trade in current US dollars. Years with no sourced figure are gaps: "
           "the dotted line only joins the dots, it is not data.")

reporter, partner = ui.pair_selector(t, key="growth-pair")
years = [int(y) for y in series(t["bilateral_trade"], reporter, partner)["year"]]
if len(years) < 2:
    st.warning("This pair has fewer than two years with a total: nothing to chart over time.")
    st.stop()

c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
start, end = c1.select_slider("Years", options=years, value=(years[0], years[-1]),
                              key="growth-years")
scale = c2.segmented_control("Value axis", ["Linear", "Log"], default="Linear",
                             key="growth-scale") or "Linear"
opts = charts.Options(reporter=reporter, partner=partner, start=start, end=end,
                      log=scale == "Log")
spec = charts.build("growth", t, opts)
ui.chart(spec)

summary = cagr_summary(spec.series, start, end)
if summary is not None:
    m1, m2 = st.columns([1, 3])
    m1.metric(f"CAGR {start}–{end}", fmt_pct(summary.rate), help="Compound annual growth rate")
    v0, v1 = fmt_bn(summary.start_value), fmt_bn(summary.end_value)
    m2.markdown(
        f"**Compound annual growth rate, {start}–{end}: {fmt_pct(summary.rate)} a year.** "
        f"The constant yearly rate that turns {v0} in {start} into {v1} in {end}: "
        f"({v1} ÷ {v0})^(1/{end - start}) − 1. It says nothing about the path in between, and "
        "the years without a figure are simply skipped over.")
else:
    st.info("Choose two different years to see the compound annual growth rate.")

st.subheader("Year-on-year change")
ui.chart(charts.build("yoy-growth", t, opts))
st.caption("A bar needs two consecutive years with a figure; where the previous year is a gap, "
           "only the growth the source itself reports is shown. Computed and reported rates "
           "can differ: sources round, and some rest on revised figures for the previous year.")

st.subheader("Exports and imports")
flows = charts.build("flows", t, opts)
if flows.data.empty:
    st.info("No source splits this pair's trade into exports and imports.")
else:
    ui.chart(flows)

if (reporter, partner) == ("CHN", "KAZ"):
    st.subheader("Announced targets, from announcement to deadline")
    history = charts.build("target-history", t, opts)
    ui.chart(history)
    st.caption(f"Verdicts judged against the totals of {ui.who(reporter)}. Where a source said "
               "a target was met and our figures say otherwise, both are shown.")
ui.footer()
