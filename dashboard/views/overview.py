"""Overview: the editorial's headline claims beside what the data says."""

import pandas as pd
import streamlit as st

from dashboard.core import display
from dashboard.core.logistics import has_logistics, logistics_verdict
from dashboard.core.verdicts import claim_verdicts, editorial_summary
from dashboard.text.formatting import capitalise, fmt_year
from dashboard.text.plain import md_escape
from dashboard.text.wording import dated
from dashboard.ui import controls as ui

lang = ui.lang()
T = ui.translator()
t = ui.tables()
summary = ui.shared(editorial_summary, lang=lang)
claims = t["editorial_claims"]
claim_years = dict(zip(claims["claim_id"], claims["year"], strict=True))
attribution = T("common.quote_attribution_publisher",
                publisher=T.data("organisation", summary.publisher))

st.title(T("overview.title"))
st.markdown(summary.intro)
if summary.url:
    st.link_button(T("overview.read_editorial", date=dated(summary.published, lang)),
                   summary.url, icon=":material/open_in_new:")


def claim_name(claim_id: str, claim: str) -> str:
    """The claim's name: as the data has it in English, its display name in other languages."""
    if lang == "en":
        return claim
    year = claim_years.get(claim_id)
    name = T.data("claim", claim_id, year=fmt_year(year) if pd.notna(year) else "")
    return claim if name == claim_id else name


def translation(claim_id: str) -> None:
    """Our translation under the verbatim quote, labelled as ours (none in English)."""
    text = ui.shared(display.claim_caption, lang, claim_id=claim_id)
    if text:
        st.caption(text)


def headline(name: str, figure: str, context: str) -> None:
    """The claim's figure big and alone (it fits a phone), what it is in words under it."""
    st.metric(capitalise(name), figure)
    st.caption(md_escape(context))


verdicts = ui.shared(claim_verdicts, lang=lang)
for row in (verdicts[i:i + 2] for i in range(0, len(verdicts), 2)):
    cols = st.columns(2, gap="medium")
    for col, v in zip(cols, row, strict=False):
        with col, st.container(border=True):
            headline(claim_name(v.claim_id, v.claim), v.figure, v.context)
            st.markdown(f"> *“{v.quote}”*  \n> {attribution}")
            translation(v.claim_id)
            st.write(v.verdict)
            ui.source_caption(v.sources, t, lang)

if has_logistics(t):  # the fifth claim: Kazakhstan as a logistics hub
    hub = ui.shared(logistics_verdict, lang=lang)
    with st.columns(2, gap="medium")[0], st.container(border=True):
        headline(claim_name("logistics_hub", hub.claim), hub.figure, hub.context)
        st.markdown(f"> *“{md_escape(hub.quote)}”*  \n> " + md_escape(attribution))
        translation("logistics_hub")
        st.write(md_escape(hub.verdict))
        if hub.cannot_say:
            st.markdown("**" + T("overview.logistics.cannot_say") + "**")
            st.markdown("\n".join("- " + md_escape(c) for c in hub.cannot_say))
        ui.source_caption(hub.sources, t, lang)
        st.page_link("views/corridor.py", label=T("overview.link.corridor"),
                     icon=":material/train:")

st.subheader(T("overview.read_more"))
c1, c2 = st.columns(2)  # two a row: the longer Russian and Kazakh titles fit whole
c3, c4 = st.columns(2)
c1.page_link("views/growth.py", label=T("overview.link.growth_over_years"),
             icon=":material/trending_up:")
c2.page_link("views/mirror.py", label=T("overview.link.mirror"), icon=":material/compare_arrows:")
c3.page_link("views/world.py", label=T("overview.link.world"), icon=":material/public:")
c4.page_link("views/doubling.py", label=T("overview.link.doubling"), icon=":material/flag:")
st.info(T("overview.info"), icon=":material/info:")
ui.footer(lang)
