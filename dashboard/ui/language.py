"""The session's language, for the pages: chosen once per run, passed to everything.

``?lang=`` wins, then the session's choice, then the browser's locale. Nothing here is
process-global: the language lives in each session's state and URL.
"""

from __future__ import annotations

import inspect
from functools import cache

import streamlit as st

from dashboard.charts import kit
from dashboard.text.formatting import country_name
from dashboard.text.i18n import DEFAULT_LANG, LANGUAGES, Translator, resolve_language, tr

LANG_KEY = "lang"                   # this session's language (also ?lang= in every link)


@cache
def _takes_lang(fn) -> bool:
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(p.name == "lang" or p.kind is p.VAR_KEYWORD for p in params)


def call(fn, /, *args, lang: str, **kwargs):
    """``fn(*args, lang=lang, **kwargs)`` where ``fn`` takes a language, else without it.

    The core's sentence builders (verdicts, doubling, settings, charts.world) gain their
    ``lang`` keyword on another branch: pages call them through here, so they work
    before that branch is merged (English sentences) and after it (the reader's).
    """
    if _takes_lang(fn):
        kwargs["lang"] = lang
    return fn(*args, **kwargs)


def lang() -> str:
    """This session's language (``language()`` has resolved it for this run)."""
    code = st.session_state.get(LANG_KEY)
    return code if code in LANGUAGES else DEFAULT_LANG


def translator() -> Translator:
    return Translator(lang())


def who(reporter: str, lang: str = DEFAULT_LANG) -> str:
    """Whose statistics a reporter's figures are ("China's customs (GACC)"), as charts say it."""
    return call(kit.who, reporter, lang=lang)


def country(code: str, lang: str = DEFAULT_LANG) -> str:
    """A country's name as the charts write it; CLDR's where the charts cannot yet."""
    if _takes_lang(kit.country):
        return kit.country(code, lang=lang)
    return kit.country(code) if lang == DEFAULT_LANG else country_name(code, lang)


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
        notice(tr(lang, resolution.notice, code=_bounded(raw[-1] if raw else "")))
    return lang


def _bounded(text: str, limit: int = 40) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
