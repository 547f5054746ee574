"""Doubling target: when could trade double, and what growth would it take?

Controls are mirrored in the URL so a view can be shared; only the fragment
below reruns when a control moves.
"""

import pandas as pd
import streamlit as st

from dashboard import catalog, ui
from dashboard.data import series
from dashboard.doubling import (
    DEADLINE_SPAN,
    GROWTH_MAX,
    GROWTH_MIN,
    MULTIPLE_MAX,
    MULTIPLE_MIN,
    PRESET_KEYS,
    Settings,
    default_settings,
    parse_params,
    presets,
)
from dashboard.theme import fmt_bn, fmt_pct

t = ui.tables()
st.title("The doubling target")
doubling_claim = t["editorial_claims"].set_index("claim_id").loc["doubling_goal"]
st.markdown(f"> *“{doubling_claim['quote']}”* — China Daily, editorial (July 2024)")
st.caption("No deadline and no dollar figure were announced. This page asks when trade would "
           "reach the goal at a given growth rate, and what rate a chosen deadline would need.")

reporter, partner = ui.pair_selector(t, key="dbl-pair")
history = series(t["bilateral_trade"], reporter, partner)
base_years = [int(y) for y in history["year"]]
defaults = default_settings(history)


def _target_label(r) -> str:
    when = "no deadline" if pd.isna(r["deadline_year"]) else f"by {int(r['deadline_year'])}"
    return f"{fmt_bn(float(r['target_value_usd']))}, {when} ({r['announced_by']}, {r['announced']})"


announced = t["targets"].dropna(subset=["target_value_usd"])
announced_options = {float(r["target_value_usd"]): _target_label(r)
                     for _, r in announced.iterrows()}
CUSTOM = -1.0


def apply_settings(s: Settings) -> None:
    """Put settings into the widgets' session state (used for URL links and defaults)."""
    st.session_state["dbl-base"] = s.base_year
    st.session_state["dbl-growth"] = round(s.growth * 100, 1)
    st.session_state["dbl-mode"] = "Multiple of the base year" if s.target_usd is None else (
        "Amount in US$")
    st.session_state["dbl-multiple"] = s.multiple
    if s.target_usd is not None:
        if s.target_usd in announced_options:
            st.session_state["dbl-target-choice"] = s.target_usd
        else:
            st.session_state["dbl-target-choice"] = CUSTOM
            st.session_state["dbl-target-custom"] = s.target_usd / 1e9
    st.session_state["dbl-deadline"] = s.deadline
    st.session_state["dbl-scenarios"] = list(s.scenarios)
    st.session_state["dbl-log"] = s.log


# A URL different from the one this page last wrote means someone opened a link: apply it.
incoming = {k: st.query_params.get_all(k) for k in st.query_params}
written = st.session_state.get("dbl-written")
if written is None or (incoming and written != {k: v[-1] for k, v in incoming.items()}):
    settings, notices = parse_params(incoming, base_years, defaults)
    apply_settings(settings)
    st.session_state["dbl-notices"] = notices
for notice in st.session_state.get("dbl-notices", []):
    st.warning(f"Link parameter ignored: {notice}", icon=":material/link_off:")

preset_list = presets(history, st.session_state["dbl-base"])
preset_labels = {p.key: f"{p.label.capitalize()}: {fmt_pct(p.growth, sign=False)}"
                 for p in preset_list}


@st.fragment
def explorer() -> None:
    c1, c2, c3 = st.columns([1, 2, 1.3])
    base = c1.selectbox("Base year", base_years, key="dbl-base",
                        help="Years with a China-reported total")
    growth_pct = c2.slider("Your annual growth rate (%)", GROWTH_MIN * 100, GROWTH_MAX * 100,
                           step=0.1, format="%.1f%%", key="dbl-growth")
    low, high = base + 1, base + DEADLINE_SPAN
    if not low <= st.session_state.get("dbl-deadline", low) <= high:
        st.session_state["dbl-deadline"] = min(max(2030, low), high)
    deadline = c3.slider("Deadline for 'what would it take'", low, high, key="dbl-deadline")

    d1, d2 = st.columns([1, 2.3])
    mode = d1.radio("Target", ["Multiple of the base year", "Amount in US$"], key="dbl-mode")
    target_usd = None
    multiple = st.session_state.get("dbl-multiple", 2.0)
    if mode == "Multiple of the base year":
        multiple = d2.slider("Multiple of the base-year value", MULTIPLE_MIN, MULTIPLE_MAX,
                             step=0.1, format="%.1f×", key="dbl-multiple")
    else:
        choice = d2.selectbox("Announced target, or your own", [*announced_options, CUSTOM],
                              format_func=lambda v: announced_options.get(v, "Custom amount"),
                              key="dbl-target-choice")
        if choice == CUSTOM:
            st.session_state.setdefault("dbl-target-custom", 82.0)
            target_usd = d2.number_input("Target (US$ bn)", 1.0, 1000.0, step=1.0,
                                         key="dbl-target-custom") * 1e9
        else:
            target_usd = choice
    e1, e2 = st.columns([4, 1], vertical_alignment="bottom")
    chosen = e1.pills("Compare with scenarios computed from the data", list(preset_labels),
                      selection_mode="multi", format_func=preset_labels.get, key="dbl-scenarios")
    log = e2.toggle("Log scale", key="dbl-log")

    settings = Settings(base_year=base, growth=round(growth_pct / 100, 4), multiple=multiple,
                        target_usd=target_usd, deadline=deadline,
                        scenarios=tuple(k for k in PRESET_KEYS if k in (chosen or [])),
                        log=log)
    params = settings.to_params()
    if dict(st.query_params) != params:
        st.query_params.from_dict(params)
    st.session_state["dbl-written"] = params
    st.session_state["dbl-notices"] = []

    spec = catalog.build("doubling-target", t, catalog.Options(
        reporter=reporter, partner=partner, log=log, projection=settings))
    a = spec.extra["answer"]
    with st.container(border=True):
        st.markdown(f"#### {a.sentences[0]}")
        st.markdown(f"**{a.required_sentence}**")
        for line in a.progress:
            st.markdown(f"Actual {line}")
        for line in a.sentences[1:]:
            st.markdown(f"- {line}")
    ui.chart(spec)
    st.caption("Share this view: the address bar holds every setting. Presets are computed from "
               "China's customs totals; a path is arithmetic on a constant rate, not a forecast.")


explorer()
ui.footer()
