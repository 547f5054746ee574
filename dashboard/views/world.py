"""World comparison: the editorial's year of bilateral growth against world and China's trade."""

import streamlit as st

from dashboard import charts
from dashboard.charts.world import editorial_note, value_range
from dashboard.core.verdicts import editorial_summary
from dashboard.text.formatting import fmt_year
from dashboard.ui import controls as ui

lang = ui.lang()
say = ui.translator()
tables = ui.tables()
opts = charts.Options(lang=lang)
spec = ui.build("world-comparison", opts)
check = spec.check
st.title(say("world.title"))
e = check.editorial
if e is not None:
    st.markdown(say("world.intro_change_md", year=fmt_year(check.year),
                  change=say.pct(e.change_pct, is_fraction=False)))
else:
    st.markdown(say("world.intro_md", year=fmt_year(check.year)))
ui.chart(spec, lang)

# The note compares publication dates: it gets the editorial's date as stored.
note = editorial_note(check, ui.shared(editorial_summary).published, lang=lang)
if note:
    st.info(note, icon=":material/history:")
falls = value_range(check)
if falls:
    pct = lambda v: say.pct(v, is_fraction=False, digits=0)  # noqa: E731
    st.markdown(say("world.volume_value_range_md",
                  range=say("common.range", low=pct(falls[0]), high=pct(falls[1]))))
else:
    st.markdown(say("world.volume_value_md"))

st.subheader(say("world.china_heading"))
china = ui.build("china-trade", opts)
ui.chart(china, lang)
missing = [fmt_year(y) for y in china.data[china.data["value_usd_tn"].isna()]["year"]]
if missing:
    st.caption(say("world.china_level_missing" if len(missing) == 1
                 else "world.china_level_missing_many", years=say.listing(missing)))

st.subheader(say("world.central_asia_heading"))
if "central-asia" in charts.available(tables):
    st.markdown(say("world.central_asia_md"))
    ui.chart(ui.build("central-asia", opts), lang)
    ui.chart(ui.build("central-asia-history", opts), lang)  # the region's total, 1992 on
else:
    st.info(say("world.central_asia_missing"), icon=":material/info:")
ui.footer(lang)
