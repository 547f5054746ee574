"""On a phone, a chart's year ticks and the labels beside its markers: readable in a plot some
200 px wide, never turned on end nor cut at the figure's edge."""

from __future__ import annotations

import plotly.graph_objects as go

from dashboard.charts import theme
from dashboard.charts.screen.screens import PHONE, Screen
from dashboard.text.wrapping import columns, unwrap, wrap_at_spaces

# A year axis spanning more years than this is not ticked every year: up to twice as many,
# as Plotly ticks it for the width it is drawn at (at most ten ticks, at least five: every
# year at 1400 px, every second year on a phone, never under a year); more, every second
# year. A tick a year turned a phone's labels on end; every second year left a desk's plot
# half its years.
MAX_YEAR_TICKS = 5
# A label beside a marker: short lines, and room for them in the right margin where a
# phone's plot (some 200 px wide) has none (the corridor's part-year labels ran off the figure).
# (``Screen.marker_text_columns``, ``Screen.plot_px``: a desk's plot is wider.)
MARKER_PAD_PX = 16
GLYPH_SHARE, BASE_FONT_PX = 0.62, 14  # a column's width in a font's size (Cyrillic, digits)
MARKER_LINE_SHARE = 0.04  # of the value axis: a line of such a label, on a phone's plot


def year_ticks(fig: go.Figure) -> None:
    """A year axis ticked every year turns its labels on end in a phone's plot: ticked for
    the width it is drawn at (``MAX_YEAR_TICKS``) once it spans more than five."""
    for key in [k for k in fig.layout if k.startswith("xaxis")]:
        axis = fig.layout[key]
        if axis.dtick == 1 and axis.tickformat == "d":
            xs = [float(x) for t in fig.data if t.xaxis in (None, "x" + key[5:])
                  for x in (t.x if t.x is not None else []) if isinstance(x, int | float)]
            low, high = axis.range or (min(xs, default=0), max(xs, default=0))
            if high - low > 2 * MAX_YEAR_TICKS:
                axis.dtick = 2
            elif high - low > MAX_YEAR_TICKS:
                axis.update(dtick=None, tick0=None, tickmode="auto")


def _positions(t) -> list[str]:
    """A trace's text position for each of its points (Plotly takes one or a list)."""
    n = len(t.x) if t.x is not None else 0
    return [t.textposition or "middle center"] * n if isinstance(t.textposition, str | None) \
        else [str(p) for p in t.textposition]


def _labelled(fig: go.Figure) -> list:
    """The scatter traces with a label beside each marker."""
    return [t for t in fig.data if t.type == "scatter" and "markers" in (t.mode or "")
            and "text" in t.mode and all(p.endswith(" right") for p in _positions(t))
            and t.text is not None
            and not isinstance(t.text, str) and t.x is not None and t.y is not None]


def _glyph_px(t) -> float:
    """The width of a column of a trace's text: its font's size, else the figure's 14 px."""
    return GLYPH_SHARE * ((t.textfont.size if t.textfont and t.textfont.size else None)
                          or BASE_FONT_PX)


def marker_labels(fig: go.Figure, screen: Screen = PHONE) -> int:
    """Labels beside markers ('Jan–Sep' by a part-year reading) in short lines, drawn past the
    plot's edge where they need to: the right margin that leaves them in a phone's figure. A
    label that would run into the next label at about its height goes left of its marker."""
    traces = _labelled(fig)
    for t in traces:
        t.update(text=[wrap_at_spaces(str(x or ""), screen.marker_text_columns) for x in t.text],
                 cliponaxis=False)
    points = [(x, y, text) for t in traces
              for x, y, text in zip(t.x, t.y, t.text, strict=False) if text and y is not None]
    # Other traces' markers a label may run into (the corridor's 2025 reading, right of a
    # Kazakh part-year label at about its height): the label goes over or under it instead.
    others = [(x, y) for t in fig.data if t.type == "scatter" and t not in traces
              and "markers" in (t.mode or "") and t.x is not None and t.y is not None
              for x, y in zip(t.x, t.y, strict=False)
              if isinstance(x, int | float) and isinstance(y, int | float)]
    yaxis = fig.layout.yaxis
    span = (yaxis.range[1] - yaxis.range[0]) if yaxis.range and yaxis.type != "log" else \
        max([abs(y) for t in fig.data if t.y is not None for y in t.y
             if isinstance(y, int | float)] + [1])
    margin = 0
    for t in traces:
        axis = fig.layout["xaxis" + (t.xaxis or "x")[1:]]
        if not axis.range:
            continue
        low, high = axis.range
        sides = []
        for x, y, text, side in zip(t.x, t.y, t.text, _positions(t), strict=False):
            upright = side.split()[0]  # 'middle', 'bottom' or 'top'
            lines = text.split("<br>")
            need = _glyph_px(t) * max(columns(line) for line in lines) + MARKER_PAD_PX
            reach = need / screen.plot_px * (high - low)
            blocked = y is not None and any(
                x < x2 <= x + reach and abs(y2 - y) <= MARKER_LINE_SHARE * span * len(lines)
                for x2, y2, _ in points)
            if blocked and (x - low) / (high - low) * screen.plot_px >= need:
                sides.append(f"{upright} left")
                continue
            hit = [y2 for x2, y2 in others if y is not None and x < x2 <= x + reach
                   and abs(y2 - y) <= MARKER_LINE_SHARE * span * len(lines)]
            if hit and upright == "middle":
                upright = "bottom" if hit[0] >= y else "top"
            sides.append(f"{upright} right")
            margin = max(margin, round(need - (high - x) / (high - low) * screen.plot_px))
        t.textposition = sides
    return margin


def line_labels(fig: go.Figure, screen: Screen = PHONE) -> None:
    """A reference line's label from the plot's left edge ('Target: 2× 2023 = $82.1 bn') in
    even lines as wide as a phone's plot: on one line it ran off the figure."""
    for a in fig.layout.annotations:
        if a.name != "source-line" and a.xref == "paper" and a.x == 0 and \
                a.xanchor == "left" and (a.yref or "").startswith("y") and a.text:
            # No backing: over the doubling's paths one would hide the stars where they meet.
            a.update(text=theme.balanced(unwrap(a.text), screen.line_label_columns), align="left")
