"""On a phone, a horizontal bar chart's rows: labels wrapped for its width (the same in every
trace, so each row stays one category), each row as tall as its label, and bar labels outside
their bars in short lines with the right margin to hold them."""

from __future__ import annotations

import re

import plotly.graph_objects as go

from dashboard.charts import theme
from dashboard.charts.screen.screens import PHONE, Screen
from dashboard.text.wrapping import columns, wrap_at_spaces

# A horizontal bar chart's row labels wrap for the screen (``Screen.row_columns``): a phone's
# are some 150 px of a 14 px label, so the plot keeps some 100 px of a phone.
ROW_LINE_PX, ROW_GAP_PX = 19, 12  # a line of a 14 px row label, and between rows
# A chart whose rows and bar labels are already set for a phone (the Central Asia and
# target-history charts' two-line labels) says so in its layout's meta: ``{ROWS_SET: True}``.
ROWS_SET = "rows_set_for_phones"
# A bar's label outside its bar may reach past the plot: the right margin holds the longest.
# Longer ones wrap: one line of '26.5% · $3.944 bn' left a phone's plot a strip.
COLUMN_PX, BAR_TEXT_PAD_PX = 9, 10  # a column of a 14 px label, and beside a bar's
# An x-axis title is centred under a plot the row labels push right (``COLUMN_PX`` a column):
# it wraps to fit between the plot's middle and the figure's right edge, twice.
MIN_TITLE_COLUMNS = 12


def _row_label(label: str, width: int) -> str:
    """A row label with each of its lines longer than ``width`` wrapped to even lines; a
    line's bold stays bold on every line it becomes."""
    out = []
    for line in re.split(r"<br\s*/?>", label):
        if columns(line) <= width:
            out.append(line)
            continue
        bold = line.startswith("<b>") and line.endswith("</b>")
        parts = theme.balanced(line[3:-4] if bold else line, width).split("<br>")
        out.extend(f"<b>{x}</b>" if bold else x for x in parts)
    return "<br>".join(out)


def _categories(values) -> list[str] | None:
    return list(values) if values is not None and len(values) and all(
        isinstance(v, str) for v in values) else None


def rows_set(fig: go.Figure) -> bool:
    meta = fig.layout.meta
    return isinstance(meta, dict) and bool(meta.get(ROWS_SET))


def wrap_rows(fig: go.Figure, lang: str, screen: Screen = PHONE) -> int:
    """Wrap a horizontal chart's row labels for the screen, the same way in every trace (and in
    the y-axis' category order, a button's too) so each row stays one category: the height
    the plot needs for its rows, each as tall as the longest label (Plotly spaces them evenly)."""
    if not any(getattr(t, "orientation", None) == "h" for t in fig.data) or rows_set(fig):
        return 0
    width = screen.row_width(lang)
    new: dict[str, str] = {}

    def mapped(values):
        cats = _categories(values)
        if cats is None:
            return values
        for c in cats:
            new.setdefault(c, _row_label(c, width))
        return [new[c] for c in cats]

    for trace in fig.data:
        if getattr(trace, "y", None) is not None and _categories(trace.y) is not None:
            trace.y = mapped(trace.y)
    shown = []  # the rows shown at once: the axis' order (or a button's), else every category
    for key in [k for k in fig.layout if k.startswith("yaxis")]:
        axis = fig.layout[key]
        if _categories(axis.categoryarray) is not None:
            axis.categoryarray = mapped(axis.categoryarray)
            shown.append(len(axis.categoryarray))
    for menu in fig.layout.updatemenus:  # a button that sets the rows (the product mix's)
        for button in menu.buttons:
            for part in button.args or []:
                if isinstance(part, dict) and "yaxis.categoryarray" in part:
                    part["yaxis.categoryarray"] = mapped(part["yaxis.categoryarray"])
                    shown.append(len(part["yaxis.categoryarray"]))
    if not new:
        return 0
    lines = max(x.count("<br>") + 1 for x in new.values())
    return max(shown or [len(new)]) * (ROW_LINE_PX * lines + ROW_GAP_PX)


def _gap_lines(text: str, width: int) -> str:
    """A label beside a bar in short lines, each after the label's leading gap (an en space
    that keeps it off a mark): a second line without it ran into the mark."""
    gap = text[:len(text) - len(text.lstrip("\u2002"))]
    return "<br>".join(gap + x for x in wrap_at_spaces(text[len(gap):], width)
                       .split("<br>"))


def bar_texts(fig: go.Figure, screen: Screen = PHONE) -> int:
    """Wrap a horizontal chart's outside bar labels short ('26.5% ·' over '$3.944 bn'), and
    those a text trace draws beside bars (the product mix's), and return the right margin the
    longest line needs: a bar, or a label's mark, may run to the plot's edge."""
    longest = 0
    for t in fig.data:  # hidden ones too: a button may show them
        if t.type == "scatter" and t.mode == "text" and t.textposition == "middle right" \
                and t.text is not None and not isinstance(t.text, str):
            t.text = [_gap_lines(str(x or ""), screen.bar_text_columns) for x in t.text]
            longest = max([longest] + [columns(x) for v in t.text for x in v.split("<br>")])
        if t.type != "bar" or t.orientation != "h" or t.text is None or \
                t.textposition != "outside":
            continue
        texts = [wrap_at_spaces(str(x or ""), screen.bar_text_columns)
                 for x in ([t.text] if isinstance(t.text, str) else t.text)]
        t.text = texts[0] if isinstance(t.text, str) else texts
        t.constraintext = "none"  # a two-line label is taller than a thin bar: never hidden
        longest = max([longest] + [columns(x) for v in texts for x in v.split("<br>")])
    return COLUMN_PX * longest + BAR_TEXT_PAD_PX if longest else 0


def plot_half_columns(fig: go.Figure, screen: Screen = PHONE) -> int | None:
    """A horizontal chart's plot starts right of its row labels: the columns an x-axis title
    centred under it may take on the screen and stay on the figure (None: no such limit)."""
    if not any(getattr(t, "orientation", None) == "h" for t in fig.data):
        return None
    labels = [x for t in fig.data if t.y is not None and _categories(t.y) is not None
              for c in t.y for x in c.split("<br>")]
    widest = max((columns(x) for x in labels), default=0)  # tags take no room
    right = fig.layout.margin.r or fig.layout.template.layout.margin.r or 0
    plot = screen.figure_px - COLUMN_PX * widest - (fig.layout.margin.l or 0) - right
    return max(MIN_TITLE_COLUMNS, round((plot + 2 * right) / COLUMN_PX))
