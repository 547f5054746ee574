"""The on-screen drawing of a chart: readable at any width, a phone's 390 px included.

The server never knows the reader's screen width, so the figure on the page uses Plotly's
responsive layout (autosize, no fixed width) and wraps its words for a narrow screen: the
title for about 30 columns, the source line for about 42. The subtitle leaves the figure for
the caption under it, and the legend goes below the plot, so that on a phone the plot keeps
at least half of the figure's height (the figure grows when it needs to). Exports keep the
export drawing (``theme.apply``), subtitle included.
"""

from __future__ import annotations

import re

import plotly.graph_objects as go

from dashboard.charts import theme
from dashboard.text.i18n import tr
from dashboard.text.wrapping import columns, unwrap, wrap

TITLE_COLUMNS = 30  # 19 px title in a figure some 358 px wide (a 390 px phone)
SOURCE_COLUMNS = 42  # 11 px source line beside or under a plot some 270 px wide
PHONE_LEGEND_PX = 320  # the width a phone's legend wraps to
LEGEND_ROW_PX, LEGEND_SWATCH_PX, LEGEND_CHAR_PX = 21, 46, 6.8  # a 12 px legend entry
TITLE_TOP_PX, TITLE_LINE_PX = 44, 25
AXIS_PX = 84  # tick labels and the x-axis title under the plot
SOURCE_LINE_PX = 15
SOURCE_LINES = 5  # a longer source list is cut here in the figure, shown whole in the caption
PAD_PX = 12


def _legend_rows(fig: go.Figure) -> int:
    """Rows a horizontal legend takes at a phone's width (entries wrap onto new rows)."""
    names = [t.name or "" for t in fig.data if t.showlegend is not False and t.name]
    rows, used = 0, PHONE_LEGEND_PX
    for name in names:
        width = LEGEND_SWATCH_PX + LEGEND_CHAR_PX * columns(unwrap(name))
        if used + width > PHONE_LEGEND_PX:
            rows, used = rows + 1, 0
        used += width
    return rows


def plain(text: str) -> str:
    """Text of a title or subtitle without Plotly's tags, for a caption."""
    return re.sub(r"<[^>]*>", "", unwrap(text or "")).strip()


def _source(text: str, lang: str) -> tuple[str, str]:
    """The source line wrapped for a phone, and the whole of it for the caption when the
    figure has room for its first lines only."""
    lines = wrap(unwrap(text), SOURCE_COLUMNS)
    if len(lines) <= SOURCE_LINES:
        return "<br>".join(lines), ""
    return ("<br>".join([*lines[:SOURCE_LINES - 1], tr(lang, "chart.source_more")]),
            plain(text))


def on_screen(figure: go.Figure, lang: str = "en") -> tuple[go.Figure, str]:
    """The figure as the page draws it, and the caption under it: the subtitle (and the
    whole source list when the figure shows only its start)."""
    fig = go.Figure(figure.to_dict(), _validate=False)
    layout = fig.layout
    title = theme.balanced(unwrap(layout.title.text or ""), TITLE_COLUMNS)
    subtitle = plain(layout.title.subtitle.text or "")
    horizontal = any(getattr(t, "orientation", None) == "h" for t in fig.data)
    source_lines, whole = 0, ""
    annotations = []
    for a in layout.annotations:
        if a.name == "source-line":
            text, whole = _source(a.text, lang)
            source_lines = text.count("<br>") + 1
            # Long labels on the left push a bar chart's plot right: hang the line from the
            # plot's right edge instead, so it runs into the left margin, never off the figure.
            a = a.update(text=text, **(dict(x=1, xanchor="right") if horizontal else {}))
        annotations.append(a)
    top = TITLE_TOP_PX + TITLE_LINE_PX * title.count("<br>")
    bottom = AXIS_PX + SOURCE_LINE_PX * source_lines + PAD_PX
    legend = LEGEND_ROW_PX * _legend_rows(fig) + (PAD_PX if fig.data else 0)
    height = max(layout.height or theme.DEFAULT_HEIGHT, 2 * (top + bottom + legend) + PAD_PX)
    fig.update_layout(
        autosize=True, width=None, height=height, annotations=annotations,
        title=dict(text=title, y=1 - 14 / height, yanchor="top", subtitle=dict(text="")),
        # Below the plot, under the axis title and the source line; Plotly adds its height
        # to the bottom margin as it wraps, so it never covers the plot.
        legend=dict(orientation="h", xref="container", x=0.02, xanchor="left",
                    yref="container", y=0, yanchor="bottom"),
        margin=dict(t=top + 8, b=bottom),
    )
    return fig, "\n\n".join(x for x in (subtitle, whole) if x)
