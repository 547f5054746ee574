"""A ``Reason`` (a catalogue key and its parameters, ``dashboard.errors``) in one language.

The importer says why a row was refused or what it read as reasons, never as finished
sentences, so the import page shows them in the reader's language while the command line and
the logs keep the English ``str()``. Parameters are filled in here: a nested ``Reason`` is
rendered in the same language, a number is written in the language's format (except line,
row and year numbers, which are names, not amounts: '2015', 'line 12000'), and text is shown
as it is: the importer has already made a user's value one line and bounded (``short``).
A parameter named ``*_country`` is an ISO3 code shown as the country's name, ``countries`` a
list of them.
"""

from __future__ import annotations

from typing import TypeVar

from dashboard.errors import Reason, UserError
from dashboard.text import formatting as f
from dashboard.text.i18n import join_items, tr
from dashboard.text.names import country_name

# Parameters that name a line, a row, a column number or a year: written without grouping.
NAMES = frozenset({"line", "first", "year", "item", "header_line", "column_a", "column_b"})
VALUE_LIMIT = 60
E = TypeVar("E", bound=UserError)


def short(text: object, limit: int = VALUE_LIMIT) -> str:
    """A user's value inside a message: one line, shortened with an ellipsis (pages make it
    plain text again when they show the message)."""
    t = " ".join(str(text).split())
    return f"{t[:limit]}…" if len(t) > limit else t


def _country(code: object, lang: str) -> str:
    return country_name("001" if code == "WLD" else str(code), lang)


def _param(name: str, value: object, lang: str) -> object:
    if isinstance(value, Reason):
        return render(value, lang)
    if name.endswith("_country"):
        return _country(value, lang)
    if name == "countries":
        return join_items(lang, [_country(c, lang) for c in value])  # type: ignore[union-attr]
    if isinstance(value, bool) or name == "count":
        return value
    if isinstance(value, int) and name not in NAMES:
        return f.fmt_number(value, 0, lang=lang)
    return value


def render(reason: Reason, lang: str = "en") -> str:
    """The reason's message in ``lang`` with every parameter filled in."""
    return tr(lang, reason.key, **{k: _param(k, v, lang) for k, v in reason.params.items()})


def error(kind: type[E], key: str, **params: object) -> E:
    """A ``UserError`` of ``kind`` for message ``key``: ``str()`` in English (logs, the command
    line's default), ``reason`` for a page or ``--lang``."""
    message, reason = english(key, **params)
    return kind(message, reason=reason)


def english(key: str, **params: object) -> tuple[str, Reason]:
    """(the English message, the reason) of one key: for errors raised with both."""
    reason = Reason(key, params)
    return render(reason), reason
