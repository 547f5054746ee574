"""The on-screen drawing of a chart: readable at any width, a phone's 390 px included.

The server never knows the reader's screen width, so the figure on the page uses Plotly's
responsive layout (autosize, no fixed width) and wraps its words for a narrow screen: the
title for about 30 columns, the source line for about 42. The subtitle leaves the figure for
the caption under it, and the legend goes below the plot, so that on a phone the plot keeps
at least half of the figure's height (the figure grows when it needs to). A horizontal bar
chart's rows wrap for a phone (``rows``); year ticks and the labels beside markers stay
readable in a phone's plot (``marks``). Exports keep the export drawing (``theme.apply``),
subtitle included.
"""

from __future__ import annotations

import re

import plotly.graph_objects as go

from dashboard.charts import theme
from dashboard.charts.screen.marks import line_labels, marker_labels, year_ticks
from dashboard.charts.screen.rows import (
    bar_texts,
    plot_half_columns,
    rows_set,
    wrap_rows,
)
from dashboard.text.i18n import tr
from dashboard.text.wrapping import unwrap, wrap, wrap_html

TITLE_COLUMNS = 30  # 19 px title in a figure some 358 px wide (a 390 px phone)
SOURCE_COLUMNS = 42  # 11 px source line beside or under a plot some 270 px wide
# Cyrillic letters are wider: at 42 columns a Russian or Kazakh line ran past a phone's figure
# (the line starts where the plot does, up to 140 px in: long tick labels on the left).
SOURCE_COLUMNS_BY_LANG = {"ru": 30, "kk": 30}
LEGEND_COLUMNS = 38  # a legend entry's name wraps here: no entry wider than a phone
LEGEND_ROW_PX, LEGEND_LINE_PX = 27, 18  # a 12 px legend entry, and each further line
TITLE_TOP_PX, TITLE_LINE_PX = 50, 25
MENU_PX = 36  # a row of 12 px buttons with their padding
AXIS_PX = 84  # tick labels and the x-axis title under the plot
# An x-axis title is centred under its plot, which long labels on the left may push to the
# right half of a phone: it wraps short enough to stay on the figure.
AXIS_TITLE_COLUMNS, AXIS_LINE_PX = 24, 17
SOURCE_LINE_PX = 15
SOURCE_LINES = 5  # a longer source list is cut here in the figure, shown whole in the caption
PAD_PX = 12
# Between the legend and the source line: tick labels turned on end or a legend taller than
# planned push the plot, and the source line with it, up by some pixels (Plotly only knows).
PUSH_PX = 24
SLACK_PX = 40


def _legend_px(fig: go.Figure) -> int:
    """Height a horizontal legend takes at a phone's width, generously: one row per entry
    (Plotly packs two short ones on a row only now and then), as tall as its wrapped name."""
    return sum(LEGEND_ROW_PX + LEGEND_LINE_PX * trace.name.count("<br>") for trace in fig.data
               if trace.showlegend is not False and trace.name)


def _wrap_x_titles(fig: go.Figure, width: int | None) -> int:
    """Wrap every x-axis title for a phone (a title wider than the plot ran off the figure and
    pushed the plot up), narrower where row labels push the plot right (``width``): the lines
    the bottom one takes."""
    lines = 1
    for key in [k for k in fig.layout if k.startswith("xaxis")]:
        axis = fig.layout[key]
        if axis.title and axis.title.text:
            axis.title.text = theme.balanced(unwrap(axis.title.text),
                                             min(AXIS_TITLE_COLUMNS, width or AXIS_TITLE_COLUMNS))
            if key == "xaxis":
                lines = axis.title.text.count("<br>") + 1
    return lines


def plain(text: str) -> str:
    """Text of a title or subtitle without Plotly's tags, for a caption."""
    return re.sub(r"<[^>]*>", "", unwrap(text or "")).strip()


def _source(text: str, lang: str) -> tuple[str, str]:
    """The source line wrapped for a phone, and the whole of it for the caption when the
    figure has room for its first lines only."""
    columns = SOURCE_COLUMNS_BY_LANG.get(lang, SOURCE_COLUMNS)
    lines = wrap(unwrap(text), columns)
    if len(lines) <= SOURCE_LINES:
        return "<br>".join(lines), ""
    more = wrap(tr(lang, "chart.source_more"), columns)  # the pointer fits the width too
    return ("<br>".join([*lines[:SOURCE_LINES - len(more)], *more]),
            plain(text))


def on_screen(figure: go.Figure, lang: str = "en") -> tuple[go.Figure, list[str]]:
    """The figure as the page draws it, and the captions under it: the subtitle (and the
    whole source list when the figure shows only its start), as plain text."""
    fig = go.Figure(figure.to_dict(), _validate=False)
    layout = fig.layout
    title = theme.balanced(unwrap(layout.title.text or ""), TITLE_COLUMNS)
    subtitle = plain(layout.title.subtitle.text or "")
    horizontal = any(getattr(t, "orientation", None) == "h" for t in fig.data)
    source_lines, whole = 0, ""
    line_labels(fig)
    annotations = []
    for a in layout.annotations:
        if a.name == "source-line":
            text, whole = _source(a.text, lang)
            source_lines = text.count("<br>") + 1
            # Long labels on the left push a bar chart's plot right: hang the line from the
            # plot's right edge instead, so it runs into the left margin, never off the figure.
            a = a.update(text=text, **(dict(x=1, xanchor="right") if horizontal else {}))
        annotations.append(a)
    for trace in fig.data:
        if trace.name and trace.showlegend is not False:
            trace.name = wrap_html(unwrap(trace.name), LEGEND_COLUMNS)
    year_ticks(fig)
    right = marker_labels(fig)  # the right margin labels beside markers need
    rows = wrap_rows(fig, lang)  # the plot's height its wrapped row labels need
    if horizontal and not rows_set(fig):
        right = max(right, bar_texts(fig))
    if right:
        fig.update_layout(margin_r=max(layout.margin.r or layout.template.layout.margin.r or 0,
                                       right))
    axis_lines = _wrap_x_titles(fig, plot_half_columns(fig))
    top = TITLE_TOP_PX + TITLE_LINE_PX * title.count("<br>")
    # Buttons over the plot (the product mix's flow choice) sit under the title, not on it,
    # one under the other from the plot's right edge: side by side from its left edge, which
    # row labels push right, the second ran off a phone's figure.
    for m in layout.updatemenus:
        if (m.y or 0) >= 1 and m.type == "buttons":
            m.update(direction="down", x=1, xanchor="right")
            top += MENU_PX * len(m.buttons)
    source = SOURCE_LINE_PX * source_lines
    legend = _legend_px(fig)
    axis = AXIS_PX + AXIS_LINE_PX * (axis_lines - 1)
    bottom = axis + legend + PAD_PX + PUSH_PX + source + PAD_PX
    # Tick labels may push the margins some 40 px further than planned: room for that too.
    # And the plot never shorter than the export's (a chart sized by its rows keeps them).
    export = max((layout.height or theme.DEFAULT_HEIGHT) - (layout.margin.t or 0)
                 - (layout.margin.b or 0), rows)
    height = max(layout.height or theme.DEFAULT_HEIGHT, 2 * (top + bottom + SLACK_PX),
                 export + top + bottom + SLACK_PX)
    for a in annotations:  # the source line at the foot of the figure, under the legend
        if a.name == "source-line":
            a.update(yanchor="bottom", yshift=-(bottom - PAD_PX // 2))
    fig.update_layout(
        autosize=True, width=None, height=height, annotations=annotations,
        # Plotly lifts a wrapped title by the same few pixels however many lines it has: put
        # it back (by a half line per extra line, a five-line title came down onto the plot).
        title=dict(text=title, y=1 - (14 + theme.WRAPPED_TITLE_DROP_PX * ("<br>" in title))
                   / height, yanchor="top", subtitle=dict(text="")),
        # Below the plot, under the axis title, in room kept for it at a phone's width (a
        # wider screen leaves some of that room empty above the source line).
        legend=dict(orientation="h", xref="container", x=0.02, xanchor="left",
                    yref="container", y=(bottom - axis) / height, yanchor="top"),
        margin=dict(t=top + 8, b=bottom),
    )
    return fig, [x for x in (subtitle, whole) if x]
