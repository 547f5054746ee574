"""The "current or constant US$" controls a page shows above its dollar charts, and their link.

``?prices=constant&base=2023&deflator=gdp`` restores a view; a value that cannot be used falls
back with the app's notice (``core.prices.parse_params``). The choice goes back into the URL on
every run, so a shared link carries it. No logic of its own: the rules are ``core.prices``.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from dashboard.core import prices as rules
from dashboard.text.i18n import tr
from dashboard.ui.language import notice


def _incoming() -> dict[str, str]:
    return {k: st.query_params.get_all(k)[-1] for k in rules.PARAMS
            if st.query_params.get_all(k)}


def controls(tables: Mapping[str, pd.DataFrame], lang: str, *, key: str,
             base_year: int | None = None) -> rules.Choice:
    """Prices, index and base year; ``base_year`` given: the page's own base year is the
    prices' base too (the doubling page), and no base-year control is shown."""
    if not rules.has_deflator(tables):
        return rules.Choice()
    incoming = _incoming()
    if base_year is not None:
        incoming.pop("base", None)
    written = st.session_state.get(f"{key}-written")
    if written is None or (incoming and written != incoming):
        choice, notices = rules.parse_params(incoming, tables, lang, base=base_year is None)
        st.session_state[f"{key}-prices"] = choice.prices
        st.session_state[f"{key}-deflator"] = choice.deflator
        if choice.base_year is not None:
            st.session_state[f"{key}-base"] = choice.base_year
        st.session_state[f"{key}-notices"] = notices
    for text in st.session_state.get(f"{key}-notices", []):
        notice(tr(lang, "doubling.link_ignored", notice=text))

    c1, c2, c3 = st.columns([2, 2, 2], vertical_alignment="bottom")
    mode = c1.segmented_control(
        tr(lang, "prices.control"), list(rules.PRICES), key=f"{key}-prices",
        format_func=lambda m: tr(lang, f"prices.option.{m}"),
        help=tr(lang, "prices.help")) or "current"
    choice = rules.Choice()
    if mode == "constant":
        name = c2.selectbox(tr(lang, "prices.deflator_label"), list(rules.DEFLATORS),
                            key=f"{key}-deflator",
                            format_func=lambda d: tr(lang, f"prices.name.{d}"))
        d = rules.deflator(tables, name, lang)
        if base_year is None:
            if st.session_state.get(f"{key}-base") not in d.index:
                st.session_state[f"{key}-base"] = d.default_base()
            year = c3.selectbox(
                tr(lang, "prices.base_label"), d.years[::-1], key=f"{key}-base",
                format_func=lambda y: tr(lang, "prices.partial", year=str(y),
                                         months=str(d.partial[y])) if y in d.partial else str(y))
        else:
            year = base_year
        choice = rules.Choice("constant", int(year), name)
    params = choice.to_params()
    if base_year is not None:
        params.pop("base", None)
    for k in rules.PARAMS:
        if base_year is not None and k == "base":
            continue
        if k in params and st.query_params.get(k) != params[k]:
            st.query_params[k] = params[k]
        elif k not in params and k in st.query_params:
            del st.query_params[k]
    st.session_state[f"{key}-written"] = params
    st.session_state[f"{key}-notices"] = []
    return choice
