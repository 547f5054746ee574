"""The line every exported image carries under its source line: where the chart lives and
the licence of the data, so a PNG passed around still says both."""

from __future__ import annotations

import json
from functools import cache
from urllib.parse import urlencode

import plotly.graph_objects as go

from dashboard.charts import Chart, theme
from dashboard.data.loader import descriptor_text
from dashboard.export.embed import LIVE_PAGES
from dashboard.text.i18n import tr

STAMP_PX = 18  # the room the line takes at the foot of the figure
SOURCE_LINE_PX = 15  # one line of the 11 px source line (theme.apply)


@cache
def _licence(descriptor: str) -> str:
    found = json.loads(descriptor).get("licenses") or []
    if not found:
        return ""
    first = found[0]
    name, path = first.get("name") or first.get("title") or "", first.get("path") or ""
    return f"{name} ({path})" if name and path else name or path


def licence() -> str:
    """The data package's licence as its descriptor states it: 'CC-BY-4.0 (https://…)'."""
    return _licence(descriptor_text())


def page_path(spec: Chart) -> str:
    """The chart's own shareable link without a host: '/mirror?lang=ru' (no public address
    is configured; the live app and the published bundle pass their full one)."""
    return f"/{LIVE_PAGES.get(spec.name, '')}?{urlencode({'lang': spec.lang})}"


def stamp_text(spec: Chart, address: str = "") -> str:
    """'<address> · Data: <licence>' in the chart's language ('' parts left out)."""
    where, terms = address or page_path(spec), licence()
    return tr(spec.lang, "export.stamp", address=where, licence=terms) if terms else where


def stamped(spec: Chart, address: str = "") -> go.Figure:
    """The chart's figure with the address and licence line under its source line, the plot
    a little shorter (the figure keeps its export size)."""
    fig = go.Figure(spec.figure.to_dict(), _validate=False)
    source = next((a for a in fig.layout.annotations if a.name == "source-line"), None)
    lines = source.text.count("<br>") + 1 if source is not None else 0
    bottom = fig.layout.margin.b if fig.layout.margin.b is not None else 80
    fig.update_layout(margin=dict(b=bottom + STAMP_PX))
    shift = (source.yshift or 0) if source is not None else 0
    fig.add_annotation(
        text=stamp_text(spec, address), xref="paper", yref="paper", x=0, y=0, xanchor="left",
        yanchor="top", yshift=shift - SOURCE_LINE_PX * lines - 4, showarrow=False,
        align="left", font=dict(size=10, color=theme.NEUTRAL), name="stamp")
    return fig
