"""World comparison: the editorial's year of bilateral growth against world and China's trade."""

import streamlit as st

from dashboard import charts, ui
from dashboard.charts.world import editorial_note, value_range
from dashboard.formatting import fmt_pct
from dashboard.verdicts import editorial_summary

t = ui.tables()
spec = charts.build("world-comparison", t)
check = spec.check
st.title("Against the world")
e = check.editorial
st.markdown(
    f"The editorial set China–Kazakhstan trade growth in {check.year} against "
    + (f"a **{fmt_pct(e.change_pct, is_fraction=False)}** change in global trade. "
       if e is not None else "global trade. ")
    + "World trade can be measured in several ways, and they gave different answers: this "
    "chart shows each one beside the bilateral figure.")
ui.chart(spec)

note = editorial_note(check, editorial_summary(t).published)
if note:
    st.info(note, icon=":material/history:")
falls = value_range(check)
st.markdown(
    "**Volume vs value.** A *volume* measure removes price changes: it says how much more or "
    "less was shipped. A *value* measure is in current US dollars, so falling prices pull it "
    "down further. The bilateral growth is a value figure, so the like-for-like comparison is "
    "with the value measures"
    + (f" ({fmt_pct(falls[0], is_fraction=False, digits=0)} to "
       f"{fmt_pct(falls[1], is_fraction=False, digits=0)} among those that fell)."
       if falls else "."))

st.subheader("Context: China's total foreign trade")
china = charts.build("china-trade", t)
ui.chart(china)
missing = china.data[china.data["value_usd_tn"].isna()]
if not missing.empty:
    st.caption("For " + ", ".join(str(y) for y in missing["year"]) + " the source gives the "
               "change only, not the level.")
ui.footer()
