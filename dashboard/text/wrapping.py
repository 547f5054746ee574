"""Line-wrapping for chart titles, subtitles and source lines, in any of the four languages.

``textwrap`` breaks only at spaces, so a Chinese title (no spaces) would run off a
chart, and it counts a Chinese character as wide as an 'i'. Here a wide (CJK) character
counts two columns, a line may break between two Chinese characters, never before
closing punctuation ('，', '。', '）') nor after opening punctuation ('（', '“'), and
Plotly's inline tags ('<b>', '<br>') take no room and are never split.
"""

from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(r"<[^>]*>|[ \t\n]+|[^ \t\n<]")  # no-break spaces are not break points
_BLANK = " \t\n"
_NO_BREAK_BEFORE = set("，。、；：！？）》」』】〉”’%％·…—-–,.;:!?)]}")
_NO_BREAK_AFTER = set("（《「『【〈“‘([{$")


def _space(piece: str) -> bool:
    return bool(piece) and not piece.strip(_BLANK)


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def columns(text: str) -> int:
    """Display width in columns: two for a CJK character, none for a tag, one otherwise."""
    text = re.sub(r"<[^>]*>", "", text)
    return sum(2 if _wide(c) else 1 for c in text)


def _units(text: str) -> list[tuple[str, bool]]:
    """(piece, may break before it): words stay whole, CJK characters stand alone."""
    units: list[tuple[str, bool]] = []
    word = ""
    for tok in _TOKEN.findall(text):
        if tok.startswith("<") or _space(tok) or _wide(tok):
            if word:
                units.append((word, True))
                word = ""
            units.append((tok, True))
        else:
            word += tok
    if word:
        units.append((word, True))
    out = []
    for i, (piece, _) in enumerate(units):
        prev = units[i - 1][0] if i else ""
        breakable = bool(prev) and (_space(piece) or _space(prev) or (
            (_wide(piece[0]) or _wide(prev[-1]))
            and piece[0] not in _NO_BREAK_BEFORE and prev[-1] not in _NO_BREAK_AFTER))
        out.append((piece, breakable and not piece.startswith("<") and not prev.startswith("<")))
    return out


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` columns where the text allows (a longer word stays whole).

    An explicit '<br>' in the text always ends a line.
    """
    lines: list[str] = []
    for part in re.split(r"<br\s*/?>", text):
        line: list[str] = []
        last_break = 0  # index in ``line`` where the most recent allowed break is
        for piece, breakable in _units(part):
            if breakable:
                last_break = len(line)
            line.append(piece)
            if columns("".join(line).strip(_BLANK)) > width and last_break > 0:
                lines.append("".join(line[:last_break]).rstrip(_BLANK))
                line = line[last_break:]
                while line and _space(line[0]):
                    line.pop(0)
                last_break = 0
        lines.append("".join(line).strip(_BLANK))
    return lines


def wrap_html(text: str, width: int) -> str:
    """``wrap`` joined with Plotly's '<br>'."""
    return "<br>".join(wrap(text, width))


def wrap_at_spaces(text: str, width: int) -> str:
    """Lines of at most ``width`` columns joined with '<br>', broken at plain spaces only (not
    between CJK characters, as ``wrap`` may): a figure and its unit ('3,944\u00a0млрд\u00a0$',
    '39.44亿美元') stay on one line, for a short label beside a bar or a marker."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and columns(lines[-1] + " " + word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def unwrap(text: str) -> str:
    """``text`` with its line breaks ('<br>') undone: a space between words, none between two
    CJK characters (Chinese has no spaces), so it can be wrapped again to another width."""
    parts = re.split(r"<br\s*/?>", text)
    out = parts[0]
    for part in parts[1:]:
        joined = out and part and _wide(out[-1]) and _wide(part[0])
        out = out + ("" if joined or not out or not part else " ") + part
    return out


def shorten(text: str, width: int) -> str:
    """At most ``width`` display columns, with '…' where it was cut (CJK counts double)."""
    if columns(text) <= width:
        return text
    out = ""
    for char in text:
        if columns(out + char) > width - 1:
            break
        out += char
    return out.rstrip(" ,;") + "…"
