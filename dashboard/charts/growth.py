"""The growth page's trade-over-time charts: the long series with targets, and yearly change."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.charts import pricing, theme
from dashboard.charts.change_labels import change_labels
from dashboard.charts.kit import (
    HOVER,
    HOVER_PLAIN,
    Chart,
    Options,
    Tables,
    add_series,
    change_axes,
    change_bars,
    country,
    flag_ring,
    is_user_data,
    labelled,
    money,
    pair_slug,
    point,
    reporter_source,
    trade_axes,
    who,
)
from dashboard.charts.marks import basis, reading_marks
from dashboard.core.analysis import (
    CagrSummary,
    TargetStatus,
    cagr_summary,
    target_statuses,
    yoy_growth,
)
from dashboard.core.flags import Flag, reasons, series_flags, span
from dashboard.core.prices import deflate
from dashboard.data.loader import series
from dashboard.text.formatting import fmt_bn, fmt_year_range
from dashboard.text.i18n import tr
from dashboard.text.wording import pct

STATUS_STYLE = {  # status: (colour, marker, legend name)
    "met": (theme.MET, "star", "legend.target.met"),
    "missed": (theme.MISSED, "x", "legend.target.missed"),
    "no figure": (theme.UNKNOWN, "diamond-open", "legend.target.unknown"),
}


@dataclass(frozen=True)
class GrowthChart(Chart):
    series: pd.DataFrame  # the plotted primary series (year, value_usd, ...)
    statuses: tuple[TargetStatus, ...]  # every target, judged on this series
    plotted_targets: tuple[TargetStatus, ...]  # those drawn (deadline within the range)
    cagr: CagrSummary | None  # over the plotted years; None where either end is a gap
    cagr_flags: tuple[Flag, ...] = ()  # flagged readings the CAGR rests on or crosses


def growth(tables: Tables, o: Options) -> GrowthChart:
    lang = o.lang
    full = labelled(series(tables["bilateral_trade"], o.reporter, o.partner), tables["sources"])
    if full.empty:
        raise LookupError(f"No total trade figures reported by {o.reporter} for {o.partner}")
    start = o.start or int(full["year"].min())
    end = o.end or int(full["year"].max())
    s = full[(full["year"] >= start) & (full["year"] <= end)]
    flags = series_flags(full, tables.get("other_readings"))
    statuses = tuple(target_statuses(tables["targets"], tables["bilateral_trade"], o.reporter,
                                     o.partner, lang=lang)) \
        if (o.reporter, o.partner) == ("CHN", "KAZ") else ()
    # Only targets due within the plotted years: the axis is the data's years, and the target
    # history (future deadlines, early hits) has its own chart.
    targets = tuple(t for t in statuses
                    if t.deadline_year is not None and start <= t.deadline_year <= end)
    user = is_user_data(s["source_id"])
    name = who(o.reporter, lang)
    name = tr(lang, "who.user_suffix", who=name) if user else name
    colour = theme.USER_COLOUR if user else theme.COUNTRY_COLOURS.get(o.reporter, theme.NEUTRAL)
    marks = reading_marks(tables, o, start, end)
    s = s.assign(source_label=[f"{lab} · {basis(row, lang)}" for lab, (_, row) in
                               zip(s["source_label"], s.iterrows(), strict=True)])
    p = pricing.resolve(tables, o)
    table = s  # every year of the range, in current dollars: the CSV names the gaps
    if p is not None:  # constant dollars: a year without an index is a gap
        s, marks, targets = pricing.constant_readings(s, marks, targets, p, lang)
    title = pricing.title(tr(lang, "chart.growth.title", reporter=country(o.reporter, lang),
                             partner=country(o.partner, lang),
                             period=fmt_year_range(start, end, lang=lang)), p, lang)
    subtitle = tr(lang, "chart.growth.subtitle", who=who(o.reporter, lang))
    ids = [*s["source_id"], *(t.source_id for t in targets),
           *(sid for m in marks for sid in m.source_ids)]
    source = pricing.source(reporter_source(tables, ids, o.reporter, lang), p, lang,
                            s["year"].astype(int).tolist())

    fig = theme.Draft()
    add_series(fig, s, name=name, colour=colour,  # no bridge over a year without an index
               symbol=theme.COUNTRY_SYMBOLS.get(o.reporter, "circle"), bridge=p is None,
               lang=lang)
    ringed = s[s["year"].astype(int).isin(list(flags))]
    flag_ring(fig, ringed["year"].astype(int).tolist(), money(ringed["value_usd"], lang),
              [point(lang, int(y), fmt_bn(v, lang=lang), flags[int(y)].reason(lang))
               for y, v in zip(ringed["year"], ringed["value_usd"], strict=True)], lang)
    for m in marks:
        trace = dict(
            type="scatter", x=m.years, y=money(m.values, lang), mode="markers", name=m.name,
            marker=dict(symbol=m.symbol, size=14, color=m.colour,
                        line=dict(color=m.colour, width=2)),
            customdata=[point(lang, y, fmt_bn(v, lang=lang), label)
                        for y, v, label in zip(m.years, m.values, m.labels, strict=True)],
            hovertemplate=HOVER)
        if m.interval is not None:
            lows, highs = m.interval
            trace["error_y"] = dict(type="data", symmetric=False, color=m.colour, array=money(
                [h - v for h, v in zip(highs, m.values, strict=True)], lang), arrayminus=money(
                [v - lo for v, lo in zip(m.values, lows, strict=True)], lang))
        fig.add_trace(trace)
    for status, (colour_, symbol, legend) in STATUS_STYLE.items():
        ts = [t for t in targets if t.status == status]
        if ts:
            fig.add_trace(dict(
                type="scatter", x=[t.deadline_year for t in ts],
                y=money([t.value_usd for t in ts], lang), mode="markers",
                name=tr(lang, legend),
                marker=dict(symbol=symbol, size=15, color=colour_,
                            line=dict(color=colour_, width=2)),
                customdata=[f"<b>{tr(lang, 'hover.target', label=t.label)}</b><br>{t.detail}"
                            for t in ts], hovertemplate=HOVER_PLAIN))
    trade_axes(fig, title=title, subtitle=subtitle, source=source, log=o.log, lang=lang,
               y_title=lambda text: pricing.axis(text, p, lang, o.log))
    fig.update_xaxes(tickformat="d", range=[start - 0.5, end + 0.5])  # the data's years
    alt = tr(lang, "alt.none") if s.empty else tr(
        lang, "alt.growth", who=name, first=fmt_bn(s["value_usd"].iloc[0], lang=lang),
        start=str(int(s["year"].iloc[0])), last=fmt_bn(s["value_usd"].iloc[-1], lang=lang),
        end=str(int(s["year"].iloc[-1])))
    if p is not None:
        alt = tr(lang, "prices.alt", alt=alt, prices=pricing.describe(p, lang))

    def rows() -> pd.DataFrame:
        def values(years: list[int], dollars: list[float]) -> dict[str, list]:
            """The value column; in constant dollars, current, constant and the index used."""
            if p is None:
                return {"value_usd_bn": [v / 1e9 for v in dollars]}
            return pricing.columns(p, years, dollars)

        def frame(label: str, d: pd.DataFrame) -> pd.DataFrame:
            hit = [flags.get(int(y)) for y in d["year"]]
            years = d["year"].astype(int).tolist()
            return pd.DataFrame({
                "series": label, "year": years, "reporter": d["reporter"].tolist(),
                "partner": d["partner"].tolist(),
                **values(years, d["value_usd"].astype(float).tolist()),
                "approximate": d["approximate"].tolist(), "status": "",
                "source_id": d["source_id"].tolist(), "source": d["source_label"].tolist(),
                "flag": [f is not None for f in hit],
                "flag_reason": [f.reason(lang) if f else "" for f in hit]})
        nominal = {t.target_id: t.value_usd for t in statuses}
        parts = [frame(name, table)]
        parts += [pd.DataFrame({
            "series": m.name, "year": m.years, "reporter": o.reporter, "partner": o.partner,
            **values(m.years, m.current), "approximate": False, "status": "",
            "source_id": m.source_ids, "source": m.labels, "flag": False, "flag_reason": ""})
            for m in marks]
        if targets:
            parts.append(pd.DataFrame({
                "series": "target", "year": [t.deadline_year for t in targets], "reporter": "",
                "partner": "", **values([t.deadline_year for t in targets],
                                        [nominal.get(t.target_id, t.value_usd)
                                         for t in targets]),
                "approximate": False, "status": [t.status for t in targets],
                "source_id": [t.source_id for t in targets],
                "source": [t.detail for t in targets], "flag": False, "flag_reason": ""}))
        return pd.concat(parts, ignore_index=True)

    stem = (f"{pair_slug(o)}-trade-growth-{start}-{end}" + ("-log" if o.log else "")
            + pricing.stem(p) + ("-with-your-data" if user else ""))
    s = s.reset_index(drop=True)
    return GrowthChart("growth", title, fig.figure(), rows, stem, source, s, statuses, targets,
                       cagr_summary(s, start, end), span(flags, start, end), alt=alt,
                       lang=lang)


def yoy(tables: Tables, o: Options) -> Chart:
    lang = o.lang
    s = labelled(series(tables["bilateral_trade"], o.reporter, o.partner), tables["sources"])
    p = pricing.resolve(tables, o)
    if p is not None:  # real changes from constant dollars; the sources' changes are nominal
        s = deflate(s, p).assign(reported_change_pct=None)
    current = {} if p is None else dict(zip(s["year"].astype(int), s["current_usd"], strict=True))
    g = yoy_growth(s)
    g["source_label"] = s["source_label"].values
    flags = series_flags(s, tables.get("other_readings"))
    g["flags"] = [span(flags, int(y) - 1, int(y)) for y in g["year"]]
    if o.start or o.end:
        g = g[(g["year"] >= (o.start or 0)) & (g["year"] <= (o.end or 9999))]
    title = pricing.title(tr(lang, "chart.yoy.title", reporter=country(o.reporter, lang),
                             partner=country(o.partner, lang)), p, lang)
    subtitle = tr(lang, "chart.yoy.subtitle")
    source = pricing.source(reporter_source(tables, g["source_id"], o.reporter, lang), p,
                            lang, g["year"].astype(int).tolist())
    fig = theme.Draft()
    comp = g.dropna(subset=["computed_change_pct"])
    change_bars(fig, comp["year"].astype(int).tolist(),
                comp["computed_change_pct"].astype(float).tolist(),
                [reasons(fs, lang) for fs in comp["flags"]],
                theme.COUNTRY_COLOURS.get(o.reporter, theme.NEUTRAL), lang)
    rep = g.dropna(subset=["reported_change_pct"])
    fig.add_trace(dict(
        type="scatter", x=rep["year"].tolist(), y=rep["reported_change_pct"].astype(float).tolist(),
        mode="markers", name=tr(lang, "legend.reported"),
        marker=dict(symbol="diamond", size=12, color=theme.HIGHLIGHT),
        customdata=[point(lang, y, tr(lang, "hover.reported", value=pct(v, lang)),
                          tr(lang, "hover.source", source=label))
                    for y, v, label in zip(rep["year"], rep["reported_change_pct"],
                                           rep["source_label"], strict=True)],
        hovertemplate=HOVER_PLAIN))
    change_axes(fig, title=title, subtitle=subtitle, source=source, lang=lang)
    change_labels(fig, comp["year"].astype(int).tolist(),
                  comp["computed_change_pct"].astype(float).tolist(),
                  dict(zip(rep["year"].astype(int), rep["reported_change_pct"].astype(float),
                           strict=True)), lang)
    fig.update_xaxes(tickformat="d")
    alt = tr(lang, "alt.none") if comp.empty else tr(
        lang, "alt.yoy", low=pct(comp["computed_change_pct"].min(), lang),
        high=pct(comp["computed_change_pct"].max(), lang),
        low_year=str(int(comp.loc[comp["computed_change_pct"].idxmin(), "year"])),
        high_year=str(int(comp.loc[comp["computed_change_pct"].idxmax(), "year"])))

    def rows() -> pd.DataFrame:
        d = g.dropna(subset=["computed_change_pct", "reported_change_pct"], how="all")
        out = pd.DataFrame({
            "year": d["year"], "computed_change_pct": d["computed_change_pct"].astype(float),
            "previous_value_usd_bn": d["previous_value_usd"].astype(float) / 1e9,
            "value_usd_bn": d["value_usd"].astype(float) / 1e9,
            "reported_change_pct": d["reported_change_pct"].astype(float),
            "source_id": d["source_id"], "source": d["source_label"],
            "flag": [bool(fs) for fs in d["flags"]],
            "flag_reason": [reasons(fs, lang) for fs in d["flags"]]})
        if p is not None:  # real changes: the prices, base, index and both values of each year
            years = out["year"].astype(int).tolist()
            return out.drop(columns="value_usd_bn").rename(columns={
                "previous_value_usd_bn": "previous_value_constant_usd_bn"}).assign(
                **pricing.columns(p, years, [current.get(y) for y in years]))
        return out

    if p is not None:
        alt = tr(lang, "prices.alt", alt=alt, prices=pricing.describe(p, lang))
    return Chart("yoy-growth", title, fig.figure(), rows,
                 f"{pair_slug(o)}-trade-yoy-growth" + pricing.stem(p), source, alt=alt, lang=lang)
