"""Two labels on a chart of yearly change bars: its largest rise and its largest fall,
horizontal, as large as the chart's own text, above the rise and under the fall.

A label on every bar did not read: some 30 bars left each a few pixels, so Plotly turned the
labels on end inside the bars, against the zero line, or shrank them to 5 px or dropped them
(issue 23: "fewer, larger"). The extremes' labels have no taller bar beside them at any
width, and each stands a fixed gap past its bar's end (past a reported marker drawn in the
same year too), so it never touches the zero line, a fall's included. Every bar's figure
stays in its hover and in the chart's table.
"""

from __future__ import annotations

from collections.abc import Sequence

from dashboard.charts import theme
from dashboard.text.wording import pct

LABEL_PX = 14  # the chart's own text size: larger than the 11 px bar labels were at best
# Past a bar's end: a 12 px reported diamond there reaches 6 px beyond it, and 4 px more.
GAP_PX = 10
BAR_HALF = 0.4  # of a year: a first or last bar's label hangs from its bar's outer edge
# Room on the value axis past the labelled ends, of its span: a label and its gap (some 30 px)
# in a plot some 370 px tall, inside the plot, off the tick labels under it.
ROOM = 0.12


def picked(changes: Sequence[float]) -> list[int]:
    """The bars to label, by position: the largest rise and the largest fall (no fall, no
    fall's label; no rise, no rise's)."""
    if not changes:
        return []
    rise = max(range(len(changes)), key=lambda i: changes[i])
    fall = min(range(len(changes)), key=lambda i: changes[i])
    return [i for i, keep in ((rise, changes[rise] >= 0), (fall, changes[fall] < 0)) if keep]


def change_labels(fig: theme.Draft, years: Sequence[int], changes: Sequence[float],
                  reported: dict[int, float], lang: str = "en") -> None:
    """Label the picked bars (``picked``) with their change as the bars' hovers give it; a
    reported value in a bar's year (``reported``, year: percent) pushes the label past its
    marker as well. The value axis keeps room for the labels inside the plot."""
    if not years:
        return
    first, last = min(years), max(years)
    values = [0.0, *changes, *reported.values()]
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    for i in picked(changes):
        year, value = years[i], changes[i]
        rise = value >= 0
        other = reported.get(year)
        end = value if other is None else (max(value, other) if rise else min(value, other))
        xanchor, x = ("left", year - BAR_HALF) if year == first and year != last else \
            ("right", year + BAR_HALF) if year == last and year != first else ("center", year)
        fig.add_annotation(
            text=pct(value, lang), x=x, y=end, xref="x", yref="y", xanchor=xanchor,
            yanchor="bottom" if rise else "top", yshift=GAP_PX if rise else -GAP_PX,
            showarrow=False, font=dict(size=LABEL_PX), name="change-label")
        if rise:
            high = max(high, end + ROOM * span)
        else:
            low = min(low, end - ROOM * span)
    fig.update_yaxes(range=[low - 0.02 * span, high + 0.02 * span])
