"""No page shows a reader a backslash: Markdown escapes are for the renderer, never doubled,
and notices shown as plain text repeat the user's value once (``'\\$5'`` stays ``\\$5``).

A backslash the user typed is theirs to see, once: the notices quote it as written.
"""

import json
import re

import pytest
from english_left import SKIPPED, proto_strings
from helpers import PAGES, open_page

from dashboard.charts.target import default_projection
from dashboard.core.projection_settings import parse_params
from dashboard.data.loader import load_package
from dashboard.text.i18n import LANGUAGES

# Where a string is Markdown, '\x' shows as 'x'; elsewhere (st.text, code, select boxes' options,
# charts) as written.
PLAIN = ("text", "code", "selectbox", "multiselect")
ESCAPE = re.compile(r"\\(.)", re.S)
# Bad values of every setting the doubling page reads from a link, none with a backslash.
BAD_LINK = {"growth": "abc", "multiple": "-1", "target": "5", "log": "maybe", "base": "abc",
            "scenarios": "a-b,c$d", "deadline": "1e9", "foo": "$1", "prices": "xx",
            "deflator": "gdp"}


def shown_strings(at) -> list[tuple[str, str]]:
    """(element type, text as the reader sees it) for every string of the page but charts."""
    out = []

    def walk(node):
        kind = getattr(node, "type", None)
        proto = getattr(node, "proto", None)
        if kind not in SKIPPED and proto is not None and hasattr(proto, "ListFields"):
            for s in proto_strings(proto):
                out.append((kind, s if kind in PLAIN else ESCAPE.sub(r"\1", s)))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return out


def chart_strings(at) -> list[str]:
    """Every string of the page's Plotly figures (titles, names, hover text, annotations)."""
    def strings(o):
        if isinstance(o, str):
            yield o
        elif isinstance(o, dict):
            for v in o.values():
                yield from strings(v)
        elif isinstance(o, list):
            for v in o:
                yield from strings(v)
    return [s for c in at.get("plotly_chart") for s in strings(json.loads(c.proto.spec))]


def backslashed(at) -> list[str]:
    return ([f"{k}: {s}" for k, s in shown_strings(at) if "\\" in s]
            + [f"chart: {s}" for s in chart_strings(at) if "\\" in s])


@pytest.mark.parametrize("page", list(PAGES))
def test_no_backslash_on_a_page(page, shown):
    assert backslashed(shown(page)) == []


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_no_backslash_in_the_doubling_pages_link_notices(lang, monkeypatch):
    from helpers import FIXTURE

    monkeypatch.setenv("DASHBOARD_DATA", str(FIXTURE))
    at = open_page("doubling", {"lang": lang, **BAD_LINK})
    assert len([t for t in at.text if "⚠" in t.value]) >= 8
    assert backslashed(at) == []


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_a_users_backslash_is_repeated_once(lang):
    """The value typed, quoted as typed: '\\$5' is not doubled to '\\\\$5', and a hidden
    character is spelled out with one backslash ('x\\u200by')."""
    from helpers import FIXTURE

    t = load_package(FIXTURE)
    _, notices = parse_params({"target": "\\$5", "multiple": "2\\-", "log": "a\\b",
                               "scenarios": "x\u200by", "z\\z": "1"}, [2023],
                              default_projection(t), "who", lang=lang)
    text = "\n".join(notices)
    for typed in ("'\\$5'", "'2\\-'", "'a\\b'", "'x\\u200by'", "'z\\z'"):
        assert typed in text, (typed, notices)
    assert "\\\\" not in text
