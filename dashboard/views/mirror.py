"""Two countries, two numbers: China's and Kazakhstan's statistics for the same trade."""

import streamlit as st

from dashboard import charts
from dashboard.charts import pricing
from dashboard.charts.product_mix import chapter_name
from dashboard.core import display, products
from dashboard.core.official import anomaly_years, same_period_pairs
from dashboard.text.formatting import fmt_year
from dashboard.ui import controls as ui
from dashboard.ui import prices as price_controls

lang = ui.lang()
say = ui.translator()
tables = ui.tables()
st.title(say("mirror.title"))
st.markdown(say("mirror.intro"))

reporter, partner = ui.pair_selector(key="mirror-pair", lang=lang)
# Current or constant US$ (``?prices=constant&base=2023&deflator=gdp``): both sides of a year
# by the same index, so the gap in percent stays what it is; the amounts change.
prices = price_controls.controls(tables, lang, key="mirror")
priced = dict(prices=prices.prices, base_year=prices.base_year, deflator=prices.deflator)
spec = ui.build("mirror", charts.Options(reporter=reporter, partner=partner, lang=lang, **priced))
m = spec.mirror.rows
if m.empty:
    st.warning(say("mirror.no_overlap"))
    st.stop()
resolved = pricing.resolve(tables, charts.Options(lang=lang, **priced))
if resolved is not None and not (constant := pricing.constant_pairs(
        m, resolved, ("value_a", "value_b", "gap_usd"))).empty:
    m = constant  # the metrics and the table as the chart: a year without an index is a gap
    st.caption(say("mirror.prices_caption", prices=pricing.describe(resolved, lang)))

ui.chart(spec, lang)
a, b = ui.country(reporter, lang), ui.country(partner, lang)
latest = m.iloc[-1]
# Side by side where they fit, wrapped where they do not: no figure or label cut on a tablet.
row = st.container(horizontal=True, gap="medium")
row.metric(say("mirror.metric.gap", year=fmt_year(latest["year"])),
           say.bn(float(latest["gap_usd"])), help=say("mirror.metric.gap_help", a=a, b=b),
           width="content")
row.metric(say("mirror.metric.higher", a=a), say.pct(float(latest["gap_pct"]), is_fraction=False),
           help=say("mirror.metric.higher_help", a=a, b=b), width="content")
# The range leaves out the years this page flags (the note below), and says so.
clean = m[~m["year"].isin(spec.flagged_years)]
ranged = clean if not clean.empty else m
row.metric(say("mirror.metric.range_unflagged" if len(ranged) < len(m) else "mirror.metric.range"),
           say("common.range",
               low=say.pct(ranged["gap_pct"].min(), is_fraction=False, digits=0, sign=False),
               high=say.pct(ranged["gap_pct"].max(), is_fraction=False, digits=0, sign=False)),
           width="content")


def shown(frame, kinds: dict[str, str]) -> None:
    """A table for reading: its numbers in the reader's format (core.readable); English keeps
    numeric columns with their printf formats."""
    out, written = ui.sortable(frame, lang, kinds)  # sorts by value in every language
    config = {c: written.get(c) or st.column_config.NumberColumn(format=FORMATS[k])
              for c, k in kinds.items()}
    year_col = say("mirror.col.year")
    if year_col in frame.columns:
        config[year_col] = st.column_config.NumberColumn(format="%d")
    st.dataframe(out, hide_index=True, width="stretch", column_config=config)


FORMATS = {"bn": "%.3f", "pct1": "%.1f%%"}
table = display.labelled_mirror(m, a, b, lang)
shown(table, dict.fromkeys(table.columns[1:4], "bn") | {say("mirror.col.gap_pct"): "pct1"})

side = "KAZ" if "KAZ" in (reporter, partner) else partner
anomalies = ui.shared(anomaly_years, side, reporter if side == partner else partner)
if anomalies:
    st.subheader(say("mirror.anomaly_heading", country=ui.country(side, lang)))
    # The data's own note is English; other languages get the same finding in their words.
    st.warning(anomalies[0].note if lang == "en" else say(
        "mirror.anomaly_note", country=ui.country(side, lang),
        years=say.listing([fmt_year(an.year) for an in anomalies])), icon=":material/warning:")
    other = reporter if side == partner else partner
    gap_years = [y for y in ui.shared(products.incomplete_years, side, other)
                 if y in {an.year for an in anomalies}] if products.has_products(tables) else []
    run = ui.shared(products.missing_run, tuple(gap_years), side, other) if gap_years else []
    if run:  # the product data show why: whole chapters have no row in those years
        st.info(say("mirror.product_gap_note", country=ui.country(side, lang),
                  years=say.listing([fmt_year(y) for y in gap_years]), count=len(run),
                  chapters=say.listing([chapter_name(tables, c, lang, width=40) for c in run[:3]])),
                icon=":material/data_alert:")
    shown(display.anomaly_table(anomalies, lang), {say("mirror.col.value_bn"): "bn"})

pairs = ui.shared(same_period_pairs, reporter, partner)
if pairs:
    st.subheader(say("mirror.same_period_heading"))
    same = display.same_period_table(pairs, a, b, lang)
    shown(same, {c: "bn" for c in same.columns
                 if c in {say("mirror.col.reports", country=x) for x in (a, b)}})

st.subheader(say("mirror.why_heading"))
st.markdown(say("mirror.why_md"))
st.caption(say("mirror.never_mix"))
ui.footer(lang)
