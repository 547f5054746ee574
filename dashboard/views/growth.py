"""Growth: bilateral trade over time, year-on-year change, CAGR, flows and targets; the
monthly figures and year to date of a session's upload, when it holds monthly rows."""

import streamlit as st

from dashboard import charts
from dashboard.charts import pricing
from dashboard.core.prices import deflator
from dashboard.data.loader import pair_series
from dashboard.ui import controls as ui
from dashboard.ui import prices as price_controls

SCALES = {"Linear": "growth.scale.linear", "Log": "growth.scale.log"}  # values stay English

lang = ui.lang()
say = ui.translator()
tables = ui.tables()
st.title(say("growth.title"))
caption = st.empty()  # which prices: known once the controls below are read

reporter, partner = ui.pair_selector(key="growth-pair", lang=lang)
years = [int(y) for y in ui.shared(pair_series, reporter, partner)["year"]]
if len(years) < 2:
    st.warning(say("growth.too_few"))
    st.stop()
# Current or constant US$ (``?prices=constant&base=2023&deflator=gdp``): every chart below.
prices = price_controls.controls(tables, lang, key="growth")
priced = dict(prices=prices.prices, base_year=prices.base_year, deflator=prices.deflator)
resolved = pricing.resolve(tables, charts.Options(lang=lang, **priced))
caption.caption(say("growth.caption") if resolved is None else
                say("prices.caption", prices=pricing.describe(resolved, lang)))


@st.fragment
def over_the_years() -> None:
    """The years and scale, and what depends on them: a key on the range slider reruns this
    part only (the flows and target history below show every year)."""
    c1, c2 = st.columns([3, 2], vertical_alignment="bottom")  # both scales' names on a tablet
    start, end = c1.select_slider(say("growth.years"), options=years, value=(years[0], years[-1]),
                                  key="growth-years")
    scale = c2.segmented_control(say("growth.scale"), list(SCALES), default="Linear",
                                 format_func=lambda s: say(SCALES[s]),
                                 key="growth-scale") or "Linear"
    opts = charts.Options(reporter=reporter, partner=partner, start=start, end=end,
                          log=scale == "Log", lang=lang, **priced)
    spec = ui.build("growth", opts)
    ui.chart(spec, lang)

    summary = spec.cagr
    if summary is not None:
        row = st.container(horizontal=True, gap="medium")  # wrapped on a tablet, not cut
        period = say.years(start, end)
        row.metric(say("growth.cagr_metric", period=period), say.pct(summary.rate),
                   help=say("growth.cagr_help"), width="content")
        row.markdown(say("growth.cagr_explainer_md", period=period, rate=say.pct(summary.rate),
                         v0=say.bn(summary.start_value), v1=say.bn(summary.end_value),
                         start=start, end=end, years=end - start))
        if spec.cagr_flags:
            st.warning(say("growth.cagr_flagged", period=period,
                         reasons=" ".join(dict.fromkeys(f.reason(lang) for f in spec.cagr_flags))))
    elif resolved is not None:
        st.info(say("prices.cagr_gap", deflator=pricing.deflator_name(resolved, lang),
                  first=str(deflator(tables, prices.deflator).years[0])))
    else:
        st.info(say("growth.choose_two"))

    st.subheader(say("growth.yoy_heading"))
    ui.chart(ui.build("yoy-growth", opts), lang)
    st.caption(say("growth.yoy_caption"))


over_the_years()

st.subheader(say("growth.flows_heading"))
# Flows and the target history show every year whatever the range: built for the pair only,
# so moving the years redraws the two charts that change and reuses these.
whole = charts.Options(reporter=reporter, partner=partner, lang=lang, **priced)
flows = ui.build("flows", whole)
if flows.data.empty:
    st.info(say("growth.no_flows"))
else:
    ui.chart(flows, lang)

if charts.has_monthly(tables):  # the session's upload holds monthly rows
    st.subheader(say("growth.monthly_heading"))
    st.caption(say("growth.monthly_caption"))
    ui.chart(ui.build("monthly", whole), lang)
    ui.chart(ui.build("year-to-date", whole), lang)

if (reporter, partner) == ("CHN", "KAZ"):
    st.subheader(say("growth.history_heading"))
    # Announced targets are nominal amounts: their history stays in current dollars.
    ui.chart(ui.build("target-history", charts.Options(reporter=reporter, partner=partner,
                                                       lang=lang)), lang)
    st.caption(say("growth.history_caption", who=ui.who(reporter, lang)))
ui.footer(lang)
