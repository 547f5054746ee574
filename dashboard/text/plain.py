"""Text that came from a user or a data file, made safe to show: one line, bounded, no markup.

One rule for the whole app, so a file name, a link parameter or a data cell looks the same on
every page: control and invisible characters (right-to-left overrides, zero-width spaces, NUL)
become spaces, whitespace runs become one space, long values are cut with an ellipsis, and for
Markdown elements every character that could start markup is escaped. A value repeated back to
the person who typed it (a link parameter, an option, a cell) goes through ``visible`` or
``quoted``: there hidden characters are spelled out, not dropped.
"""

from __future__ import annotations

import re

MARKDOWN_SPECIAL = frozenset("\\`*_{}[]<>()#+-.!|~$:^=&")
ELLIPSIS = "…"


KEPT_SPACES = frozenset("\u00a0\u202f\u2009")  # no-break, narrow no-break, thin: typography


def one_line(text: object) -> str:
    """Printable characters only, on one line: control and format characters (Cc, Cf: NUL,
    zero-width, bidirectional overrides) and line breaks become one space; the no-break and
    thin spaces that number formats use are kept."""
    kept = "".join(c if c.isprintable() or c in KEPT_SPACES else " " for c in str(text))
    return re.sub(" {2,}", " ", kept).strip(" ")


def bounded(text: object, limit: int) -> str:
    """``one_line`` cut to at most ``limit`` characters, the cut marked with an ellipsis."""
    flat = one_line(text)
    return flat if len(flat) <= limit else flat[: max(limit - 1, 0)] + ELLIPSIS


def no_math(markdown: str) -> str:
    """Markdown from our catalogues with every '$' shown as a dollar sign, never as LaTeX."""
    return re.sub(r"(?<!\\)\$", r"\\$", markdown)


def visible(text: object, limit: int) -> str:
    """A user's value repeated back: every hidden character spelled out as Python writes it
    (``z\\u200bh``, ``\\u202egnp.exe``, ``\\x00``, ``\\n``), so a value that only looks like a
    good one ("z<zero-width space>h" is not "zh") never reads as one; then ``bounded``."""
    return bounded("".join(c if c.isprintable() or c in KEPT_SPACES else repr(c)[1:-1]
                           for c in str(text)), limit)


def quoted(text: object, limit: int = 60) -> str:
    """A user's value in a message: ``visible`` and in quotes, so an empty value still shows
    as ``''`` and the reader sees where it starts and ends."""
    return f"'{visible(text, limit)}'"


def plural(count: int, one: str, other: str | None = None) -> str:
    """'1 data row', '2 data rows', '1,000 data rows': English count + noun for messages that
    are not in the catalogues (the importer's and the loader's)."""
    return f"{count:,} {one if count == 1 else (other or one + 's')}"


def md_escape(text: object) -> str:
    """For st.markdown/st.caption/st.error: shown as written, no link, emphasis or colour."""
    return "".join("\\" + c if c in MARKDOWN_SPECIAL else c for c in one_line(text))
