"""Overview: the editorial's headline claims beside what the data says."""

import pandas as pd
import streamlit as st

from dashboard import display, ui
from dashboard.formatting import capitalise, fmt_year
from dashboard.verdicts import claim_verdicts, editorial_summary

lang = ui.lang()
T = ui.translator()
t = ui.tables()
summary = ui.call(editorial_summary, t, lang=lang)
claims = t["editorial_claims"]
claim_years = dict(zip(claims["claim_id"], claims["year"], strict=True))

st.title(T("overview.title"))
st.markdown(summary.intro)
if summary.url:
    st.link_button(T("overview.read_editorial", date=display.shown_date(summary.published, lang)),
                   summary.url, icon=":material/open_in_new:")


def claim_name(v) -> str:
    """The claim's name: as the data has it in English, its display name in other languages."""
    if lang == "en":
        return v.claim
    year = claim_years.get(v.claim_id)
    return T.data("claim", v.claim_id, year=fmt_year(year) if pd.notna(year) else "")


verdicts = ui.call(claim_verdicts, t, lang=lang)
for row in (verdicts[i:i + 2] for i in range(0, len(verdicts), 2)):
    cols = st.columns(2, gap="medium")
    for col, v in zip(cols, row, strict=False):
        with col, st.container(border=True):
            st.metric(capitalise(claim_name(v)), v.headline)
            st.markdown(f"> *“{v.quote}”*  \n> "
                        + T("common.quote_attribution_publisher",
                          publisher=T.data("organisation", summary.publisher)))
            translation = display.quote_translation(claims, lang, claim_id=v.claim_id)
            if translation:
                st.caption(T("common.translated_quote", label=T("common.our_translation"),
                             text=translation))
            st.write(v.verdict)
            ui.source_caption(v.sources, t, lang)

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
