"""Data & sources: every table, its sources, the method and how to cite."""

import json
from functools import partial

import streamlit as st

from dashboard import charts
from dashboard.core import display
from dashboard.data.loader import descriptor_text
from dashboard.export import render as export
from dashboard.text.formatting import fmt_year
from dashboard.text.plain import no_math
from dashboard.ui import controls as ui

lang = ui.lang()
say = ui.translator()
tables = ui.bundled_tables()
descriptor = json.loads(descriptor_text())
st.title(say("sources.title"))
st.markdown(say("sources.intro_md"))
ui.download_all(ui.tables(), charts.Options(lang=lang))

# Display only: the CSV downloads keep the canonical column names and values.
config = {
    "value_usd": st.column_config.NumberColumn(format="$%,.0f"),
    "target_value_usd": st.column_config.NumberColumn(format="$%,.0f"),
    "change_usd": st.column_config.NumberColumn(format="$%,.0f"),
    "reported_change_pct": st.column_config.NumberColumn(format="%+.1f%%"),
    "change_pct": st.column_config.NumberColumn(format="%+.1f%%"),
    "year": st.column_config.NumberColumn(format="%d"),
    "base_year": st.column_config.NumberColumn(format="%d"),
    "deadline_year": st.column_config.NumberColumn(format="%d"),
    "url": st.column_config.LinkColumn(display_text=say("sources.link_text")),
    "approximate": st.column_config.CheckboxColumn(),
}


def download(name: str) -> None:
    # Deferred: built on click from the table the download itself holds (see ui.bundled_table).
    st.download_button(f"{name}.csv", partial(export.to_csv, ui.bundled_table(name)),
                       f"{name}.csv", "text/csv",
                       key=f"dl-table-{name}", on_click="ignore", icon=":material/download:")


def resource_text(name: str, r: dict, part: str) -> str:
    """A table's title or description: the descriptor's own in English, ours translated."""
    key = f"resource.{name}.{part}"
    if lang == "en" or not display.has(key):
        return r.get(part, name if part == "title" else "")
    table = tables[name]
    years = sorted({int(y) for y in table["year"].dropna()}) if "year" in table else []
    span = "" if not years else (fmt_year(years[0]) if len(years) == 1
                                 else say.years(years[0], years[-1]))
    return say(key, years=span)


st.subheader(say("sources.sources_heading"))
st.caption(say("sources.sources_caption", cites=say("col.cites")))
ui.table(ui.bundled_shared(display.shown_table, "sources", lang), lang, config, values=False,
         shared_frame=True)
download("sources")

resources = {r["name"]: r for r in descriptor["resources"]}
for name, r in resources.items():
    if name == "sources" or name not in tables:
        continue
    st.subheader(resource_text(name, r, "title"))
    # Body text, not a caption: its `code` spans keep their contrast (axe, issue 23).
    st.markdown(resource_text(name, r, "description"))
    ui.table(ui.bundled_shared(display.shown_table, name, lang), lang, config, values=False,
             shared_frame=True)
    download(name)

st.subheader(say("sources.flags_heading"))
st.markdown(say("sources.flags_caption"))  # body text: `code` keeps its contrast
flagged = ui.bundled_shared(display.flag_table, lang)
ui.table(ui.bundled_shared(display.shown_flag_table, lang), lang, config, values=False,
         shared_frame=True)
st.download_button("flags.csv", partial(export.to_csv, flagged), "flags.csv", "text/csv",
                   key="dl-table-flags", on_click="ignore", icon=":material/download:")

# The method's example figure is one from the tables, never typed in.
latest = float(tables["bilateral_trade"]["value_usd"].max())
st.subheader(say("sources.method_heading"))
st.markdown(no_math(say("sources.method_md", full_example=say.number(latest, 0),
                     short_example=say.bn(latest))))

st.subheader(say("sources.cite_heading"))
title = descriptor["title"] if lang == "en" else say("package.title")
st.code(say("sources.cite_text", version=descriptor["version"], title=title), language=None,
        wrap_lines=True)  # wraps on a phone: no scrolling region the keyboard cannot reach
st.caption(say("sources.cite_caption"))
ui.footer(lang)
