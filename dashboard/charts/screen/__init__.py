"""The on-screen drawing of a chart: for a phone's 390 px, or for a desk's 768 px and up.

The figure on the page uses Plotly's responsive layout (autosize, no fixed width) and wraps its
words for the screen it is drawn for (``screens``: ``PHONE`` or ``DESK``, one rule set each;
the ``ui`` layer tells which from the request): on a phone the title for about 30 columns, the
source line for about 42; on a desk for about 60 and 96. The subtitle leaves the figure for
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
from dashboard.charts.screen.screens import DESK, PHONE, Screen
from dashboard.text.i18n import tr
from dashboard.text.wrapping import columns, unwrap, wrap, wrap_html

# Columns and the heights that differ by screen are in ``PHONE`` and ``DESK``; these are alike.
LEGEND_ROW_PX, LEGEND_LINE_PX = 27, 18  # a 12 px legend entry, and each further line
TITLE_TOP_PX, TITLE_LINE_PX = 50, 25
MENU_PX = 36  # a row of 12 px buttons with their padding
AXIS_PX = 84  # tick labels and the x-axis title under the plot
AXIS_LINE_PX = 17  # a further line of an x-axis title (``Screen.axis_title_columns``)
SOURCE_LINE_PX = 15
PAD_PX = 12
# A legend entry's width on a desk: its symbol and gap, and a 12 px column of its name.
LEGEND_SYMBOL_PX, LEGEND_COLUMN_PX = 46, 7.5


def _legend_px(fig: go.Figure, screen: Screen = PHONE) -> int:
    """Height a horizontal legend takes at the screen's width, generously: on a phone one row
    per entry (Plotly packs two short ones on a row only now and then), as tall as its wrapped
    name; on a desk the entries side by side in rows as wide as its narrowest plot."""
    names = [trace.name for trace in fig.data if trace.showlegend is not False and trace.name]
    if not screen.legend_rows_packed:
        return sum(LEGEND_ROW_PX + LEGEND_LINE_PX * name.count("<br>") for name in names)
    height, row, used = 0, 0, 0.0  # the rows so far, the tallest entry of this row, its width
    for name in names:
        lines = name.split("<br>")
        wide = LEGEND_SYMBOL_PX + LEGEND_COLUMN_PX * max(columns(x) for x in lines)
        tall = LEGEND_ROW_PX + LEGEND_LINE_PX * (len(lines) - 1)
        if used and used + wide > screen.legend_row_px:
            height, row, used = height + row, 0, 0.0
        row, used = max(row, tall), used + wide
    return height + row


def _wrap_x_titles(fig: go.Figure, width: int | None, screen: Screen = PHONE) -> int:
    """Wrap every x-axis title for the screen (on a phone a title wider than the plot ran off
    the figure and pushed the plot up), narrower where row labels push the plot right
    (``width``): the lines the bottom one takes."""
    lines = 1
    for key in [k for k in fig.layout if k.startswith("xaxis")]:
        axis = fig.layout[key]
        if axis.title and axis.title.text:
            most = screen.axis_title_columns
            axis.title.text = theme.balanced(unwrap(axis.title.text), min(most, width or most))
            if key == "xaxis":
                lines = axis.title.text.count("<br>") + 1
    return lines


def plain(text: str) -> str:
    """Text of a title or subtitle without Plotly's tags, for a caption."""
    return re.sub(r"<[^>]*>", "", unwrap(text or "")).strip()


def _source(text: str, lang: str, screen: Screen = PHONE) -> tuple[str, str]:
    """The source line wrapped for the screen, and the whole of it for the caption when the
    figure has room for its first lines only."""
    width, most = screen.source_width(lang), screen.source_lines
    lines = wrap(unwrap(text), width)
    if len(lines) <= most:
        return "<br>".join(lines), ""
    more = wrap(tr(lang, "chart.source_more"), width)  # the pointer fits the width too
    return ("<br>".join([*lines[:most - len(more)], *more]),
            plain(text))


def on_screen(figure: go.Figure, lang: str = "en",
              screen: Screen = PHONE) -> tuple[go.Figure, list[str]]:
    """The figure as the page draws it for ``screen`` (a phone's unless told), and the
    captions under it: the subtitle (and the whole source list when the figure shows only
    its start), as plain text."""
    fig = go.Figure(figure.to_dict(), _validate=False)
    layout = fig.layout
    title = theme.balanced(unwrap(layout.title.text or ""), screen.title_columns)
    subtitle = plain(layout.title.subtitle.text or "")
    horizontal = any(getattr(t, "orientation", None) == "h" for t in fig.data)
    source_lines, whole = 0, ""
    line_labels(fig, screen)
    annotations = []
    for a in layout.annotations:
        if a.name == "source-line":
            text, whole = _source(a.text, lang, screen)
            source_lines = text.count("<br>") + 1
            # Long labels on the left push a bar chart's plot right: hang the line from the
            # plot's right edge instead, so it runs into the left margin, never off the figure.
            a = a.update(text=text, **(dict(x=1, xanchor="right") if horizontal else {}))
        annotations.append(a)
    for trace in fig.data:
        if trace.name and trace.showlegend is not False:
            trace.name = wrap_html(unwrap(trace.name), screen.legend_columns)
    year_ticks(fig)
    right = marker_labels(fig, screen)  # the right margin labels beside markers need
    rows = wrap_rows(fig, lang, screen)  # the plot's height its wrapped row labels need
    if horizontal and not rows_set(fig):
        right = max(right, bar_texts(fig, screen))
    if right:
        fig.update_layout(margin_r=max(layout.margin.r or layout.template.layout.margin.r or 0,
                                       right))
    axis_lines = _wrap_x_titles(fig, plot_half_columns(fig, screen), screen)
    top = TITLE_TOP_PX + TITLE_LINE_PX * title.count("<br>")
    # Buttons over the plot (the product mix's flow choice) sit under the title, not on it,
    # one under the other from the plot's right edge: side by side from its left edge, which
    # row labels push right, the second ran off a phone's figure.
    for m in layout.updatemenus:
        if (m.y or 0) >= 1 and m.type == "buttons":
            m.update(direction="down", x=1, xanchor="right")
            top += MENU_PX * len(m.buttons)
    source = SOURCE_LINE_PX * source_lines
    legend = _legend_px(fig, screen)
    axis = AXIS_PX + AXIS_LINE_PX * (axis_lines - 1)
    bottom = axis + legend + PAD_PX + screen.push_px + source + PAD_PX
    # Tick labels may push the margins some 40 px further than planned: room for that too.
    # And the plot never shorter than the export's (a chart sized by its rows keeps them).
    export = max((layout.height or theme.DEFAULT_HEIGHT) - (layout.margin.t or 0)
                 - (layout.margin.b or 0), rows, screen.plot_min_px)
    # On a phone the plot keeps at least half the figure's height.
    height = max(layout.height or theme.DEFAULT_HEIGHT,
                 2 * (top + bottom + screen.slack_px) if screen.plot_half else 0,
                 export + top + bottom + screen.slack_px)
    for a in annotations:  # the source line at the foot of the figure, under the legend
        if a.name == "source-line":
            a.update(yanchor="bottom", yshift=-(bottom - PAD_PX // 2))
    fig.update_layout(
        autosize=True, width=None, height=height, annotations=annotations,
        # Plotly lifts a wrapped title by the same few pixels however many lines it has: put
        # it back (by a half line per extra line, a five-line title came down onto the plot).
        title=dict(text=title, y=1 - (14 + theme.WRAPPED_TITLE_DROP_PX * ("<br>" in title))
                   / height, yanchor="top", subtitle=dict(text="")),
        # Below the plot, under the axis title, in room kept for it at the screen's narrowest
        # (a wider one leaves some of that room empty above the source line).
        legend=dict(orientation="h", xref="container", x=0.02, xanchor="left",
                    yref="container", y=(bottom - axis) / height, yanchor="top"),
        margin=dict(t=top + 8, b=bottom),
    )
    return fig, [x for x in (subtitle, whole) if x]


__all__ = ["DESK", "PHONE", "Screen", "on_screen", "plain"]
