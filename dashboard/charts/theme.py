"""One visual language for every chart, on screen and exported.

Colour-blind-safe Okabe–Ito palette; China and Kazakhstan always keep the same
two colours; every figure carries a title, axis units and a source line inside
the figure so that an exported image still says where its numbers come from.
"""

from __future__ import annotations

from functools import lru_cache

import plotly.graph_objects as go
import plotly.io as pio

from dashboard.text.formatting import money_affixes, percent_affixes, plotly_separators
from dashboard.text.wrapping import columns, wrap

TEMPLATE_NAME = "cnkz"

# Okabe & Ito (2008), safe for the common forms of colour blindness.
OKABE_ITO = ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#56B4E9", "#CC79A7", "#F0E442",
             "#000000"]
COUNTRY_COLOURS = {"CHN": "#D55E00", "KAZ": "#0072B2"}
# ...and a marker shape each, so the two are told apart without colour too.
COUNTRY_SYMBOLS = {"CHN": "circle", "KAZ": "square"}
USER_COLOUR = "#CC79A7"  # user-uploaded series: visibly not ours
NEUTRAL = "#6B7280"
MET, MISSED, UNKNOWN = "#009E73", "#D55E00", "#6B7280"
VOLUME_COLOUR, VALUE_COLOUR, UNSPECIFIED_COLOUR = "#56B4E9", "#E69F00", "#6B7280"
HIGHLIGHT = "#000000"
FLAG = "#B00020"  # a flagged reading, and every value computed from one
# One texture, one meaning, on every chart: hatching marks a flagged reading (core/flags.py)
# and every value computed from one, outlined in FLAG. Nothing else is hatched: exports and
# imports, volume and value, the two countries are told apart by colour and the legend, an
# approximate figure by a hollow mark (as the growth chart's hollow markers).
HATCH = dict(shape="/", fillmode="overlay", fgcolor="white", size=8, solidity=0.3)


def flagged_marker(colour: str) -> dict:
    """A bar resting on a flagged reading: its colour, hatched, outlined in the flag colour."""
    return dict(color=colour, pattern=HATCH, line=dict(color=FLAG, width=2))


def hollow_marker(colour: str) -> dict:
    """A bar for an approximate figure: hollow, outlined in its colour."""
    return dict(color="white", line=dict(color=colour, width=2))

FONT = "Inter, 'Segoe UI', 'DejaVu Sans', Arial, sans-serif"
# Chinese first names a CJK font with Simplified Chinese glyph forms, so a browser (and the
# exporting Chromium) never picks Japanese forms or falls back to boxes.
FONTS = {"zh": "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', "
               + FONT}

# Fixed export size: the same image whatever the browser width.
EXPORT_WIDTH = 1200
DEFAULT_HEIGHT = 620  # on screen and in exports, so the two look the same
TITLE_Y = 0.975  # top of the title, as a fraction of the figure's height
LEGEND_TOP_PX = 84  # below a one-line title and a one-line subtitle
SOURCE_GAP_PX = 84  # from the plot's bottom to the source line: room for rotated year ticks
TITLE_LINE_PX, SUBTITLE_LINE_PX = 25, 17  # room each further wrapped line takes
WRAPPED_TITLE_DROP_PX = 13.5
# Display columns (a CJK character counts two) that fit a 1200 px figure at the fonts below.
TITLE_COLUMNS, SUBTITLE_COLUMNS, SOURCE_COLUMNS = 80, 120, 125
Y_TITLE_COLUMNS = 44
SOURCE_COLUMNS_NARROW = 95  # under a plot pushed right by long labels (horizontal bars)
LABEL_COLUMNS = 50  # a category label on the left of a horizontal bar chart


def _template() -> go.layout.Template:
    t = go.layout.Template()
    t.layout = go.Layout(
        font=dict(family=FONT, size=14, color="#1B1F24"),
        title=dict(font=dict(size=19), x=0.012, xanchor="left", xref="container", y=TITLE_Y,
                   yanchor="top", yref="container"),
        colorway=OKABE_ITO,
        paper_bgcolor="white",
        plot_bgcolor="white",
        separators=".,",  # decimal point, thousands comma
        hoverlabel=dict(font=dict(family=FONT, size=13), bgcolor="white"),
        legend=dict(orientation="h", x=0.0, xanchor="left",
                    bgcolor="rgba(255,255,255,0)", title_text="", font=dict(size=12)),
        margin=dict(l=70, r=30, t=150, b=120),
        # A bar label that would be drawn smaller than 11 px is left out, never shrunk to a
        # smudge: every value stays in the hover and the table.
        uniformtext=dict(minsize=11, mode="hide"),
        xaxis=dict(showgrid=False, linecolor="#9CA3AF", ticks="outside", tickcolor="#9CA3AF",
                   zeroline=False, automargin=True),
        yaxis=dict(gridcolor="#E5E7EB", zerolinecolor="#9CA3AF", linecolor="#9CA3AF",
                   automargin=True, separatethousands=True),
    )
    return t


pio.templates[TEMPLATE_NAME] = _template()


_TEMPLATE_JSON: dict | None = None


def _template_json() -> dict:
    global _TEMPLATE_JSON
    if _TEMPLATE_JSON is None:
        _TEMPLATE_JSON = pio.templates[TEMPLATE_NAME].to_plotly_json()
    return _TEMPLATE_JSON


def _merge(into: dict, update: dict) -> None:
    for key, value in update.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


class Draft:
    """A figure as plain dicts, turned into a ``go.Figure`` once at the end.

    Plotly's object model validates every property on every update; building the
    dicts first and constructing the figure once makes a slider rerun several times
    faster. Tests validate every finished figure strictly (``go.Figure(fig.to_dict())``).
    """

    def __init__(self) -> None:
        self.data: list[dict] = []
        self.layout: dict = {"template": _template_json()}

    def add_trace(self, trace: dict) -> None:
        self.data.append(trace)

    def update_layout(self, **update) -> None:
        _merge(self.layout, update)

    def update_xaxes(self, **update) -> None:
        _merge(self.layout.setdefault("xaxis", {}), update)

    def update_yaxes(self, **update) -> None:
        _merge(self.layout.setdefault("yaxis", {}), update)

    def add_annotation(self, **annotation) -> None:
        self.layout.setdefault("annotations", []).append(annotation)

    def add_hline(self, y: float, *, line: dict, text: str) -> None:
        self.layout.setdefault("shapes", []).append(dict(
            type="line", xref="paper", x0=0, x1=1, yref="y", y0=y, y1=y, line=line))
        self.add_annotation(text=text, xref="paper", x=0, xanchor="left", yref="y", y=y,
                            yanchor="bottom", showarrow=False)

    def add_vline(self, x: float, *, line: dict, text: str) -> None:
        self.layout.setdefault("shapes", []).append(dict(
            type="line", yref="paper", y0=0, y1=1, xref="x", x0=x, x1=x, line=line))
        # Left of the line: at the right end of a chart a label to its right would be cut.
        self.add_annotation(text=text, yref="paper", y=1, yanchor="top", xref="x", x=x,
                            xanchor="right", showarrow=False)

    def figure(self) -> go.Figure:
        return go.Figure({"data": self.data, "layout": self.layout}, _validate=False)


@lru_cache(maxsize=1024)
def balanced(text: str, width: int) -> str:
    """Wrapped to ``width`` columns in as few lines as possible, those lines of even length.

    A title that needs two lines gets two halves, not a full line and one lonely word. The
    narrowest width that keeps the line count is found by bisection; results are cached, as
    a page rerun draws the same titles again.
    """
    lines = len(wrap(text, width))
    if lines == 1:
        return text
    lo, hi = max(1, columns(text) // lines - 1), width  # lo: too narrow for so few lines
    while lo < hi:
        mid = (lo + hi) // 2
        if len(wrap(text, mid)) == lines:
            hi = mid
        else:
            lo = mid + 1
    return "<br>".join(wrap(text, hi))


def font_family(lang: str = "en") -> str:
    """The font list for a language: every page and export draws with the same glyphs."""
    return FONTS.get(lang, FONT)


def apply(fig: Draft, *, title: str, subtitle: str | None = None, source: str,
          x_title: str | None = None, y_title: str | None = None, lang: str = "en") -> Draft:
    """Title, units and the source line every chart must carry, in the reader's language.

    Title and subtitle are wrapped by display width (Chinese has no spaces to break at),
    the legend moves down by the lines they take, and numbers use the language's decimal
    and group marks. The source line comes wrapped from ``charts.kit.source_line``.
    """
    title = balanced(title, TITLE_COLUMNS)
    subtitle = balanced(subtitle, SUBTITLE_COLUMNS) if subtitle else ""
    lines = source.count("<br>") + 1
    height = fig.layout.get("height") or DEFAULT_HEIGHT
    top = (LEGEND_TOP_PX + TITLE_LINE_PX * title.count("<br>")
           + SUBTITLE_LINE_PX * subtitle.count("<br>"))
    family = font_family(lang)
    fig.update_layout(
        height=height,
        separators=plotly_separators(lang),
        font=dict(family=family),
        hoverlabel=dict(font=dict(family=family)),
        # Plotly lifts a wrapped title to the very top of the figure: put it back where a
        # one-line title starts (measured on exports with plotly 7 and kaleido 1).
        title=dict(text=title, y=TITLE_Y - (WRAPPED_TITLE_DROP_PX / height if "<br>" in title
                                            else 0),
                   subtitle=dict(text=subtitle, font=dict(size=13, color=NEUTRAL))),
        # The legend hangs below the subtitle and pushes the plot down as it wraps, so a
        # narrow (phone) chart never draws it over the title.
        legend=dict(yref="container", y=1 - top / height, yanchor="top"),
        margin=dict(t=top + 24, b=SOURCE_GAP_PX + 8 + 15 * lines),
    )
    if x_title is not None:
        fig.update_xaxes(title=dict(text=balanced(x_title, SUBTITLE_COLUMNS)))
    if y_title is not None:  # runs up the side of a plot some 400 px tall
        fig.update_yaxes(title=dict(text=balanced(y_title, Y_TITLE_COLUMNS)))
    fig.add_annotation(
        text=source, xref="paper", yref="paper", x=0, y=0, yshift=-SOURCE_GAP_PX, xanchor="left",
        yanchor="top", showarrow=False, align="left", font=dict(size=11, color=NEUTRAL),
        name="source-line",
    )
    return fig


def usd_bn_axis(fig: Draft, *, log: bool = False, lang: str = "en", axis: str = "y") -> None:
    """Money ticks in the language's unit: '$40 bn', '40 млрд $', '400亿美元' (``money_unit``)."""
    prefix, suffix = money_affixes(lang)
    update = fig.update_yaxes if axis == "y" else fig.update_xaxes
    update(tickprefix=prefix, ticksuffix=suffix, type="log" if log else "linear")
    if not log:
        update(rangemode="tozero")


def percent_axis(fig: Draft, *, lang: str = "en", axis: str = "y", **more) -> None:
    """Percent ticks as the language writes them ('5%', '5 %')."""
    prefix, suffix = percent_affixes(lang)
    update = fig.update_yaxes if axis == "y" else fig.update_xaxes
    update(tickprefix=prefix, ticksuffix=suffix, **more)
