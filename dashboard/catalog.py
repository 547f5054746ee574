"""Every chart of the dashboard by name, with the exact data it plots.

Pages, the export command line and the "download all" ZIP build charts through
here, so an exported file is the chart on screen and its CSV is the plotted data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd
import plotly.graph_objects as go

from . import charts, theme
from .analysis import mirror_table, target_statuses, world_comparison, yoy_growth
from .data import COUNTRY_NAMES, series, source_labels
from .doubling import Answer, Settings, answer, default_settings


@dataclass(frozen=True)
class Options:
    """What the user chose: the same options drive the page and the export."""

    reporter: str = "CHN"
    partner: str = "KAZ"
    start: int | None = None
    end: int | None = None
    log: bool = False
    projection: Settings | None = None


@dataclass
class ChartSpec:
    """A built chart. ``data`` (the plotted rows, for CSV) is built on first use only."""

    name: str
    title: str
    figure: go.Figure
    data_source: pd.DataFrame | Callable[[], pd.DataFrame]
    stem: str
    source: str
    extra: dict = field(default_factory=dict)

    @cached_property
    def data(self) -> pd.DataFrame:
        d = self.data_source
        return d() if callable(d) else d


def _name(code: str) -> str:
    return COUNTRY_NAMES.get(code, code)


def _pair_slug(o: Options) -> str:
    return f"{_name(o.reporter)}-{_name(o.partner)}".lower().replace(" ", "-")


def _labelled(s: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    s = s.copy()
    s["source_label"] = source_labels(s["source_id"], sources)
    return s


def _who(reporter: str) -> str:
    return charts.REPORTER_LABEL.get(reporter, f"{_name(reporter)}'s statistics")


def _reporter_source(tables, ids, reporter: str) -> str:
    lead = f"Source: {_who(reporter)}, as reported by"
    return charts.source_line(ids, tables["sources"], lead=lead)


def growth(tables: dict, o: Options) -> ChartSpec:
    s = _labelled(series(tables["bilateral_trade"], o.reporter, o.partner), tables["sources"])
    if s.empty:
        raise LookupError(f"No total trade figures reported by {o.reporter} for {o.partner}")
    start = o.start or int(s["year"].min())
    end = o.end or int(s["year"].max())
    s = s[(s["year"] >= start) & (s["year"] <= end)]
    is_default_pair = (o.reporter, o.partner) == ("CHN", "KAZ")
    targets = []
    if is_default_pair:
        targets = [t for t in target_statuses(tables["targets"], tables["bilateral_trade"])
                   if t.deadline_year is not None and start <= t.deadline_year <= max(end, 2030)]
    user = s["source_id"].astype(str).str.startswith("U").any()
    name = f"{_who(o.reporter)}" + (" (includes your uploaded data)" if user else "")
    colour = theme.USER_COLOUR if user else theme.COUNTRY_COLOURS.get(o.reporter, theme.NEUTRAL)
    title = f"{_name(o.reporter)}–{_name(o.partner)} trade, {start}–{end}"
    subtitle = (f"Total goods trade reported by {_who(o.reporter)}; hollow markers are "
                "approximate; gaps are years with no sourced figure")
    others = tables.get("other_readings")
    if others is not None:
        others = others[(others["reporter"] == o.reporter) & (others["partner"] == o.partner)
                        & (others["flow"] == "total") & (others["period"] == "full year")
                        & others["value_usd"].notna() & (others["year"] >= start)
                        & (others["year"] <= end)]
        others = _labelled(others, tables["sources"])
    ids = list(s["source_id"]) + [t.source_id for t in targets]
    if others is not None:
        ids += list(others["source_id"])
    source = _reporter_source(tables, ids, o.reporter)
    fig = charts.growth_chart([(name, s, colour)], log=o.log, targets=targets, others=others,
                              title=title, subtitle=subtitle, source=source)
    data = pd.DataFrame({
        "series": name, "year": s["year"].astype(int), "reporter": s["reporter"],
        "partner": s["partner"], "value_usd_bn": s["value_usd"].astype(float) / 1e9,
        "approximate": s["approximate"], "status": "", "source_id": s["source_id"],
        "source": s["source_label"]})
    if others is not None and not others.empty:
        odata = pd.DataFrame({
            "series": "other reading", "year": others["year"].astype(int),
            "reporter": others["reporter"], "partner": others["partner"],
            "value_usd_bn": others["value_usd"].astype(float) / 1e9,
            "approximate": others["approximate"], "status": "",
            "source_id": others["source_id"], "source": others["source_label"]})
        data = pd.concat([data, odata], ignore_index=True)
    if targets:
        tdata = pd.DataFrame({
            "series": "target", "year": [t.deadline_year for t in targets], "reporter": "",
            "partner": "", "value_usd_bn": [t.value_usd / 1e9 for t in targets],
            "approximate": False, "status": [t.status for t in targets],
            "source_id": [t.source_id for t in targets],
            "source": [t.detail for t in targets]})
        data = pd.concat([data, tdata], ignore_index=True)
    stem = (f"{_pair_slug(o)}-trade-growth-{start}-{end}" + ("-log" if o.log else "")
            + ("-with-your-data" if user else ""))
    return ChartSpec("growth", title, fig, data.reset_index(drop=True), stem, source,
                     extra={"targets": targets, "series": s})


def yoy(tables: dict, o: Options) -> ChartSpec:
    s = _labelled(series(tables["bilateral_trade"], o.reporter, o.partner), tables["sources"])
    g = yoy_growth(s)
    g["source_label"] = s["source_label"].values
    if o.start or o.end:
        g = g[(g["year"] >= (o.start or 0)) & (g["year"] <= (o.end or 9999))]
    title = f"Year-on-year growth of {_name(o.reporter)}–{_name(o.partner)} trade"
    subtitle = ("Bars: computed where two consecutive years have a figure. "
                "Diamonds: the growth each source reports")
    source = _reporter_source(tables, g["source_id"], o.reporter)
    fig = charts.yoy_chart(g, title=title, subtitle=subtitle, source=source)
    data = g.dropna(subset=["computed_change_pct", "reported_change_pct"], how="all")
    data = pd.DataFrame({
        "year": data["year"], "computed_change_pct": data["computed_change_pct"].astype(float),
        "previous_value_usd_bn": data["previous_value_usd"].astype(float) / 1e9,
        "value_usd_bn": data["value_usd"].astype(float) / 1e9,
        "reported_change_pct": data["reported_change_pct"].astype(float),
        "source_id": data["source_id"], "source": data["source_label"]})
    return ChartSpec("yoy-growth", title, fig, data.reset_index(drop=True),
                     f"{_pair_slug(o)}-trade-yoy-growth", source)


def flows(tables: dict, o: Options) -> ChartSpec:
    t = tables["bilateral_trade"]
    f = t[(t["reporter"] == o.reporter) & (t["partner"] == o.partner)
          & t["flow"].isin(["export", "import"])].sort_values(["year", "flow"])
    f = _labelled(f, tables["sources"])
    title = f"{_name(o.reporter)}'s exports to and imports from {_name(o.partner)}"
    subtitle = "Only the years for which a source splits the total"
    source = _reporter_source(tables, f["source_id"], o.reporter)
    fig = charts.flows_chart(f, reporter=o.reporter, title=title, subtitle=subtitle,
                             source=source)
    data = pd.DataFrame({
        "year": f["year"].astype(int), "reporter": f["reporter"], "partner": f["partner"],
        "flow": f["flow"], "value_usd_bn": f["value_usd"].astype(float) / 1e9,
        "reported_change_pct": f["reported_change_pct"].astype(float),
        "source_id": f["source_id"], "source": f["source_label"]})
    return ChartSpec("flows", title, fig, data.reset_index(drop=True),
                     f"{_pair_slug(o)}-exports-imports", source)


def mirror(tables: dict, o: Options) -> ChartSpec:
    a, b = o.reporter, o.partner
    m = mirror_table(tables["bilateral_trade"], a, b)
    for code in (a, b):
        m[f"source_label_{code.lower()}"] = source_labels(m[f"source_id_{code.lower()}"],
                                                          tables["sources"])
    title = f"Two countries, two numbers: {_name(a)}–{_name(b)} trade as each side reports it"
    subtitle = (f"Total trade in the years both sides' figures exist; label = how much higher "
                f"{_name(a)}'s figure is. Hatched bars are approximate")
    ids = list(m[f"source_id_{a.lower()}"]) + list(m[f"source_id_{b.lower()}"])
    source = charts.source_line(ids, tables["sources"],
                                lead=f"Sources: {_who(a)} and {_who(b)}, as reported by")
    fig = charts.mirror_chart(m, title=title, subtitle=subtitle, source=source, a=a, b=b)
    la, lb = a.lower(), b.lower()
    data = pd.DataFrame({
        "year": m["year"], f"reported_by_{la}_usd_bn": m[f"value_usd_{la}"].astype(float) / 1e9,
        f"reported_by_{lb}_usd_bn": m[f"value_usd_{lb}"].astype(float) / 1e9,
        "gap_usd_bn": m["gap_usd"].astype(float) / 1e9, "gap_pct": m["gap_pct"].astype(float),
        f"approximate_{la}": m[f"approximate_{la}"], f"approximate_{lb}": m[f"approximate_{lb}"],
        f"source_id_{la}": m[f"source_id_{la}"], f"source_id_{lb}": m[f"source_id_{lb}"]})
    return ChartSpec("mirror", title, fig, data, f"{_pair_slug(o)}-mirror-statistics", source,
                     extra={"table": m})


def world(tables: dict, o: Options) -> ChartSpec:
    w = world_comparison(tables, 2023)
    w = w[w["group"] != "china"]
    title = "2023: bilateral trade grew, world trade shrank"
    subtitle = ("Change on 2022 by measure. Hatched = volume (price-adjusted); plain = value "
                "(current US$); outlined = the editorial's figures")
    source = charts.source_line(w["source_id"], tables["sources"], lead="Sources:")
    fig = charts.world_chart(w, title=title, subtitle=subtitle, source=source)
    data = w[["label", "basis", "change_pct", "organisation", "published", "editorial",
              "source_id"]].rename(columns={"change_pct": "change_pct_percent"})
    return ChartSpec("world-comparison", title, fig, data.reset_index(drop=True),
                     "world-trade-vs-china-kazakhstan-2023", source)


def china_trade(tables: dict, o: Options) -> ChartSpec:
    w = tables["world_trade"]
    c = w[w["economy"] == "China"].sort_values("year")
    title = "Context: China's total foreign trade, 2023 and 2024"
    subtitle = "Change on the previous year, in US dollars (value)"
    source = charts.source_line(c["source_id"], tables["sources"],
                                lead="Source: China's customs (GACC), as reported by")
    fig = charts.china_trade_chart(c, title=title, subtitle=subtitle, source=source)
    data = pd.DataFrame({"year": c["year"].astype(int), "measure": c["measure"],
                         "change_pct_percent": c["change_pct"].astype(float),
                         "value_usd_tn": c["value_usd"].astype(float) / 1e12,
                         "source_id": c["source_id"]})
    return ChartSpec("china-trade", title, fig, data.reset_index(drop=True),
                     "china-total-foreign-trade-2023-2024", source)


def products(tables: dict, o: Options) -> ChartSpec:
    p = tables["products"]
    year = int(p["year"].max())
    p = p[p["year"] == year]
    title = f"What Kazakhstan sells to China: named items, {year}"
    subtitle = ("China's imports from Kazakhstan as named by one source. Not the whole flow: "
                "the rest is not broken down by the source")
    source = charts.source_line(p["source_id"], tables["sources"],
                                lead="Source: China's side, as reported by")
    fig = charts.products_chart(p, title=title, subtitle=subtitle, source=source)
    data = pd.DataFrame({"year": p["year"].astype(int), "product": p["product"],
                         "value_usd_bn": p["value_usd"].astype(float) / 1e9,
                         "source_id": p["source_id"]})
    return ChartSpec("products", title, fig, data.reset_index(drop=True),
                     f"kazakhstan-exports-to-china-named-items-{year}", source)


def doubling(tables: dict, o: Options) -> ChartSpec:
    h = _labelled(series(tables["bilateral_trade"], o.reporter, o.partner), tables["sources"])
    settings = o.projection or default_settings(h)
    a: Answer = answer(h, settings)
    hist = h[h["year"] <= settings.base_year]
    after = h[h["year"] > settings.base_year]
    title = f"When does trade reach {a.target_label}?"
    subtitle = (f"Projected from {settings.base_year} ({theme.fmt_bn(a.base_value)}), "
                "compounding once a year; stars mark where each path reaches the target")
    source = _reporter_source(tables, h["source_id"], o.reporter) + (
        "<br>Projections are arithmetic, not forecasts.")
    fig = charts.projection_chart(hist, a.paths, target_usd=a.target_usd,
                                  target_label=a.target_label, actual_after=after,
                                  deadline=settings.deadline, title=title, subtitle=subtitle,
                                  source=source, log=settings.log)

    def plotted() -> pd.DataFrame:
        rows = [pd.DataFrame({"series": "actual", "year": h["year"].astype(int),
                              "value_usd_bn": h["value_usd"].astype(float) / 1e9,
                              "growth_pct": float("nan"), "source_id": h["source_id"]})]
        for p in a.paths:
            rows.append(pd.DataFrame({"series": p["label"], "year": p["path"]["year"],
                                      "value_usd_bn": p["path"]["value"] / 1e9,
                                      "growth_pct": p["growth"] * 100, "source_id": "projection"}))
        rows.append(pd.DataFrame({"series": ["target"], "year": [pd.NA],
                                  "value_usd_bn": [a.target_usd / 1e9],
                                  "growth_pct": [float("nan")], "source_id": ["computed"]}))
        return pd.concat(rows, ignore_index=True)

    main_reach = a.paths[0]["reach_year"]
    stem = (f"doubling-target-{settings.growth * 100:.1f}pct-"
            f"{main_reach if main_reach else 'never'}")
    return ChartSpec("doubling-target", title, fig, plotted, stem, source, extra={"answer": a})


BUILDERS: dict[str, Callable[[dict, Options], ChartSpec]] = {
    "growth": growth,
    "yoy-growth": yoy,
    "flows": flows,
    "products": products,
    "mirror": mirror,
    "world-comparison": world,
    "china-trade": china_trade,
    "doubling-target": doubling,
}
CHART_NAMES = tuple(BUILDERS)


def build(name: str, tables: dict, options: Options | None = None) -> ChartSpec:
    if name not in BUILDERS:
        raise KeyError(f"unknown chart '{name}'; choose from {', '.join(CHART_NAMES)}")
    return BUILDERS[name](tables, options or Options())
