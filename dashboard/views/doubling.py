"""Doubling target: when could trade double, and what growth would it take?

Controls are mirrored in the URL so a view can be shared; only the fragment
below reruns when a control moves.
"""

import streamlit as st

from dashboard import charts
from dashboard.charts.target import default_projection
from dashboard.core import display
from dashboard.core.doubling import pair_presets, target_choices
from dashboard.core.projection_settings import (
    LIMITS,
    PRESET_KEYS,
    Settings,
    deadline_range,
    parse_params,
)
from dashboard.core.verdicts import claim_quote
from dashboard.data.loader import pair_series, value_for
from dashboard.text.formatting import capitalise, percent_affixes
from dashboard.text.plain import md_escape
from dashboard.ui import controls as ui
from dashboard.ui import prices as price_controls

# The widgets' values stay these English constants in every language (labels are translated),
# so switching language never resets a control.
MULTIPLE, AMOUNT = "Multiple of the base year", "Amount in US$"
MODES = {MULTIPLE: "doubling.mode.multiple", AMOUNT: "doubling.mode.amount"}
CUSTOM = -1.0

lang = ui.lang()
say = ui.translator()
tables = ui.tables()
# Streamlit's slider formats are printf, with a decimal point in every language: the percent
# sign is placed the reader's way, and zh/ru/kk also see the value in their format under it.
PCT_FORMAT = "%.1f".join(a.replace("%", "%%") for a in percent_affixes(lang))
st.title(say("doubling.title"))
quote = ui.shared(claim_quote, "target_multiple")
if quote:
    st.markdown(f"> *“{quote}”* {say('common.quote_attribution_short')}")
    translation = ui.shared(display.claim_caption, lang, metric="target_multiple")
    if translation:
        st.caption(translation)
st.caption(say("doubling.caption"))

reporter, partner = ui.pair_selector(key="dbl-pair", lang=lang)
who = ui.who(reporter, lang)
history = ui.shared(pair_series, reporter, partner)
base_years = [int(y) for y in history["year"]]
defaults = ui.shared(default_projection, reporter, partner)

announced_options = target_choices(tables["targets"], lang=lang)

def apply_settings(s: Settings) -> None:
    """Put settings into the widgets' session state (for shared links and defaults)."""
    st.session_state["dbl-base"] = s.base_year
    st.session_state["dbl-growth"] = round(s.growth * 100, 1)
    st.session_state["dbl-mode"] = MULTIPLE if s.target_usd is None else AMOUNT
    st.session_state["dbl-multiple"] = s.multiple
    if s.target_usd is not None:
        known = s.target_usd in announced_options
        st.session_state["dbl-target-choice"] = s.target_usd if known else CUSTOM
        if not known:
            st.session_state["dbl-target-custom"] = s.target_usd / 1e9
    st.session_state["dbl-deadline"] = s.deadline
    st.session_state["dbl-scenarios"] = list(s.scenarios)
    # Scenarios a link or the defaults name were asked for: a flagged one stays only then.
    st.session_state["dbl-asked"] = {(reporter, s.base_year, k) for k in s.scenarios}
    st.session_state["dbl-log"] = s.log


# A URL different from the one this page last wrote means someone opened a link: apply it.
incoming = {k: st.query_params.get_all(k) for k in st.query_params
            if k not in (ui.LANG_KEY, ui.UPLOAD_PARAM)}
written = st.session_state.get("dbl-written")
if written is None or (incoming and written != {k: v[-1] for k, v in incoming.items()}):
    settings, notices = parse_params(incoming, base_years, defaults, who, lang=lang)
    apply_settings(settings)
    st.session_state["dbl-notices"] = notices
for text in st.session_state.get("dbl-notices", []):
    ui.notice(say("doubling.link_ignored", notice=text))


@st.fragment
def explorer() -> None:
    # The answer comes first in the page, above the controls (on a phone: before scrolling
    # past them); it is filled in once the controls are read.
    box = st.container(border=True)
    c1, c2, c3 = st.columns([1, 2, 1.3])
    base = c1.selectbox(say("doubling.base_year"), base_years, key="dbl-base",
                        help=say("doubling.base_year_help", who=who))
    growth_pct = c2.slider(say("doubling.growth"), LIMITS.growth_min * 100,
                           LIMITS.growth_max * 100, step=0.1, format=PCT_FORMAT, key="dbl-growth")
    if lang != "en":
        c2.caption(say.pct(growth_pct, is_fraction=False, sign=False))
    low, high = deadline_range(base)
    if not low <= st.session_state.get("dbl-deadline", low) <= high:
        st.session_state["dbl-deadline"] = min(max(LIMITS.default_deadline, low), high)
    deadline = c3.slider(say("doubling.deadline"), low, high, key="dbl-deadline")

    d1, d2 = st.columns([1, 2.3])
    mode = d1.radio(say("doubling.target"), list(MODES), format_func=lambda m: say(MODES[m]),
                    key="dbl-mode")
    target_usd = None
    multiple = st.session_state.get("dbl-multiple", defaults.multiple)
    if mode == MULTIPLE:
        multiple = d2.slider(say("doubling.multiple"), LIMITS.multiple_min,
                             LIMITS.multiple_max, step=0.1, format="%.1f×", key="dbl-multiple")
        if lang != "en":
            d2.caption(say.multiple(multiple))
    else:
        choice = d2.selectbox(say("doubling.target_choice"), [*announced_options, CUSTOM],
                              format_func=lambda v: announced_options.get(
                                  v, say("doubling.custom")),
                              key="dbl-target-choice")
        if choice == CUSTOM:
            base_value = value_for(tables["bilateral_trade"], base, reporter, partner) or 0.0
            st.session_state.setdefault("dbl-target-custom",
                                        round(base_value * defaults.multiple / 1e9))
            target_usd = d2.number_input(say("doubling.custom_input"), LIMITS.target_min_bn,
                                         LIMITS.target_max_bn, step=1.0,
                                         key="dbl-target-custom") * 1e9
        else:
            target_usd = choice
    # Scenario labels depend on the base year: computed here, inside the fragment.
    offered = ui.shared(pair_presets, reporter, partner, base, who, lang=lang)
    preset_labels = {p.key: say("doubling.preset_label", label=capitalise(p.label),
                               rate=say.pct(p.growth, sign=False)) for p in offered}
    # A rate crossing a flagged reading is shown only where the reader asked for it.
    flagged = {p.key for p in offered if p.flags}
    asked = st.session_state.setdefault("dbl-asked", set())
    st.session_state["dbl-scenarios"] = [
        k for k in st.session_state.get("dbl-scenarios", [])
        if k in preset_labels and (k not in flagged or (reporter, base, k) in asked)]
    # The toggle gets its own line: "Логарифмическая шкала" does not fit a narrow column.
    chosen = st.pills(say("doubling.scenarios"), list(preset_labels), selection_mode="multi",
                      format_func=preset_labels.get, key="dbl-scenarios")
    asked |= {(reporter, base, k) for k in chosen or []}
    if flagged:
        st.caption(say("doubling.flagged_presets"))
    log = st.toggle(say("doubling.log"), key="dbl-log")
    # The target stays nominal; constant dollars (of the base year) say what it means in real
    # terms (``?prices=constant&deflator=gdp``; ``base`` is the base year above).
    prices = price_controls.controls(tables, lang, key="dbl", base_year=base)

    settings = Settings(base_year=base, growth=round(growth_pct / 100, 4), multiple=multiple,
                        target_usd=target_usd, deadline=deadline,
                        scenarios=tuple(k for k in PRESET_KEYS if k in (chosen or [])), log=log)
    params = settings.to_params() | {k: v for k, v in prices.to_params().items() if k != "base"}
    kept = {k: st.query_params[k] for k in (ui.UPLOAD_PARAM,) if k in st.query_params}
    shared = params | {ui.LANG_KEY: lang} | kept
    if dict(st.query_params) != shared:
        st.query_params.from_dict(shared)
    st.session_state["dbl-written"] = params
    st.session_state["dbl-notices"] = []

    spec = ui.build("doubling-target", charts.Options(
        reporter=reporter, partner=partner, log=log, projection=settings, lang=lang,
        prices=prices.prices, base_year=prices.base_year, deflator=prices.deflator))
    a = spec.answer
    with box:
        st.markdown(f"#### {a.sentences[0]}")
        st.markdown(f"**{a.required_sentence}**")
        for line in a.progress:
            st.markdown(line)
        if a.pace_since_base is not None and a.required is not None:
            st.markdown(say("doubling.pace_vs_needed", base_year=a.settings.base_year,
                          year=a.pace_year, pace=say.pct(a.pace_since_base, sign=False),
                          deadline=a.settings.deadline,
                          needed=say.pct(a.required, sign=False)))
        for line in a.sentences[1:]:
            st.markdown(f"- {line}")
        if prices.prices == "constant":
            st.markdown(f"**{say('doubling.real.heading')}**")
            for line in spec.real_sentences:  # several amounts: '$' must not start LaTeX
                st.markdown(f"- {md_escape(line)}")
    ui.chart(spec, lang)
    st.caption(say("doubling.share_caption", who=who))


explorer()
ui.footer(lang)
