"""The session's language, for the pages: chosen once per run, passed to everything.

``?lang=`` wins, then the session's choice, then the browser's locale. Nothing here is
process-global: the language lives in each session's state and URL.
"""

from __future__ import annotations

import streamlit as st

from dashboard.charts import kit
from dashboard.text.i18n import DEFAULT_LANG, LANGUAGES, Translator, resolve_language, tr
from dashboard.text.plain import visible

NOTICE_VALUE_LIMIT = 40  # characters of a link's value repeated back in a notice

LANG_KEY = "lang"                   # this session's language (also ?lang= in every link)


def lang() -> str:
    """This session's language (``language()`` has resolved it for this run)."""
    code = st.session_state.get(LANG_KEY)
    return code if code in LANGUAGES else DEFAULT_LANG


def translator() -> Translator:
    return Translator(lang())


def who(reporter: str, lang: str = DEFAULT_LANG) -> str:
    """Whose statistics a reporter's figures are ("China's customs (GACC)"), as charts say it."""
    return kit.who(reporter, lang=lang)


def country(code: str, lang: str = DEFAULT_LANG) -> str:
    """A country's name as the charts write it."""
    return kit.country(code, lang=lang)


def language() -> str:
    """The session's language: ``?lang=`` wins, then the session's choice, then the browser.

    Page switches drop query parameters, so the choice is written back into the URL on
    every run: a shared link always carries it. An unknown code falls back to English
    with a notice (shown as plain text: the code is whatever the link said).
    """
    raw = st.query_params.get_all(LANG_KEY)
    if raw:
        resolution = resolve_language(raw, None)
    elif st.session_state.get(LANG_KEY) in LANGUAGES:
        resolution = resolve_language(st.session_state[LANG_KEY], None)
    else:
        resolution = resolve_language(None, st.context.locale)
    lang = resolution.lang
    st.session_state[LANG_KEY] = lang
    if st.query_params.get(LANG_KEY) != lang:
        st.query_params[LANG_KEY] = lang
    if resolution.notice:
        shown = visible(raw[-1] if raw else "", NOTICE_VALUE_LIMIT)
        notice(tr(lang, resolution.notice, code=shown))
    return lang


def language_selector(lang: str) -> None:
    """The language choice, top right of every page; the URL follows it."""
    _, col = st.columns([5, 1])

    def switch() -> None:
        st.session_state[LANG_KEY] = st.session_state["lang-choice"]
        st.query_params[LANG_KEY] = st.session_state["lang-choice"]

    st.session_state["lang-choice"] = lang
    col.selectbox(tr(lang, "lang.label"), list(LANGUAGES), format_func=LANGUAGES.get,
                  key="lang-choice", on_change=switch, help=tr(lang, "lang.help"),
                  label_visibility="collapsed")


def notice(text: str) -> None:
    """A warning whose text may repeat what a user typed: shown as plain text, never Markdown."""
    with st.container(border=True):
        st.text(f"⚠ {text}")
