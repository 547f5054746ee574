"""The corridor page's charts: Middle Corridor cargo, transit containers, all China–Europe trains.

One builder draws all three. The primary full-year readings (one a year, by the rule written
in the data) are the line, gapped over missing years and never bridged. Every other reading
sits beside it and is never joined to it: other sources' full years as hollow markers, 'more
than' figures as up-triangles (lower bounds), part-years as markers labelled with their
period, forecasts and targets as crosses. The axis counts in the line's unit; a reading in
another unit says so. The CSV is the plotted numbers, each with its figure and source id.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import pandas as pd

from dashboard.charts import theme
from dashboard.charts.kit import Chart, Options, Tables, gapped, labelled, source_line
from dashboard.core.corridor_tables import period_shown
from dashboard.core.logistics import (
    CHINA_EUROPE_TRAINS,
    MIDDLE_CORRIDOR,
    TRANSIT_CONTAINERS,
    MeasureSeries,
    has_logistics,
    measure_series,
)
from dashboard.data.loader import DataError
from dashboard.text.corridor import (
    amount,
    axis_title,
    period_label,
    plotted_unit,
    scale,
    unit_name,
)
from dashboard.text.formatting import capitalise, fmt_year_range, plotly_separators
from dashboard.text.i18n import join_sentences, tr
from dashboard.text.wrapping import wrap_html

CHARTS = {  # chart name: (measure, colour, catalogue key, file stem)
    "middle-corridor": (MIDDLE_CORRIDOR, "#009E73", "middle_corridor", "middle-corridor-cargo"),
    "transit-containers": (TRANSIT_CONTAINERS, "#E69F00", "transit_containers",
                           "transit-containers-through-kazakhstan"),
    "china-europe-trains": (CHINA_EUROPE_TRAINS, theme.NEUTRAL, "china_europe_trains",
                            "all-china-europe-trains-all-routes"),
}
AHEAD = ("forecast", "expected", "target")  # never outturns: crosses, never on the line
BOUNDS = {"more than": "lower", "at least": "lower", "less than": "upper", "up to": "upper"}
# Every reading sits at or right of its year's tick, its label to its right: a part-year of
# 2022 never reads as 2021.
OFFSET = {"primary": 0.0, "other unit": 0.0, "other full year": 0.15, "part-year": 0.33,
          "forecast or target": 0.33}
BOUND_SHIFT = 0.14
LABELLED = ("part-year", "forecast or target")  # roles whose markers carry their period
CSV_COLUMNS = ["role", "measure", "year", "period", "months", "kind", "qualifier", "value",
               "unit", "value_plotted", "unit_plotted", "reported_change_pct", "scope",
               "whose_figure", "figure_id", "source_id"]


class NoLogistics(DataError):
    """The data package has no logistics tables (or not this measure): nothing to draw."""


@dataclass(frozen=True)
class CorridorChart(Chart):
    series: MeasureSeries


def can_draw(tables: Tables, name: str) -> bool:
    """True when the package holds the logistics tables and this chart's measure."""
    return has_logistics(tables) and CHARTS[name][0] in set(
        tables["logistics_measures"]["measure"])


def _axis_unit(s: MeasureSeries) -> str:
    """The line's most common unit (or the readings' when there is no line)."""
    for frame in (s.line, s.others):
        units = frame.loc[frame["value"].notna(), "unit"].dropna()
        if not units.empty:
            return str(units.value_counts().index[0])
    return ""


def plotted_rows(s: MeasureSeries, unit: str) -> pd.DataFrame:
    """Every reading the chart draws, with its role; statements and cumulative totals are not
    yearly readings and stay in the table only."""
    line = s.line[s.line["value"].notna()]
    others = s.others[s.others["value"].notna()]
    full = (others["kind"] == "outturn") & (others["months"] == 12).fillna(False)
    parts = [line[line["unit"] == unit].assign(role="primary"),
             line[line["unit"] != unit].assign(role="other unit"),
             others[full].assign(role="other full year"),
             others[others["kind"] == "part-year"].assign(role="part-year"),
             others[others["kind"].isin(AHEAD)].assign(role="forecast or target")]
    rows = pd.concat([p for p in parts if not p.empty], ignore_index=True)
    if rows.empty:
        return pd.DataFrame(columns=[*CSV_COLUMNS, "x", "bound"])
    rows["x"] = rows["year"].astype(float) + rows["role"].map(OFFSET)
    on_line = rows["role"].isin(["primary", "other full year"])
    rows["bound"] = rows["qualifier"].map(BOUNDS).where(on_line)
    beside = rows["bound"].notna() & (rows["role"] != "primary")  # clear of a plain reading
    rows.loc[beside, "x"] += BOUND_SHIFT
    return rows


def _whose(rows: pd.DataFrame, lang: str) -> str:
    names = rows.loc[rows["role"] == "primary", "whose_figure"].dropna().unique()
    return str(names[0]) if len(names) == 1 else tr(lang, "chart.corridor.whose_several")


def _legend(rows: pd.DataFrame, lang: str) -> str:
    return capitalise(_whose(rows, lang))


def _hover(r: pd.Series, lang: str) -> str:
    return (f"<b>{period_label(r['period'], r['year'], r['months'], lang)}</b>: "
            f"{amount(r['value'], r['unit'], lang, str(r['qualifier']))}<br>"
            f"{r['whose_figure']}<br>{tr(lang, 'source.lead.source')} {r['source_label']}")


def _label(r: pd.Series, unit: str, lang: str) -> str:
    """The text beside a marker: the period of a part-year or forecast, and a foreign unit."""
    text = r["period_shown"] if r["role"] in LABELLED else ""
    if r["unit"] != unit:
        text = f"{text} ({unit_name(r['unit'], lang)})" if text else unit_name(r["unit"], lang)
    return text


def _markers(fig: theme.Draft, d: pd.DataFrame, *, name: str, colour: str,
             symbol: str | list[str], unit: str, lang: str, text_side: str | None = None) -> None:
    if d.empty:
        return
    symbols = [symbol] * len(d) if isinstance(symbol, str) else symbol
    trace = dict(type="scatter", x=d["x"].tolist(), y=d["y"].tolist(), name=name,
                 mode="markers+text" if text_side else "markers",
                 marker=dict(color=colour, size=10, symbol=symbols,
                             line=dict(color=colour, width=2)),
                 hovertext=[_hover(r, lang) for _, r in d.iterrows()],
                 hovertemplate="%{hovertext}<extra></extra>")
    if text_side:
        trace.update(text=[_label(r, unit, lang) for _, r in d.iterrows()],
                     textposition=text_side, textfont=dict(size=11, color=colour))
    fig.add_trace(trace)


def _draw(fig: theme.Draft, rows: pd.DataFrame, unit: str, colour: str, lang: str) -> None:
    prim = rows[rows["role"] == "primary"].sort_values("year")
    xs, ys = gapped(prim["year"].astype(int).tolist(), prim["y"].tolist())
    fig.add_trace(dict(type="scatter", x=xs, y=ys, mode="lines", connectgaps=False,
                       name=tr(lang, "chart.corridor.line"), hoverinfo="skip", showlegend=False,
                       line=dict(color=colour, width=2.6)))
    kw = dict(unit=unit, lang=lang)
    plain = rows[rows["bound"].isna()]
    _markers(fig, plain[plain["role"] == "primary"], name=_legend(rows, lang), colour=colour,
             symbol="circle", **kw)
    for side, symbol in (("lower", "triangle-up"), ("upper", "triangle-down")):
        b = rows[rows["bound"] == side]
        _markers(fig, b, name=tr(lang, f"chart.corridor.{side}_bound"), colour=colour,
                 symbol=[symbol if r == "primary" else f"{symbol}-open" for r in b["role"]], **kw)
    _markers(fig, plain[plain["role"] == "other full year"], colour=colour,
             name=tr(lang, "chart.corridor.other_full"), symbol="circle-open", **kw)
    _markers(fig, rows[rows["role"] == "part-year"], name=tr(lang, "chart.corridor.part_year"),
             colour=colour, symbol="square-open", text_side="middle right", **kw)
    _markers(fig, rows[rows["role"] == "forecast or target"], colour=theme.NEUTRAL,
             name=tr(lang, "chart.corridor.forecast"), symbol="x-thin-open",
             text_side="middle right", **kw)
    other = rows[rows["role"] == "other unit"]
    if not other.empty:
        _markers(fig, other, colour=colour, symbol="diamond",
                 name=tr(lang, "chart.corridor.other_unit", unit=unit_name(other["unit"].iloc[0],
                                                                          lang)),
                 **kw)  # the legend names the unit: no label saying it again


def _alt(rows: pd.DataFrame, key: str, unit: str, lang: str) -> str:
    """The takeaway: where the line starts, ends and peaks, and how much sits beside it."""
    chart = tr(lang, f"chart.{key}.name")
    prim = rows[rows["role"] == "primary"].sort_values("year")
    if prim.empty:
        parts = [tr(lang, "chart.corridor.alt_empty", chart=chart)]
    else:
        first, last = prim.iloc[0], prim.iloc[-1]
        peak = prim.loc[prim["value"].astype(float).idxmax()]
        say = lambda r: amount(r["value"], r["unit"], lang, str(r["qualifier"]))  # noqa: E731
        parts = [tr(lang, "chart.corridor.alt", chart=chart, whose=_whose(rows, lang),
                    first=say(first), first_year=str(int(first["year"])), last=say(last),
                    last_year=str(int(last["year"])), peak=say(peak),
                    peak_year=str(int(peak["year"])))]
    beside = int((rows["role"] != "primary").sum())
    if beside:
        parts.append(tr(lang, "chart.corridor.alt_beside", count=beside))
    if key == "china_europe_trains":
        parts.append(tr(lang, "chart.china_europe_trains.alt_context"))
    return join_sentences(lang, parts)


def corridor_chart(tables: Tables, o: Options, name: str) -> CorridorChart:
    measure, colour, key, stem = CHARTS[name]
    if not can_draw(tables, name):
        raise NoLogistics(f"chart '{name}' needs the logistics tables with the measure "
                          f"'{measure}', which this data package lacks")
    lang = o.lang
    s = measure_series(tables, measure)
    unit = _axis_unit(s)
    divisor = scale(unit, lang)
    rows = plotted_rows(s, unit)
    plotted = rows["value"].astype(float) / divisor
    rows = labelled(rows, tables["sources"]).assign(
        y=plotted, value_plotted=plotted,
        unit_plotted=[plotted_unit(u, lang, divisor) for u in rows["unit"]],
        # A period only the data know ('forecast (made c. 2017)') from its translations.
        period_shown=[period_shown(tables, p, lang, ("logistics",)) for p in rows["period"]])
    years = sorted(int(y) for y in rows["year"]) or [0]
    span = fmt_year_range(years[0], years[-1], lang=lang) if years[-1] > years[0] else str(years[0])
    title = tr(lang, f"chart.{key}.title", years=span)
    subtitle = wrap_html(tr(lang, f"chart.{key}.subtitle", whose=_whose(rows, lang)), 150)
    source = source_line(rows["source_id"], tables["sources"],
                         lead=tr(lang, "source.lead.sources"), lang=lang)
    fig = theme.Draft()
    _draw(fig, rows, unit, colour, lang)
    theme.apply(fig, title=title, subtitle=subtitle, source=source,
                x_title=tr(lang, "axis.year"), y_title=axis_title(unit, lang))
    fig.update_layout(separators=plotly_separators(lang), hovermode="closest")
    fig.update_xaxes(range=[years[0] - 0.6, years[-1] + 0.9], tickformat="d")
    if years[-1] - years[0] <= 12:
        fig.update_xaxes(dtick=1)
    fig.update_yaxes(rangemode="tozero", tickformat=",~r")  # plain digits, never '20k'

    def csv_rows() -> pd.DataFrame:
        out = rows.sort_values(["year", "x", "value"])[CSV_COLUMNS]
        return out.assign(value=out["value"].astype(float))

    return CorridorChart(name, title, fig.figure(), csv_rows,
                         f"{stem}-{years[0]}-{years[-1]}", source, s,
                         alt=_alt(rows, key, unit, lang), lang=lang)


# The registry's builders, one per chart name.
middle_corridor = partial(corridor_chart, name="middle-corridor")
transit_containers = partial(corridor_chart, name="transit-containers")
china_europe_trains = partial(corridor_chart, name="china-europe-trains")
