"""Overview: the editorial's headline claims beside what the data says."""

import pandas as pd
import streamlit as st

from dashboard.core import display
from dashboard.core.badges import short_sources as display_sources
from dashboard.core.logistics import has_logistics, logistics_verdict
from dashboard.core.real_terms import claim_sentence
from dashboard.core.verdicts import claim_verdicts, editorial_summary
from dashboard.text.formatting import capitalise, fmt_year
from dashboard.text.plain import md_escape
from dashboard.text.wording import dated
from dashboard.ui import controls as ui

lang = ui.lang()
say = ui.translator()
tables = ui.tables()
summary = ui.shared(editorial_summary, lang=lang)
claims = tables["editorial_claims"]
claim_years = dict(zip(claims["claim_id"], claims["year"], strict=True))
attribution = say("common.quote_attribution_publisher",
                publisher=say.data("organisation", summary.publisher))

st.title(say("overview.title"))
st.markdown(summary.intro)
if summary.url:
    st.link_button(say("overview.read_editorial", date=dated(summary.published, lang)),
                   summary.url, icon=":material/open_in_new:")


def claim_name(claim_id: str, claim: str) -> str:
    """The claim's name: as the data has it in English, its display name in other languages."""
    if lang == "en":
        return claim
    year = claim_years.get(claim_id)
    name = say.data("claim", claim_id, year=fmt_year(year) if pd.notna(year) else "")
    return claim if name == claim_id else name


def translation(claim_id: str) -> None:
    """Our translation under the verbatim quote, labelled as ours (none in English)."""
    text = ui.shared(display.claim_caption, lang, claim_id=claim_id)
    if text:
        st.caption(text)


def answer(name: str, badges, editorial: str, found: str, found_label: str,
           context: str) -> None:
    """What a reader sees first: the claim's name, its verdict in words and a symbol (never
    colour alone), then the editorial's figure beside the data's."""
    st.caption(capitalise(name))
    st.markdown("\n\n".join(("#### " if i == 0 else "**") + md_escape(b.label)
                             + ("" if i == 0 else "**") for i, b in enumerate(badges)))
    # Side by side where they fit, one under the other where they do not (a tablet's narrow
    # card): a figure is never cut to "$41.0…". Without the editorial's figure, the data's alone.
    row = st.container(horizontal=True, gap="medium")
    if editorial:
        row.metric(say("overview.editorial_figure"), editorial, width="content")
    if found:
        row.metric(md_escape(found_label), found, width="content")
    if context:
        st.caption(md_escape(context))


def sources(ids) -> None:
    """One short line of sources; the full list one click away."""
    names, more = display_sources(ids, tables["sources"])
    if not names:
        return
    line = say("common.item_separator").join(names)
    st.caption(say("overview.sources_short", names=say("overview.sources_more", names=line,
                                                     count=str(more)) if more else line))
    with st.expander(say("overview.sources_all", count=str(len(dict.fromkeys(ids))))):
        ui.source_caption(ids, tables, lang)


verdicts = ui.shared(claim_verdicts, lang=lang)
for row in (verdicts[i:i + 2] for i in range(0, len(verdicts), 2)):
    cols = st.columns(2, gap="medium")
    for col, v in zip(cols, row, strict=False):
        with col, st.container(border=True):
            answer(claim_name(v.claim_id, v.claim), v.badges, v.figure, v.found,
                   v.found_label, v.context)
            st.markdown(f"> *“{v.quote}”*  \n> {attribution}")
            translation(v.claim_id)
            st.write(v.verdict)
            if v.claim_id == "growth_2023" and pd.notna(claim_years.get(v.claim_id)):
                # how much of the growth is prices: the same figures in constant dollars
                real = ui.shared(claim_sentence, int(claim_years[v.claim_id]), lang)
                if real:
                    st.write(md_escape(real))
            sources(v.sources)

if has_logistics(tables):  # the fifth claim: Kazakhstan as a logistics hub
    hub = ui.shared(logistics_verdict, lang=lang)
    with st.columns(2, gap="medium")[0], st.container(border=True):
        answer(claim_name("logistics_hub", hub.claim), hub.badges, "", hub.figure,
               hub.context, "")
        st.markdown(f"> *“{md_escape(hub.quote)}”*  \n> " + md_escape(attribution))
        translation("logistics_hub")
        with st.expander(say("overview.logistics.details")):
            st.write(md_escape(hub.verdict))
        if hub.cannot_say:
            with st.expander(say("overview.logistics.cannot_say")):
                st.markdown("\n".join("- " + md_escape(c) for c in hub.cannot_say))
        sources(hub.sources)
        st.page_link("views/corridor.py", label=say("overview.link.corridor"),
                     icon=":material/train:")

st.subheader(say("overview.read_more"))
c1, c2 = st.columns(2)  # two a row: the longer Russian and Kazakh titles fit whole
c3, c4 = st.columns(2)
c1.page_link("views/growth.py", label=say("overview.link.growth_over_years"),
             icon=":material/trending_up:")
c2.page_link("views/mirror.py", label=say("overview.link.mirror"), icon=":material/compare_arrows:")
c3.page_link("views/world.py", label=say("overview.link.world"), icon=":material/public:")
c4.page_link("views/doubling.py", label=say("overview.link.doubling"), icon=":material/flag:")
st.info(say("overview.info"), icon=":material/info:")
ui.footer(lang)
