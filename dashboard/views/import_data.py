"""Import data: load a UN Comtrade or tidy CSV for this browser session only."""

import streamlit as st

from dashboard import ui
from dashboard.data import DataError
from dashboard.importing import MAX_BYTES, MAX_ROWS, combine, read_trade_csv, source_frame

base = ui.bundled_tables()
st.title("Import your own figures")
st.markdown(
    "Load a CSV of annual trade figures and see it on every page. Accepted formats: "
    "**UN Comtrade** (classic) and **Comtrade Plus** downloads (annual, all-commodity "
    "`TOTAL` rows), or this dashboard's own tidy `bilateral_trade` columns. UTF-8 (with or "
    "without BOM) or Windows-1251; comma, semicolon or tab separated.")
st.caption(f"Limits: {MAX_BYTES // (1024 * 1024)} MB and {MAX_ROWS:,} rows per file. Your data "
           "stays in this browser session: it never changes the bundled data and no other user "
           "sees it.")

upload = st.file_uploader("Trade CSV", type=["csv", "txt"], key="upload-file")
if upload is not None:
    try:
        accepted, rejected = read_trade_csv(upload)
    except DataError as exc:
        st.error(f"This file cannot be used: {exc}", icon=":material/error:")
        accepted = rejected = None
    if accepted is not None:
        for message in accepted.attrs.get("messages", []):
            st.info(message)
        st.subheader(f"Accepted rows: {len(accepted)}")
        st.dataframe(accepted, hide_index=True, width="stretch", column_config={
            "value_usd": st.column_config.NumberColumn("value (US$)", format="$%,.0f"),
            "year": st.column_config.NumberColumn(format="%d")})
        st.subheader(f"Rejected rows: {len(rejected)}")
        if rejected.empty:
            st.success("Every data row was accepted.")
        else:
            st.dataframe(rejected, hide_index=True, width="stretch")
        _, conflicts = combine(base["bilateral_trade"], accepted)
        if not conflicts.empty:
            st.warning(f"{len(conflicts)} of your figures describe the same year, reporter, "
                       "partner and flow as a bundled figure. Both are kept: choose below which "
                       "one the charts use.")
            st.dataframe(conflicts, hide_index=True, width="stretch")
        if st.button("Use this data in my session", type="primary", disabled=accepted.empty,
                     key="upload-use"):
            st.session_state[ui.UPLOAD_KEY] = {
                "accepted": accepted, "rejected": rejected,
                "source": source_frame(accepted, base["sources"].columns)}
            st.success(f"{len(accepted)} rows are now used on every page of this session.")

current = st.session_state.get(ui.UPLOAD_KEY)
if current is not None:
    st.divider()
    st.subheader("In use in this session")
    src = current["source"].iloc[0]
    st.text(f"{src['title']} ({src['cites']}): {len(current['accepted'])} rows, "
            f"source id {src['source_id']}")
    st.radio("Where your figures and the bundled ones overlap, chart",
             ["bundled", "uploaded"], key=ui.PREFER_KEY, horizontal=True,
             format_func={"bundled": "the bundled (sourced) figures",
                          "uploaded": "your uploaded figures"}.get)
    if st.button("Remove my data", key="upload-remove"):
        del st.session_state[ui.UPLOAD_KEY]
        st.rerun()
ui.footer()
