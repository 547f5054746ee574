"""The growth page's trade-over-time charts: the long series with targets, and yearly change."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .. import theme
from ..analysis import TargetStatus, target_statuses, yoy_growth
from ..data import series
from ..formatting import fmt_pct
from .kit import (
    Chart,
    Options,
    Tables,
    add_series,
    bn,
    change_axes,
    country,
    is_user_data,
    labelled,
    pair_slug,
    reporter_source,
    trade_axes,
    who,
    x_span,
)

STATUS_STYLE = {  # status: (colour, marker, legend name)
    "met": (theme.MET, "star", "Target met"),
    "missed": (theme.MISSED, "x", "Target missed"),
    "unknown": (theme.UNKNOWN, "diamond-open", "Target: no figure for deadline"),
}
HOVER_OTHER = ("<b>%{x}</b>: $%{y:,.3~f} bn (other reading)<br>Source: %{customdata}"
               "<extra></extra>")
TARGET_HORIZON = 7  # targets due up to this many years after the last figure are drawn


@dataclass(frozen=True)
class GrowthChart(Chart):
    series: pd.DataFrame  # the plotted primary series (year, value_usd, ...)
    statuses: tuple[TargetStatus, ...]  # every target, judged on this series
    plotted_targets: tuple[TargetStatus, ...]  # those drawn (deadline within the range)


def _other_readings(tables: Tables, o: Options, start: int, end: int) -> pd.DataFrame:
    others = tables.get("other_readings")
    if others is None:
        return pd.DataFrame()
    others = others[(others["reporter"] == o.reporter) & (others["partner"] == o.partner)
                    & (others["flow"] == "total") & (others["period"] == "full year")
                    & others["value_usd"].notna() & (others["year"] >= start)
                    & (others["year"] <= end)]
    return labelled(others, tables["sources"])


def growth(tables: Tables, o: Options) -> GrowthChart:
    full = labelled(series(tables["bilateral_trade"], o.reporter, o.partner), tables["sources"])
    if full.empty:
        raise LookupError(f"No total trade figures reported by {o.reporter} for {o.partner}")
    start = o.start or int(full["year"].min())
    end = o.end or int(full["year"].max())
    s = full[(full["year"] >= start) & (full["year"] <= end)]
    statuses = tuple(target_statuses(tables["targets"], tables["bilateral_trade"], o.reporter,
                                     o.partner)) if (o.reporter, o.partner) == ("CHN", "KAZ") \
        else ()
    horizon = max(end, int(full["year"].max()) + TARGET_HORIZON)
    targets = tuple(t for t in statuses
                    if t.deadline_year is not None and start <= t.deadline_year <= horizon)
    user = is_user_data(s["source_id"])
    name = who(o.reporter) + (" (includes your uploaded data)" if user else "")
    colour = theme.USER_COLOUR if user else theme.COUNTRY_COLOURS.get(o.reporter, theme.NEUTRAL)
    others = _other_readings(tables, o, start, end)
    title = f"{country(o.reporter)}–{country(o.partner)} trade, {start}–{end}"
    subtitle = (f"Total goods trade reported by {who(o.reporter)}; hollow markers are "
                "approximate; gaps are years with no sourced figure")
    ids = [*s["source_id"], *(t.source_id for t in targets)]
    if not others.empty:
        ids += list(others["source_id"])
    source = reporter_source(tables, ids, o.reporter)

    fig = theme.Draft()
    add_series(fig, s, name=name, colour=colour,
               symbol=theme.COUNTRY_SYMBOLS.get(o.reporter, "circle"))
    if not others.empty:
        fig.add_trace(dict(
            type="scatter", x=others["year"].astype(int).tolist(), y=bn(others["value_usd"]),
            mode="markers", name="Another source's reading of the same year",
            marker=dict(symbol="line-ew-open", size=16, color=theme.NEUTRAL,
                        line=dict(color=theme.NEUTRAL, width=2)),
            customdata=others["source_label"].tolist(), hovertemplate=HOVER_OTHER))
    for status, (colour_, symbol, legend) in STATUS_STYLE.items():
        ts = [t for t in targets if t.status == status]
        if ts:
            fig.add_trace(dict(
                type="scatter", x=[t.deadline_year for t in ts],
                y=[t.value_usd / 1e9 for t in ts], mode="markers+text",
                text=[t.label for t in ts], textposition="middle left",
                textfont=dict(size=11, color=colour_), name=legend,
                marker=dict(symbol=symbol, size=15, color=colour_,
                            line=dict(color=colour_, width=2)),
                customdata=[[t.label, t.detail] for t in ts],
                hovertemplate="<b>Target %{customdata[0]}</b><br>%{customdata[1]}"
                              "<extra></extra>"))
    trade_axes(fig, title=title, subtitle=subtitle, source=source, log=o.log)
    fig.update_xaxes(dtick=2 if x_span(fig) <= 16 else 5)

    def rows() -> pd.DataFrame:
        def frame(label: str, d: pd.DataFrame) -> pd.DataFrame:
            return pd.DataFrame({
                "series": label, "year": d["year"].astype(int), "reporter": d["reporter"],
                "partner": d["partner"], "value_usd_bn": d["value_usd"].astype(float) / 1e9,
                "approximate": d["approximate"], "status": "", "source_id": d["source_id"],
                "source": d["source_label"]})
        parts = [frame(name, s)]
        if not others.empty:
            parts.append(frame("other reading", others))
        if targets:
            parts.append(pd.DataFrame({
                "series": "target", "year": [t.deadline_year for t in targets], "reporter": "",
                "partner": "", "value_usd_bn": [t.value_usd / 1e9 for t in targets],
                "approximate": False, "status": [t.status for t in targets],
                "source_id": [t.source_id for t in targets],
                "source": [t.detail for t in targets]}))
        return pd.concat(parts, ignore_index=True)

    stem = (f"{pair_slug(o)}-trade-growth-{start}-{end}" + ("-log" if o.log else "")
            + ("-with-your-data" if user else ""))
    return GrowthChart("growth", title, fig.figure(), rows, stem, source, s.reset_index(
        drop=True), statuses, targets)


def yoy(tables: Tables, o: Options) -> Chart:
    s = labelled(series(tables["bilateral_trade"], o.reporter, o.partner), tables["sources"])
    g = yoy_growth(s)
    g["source_label"] = s["source_label"].values
    if o.start or o.end:
        g = g[(g["year"] >= (o.start or 0)) & (g["year"] <= (o.end or 9999))]
    title = f"Year-on-year growth of {country(o.reporter)}–{country(o.partner)} trade"
    subtitle = ("Bars: computed where two consecutive years have a figure. "
                "Diamonds: the growth each source reports")
    source = reporter_source(tables, g["source_id"], o.reporter)
    fig = theme.Draft()
    comp = g.dropna(subset=["computed_change_pct"])
    fig.add_trace(dict(
        type="bar", x=comp["year"].tolist(), y=comp["computed_change_pct"].astype(float).tolist(),
        name="Computed from two consecutive years",
        marker=dict(color=theme.COUNTRY_COLOURS.get(o.reporter, theme.NEUTRAL)),
        text=[fmt_pct(v, is_fraction=False) for v in comp["computed_change_pct"]],
        textposition="inside", insidetextanchor="start", textfont=dict(color="white"),
        hovertemplate="<b>%{x}</b>: %{y:+.1f}% (computed)<extra></extra>"))
    rep = g.dropna(subset=["reported_change_pct"])
    fig.add_trace(dict(
        type="scatter", x=rep["year"].tolist(), y=rep["reported_change_pct"].astype(float).tolist(),
        mode="markers", name="As reported by the source",
        marker=dict(symbol="diamond", size=12, color=theme.HIGHLIGHT),
        customdata=rep["source_label"].tolist(),
        hovertemplate="<b>%{x}</b>: %{y:+.1f}% (reported)<br>Source: %{customdata}"
                      "<extra></extra>"))
    change_axes(fig, title=title, subtitle=subtitle, source=source)
    fig.update_xaxes(dtick=1 if x_span(fig) <= 12 else 2)

    def rows() -> pd.DataFrame:
        d = g.dropna(subset=["computed_change_pct", "reported_change_pct"], how="all")
        return pd.DataFrame({
            "year": d["year"], "computed_change_pct": d["computed_change_pct"].astype(float),
            "previous_value_usd_bn": d["previous_value_usd"].astype(float) / 1e9,
            "value_usd_bn": d["value_usd"].astype(float) / 1e9,
            "reported_change_pct": d["reported_change_pct"].astype(float),
            "source_id": d["source_id"], "source": d["source_label"]})

    return Chart("yoy-growth", title, fig.figure(), rows, f"{pair_slug(o)}-trade-yoy-growth",
                 source)
