"""Overview: the editorial's headline claims beside what the data says."""

import streamlit as st

from dashboard import ui
from dashboard.analysis import claim_verdicts

t = ui.bundled_tables()
editorial = t["sources"].set_index("source_id").loc["S01"]

st.title("China–Kazakhstan trade: the editorial's claims, checked")
st.markdown(
    f"In July 2024 a **China Daily editorial** ([{editorial['published']}]({editorial['url']})) "
    "said trade between China and Kazakhstan reached **$41 billion in 2023, up 32%**, while "
    "global trade declined 1.1%, and that the two countries aim to **double** their trade "
    "\"at an early date\". Each card below quotes the editorial and sets it beside the "
    "figures in this dashboard's sourced data."
)

verdicts = claim_verdicts(t)
for row in (verdicts[:2], verdicts[2:]):
    cols = st.columns(2, gap="medium")
    for col, v in zip(cols, row, strict=False):
        with col, st.container(border=True):
            st.metric(v.claim.capitalize(), v.headline)
            st.markdown(f"> *“{v.quote}”*  \n> — China Daily, editorial")
            st.write(v.verdict)
            ui.source_caption(v.sources, t)

st.subheader("Read more")
c1, c2, c3, c4 = st.columns(4)
c1.page_link("views/growth.py", label="Growth since 1992", icon=":material/trending_up:")
c2.page_link("views/mirror.py", label="Why the two countries' numbers differ",
             icon=":material/compare_arrows:")
c3.page_link("views/world.py", label="Against world trade", icon=":material/public:")
c4.page_link("views/doubling.py", label="When could trade double?", icon=":material/flag:")
st.info("Most figures come from news reports that cite the official statistics "
        "(China's customs, GACC, or Kazakhstan's Bureau of National Statistics), not from the "
        "statistics themselves. See Data & sources.", icon=":material/info:")
ui.footer()
