"""Data & sources: every table, its sources, the method and how to cite."""

import json

import streamlit as st

from dashboard import export, ui
from dashboard.data import descriptor_text

t = ui.bundled_tables()
descriptor = json.loads(descriptor_text())
st.title("Data & sources")
st.markdown(
    "Every figure in this dashboard sits in one of the tables below, with a `source_id` that "
    "resolves to the source list. Download any table as CSV, or everything at once.")
ui.download_all(ui.tables())

money = st.column_config.NumberColumn(format="$%,.0f")
pct = st.column_config.NumberColumn(format="%+.1f%%")
config = {
    "value_usd": st.column_config.NumberColumn("value (US$)", format="$%,.0f"),
    "target_value_usd": st.column_config.NumberColumn("target (US$)", format="$%,.0f"),
    "change_usd": st.column_config.NumberColumn("change (US$)", format="$%,.0f"),
    "reported_change_pct": st.column_config.NumberColumn("reported change (%)",
                                                          format="%+.1f%%"),
    "change_pct": st.column_config.NumberColumn("change (%)", format="%+.1f%%"),
    "year": st.column_config.NumberColumn(format="%d"),
    "base_year": st.column_config.NumberColumn(format="%d"),
    "deadline_year": st.column_config.NumberColumn(format="%d"),
    "url": st.column_config.LinkColumn("address", display_text="open ↗"),
    "approximate": st.column_config.CheckboxColumn(),
}

st.subheader("Sources")
st.caption("Most sources are news reports that cite official statistics, not the statistics "
           "themselves: see the 'cites' column.")
st.dataframe(t["sources"], hide_index=True, width="stretch", column_config=config)
st.download_button("sources.csv", export.to_csv(t["sources"]), "sources.csv", "text/csv",
                   key="dl-table-sources", on_click="ignore", icon=":material/download:")

resources = {r["name"]: r for r in descriptor["resources"]}
for name, r in resources.items():
    if name == "sources" or name not in t:
        continue
    st.subheader(r.get("title", name))
    st.caption(r.get("description", ""))
    st.dataframe(t[name], hide_index=True, width="stretch", column_config=config)
    st.download_button(f"{name}.csv", export.to_csv(t[name]), f"{name}.csv", "text/csv",
                       key=f"dl-table-{name}", on_click="ignore", icon=":material/download:")

st.subheader("Method")
st.markdown(
    "- **Units.** Values are current US dollars (not adjusted for inflation), stored in full "
    "(41 000 000 000, not '41 bn'). Charts show US$ bn.\n"
    "- **Reporter and partner.** Each row is one country's statistics (`reporter`) about trade "
    "with another (`partner`). `export` is reporter → partner, `import` partner → reporter, "
    "`total` both. China's and Kazakhstan's figures are never mixed in one series.\n"
    "- **Gaps.** Years without a sourced figure are left out, never interpolated. Charts show "
    "them as gaps (a dotted line at most, labelled as not data).\n"
    "- **Approximations.** Figures a source gives as round or 'nearly' are flagged "
    "`approximate` and drawn as hollow markers.\n"
    "- **Other readings.** Where sources disagree, the series keeps one reading and "
    "`other_readings` keeps the others, each with its source.\n"
    "- **Computed figures** (growth rates, CAGR, gaps, the doubling target) are "
    "computed from these tables and labelled as computed.\n"
    "- **Projections** compound a constant rate once a year: arithmetic, not forecasts.")

st.subheader("How to cite this dashboard")
st.code(f"China–Kazakhstan Trade Dashboard, data package version {descriptor['version']}: "
        f"\"{descriptor['title']}\". Figures compiled from the sources listed therein. "
        "Accessed <date>.", language=None)
st.caption("Cite the original source of any single figure as well: its publisher, title, "
           "address and date are in the sources table.")
ui.footer()
