"""Shares and products: how much the two matter to each other, and what Kazakhstan sells.

A session's upload with HS chapters adds its pair to the products' pair choice (first, and
named as the user's file); its trade with the World gives the shares where it is used."""

import streamlit as st

from dashboard import charts
from dashboard.charts.product_chapter import default_chapter
from dashboard.charts.product_mix import chapter_name, flow_label, pair
from dashboard.core import products
from dashboard.importing.session import user_world
from dashboard.text.formatting import fmt_year
from dashboard.ui import controls as ui

lang = ui.lang()
say = ui.translator()
tables = ui.tables()
opts = charts.Options(lang=lang)
st.title(say("structure.title"))
st.markdown(say("structure.intro"))

shares = ui.build("shares", opts)
if shares.shares:
    ui.chart(shares, lang)
else:
    st.info(say("structure.no_shares"))

upload = st.session_state.get(ui.UPLOAD_KEY)
result = upload.get("result") if upload is not None else None
if result is not None and not shares.stem.endswith("-with-your-data") \
        and user_world(result.rows)["reporter"].isin(["CHN", "KAZ"]).any():
    st.info(say("structure.world_unused"), icon=":material/info:")

st.subheader(say("structure.mix_heading"))
if products.has_products(tables):
    found = ui.shared(products.pairs)
    mine = {(r, p) for r, p, user in found if user}
    if len(found) > 1:
        def pair_name(rp: tuple[str, str]) -> str:
            name = say("ui.pair_option", reporter=ui.country(rp[0], lang),
                     partner=ui.country(rp[1], lang))
            return say("structure.pair_yours", pair=name) if rp in mine else name
        col, _ = st.columns([2, 3])
        chosen = col.selectbox(say("structure.product_pair"), [(r, p) for r, p, _ in found],
                               format_func=pair_name, key="product-pair")
        opts = charts.Options(reporter=chosen[0], partner=chosen[1], lang=lang)
    elif found:
        opts = charts.Options(reporter=found[0][0], partner=found[0][1], lang=lang)
    ui.chart(ui.build("product-mix", opts), lang)
    reporter, partner = pair(tables, opts)
    gap_years = [] if (reporter, partner) in mine else \
        ui.shared(products.incomplete_years, reporter, partner)
    run = ui.shared(products.missing_run, tuple(gap_years), reporter, partner) if gap_years else []
    if (reporter, partner) in mine:
        st.caption(say("structure.mix_caption_user"))
    elif run:
        examples = [chapter_name(tables, c, lang, width=40) for c in run[:3]]
        st.caption(say("structure.mix_caption", years=say.listing([fmt_year(y) for y in gap_years]),
                       count=len(run), first=min(run), last=max(run),
                       examples=say.listing(examples)))
    else:
        st.caption(say("structure.mix_caption_plain"))
    st.subheader(say("structure.chapter_heading"))
    left, right = st.columns(2)
    flow = left.radio(say("structure.flow_pick"), products.FLOWS, horizontal=True,
                      format_func=lambda f: flow_label(reporter, partner, f, lang),
                      key="product-flow")
    ranked = ui.shared(products.chapters, reporter, partner, flow)
    codes = list(ranked.groupby("hs_code")["value_usd"].sum()
                 .sort_values(ascending=False).index[:15])
    first = default_chapter(tables, reporter, partner, flow)
    chapter = right.selectbox(say("structure.chapter_pick"), codes,
                              index=codes.index(first) if first in codes else 0,
                              format_func=lambda c: chapter_name(tables, c, lang, width=60),
                              key=f"product-chapter-{flow}")
    ui.chart(ui.build("product-chapter", charts.ProductOptions(
        reporter=reporter, partner=partner, lang=lang, chapter=chapter, flow=flow)), lang)
else:
    st.info(say("structure.no_products"))

st.subheader(say("structure.chapters_heading"))
chapters = ui.build("hs-chapters", opts)
if chapters.chapters:
    ui.chart(chapters, lang)
    st.caption(say("structure.chapters_caption"))
else:
    st.info(say("structure.no_chapters"))

st.subheader(say("structure.products_heading"))
ui.chart(ui.build("products", opts), lang)
ui.footer(lang)
