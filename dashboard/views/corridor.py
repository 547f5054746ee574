"""Kazakhstan as a logistics hub: the editorial's corridor claim beside the logistics figures."""

from functools import partial

import streamlit as st

from dashboard import charts
from dashboard.core import display
from dashboard.core import logistics_words as words
from dashboard.core.corridor_tables import (
    clearance_table,
    disagreement_views,
    policy_list,
    queue_table,
)
from dashboard.core.logistics import (
    clearance_facts,
    has_logistics,
    logistics_verdict,
    queue_episodes,
)
from dashboard.export import render as export
from dashboard.text.i18n import tr
from dashboard.text.names import fmt_published
from dashboard.text.plain import md_escape
from dashboard.text.publishers import publisher_name
from dashboard.ui import controls as ui

lang = ui.lang()
tables = ui.tables()
st.title(tr(lang, "corridor.title"))
st.markdown(tr(lang, "corridor.intro_md"))


def sources(ids) -> None:
    """The sources behind a block, as plain text in the reader's language."""
    src = tables["sources"].set_index("source_id")
    items = [tr(lang, "common.source_item", id=sid,
                publisher=publisher_name(src.loc[sid, "publisher"], lang),
                published=fmt_published(src.loc[sid, "published"], lang=lang))
             for sid in dict.fromkeys(ids) if sid in src.index]
    if items:
        st.caption(md_escape(tr(lang, "common.sources_caption",
                                items=tr(lang, "common.item_separator").join(items))))


def table(frame, key: str) -> None:
    if frame.empty:
        st.info(tr(lang, "corridor.none"), icon=":material/info:")
    else:
        st.dataframe(frame, hide_index=True, width="stretch", key=key)


if not has_logistics(tables):
    st.info(tr(lang, "corridor.no_data"), icon=":material/info:")
    ui.footer(lang)
    st.stop()

# The answer first: the overview's verdict on the hub claim, computed from the same tables.
hub = ui.shared(logistics_verdict, lang=lang)
with st.container(border=True):
    st.caption(tr(lang, "corridor.verdict_heading"))
    st.markdown("\n\n".join(("#### " if i == 0 else "**") + md_escape(b.label)
                             + ("" if i == 0 else "**") for i, b in enumerate(hub.badges)))
    if hub.figure:
        st.metric(md_escape(hub.context), hub.figure)
    with st.expander(tr(lang, "overview.logistics.details")):
        st.write(md_escape(hub.verdict))

options = charts.Options(lang=lang)
drawable = ui.shared(charts.available)
for name in charts.LOGISTICS_CHARTS:
    st.subheader(tr(lang, f"corridor.heading.{name.replace('-', '_')}"))
    if name not in drawable:
        st.info(tr(lang, "corridor.chart_missing"), icon=":material/info:")
        continue
    spec = ui.build(name, options)
    ui.chart(spec, lang)
    st.caption(md_escape(spec.alt))
    cav = tables["logistics_caveats"]
    ids = dict(zip(cav["statement"].astype(str), cav["caveat_id"], strict=True))
    for caveat in spec.series.caveats:
        st.caption("⚠ " + md_escape(words.caveat(ids.get(caveat, ""), caveat, lang)))

st.subheader(tr(lang, "corridor.clearance.heading"))
st.markdown(tr(lang, "corridor.clearance.intro"))
clearance = ui.shared(clearance_table, lang)
table(clearance, "corridor-clearance")
sources(s for f in ui.shared(clearance_facts) for s in f.sources)

st.subheader(tr(lang, "corridor.queue.heading"))
st.markdown(tr(lang, "corridor.queue.intro"))
queues = ui.shared(queue_table, lang)
table(queues, "corridor-queues")
sources(s for f in ui.shared(queue_episodes) for s in f.sources)

steps = ui.shared(policy_list, lang)
if steps:
    st.subheader(tr(lang, "corridor.policy.heading"))
    st.markdown("\n".join("- " + md_escape(tr(lang, "corridor.policy.item", date=p.date,
                                                 place=p.place, what=p.what,
                                                 sources=", ".join(p.sources)))
                          for p in steps))

st.subheader(tr(lang, "corridor.disagree.heading"))
st.markdown(tr(lang, "corridor.disagree.intro"))
found = ui.shared(disagreement_views, lang)
if not found:
    st.info(tr(lang, "corridor.disagree.none"), icon=":material/info:")
for i, (heading, rows) in enumerate(found):
    st.markdown("**" + md_escape(heading) + "**")
    table(rows, f"corridor-disagree-{i}")

with st.expander(tr(lang, "corridor.full_table")):
    st.caption(tr(lang, "corridor.full_table_caption"))
    # Headers, enumerated values and numbers the reader's way (numbers still sort); the CSV
    # below keeps the canonical names and values.
    ui.table(ui.shared(display.shown_table, "logistics", lang), lang, values=False,
             key="corridor-logistics")
    # Deferred: built on click from the table the download itself holds (see ui.bundled_table).
    st.download_button("logistics.csv", partial(export.to_csv, ui.bundled_table("logistics")),
                       "logistics.csv", "text/csv", key="dl-table-logistics", on_click="ignore",
                       icon=":material/download:")
ui.footer(lang)
