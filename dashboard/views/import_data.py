"""Import data: load a UN Comtrade (CSV, API JSON, Excel), WITS or tidy file for this browser
session only. A file without reporter and partner columns (a WITS indicator file) is loaded only
after the user chooses the pair in two select boxes (preselected from the file name, if it names
them, and said so).

Everything the user supplied (file name, cell values) is shown as plain text: in tables,
``st.text`` or escaped and shortened; never as Markdown. Table cells that a spreadsheet would
run as a formula are neutralised before display, so the table toolbar's own CSV download is
as safe as our download buttons.
"""

import pandas as pd
import streamlit as st

from dashboard.core import display
from dashboard.data.loader import DataError
from dashboard.errors import Reason
from dashboard.export.render import safe_cell, to_csv
from dashboard.importing.countries import DISPLAY, WORLD, guess_pair, name_of
from dashboard.importing.reader import (
    MAX_BYTES,
    MAX_ROWS,
    PairNeeded,
    combine,
    read_import,
    source_frame,
)
from dashboard.importing.tables import (
    mirror_flows,
    mirror_pairs,
    monthly_view,
    product_view,
    reporter_series,
    world_shares,
)
from dashboard.text.plain import md_escape, one_line
from dashboard.text.reasons import render
from dashboard.ui import controls as ui

PARSED_KEY = "upload-parsed"       # (file id, ImportResult or error text): parse once per file
NAME_LIMIT = 120
MONEY = st.column_config.NumberColumn(format="$%,.0f")
PERCENT = st.column_config.NumberColumn(format="%.2f%%")
# Formats only: the on-screen labels are the columns' col.* messages (ui.table).
CONFIG = {"value_usd": MONEY, "year": st.column_config.NumberColumn(format="%d"),
          "total_usd": MONEY, "world_value_usd": MONEY, "previous_year_usd": MONEY,
          "value_a_usd": MONEY,
          "value_b_usd": MONEY, "gap_usd": MONEY, "share_pct": PERCENT,
          "share_of_total_pct": PERCENT,
          "gap_pct": st.column_config.NumberColumn(format="%+.1f%%"),
          "change_pct": st.column_config.NumberColumn(format="%+.1f%%")}
lang = ui.lang()
say = ui.translator()


def tr_en(key: str) -> str:
    return render(Reason(key))


def bounded(text: str, limit: int = NAME_LIMIT) -> str:
    """One line of printable characters, shortened: safe for st.text."""
    flat = one_line(text)
    return flat if len(flat) <= limit else flat[:limit] + say("import.truncated", count=len(flat))


def escaped(text: str, limit: int = 400) -> str:
    """For Markdown elements (st.error, st.info): no character can start markup."""
    return md_escape(bounded(text, limit))


def neutral(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells a spreadsheet would run as a formula get a leading apostrophe."""
    out = frame.copy()
    for col in out.columns:
        if pd.api.types.is_string_dtype(out[col]) or out[col].dtype == object:
            out[col] = out[col].map(safe_cell)
    return out


def _country(code: object) -> str:
    return say.country("001" if code == WORLD else str(code))


def ours(frame: pd.DataFrame, series: str | None = None) -> pd.DataFrame:
    """The words the importer wrote (flows, our country names, series labels, our notes) in
    the reader's language; the user's own values stay as they are."""
    out = frame.copy()
    for col in ("flow", "flow_a", "flow_b"):
        if col in out.columns:
            out[col] = out[col].map(lambda v: say.data("flow", v) if isinstance(v, str) else v)
    for role in ("reporter", "partner"):
        col = f"{role}_name"
        if col in out.columns:
            out[col] = [_country(c) if isinstance(n, str) and n == name_of(c) else n
                        for c, n in zip(out[role], out[col], strict=True)]
    if "note" in out.columns:
        derived = tr_en("upload.derived_note")
        out["note"] = out["note"].map(
            lambda v: say("upload.derived_note") if isinstance(v, str) and v == derived else v)
    if "measure" in out.columns and series == "monthly":
        out["measure"] = [say("import.measure.month") if m == "month" else
                          say("import.measure.months", end=int(e))
                          for m, e in zip(out["measure"], out["month_end"], strict=True)]
    if series == "mirror" and lang != "en":  # English: as the importer wrote it
        out["measure"] = [say("import.measure.mirror", country_a=_country(a), country_b=_country(b),
                              flow_a=say(f"import.series_flow.{fa}"),
                              flow_b=say(f"import.series_flow.{fb}"))
                          for a, b, fa, fb in zip(frame["reporter_a"], frame["reporter_b"],
                                                  frame["flow_a"], frame["flow_b"], strict=True)]
    if series and "series" in out.columns:
        out["series"] = [say(f"import.series.{series}", reporter_country=_country(r),
                           partner_country=_country(q), flow=say(f"import.series_flow.{f}"))
                         for r, f, q in zip(frame["reporter"], frame["flow"], frame["partner"],
                                            strict=True)]
    return out


def table(frame: pd.DataFrame, name: str, caption: str | None = None, *,
          shown: pd.DataFrame | None = None) -> None:
    """A table shown neutralised, with our own formula-safe CSV download under it; ``shown``
    is what the page draws when it differs from the download (our words translated)."""
    if caption:
        st.caption(caption)
    # The user's values are shown as they are, never renamed: only the column labels and the
    # importer's own words are the reader's.
    ui.table(neutral(frame if shown is None else shown), lang, CONFIG, values=False)
    st.download_button(f"{name}.csv", to_csv(frame), f"{name}.csv", "text/csv",
                       key=f"dl-import-{name}", on_click="ignore", icon=":material/download:")


def parse(upload, pair: tuple = (None, None)):
    """The file's ImportResult, PairNeeded when the user must name the pair, or the reason it
    cannot be used (file name removed)."""
    key = (upload.file_id, pair)
    cached = st.session_state.get(PARSED_KEY)
    if cached and cached[0] == key:
        return cached[1]
    upload.seek(0)
    try:
        parsed = read_import(upload, *pair)
    except PairNeeded as exc:
        parsed = exc
    except DataError as exc:
        text = str(exc)
        name = str(getattr(upload, "name", ""))
        parsed = exc.reason or (text[len(name) + 2:] if text.startswith(f"{name}: ") else text)
    st.session_state[PARSED_KEY] = (key, parsed)
    return parsed


def choose_pair(upload, needed: PairNeeded):
    """Two select boxes for a file without reporter/partner columns; the parse once both are
    chosen, else None. A guess from the file name is preselected and said to be one."""
    st.info(say("import.pair_needed", columns=escaped(", ".join(needed.columns))),
            icon=":material/help:")
    guess = guess_pair(str(upload.name))
    countries = sorted((c for c in DISPLAY if c != WORLD), key=name_of)
    chosen = []
    for role, options, default in (("reporter", countries, guess[0]),
                                   ("partner", [WORLD, *countries], guess[1])):
        chosen.append(st.selectbox(
            say(f"import.pair_{role}"), options,
            index=options.index(default) if default in options else None,
            format_func=lambda c: f"{name_of(c)} ({c})", placeholder=say("import.pair_choose"),
            key=f"upload-{role}-{upload.file_id}"))
    if any(guess):
        st.caption(say("import.pair_guessed"))
    return parse(upload, tuple(chosen)) if all(chosen) else None


base = ui.bundled_tables()
st.title(say("import.title"))
st.markdown(say("import.intro_md"))
st.markdown(say("import.more_forms_md"))
st.caption(say("import.limits", mb=MAX_BYTES // 10**6, bytes=say.number(MAX_BYTES, 0),
             rows=say.number(MAX_ROWS, 0)))

upload = st.file_uploader(say("import.uploader"), type=["csv", "txt", "json", "xlsx"],
                          key="upload-file")
result = parse(upload) if upload is not None else None
if isinstance(result, PairNeeded):
    st.text(say("import.file_line", name=bounded(upload.name)))
    result = choose_pair(upload, result)
if isinstance(result, str | Reason):
    why = render(result, lang) if isinstance(result, Reason) else result
    st.error(say("import.cannot_use", error=escaped(why)), icon=":material/error:")
    st.text(say("import.file_line", name=bounded(upload.name)))
elif result is not None:
    st.text(say("import.file_line", name=bounded(upload.name)))
    st.info("\n".join(f"- {escaped(render(n, lang), 600)}" for n in result.notes))
    st.subheader(say("import.accepted_heading", count=say.number(len(result.rows), 0)))
    table(result.rows, "accepted-rows", shown=ours(result.rows))
    st.subheader(say("import.rejected_heading", count=say.number(len(result.rejected), 0)))
    if result.rejected.empty:
        st.success(say("import.all_accepted", count=result.data_rows))
    else:
        table(result.rejected, "rejected-rows", say("import.rejected_caption"),
              shown=result.rejected.assign(reason=[render(r, lang) for r in result.reasons]))
    if result.rows.empty:
        st.warning(say("import.none_usable"))
    st.subheader(say("import.shows_heading"))
    series = reporter_series(result.totals)
    series = series[["year", "reporter", "partner", "flow", "value_usd", "note", "series",
                     "source_id"]]
    table(series, "your-totals", say("import.totals_caption"), shown=ours(series, "total"))
    if not result.commodities.empty:
        products = product_view(result.rows)
        table(products, "your-products", say("import.products_caption"),
              shown=ours(products, "product"))
    monthly = monthly_view(result.rows)
    if not monthly.empty:
        table(monthly, "your-monthly", say("import.monthly_caption"),
              shown=ours(monthly, "monthly"))
    shares = world_shares(result.rows)
    if not shares.empty:
        table(shares, "your-world-shares", say("import.shares_caption"),
              shown=ours(shares, "world_share"))
    for a, b in mirror_pairs(result.totals):
        mirror = mirror_flows(result.totals, a, b)
        table(mirror, f"your-mirror-{a}-{b}".lower(), say("import.mirror_caption"),
              shown=ours(mirror, "mirror"))
    _, conflicts = combine(base["bilateral_trade"], result.totals)
    if not conflicts.empty:
        st.warning(say("import.conflicts", count=len(conflicts)))
        table(conflicts, "overlaps-with-bundled", shown=ours(conflicts))
    if st.button(say("import.use_button"), type="primary", disabled=result.rows.empty,
                 key="upload-use"):
        st.session_state[ui.UPLOAD_KEY] = {
            "accepted": result.totals, "rejected": result.rejected, "result": result,
            "source": source_frame(result.totals, base["sources"].columns),
            "source_entry": dict(result.totals.attrs["source"])}
        st.session_state.setdefault(ui.PREFER_KEY, "bundled")
        st.success(say.sentences(say("import.used", count=len(result.rows)),
                               say("import.totals_charted", count=len(result.totals))))

current = st.session_state.get(ui.UPLOAD_KEY)
if current is not None:
    st.divider()
    st.subheader(say("import.in_use_heading"))
    src = current["source_entry"]
    cites = display.known_text(src["cites"], "import.format.", lang)
    st.text(say("import.in_use_line", title=bounded(src["title"]), cites=cites,
              count=len(current["accepted"]), source_id=src["source_id"]))
    options = ["bundled", "uploaded"]
    saved = st.session_state.get(ui.PREFER_KEY, "bundled")
    # The widget has its own key; the choice lives in a plain key that Streamlit keeps for the
    # whole session (a widget's key is dropped when its page is not shown) and ui.tables reads.
    choice = st.radio(say("import.prefer"), options,
                      index=options.index(saved) if saved in options else 0,
                      key="upload-prefer", horizontal=True,
                      format_func=lambda o: say(f"import.prefer.{o}"))
    st.session_state[ui.PREFER_KEY] = choice
    if st.button(say("import.remove"), key="upload-remove"):
        del st.session_state[ui.UPLOAD_KEY]
        st.query_params.pop(ui.UPLOAD_PARAM, None)  # removed on purpose: not "lost"
        st.rerun()
ui.footer(lang)
