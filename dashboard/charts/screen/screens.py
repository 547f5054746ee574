"""The screens a figure is drawn for: a phone's, and a desk's (a 768 px tablet and up).

One rule set each, in columns and pixels: how wide a title, a source line, a legend entry, a
bar chart's row label and an x-axis title may run, how many lines of the source the figure
shows, and how tall the figure is. ``PHONE`` is the drawing for a figure some 358 px wide (a
390 px phone); ``DESK`` for one at least some 700 px wide, where the phone's drawing wrapped a
title to three lines in a 1240 px figure and kept a band of blank room for a phone's legend.
Which one a reader gets is the ``ui`` layer's choice (the server never knows the width).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Screen:
    """What a figure's words and heights are planned for (``columns``: display columns, a CJK
    character counting two; Cyrillic letters are wider, so Russian and Kazakh take fewer)."""

    name: str
    figure_px: int  # the narrowest figure the drawing must fit
    title_columns: int  # a 19 px title
    source_columns: int  # an 11 px source line beside or under the plot
    source_columns_by_lang: dict[str, int] = field(hash=False)
    source_lines: int  # a longer source list is cut here, shown whole in the caption
    legend_columns: int  # a legend entry's name wraps here
    row_columns: int  # a horizontal bar chart's 14 px row labels
    row_columns_by_lang: dict[str, int] = field(hash=False)
    axis_title_columns: int  # an x-axis title centred under its plot
    bar_text_columns: int  # a label outside its bar
    marker_text_columns: int  # a label beside a marker ('Jan–Sep')
    line_label_columns: int  # a reference line's label over the plot ('Target: 2× 2023')
    plot_px: int  # the plot's width, for labels beside markers near its right edge
    legend_rows_packed: bool  # short legend entries share a row (a desk's width holds them)
    legend_row_px: int  # ...one as wide as this: Plotly wraps a legend at the plot's width
    push_px: int  # tick labels pushing the plot and the source line up, unplanned
    slack_px: int
    plot_half: bool  # the plot keeps at least half the figure's height
    plot_min_px: int  # and at least this: labels beside close markers need the height

    def source_width(self, lang: str) -> int:
        return self.source_columns_by_lang.get(lang, self.source_columns)

    def row_width(self, lang: str) -> int:
        return self.row_columns_by_lang.get(lang, self.row_columns)


# A 390 px phone: the figure some 358 px wide, its plot some 200 px beside long tick labels.
PHONE = Screen(
    name="phone", figure_px=358, title_columns=30,
    # At 42 columns a Russian or Kazakh line ran past a phone's figure (the line starts where
    # the plot does, up to 140 px in: long tick labels on the left).
    source_columns=42, source_columns_by_lang={"ru": 30, "kk": 30}, source_lines=5,
    legend_columns=38,
    # On one line of up to 50 columns row labels took most of a phone's width (the Russian
    # world chart's were cut at the figure's left edge): some 150 px of a 14 px label.
    row_columns=20, row_columns_by_lang={"ru": 17, "kk": 17},
    axis_title_columns=24, bar_text_columns=10, marker_text_columns=12,
    line_label_columns=22, plot_px=200, legend_rows_packed=False, legend_row_px=0,
    push_px=24, slack_px=40,
    plot_half=True, plot_min_px=0,
)
# A desk (a 768 px tablet and up: the figure at least some 700 px wide, 1240 px at 1400 px):
# a long title in one or two lines, a source line of up to four, row labels on a line or
# two, the legend's entries side by side, and no height kept for a phone's tall legend.
DESK = Screen(
    name="desk", figure_px=700, title_columns=60,
    source_columns=96, source_columns_by_lang={"ru": 76, "kk": 76}, source_lines=4,
    legend_columns=64,
    row_columns=36, row_columns_by_lang={"ru": 32, "kk": 32},
    axis_title_columns=48, bar_text_columns=18, marker_text_columns=16,
    line_label_columns=44, plot_px=420, legend_rows_packed=True, legend_row_px=440,
    push_px=12, slack_px=24,
    # A plot 340 px tall put the corridor's 'Jan–Oct' and 'Jan–Nov' labels on each other.
    plot_half=False, plot_min_px=420,
)
