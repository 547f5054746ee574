"""Text that came from a user or a data file, made safe to show: one line, bounded, no markup.

One rule for the whole app, so a file name, a link parameter or a data cell looks the same on
every page: control and invisible characters (right-to-left overrides, zero-width spaces, NUL)
become spaces, whitespace runs become one space, long values are cut with an ellipsis, and for
Markdown elements every character that could start markup is escaped.
"""

from __future__ import annotations

MARKDOWN_SPECIAL = frozenset("\\`*_{}[]<>()#+-.!|~$:^=&")
ELLIPSIS = "…"


def one_line(text: object) -> str:
    """Printable characters only, on one line (``str.isprintable`` rejects Cc and Cf)."""
    return " ".join("".join(c if c.isprintable() else " " for c in str(text)).split())


def bounded(text: object, limit: int) -> str:
    """``one_line`` cut to at most ``limit`` characters, the cut marked with an ellipsis."""
    flat = one_line(text)
    return flat if len(flat) <= limit else flat[: max(limit - 1, 0)] + ELLIPSIS


def md_escape(text: object) -> str:
    """For st.markdown/st.caption/st.error: shown as written, no link, emphasis or colour."""
    return "".join("\\" + c if c in MARKDOWN_SPECIAL else c for c in one_line(text))
