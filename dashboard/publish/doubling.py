"""The doubling chart for a static page: a growth-rate slider over precomputed paths.

A published page has no server to recompute the projection, so every step of the
slider (0% to 30% in 0.5% steps) is computed here with ``projection`` and carried in
the figure as plotly slider steps; moving the slider swaps the path, its star and the
sentence saying the year the target is reached.
"""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go

from dashboard.charts.target import TargetChart
from dashboard.core.projection import project, year_reaching
from dashboard.text.formatting import fmt_bn, fmt_pct
from dashboard.text.i18n import tr

STEP = 0.005
MAX_RATE = 0.30
RATES = tuple(round(i * STEP, 4) for i in range(round(MAX_RATE / STEP) + 1))
PATH_COLOUR = "#0072B2"  # the "your rate" colour of the live page
SLIDER_ROOM_PX = 110  # extra height for the slider under the source line


@dataclass(frozen=True)
class Step:
    """One slider position: the rate, its projected path and the year it reaches the target."""

    growth: float
    years: tuple[int, ...]
    values_bn: tuple[float, ...]
    reach_year: int | None
    sentence: str


def sentence(lang: str, growth: float, target_usd: float, reach: int | None, base_year: int
             ) -> str:
    """'At 6.5% a year, trade reaches $60.0 bn in 2029.' in the reader's language."""
    rate, target = fmt_pct(growth, sign=False, lang=lang), fmt_bn(target_usd, 1, lang=lang)
    if reach is None:
        return tr(lang, "publish.slider.never", rate=rate, target=target)
    if reach == base_year:
        return tr(lang, "publish.slider.met", rate=rate, year=str(base_year))
    return tr(lang, "publish.slider.reaches", rate=rate, target=target, year=str(reach))


def steps(spec: TargetChart, lang: str, end_year: int) -> list[Step]:
    """Every slider position, computed from the chart's own base value and target."""
    a = spec.answer
    base_year = a.settings.base_year
    out = []
    for g in RATES:
        path = project(a.base_value, base_year, g, end_year)
        reach = year_reaching(a.base_value, base_year, g, a.target_usd)
        # Six significant figures of a projection: finer than any screen can draw.
        values = tuple(float(f"{v / 1e9:.6g}") for v in path["value"])
        out.append(Step(g, tuple(int(y) for y in path["year"]), values, reach,
                        sentence(lang, g, a.target_usd, reach, base_year)))
    return out


def _without_main_path(data: list[dict], label: str, colour: str) -> list[dict]:
    """The chart's traces minus the default "your rate" path and its star (the slider's now).

    The path is the trace named after it; its star is the one drawn in its colour.
    """
    kept = []
    for trace in data:
        if trace.get("name") == label:
            continue
        marker = trace.get("marker") or {}
        colours = marker.get("color")
        if marker.get("symbol") == "star" and isinstance(colours, list | tuple):
            keep = [i for i, c in enumerate(colours) if c != colour]
            trace = dict(trace, marker=dict(marker, color=[colours[i] for i in keep]),
                         **{k: [trace[k][i] for i in keep] for k in ("x", "y", "customdata")
                            if trace.get(k) is not None})
        kept.append(trace)
    return kept


def _star(step: Step, end_year: int) -> tuple[list, list]:
    if step.reach_year is None or step.reach_year > end_year:
        return [], []
    return [step.reach_year], [step.values_bn[step.years.index(step.reach_year)]]


def slider_figure(spec: TargetChart, lang: str) -> tuple[go.Figure, Step]:
    """The doubling chart with a growth slider, and the step it opens on (nearest the
    chart's own rate)."""
    fig = spec.figure.to_plotly_json()
    layout = dict(fig["layout"])
    x_end = int(layout["xaxis"]["range"][1])
    all_steps = steps(spec, lang, x_end)
    main = spec.answer.paths[0]
    data = _without_main_path(list(fig["data"]), main.label, main.colour)
    active = min(range(len(RATES)), key=lambda i: abs(RATES[i] - main.growth))
    first = all_steps[active]
    path_index, star_index = len(data), len(data) + 1
    data.append(dict(type="scatter", mode="lines", x=list(first.years), y=list(first.values_bn),
                     name=tr(lang, "publish.slider.path"),
                     line=dict(color=PATH_COLOUR, width=3),
                     hovertemplate="<b>%{x}</b>: $%{y:,.1f} bn<extra>%{fullData.name}</extra>"))
    sx, sy = _star(first, x_end)
    data.append(dict(type="scatter", mode="markers", x=sx, y=sy, showlegend=False,
                     marker=dict(symbol="star", size=18, color=PATH_COLOUR,
                                 line=dict(color="white", width=1)),
                     hovertemplate="%{x}<extra></extra>"))
    annotations = list(layout.get("annotations", []))
    text_index = len(annotations)
    annotations.append(dict(text=f"<b>{first.sentence}</b>", xref="paper", yref="paper", x=0.01,
                            y=0.99, xanchor="left", yanchor="top", showarrow=False, align="left",
                            bgcolor="rgba(255,255,255,0.85)", font=dict(size=15),
                            name="slider-answer"))
    margin = dict(layout.get("margin", {}))
    bottom = int(margin.get("b", 120))
    layout.update(
        annotations=annotations,
        height=int(layout.get("height", 620)) + SLIDER_ROOM_PX,
        margin=dict(margin, b=bottom + SLIDER_ROOM_PX),
        sliders=[dict(
            active=active, x=0, len=1, y=0, yanchor="top", pad=dict(t=bottom + 8, b=0),
            currentvalue=dict(prefix=tr(lang, "publish.slider.prefix"), font=dict(size=14)),
            steps=[dict(method="update", label=fmt_pct(s.growth, sign=False, lang=lang),
                        args=[{"x": [list(s.years), _star(s, x_end)[0]],
                               "y": [list(s.values_bn), _star(s, x_end)[1]]},
                              {f"annotations[{text_index}].text": f"<b>{s.sentence}</b>"},
                              [path_index, star_index]])
                   for s in all_steps])])
    return go.Figure({"data": data, "layout": layout}, skip_invalid=False), first
