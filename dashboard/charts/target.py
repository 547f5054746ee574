"""The doubling target: actual history, projected paths and where each reaches the target."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .. import theme
from ..data import series
from ..doubling import Answer, answer, default_settings
from ..formatting import fmt_bn
from .kit import Chart, Options, Tables, add_series, labelled, reporter_source, trade_axes, who

HISTORY_SHOWN = 12  # years of actual figures drawn before the base year


@dataclass(frozen=True)
class TargetChart(Chart):
    answer: Answer


def editorial_base_year(tables: Tables) -> int | None:
    """The base year of the editorial's doubling goal, read from its claims."""
    claims = tables["editorial_claims"]
    hit = claims[claims["metric"] == "target_multiple"]
    return int(hit["year"].iloc[0]) if not hit.empty and pd.notna(hit["year"].iloc[0]) else None


def default_projection(tables: Tables, reporter: str = "CHN", partner: str = "KAZ"):
    history = series(tables["bilateral_trade"], reporter, partner)
    base = editorial_base_year(tables)
    return default_settings(history, base) if base is not None else default_settings(history)


def doubling(tables: Tables, o: Options) -> TargetChart:
    h = labelled(series(tables["bilateral_trade"], o.reporter, o.partner), tables["sources"])
    settings = o.projection or default_projection(tables, o.reporter, o.partner)
    actual = who(o.reporter)
    a = answer(h, settings, actual)
    hist = h[h["year"] <= settings.base_year]
    after = h[h["year"] > settings.base_year]
    title = f"When does trade reach {a.target_label}?"
    subtitle = (f"Projected from {settings.base_year} ({fmt_bn(a.base_value)}, {actual}), "
                "compounding once a year; stars mark where each path reaches the target")
    source = reporter_source(tables, h["source_id"], o.reporter) + (
        "<br>Projections are arithmetic, not forecasts.")

    fig = theme.Draft()
    add_series(fig, hist, name=f"Actual ({actual})",
               colour=theme.COUNTRY_COLOURS.get(o.reporter, theme.NEUTRAL),
               symbol=theme.COUNTRY_SYMBOLS.get(o.reporter, "circle"))
    for p in a.paths:
        fig.add_trace(dict(
            type="scatter", x=list(p.years), y=[v / 1e9 for v in p.values_usd], mode="lines",
            name=p.label, line=dict(color=p.colour, width=3 if p.main else 2,
                                    dash="solid" if p.main else "dash"),
            hovertemplate="<b>%{x}</b>: $%{y:,.1f} bn<extra>%{fullData.name}</extra>"))
    reached = [p for p in a.paths if p.reach_year is not None]
    if reached:  # one trace for every star: fewer traces for the browser to redraw
        fig.add_trace(dict(
            type="scatter", x=[p.reach_year for p in reached],
            y=[p.value_in(p.reach_year) / 1e9 for p in reached], mode="markers",
            marker=dict(symbol="star", size=16, color=[p.colour for p in reached],
                        line=dict(color="white", width=1)),
            name="Reaches the target", showlegend=False, customdata=[p.label for p in reached],
            hovertemplate="%{customdata}: reaches the target in %{x}<extra></extra>"))
    if not after.empty:
        fig.add_trace(dict(
            type="scatter", x=after["year"].astype(int).tolist(),
            y=(after["value_usd"].astype(float) / 1e9).tolist(), mode="markers+text",
            name=f"Actual after the base year ({actual})",
            text=[fmt_bn(v) for v in after["value_usd"]], textposition="bottom right",
            marker=dict(symbol="square", size=11, color=theme.HIGHLIGHT),
            hovertemplate="<b>%{x}</b>: $%{y:,.2f} bn (actual)<extra></extra>"))
    fig.add_hline(a.target_usd / 1e9, line=dict(color=theme.HIGHLIGHT, dash="dot", width=1.5),
                  text=f"Target: {a.target_label}")
    fig.add_vline(settings.deadline, line=dict(color=theme.NEUTRAL, dash="dot", width=1),
                  text=f"Deadline {settings.deadline}")
    trade_axes(fig, title=title, subtitle=subtitle, source=source, log=settings.log)
    # Keep the target in view: fast paths leave the frame rather than squash everything else.
    top = max([a.target_usd, *h["value_usd"].astype(float)]) / 1e9
    ends = [p.years[-1] for p in a.paths]
    fig.update_xaxes(range=[settings.base_year - HISTORY_SHOWN - 0.5, max(ends) + 0.5])
    if not settings.log:
        fig.update_yaxes(range=[0, top * 1.3])

    def rows() -> pd.DataFrame:
        parts = [pd.DataFrame({"series": "actual", "year": h["year"].astype(int),
                               "value_usd_bn": h["value_usd"].astype(float) / 1e9,
                               "growth_pct": float("nan"), "source_id": h["source_id"]})]
        parts += [pd.DataFrame({"series": p.label, "year": list(p.years),
                                "value_usd_bn": [v / 1e9 for v in p.values_usd],
                                "growth_pct": p.growth * 100, "source_id": "projection"})
                  for p in a.paths]
        parts.append(pd.DataFrame({"series": ["target"], "year": [pd.NA],
                                   "value_usd_bn": [a.target_usd / 1e9],
                                   "growth_pct": [float("nan")], "source_id": ["computed"]}))
        return pd.concat(parts, ignore_index=True)

    main_reach = a.paths[0].reach_year
    stem = f"doubling-target-{settings.growth * 100:.1f}pct-{main_reach or 'never'}"
    return TargetChart("doubling-target", title, fig.figure(), rows, stem, source, a)
