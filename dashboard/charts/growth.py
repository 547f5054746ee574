"""The growth page's trade-over-time charts: the long series with targets, and yearly change."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .. import theme
from ..analysis import TargetStatus, target_statuses, yoy_growth
from ..data import series
from ..formatting import fmt_pct
from ..official import readings
from .kit import (
    Chart,
    Options,
    Tables,
    add_series,
    change_axes,
    country,
    is_user_data,
    labelled,
    pair_slug,
    reporter_source,
    trade_axes,
    who,
)

STATUS_STYLE = {  # status: (colour, marker, legend name)
    "met": (theme.MET, "star", "Target met"),
    "missed": (theme.MISSED, "x", "Target missed"),
    "unknown": (theme.UNKNOWN, "diamond-open", "Target: no figure for deadline"),
}
HOVER_OTHER = ("<b>%{x}</b>: $%{y:,.3~f} bn<br>%{customdata}"
               "<extra>%{fullData.name}</extra>")
TARGET_HORIZON = 7  # targets due up to this many years after the last figure are drawn


@dataclass(frozen=True)
class GrowthChart(Chart):
    series: pd.DataFrame  # the plotted primary series (year, value_usd, ...)
    statuses: tuple[TargetStatus, ...]  # every target, judged on this series
    plotted_targets: tuple[TargetStatus, ...]  # those drawn (deadline within the range)


@dataclass(frozen=True)
class ReadingMarks:
    """Readings drawn beside the series, each kind in its own trace."""

    name: str
    symbol: str
    colour: str
    years: list[int]
    values: list[float]
    labels: list[str]
    source_ids: list[str]


def _reading_marks(tables: Tables, o: Options, start: int, end: int) -> list[ReadingMarks]:
    """Other full-year readings, lower bounds and side-not-stated figures, never in the line."""
    r = readings(tables, o.reporter, o.partner)
    labels = dict(zip(tables["sources"]["source_id"], tables["sources"]["publisher"],
                      strict=True))
    kinds = (
        ("Another source's reading of the same year", "line-ew-open", theme.NEUTRAL,
         [x for x in r.others if x.full_year and x.value_usd is not None]),
        ("A lower bound ('more than')", "triangle-up-open", theme.NEUTRAL,
         [x for x in r.others if x.full_year and x.is_bound]),
        ("Side not stated (whose statistics unknown)", "x-thin-open", theme.UNKNOWN,
         [x for x in r.side_not_stated if x.full_year]),
    )
    out = []
    for name, symbol, colour, items in kinds:
        items = [x for x in items if start <= x.year <= end]
        if items:
            out.append(ReadingMarks(
                name, symbol, colour, [x.year for x in items],
                [(x.value_usd if x.value_usd is not None else x.lower_bound_usd) / 1e9
                 for x in items],
                [f"{labels.get(x.source_id, x.source_id)} ({x.source_id}); side: "
                 f"{x.attribution}" + (", lower bound" if x.is_bound else "") for x in items],
                [x.source_id for x in items]))
    return out


def _basis(row) -> str:
    """How a primary figure came about, for the hover: database or report, derived or not."""
    text = "UN Comtrade value" if row.get("reading_type") == "database" else "press report"
    if pd.notna(row.get("derived")) and bool(row.get("derived")):
        text += ", exports + imports"
    if pd.notna(row.get("anomaly")) and bool(row.get("anomaly")):
        text += "; flagged: far below the national statistics"
    return f"{text}; side {row.get('attribution', 'stated')}"


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
    marks = _reading_marks(tables, o, start, end)
    s = s.assign(source_label=[f"{lab} · {_basis(row)}" for lab, (_, row) in
                               zip(s["source_label"], s.iterrows(), strict=True)])
    title = f"{country(o.reporter)}–{country(o.partner)} trade, {start}–{end}"
    subtitle = (f"Total goods trade reported by {who(o.reporter)}; hollow markers are "
                "approximate; gaps are years with no sourced figure")
    ids = [*s["source_id"], *(t.source_id for t in targets),
           *(sid for m in marks for sid in m.source_ids)]
    source = reporter_source(tables, ids, o.reporter)

    fig = theme.Draft()
    add_series(fig, s, name=name, colour=colour,
               symbol=theme.COUNTRY_SYMBOLS.get(o.reporter, "circle"))
    for m in marks:
        fig.add_trace(dict(
            type="scatter", x=m.years, y=m.values, mode="markers", name=m.name,
            marker=dict(symbol=m.symbol, size=14, color=m.colour,
                        line=dict(color=m.colour, width=2)),
            customdata=m.labels, hovertemplate=HOVER_OTHER))
    for status, (colour_, symbol, legend) in STATUS_STYLE.items():
        ts = [t for t in targets if t.status == status]
        if ts:
            fig.add_trace(dict(
                type="scatter", x=[t.deadline_year for t in ts],
                y=[t.value_usd / 1e9 for t in ts], mode="markers", name=legend,
                marker=dict(symbol=symbol, size=15, color=colour_,
                            line=dict(color=colour_, width=2)),
                customdata=[[t.label, t.detail] for t in ts],
                hovertemplate="<b>Target %{customdata[0]}</b><br>%{customdata[1]}"
                              "<extra></extra>"))
    trade_axes(fig, title=title, subtitle=subtitle, source=source, log=o.log)
    fig.update_xaxes(tickformat="d")  # plotly spaces the years to the screen's width

    def rows() -> pd.DataFrame:
        def frame(label: str, d: pd.DataFrame) -> pd.DataFrame:
            return pd.DataFrame({
                "series": label, "year": d["year"].astype(int), "reporter": d["reporter"],
                "partner": d["partner"], "value_usd_bn": d["value_usd"].astype(float) / 1e9,
                "approximate": d["approximate"], "status": "", "source_id": d["source_id"],
                "source": d["source_label"]})
        parts = [frame(name, s)]
        parts += [pd.DataFrame({
            "series": m.name, "year": m.years, "reporter": o.reporter, "partner": o.partner,
            "value_usd_bn": m.values, "approximate": False, "status": "",
            "source_id": m.source_ids, "source": m.labels}) for m in marks]
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
    fig.update_xaxes(tickformat="d")

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
