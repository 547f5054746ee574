"""Overview: the editorial's headline claims beside what the data says."""

import streamlit as st

from dashboard import ui
from dashboard.corridor_text import md_escape
from dashboard.formatting import capitalise
from dashboard.i18n import tr
from dashboard.logistics import (
    MIDDLE_CORRIDOR,
    has_logistics,
    logistics_verdict,
    measure_series,
)
from dashboard.verdicts import claim_verdicts, editorial_summary

lang = ui.language()
t = ui.tables()
summary = editorial_summary(t)

st.title("China–Kazakhstan trade: the editorial's claims, checked")
st.markdown(summary.intro)
if summary.url:
    st.link_button(f"Read the editorial ({summary.published})", summary.url,
                   icon=":material/open_in_new:")

verdicts = claim_verdicts(t)
for row in (verdicts[i:i + 2] for i in range(0, len(verdicts), 2)):
    cols = st.columns(2, gap="medium")
    for col, v in zip(cols, row, strict=False):
        with col, st.container(border=True):
            st.metric(capitalise(v.claim), v.headline)
            st.markdown(f"> *“{v.quote}”*  \n> — {summary.publisher}, editorial")
            st.write(v.verdict)
            ui.source_caption(v.sources, t)

if has_logistics(t):  # the fifth claim: Kazakhstan as a logistics hub
    hub = logistics_verdict(t)
    measure = measure_series(t, MIDDLE_CORRIDOR).label  # the headline's subject, in the label
    label, value = capitalise(hub.claim), hub.headline
    if value.startswith(measure + ": "):  # so the figure itself fits the card, phones too
        label, value = f"{label} · {measure}", value[len(measure) + 2:]
    with st.columns(2, gap="medium")[0], st.container(border=True):
        st.metric(label, value)
        st.markdown(f"> *“{md_escape(hub.quote)}”*  \n> "
                    + md_escape(tr(lang, "common.quote_attribution_publisher",
                                   publisher=summary.publisher)))
        st.write(md_escape(hub.verdict))
        if hub.cannot_say:
            st.markdown("**" + tr(lang, "overview.logistics.cannot_say") + "**")
            st.markdown("\n".join("- " + md_escape(c) for c in hub.cannot_say))
        ui.source_caption(hub.sources, t)
        st.page_link("views/corridor.py", label=tr(lang, "overview.link.corridor"),
                     icon=":material/train:")

st.subheader("Read more")
c1, c2, c3, c4 = st.columns(4)
c1.page_link("views/growth.py", label="Growth over the years", icon=":material/trending_up:")
c2.page_link("views/mirror.py", label="Why the two countries' numbers differ",
             icon=":material/compare_arrows:")
c3.page_link("views/world.py", label="Against world trade", icon=":material/public:")
c4.page_link("views/doubling.py", label="When could trade double?", icon=":material/flag:")
st.info("Most figures come from news reports that cite the official statistics "
        "(China's customs, GACC, or Kazakhstan's Bureau of National Statistics), not from the "
        "statistics themselves. See Data & sources.", icon=":material/info:")
ui.footer()
