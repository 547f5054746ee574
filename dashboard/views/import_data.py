"""Import data: load a UN Comtrade, WITS or tidy CSV for this browser session only.

Everything the user supplied (file name, cell values) is shown as plain text: in tables,
``st.text`` or escaped and shortened; never as Markdown. Table cells that a spreadsheet would
run as a formula are neutralised before display, so the table toolbar's own CSV download is
as safe as our download buttons.
"""

import re

import pandas as pd
import streamlit as st

from dashboard import ui
from dashboard.data import DataError
from dashboard.export import safe_cell, to_csv
from dashboard.import_tables import (
    mirror_flows,
    mirror_pairs,
    product_view,
    reporter_series,
    world_shares,
)
from dashboard.importing import MAX_BYTES, MAX_ROWS, combine, read_import, source_frame

PARSED_KEY = "upload-parsed"       # (file id, ImportResult or error text): parse once per file
NAME_LIMIT = 120
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+!|<>~$:^=&])")
MONEY = st.column_config.NumberColumn("value (US$)", format="$%,.0f")
CONFIG = {"value_usd": MONEY, "year": st.column_config.NumberColumn(format="%d"),
          "total_usd": st.column_config.NumberColumn("TOTAL in file (US$)", format="$%,.0f"),
          "world_value_usd": st.column_config.NumberColumn("with World (US$)", format="$%,.0f"),
          "value_a_usd": st.column_config.NumberColumn("A's figure (US$)", format="$%,.0f"),
          "value_b_usd": st.column_config.NumberColumn("B's figure (US$)", format="$%,.0f"),
          "gap_usd": st.column_config.NumberColumn("gap (US$)", format="$%,.0f"),
          "share_pct": st.column_config.NumberColumn("share (%)", format="%.2f%%"),
          "share_of_total_pct": st.column_config.NumberColumn("share of TOTAL (%)",
                                                              format="%.2f%%"),
          "gap_pct": st.column_config.NumberColumn("gap (%)", format="%+.1f%%")}


def bounded(text: str, limit: int = NAME_LIMIT) -> str:
    """One line of printable characters, shortened: safe for st.text."""
    flat = " ".join("".join(c if c.isprintable() else " " for c in str(text)).split())
    return flat if len(flat) <= limit else flat[:limit] + f"… ({len(flat):,} characters)"


def escaped(text: str, limit: int = 400) -> str:
    """For Markdown elements (st.error, st.info): no character can start markup."""
    return _MARKDOWN.sub(r"\\\1", bounded(text, limit))


def neutral(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells a spreadsheet would run as a formula get a leading apostrophe."""
    out = frame.copy()
    for col in out.columns:
        if pd.api.types.is_string_dtype(out[col]) or out[col].dtype == object:
            out[col] = out[col].map(safe_cell)
    return out


def table(frame: pd.DataFrame, name: str, caption: str | None = None) -> None:
    """A table shown neutralised, with our own formula-safe CSV download under it."""
    if caption:
        st.caption(caption)
    st.dataframe(neutral(frame), hide_index=True, width="stretch", column_config=CONFIG)
    st.download_button(f"{name}.csv", to_csv(frame), f"{name}.csv", "text/csv",
                       key=f"dl-import-{name}", on_click="ignore", icon=":material/download:")


def parse(upload):
    """The file's ImportResult, or the reason it cannot be used (file name removed)."""
    cached = st.session_state.get(PARSED_KEY)
    if cached and cached[0] == upload.file_id:
        return cached[1]
    try:
        parsed = read_import(upload)
    except DataError as exc:
        text = str(exc)
        name = str(getattr(upload, "name", ""))
        parsed = text[len(name) + 2:] if text.startswith(f"{name}: ") else text
    st.session_state[PARSED_KEY] = (upload.file_id, parsed)
    return parsed


base = ui.bundled_tables()
st.title("Import your own figures")
st.markdown(
    "Load a CSV of annual trade figures and see it on every page. Accepted formats: "
    "**UN Comtrade Plus** and **Comtrade** (classic) downloads as they come (all-commodity "
    "`TOTAL` rows, HS chapters or headings, partner World), **World Bank WITS** downloads "
    "(values in US$ thousand are turned into dollars), or this dashboard's own tidy "
    "`bilateral_trade` columns. UTF-8, UTF-16, Windows-1251 or Windows-1252; comma, "
    "semicolon or tab separated.")
st.caption(f"Limits: {MAX_BYTES // (1024 * 1024)} MB and {MAX_ROWS:,} rows per file. Your data "
           "stays in this browser session: it never changes the bundled data and no other user "
           "sees it.")

upload = st.file_uploader("Trade CSV", type=["csv", "txt"], key="upload-file")
result = parse(upload) if upload is not None else None
if isinstance(result, str):
    st.error(f"This file cannot be used: {escaped(result)}", icon=":material/error:")
    st.text(f"File: {bounded(upload.name)}")
elif result is not None:
    st.text(f"File: {bounded(upload.name)}")
    st.info("\n".join(f"- {escaped(m, 600)}" for m in result.messages))
    st.subheader(f"Accepted rows: {len(result.rows)}")
    table(result.rows, "accepted-rows")
    st.subheader(f"Rejected rows: {len(result.rejected)}")
    if result.rejected.empty:
        st.success(f"Every one of the {result.data_rows:,} data rows was accepted.")
    else:
        table(result.rejected, "rejected-rows", "Each rejected row with its line number in the "
              "file, the reason and the line as it was read.")
    if result.rows.empty:
        st.warning("No row of this file could be used: see the reasons above.")
    st.subheader("What your file shows")
    series = reporter_series(result.totals)
    table(series[["year", "reporter", "partner", "flow", "value_usd", "note", "series",
                  "source_id"]], "your-totals",
          "Your file's all-commodity totals (partner not World), each reporter's statistics as "
          "their own series; totals marked 'Derived' are export + import.")
    if not result.commodities.empty:
        table(product_view(result.rows), "your-products",
              "Products in your file, as each reporter reports them, with the file's own "
              "descriptions. They are parts of the trade, not the whole: the share of TOTAL is "
              "given only where your file has the TOTAL for the same year and flow.")
    shares = world_shares(result.rows)
    if not shares.empty:
        table(shares, "your-world-shares",
              "Your file's pair trade as a share of the reporter's trade with the World.")
    for a, b in mirror_pairs(result.totals):
        table(mirror_flows(result.totals, a, b), f"your-mirror-{a}-{b}".lower(),
              "Both sides of one pair from your file: each country's own statistics, side "
              "by side (A's exports are B's imports).")
    _, conflicts = combine(base["bilateral_trade"], result.totals)
    if not conflicts.empty:
        st.warning(f"{len(conflicts)} of your figures describe the same year, reporter, "
                   "partner and flow as a bundled figure. Both are kept: choose below which "
                   "one the charts use.")
        table(conflicts, "overlaps-with-bundled")
    if st.button("Use this data in my session", type="primary", disabled=result.rows.empty,
                 key="upload-use"):
        st.session_state[ui.UPLOAD_KEY] = {
            "accepted": result.totals, "rejected": result.rejected, "result": result,
            "source": source_frame(result.totals, base["sources"].columns),
            "source_entry": dict(result.totals.attrs["source"])}
        st.session_state.setdefault(ui.PREFER_KEY, "bundled")
        st.success(f"{len(result.rows)} rows are now in use in this session: "
                   f"{len(result.totals)} annual totals on every page's charts.")

current = st.session_state.get(ui.UPLOAD_KEY)
if current is not None:
    st.divider()
    st.subheader("In use in this session")
    src = current["source_entry"]
    st.text(f"{bounded(src['title'])} ({src['cites']}): {len(current['accepted'])} rows, "
            f"source id {src['source_id']}")
    options = ["bundled", "uploaded"]
    saved = st.session_state.get(ui.PREFER_KEY, "bundled")
    # The widget has its own key; the choice lives in a plain key that Streamlit keeps for the
    # whole session (a widget's key is dropped when its page is not shown) and ui.tables reads.
    choice = st.radio("Where your figures and the bundled ones overlap, chart", options,
                      index=options.index(saved) if saved in options else 0,
                      key="upload-prefer", horizontal=True,
                      format_func={"bundled": "the bundled (sourced) figures",
                                   "uploaded": "your uploaded figures"}.get)
    st.session_state[ui.PREFER_KEY] = choice
    if st.button("Remove my data", key="upload-remove"):
        del st.session_state[ui.UPLOAD_KEY]
        st.rerun()
ui.footer()
