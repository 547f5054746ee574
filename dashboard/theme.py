"""One visual language for every chart, on screen and exported.

Colour-blind-safe Okabe–Ito palette; China and Kazakhstan always keep the same
two colours; every figure carries a title, axis units and a source line inside
the figure so that an exported image still says where its numbers come from.
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

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

FONT = "Inter, 'Segoe UI', 'DejaVu Sans', Arial, sans-serif"

# Fixed export size: the same image whatever the browser width.
EXPORT_WIDTH = 1200
DEFAULT_HEIGHT = 620  # on screen and in exports, so the two look the same
LEGEND_TOP_PX = 84  # below title and subtitle
SOURCE_GAP_PX = 84  # from the plot's bottom to the source line: room for rotated year ticks


def _template() -> go.layout.Template:
    t = go.layout.Template()
    t.layout = go.Layout(
        font=dict(family=FONT, size=14, color="#1B1F24"),
        title=dict(font=dict(size=19), x=0.012, xanchor="left", xref="container", y=0.975,
                   yanchor="top", yref="container"),
        colorway=OKABE_ITO,
        paper_bgcolor="white",
        plot_bgcolor="white",
        separators=".,",  # decimal point, thousands comma
        hoverlabel=dict(font=dict(family=FONT, size=13), bgcolor="white"),
        legend=dict(orientation="h", x=0.0, xanchor="left",
                    bgcolor="rgba(255,255,255,0)", title_text="", font=dict(size=12)),
        margin=dict(l=70, r=30, t=150, b=120),
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
        self.add_annotation(text=text, yref="paper", y=1, yanchor="top", xref="x", x=x,
                            xanchor="left", showarrow=False)

    def figure(self) -> go.Figure:
        return go.Figure({"data": self.data, "layout": self.layout}, _validate=False)


def apply(fig: Draft, *, title: str, subtitle: str | None = None, source: str,
          x_title: str | None = None, y_title: str | None = None) -> Draft:
    """Title, units and the source line every chart must carry."""
    lines = source.count("<br>") + 1
    height = fig.layout.get("height") or DEFAULT_HEIGHT
    fig.update_layout(
        height=height,
        title=dict(text=title, subtitle=dict(text=subtitle or "",
                                             font=dict(size=13, color=NEUTRAL))),
        # The legend hangs below the subtitle and pushes the plot down as it wraps, so a
        # narrow (phone) chart never draws it over the title.
        legend=dict(yref="container", y=1 - LEGEND_TOP_PX / height, yanchor="top"),
        margin=dict(t=LEGEND_TOP_PX + 24, b=SOURCE_GAP_PX + 8 + 15 * lines),
    )
    if x_title is not None:
        fig.update_xaxes(title=dict(text=x_title))
    if y_title is not None:
        fig.update_yaxes(title=dict(text=y_title))
    fig.add_annotation(
        text=source, xref="paper", yref="paper", x=0, y=0, yshift=-SOURCE_GAP_PX, xanchor="left",
        yanchor="top", showarrow=False, align="left", font=dict(size=11, color=NEUTRAL),
        name="source-line",
    )
    return fig


def usd_bn_axis(fig: Draft, *, log: bool = False) -> None:
    """'$ … bn' ticks on the y axis."""
    fig.update_yaxes(tickprefix="$", ticksuffix=" bn", type="log" if log else "linear")
    if not log:
        fig.update_yaxes(rangemode="tozero")
