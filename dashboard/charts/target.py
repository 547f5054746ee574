"""The doubling target: actual history, projected paths and where each reaches the target."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from dashboard.charts import pricing, theme
from dashboard.charts.kit import (
    HOVER,
    HOVER_PLAIN,
    Chart,
    Options,
    Tables,
    add_series,
    is_user_data,
    labelled,
    money,
    point,
    reporter_source,
    trade_axes,
    user_who,
)
from dashboard.core.doubling import Answer, answer, default_settings
from dashboard.core.prices import PriceError, deflate
from dashboard.core.real_terms import RealTerms, real_terms
from dashboard.core.real_terms import sentences as real_sentences
from dashboard.data.loader import series
from dashboard.text.formatting import fmt_bn
from dashboard.text.i18n import join_sentences, tr

HISTORY_SHOWN = 12  # years of actual figures drawn before the base year


@dataclass(frozen=True)
class TargetChart(Chart):
    answer: Answer
    real: RealTerms | None = None  # the goal in constant dollars (``prices="constant"``)
    real_sentences: tuple[str, ...] = ()


def _dash(p) -> str:
    """Solid for the reader's rate, dash-dot for the deadline's alone, dashed for the rest."""
    return "solid" if p.main else "dashdot" if p.key == "required" else "dash"


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
    lang = o.lang
    h = labelled(series(tables["bilateral_trade"], o.reporter, o.partner), tables["sources"])
    settings = o.projection or default_projection(tables, o.reporter, o.partner)
    actual = user_who(o.reporter, h["source_id"], lang)  # said to include an upload's figures
    a = answer(h, settings, actual, lang=lang)
    hist = h[h["year"] <= settings.base_year]
    after = h[h["year"] > settings.base_year]
    title = tr(lang, "chart.doubling.title", target=a.target_label)
    subtitle = tr(lang, "chart.doubling.subtitle", year=str(settings.base_year),
                  value=fmt_bn(a.base_value, lang=lang), who=actual)
    # Constant dollars of the base year, always: the target is read in that year's dollars.
    try:
        p = pricing.resolve(tables, replace(o, base_year=None), settings.base_year)
        unpriced: tuple[str, ...] = ()
    except PriceError:  # a base year the index lacks (1992): current dollars, and said so
        p = None
        unpriced = (tr(lang, "doubling.real.none", year=str(settings.base_year),
                       deflator=tr(lang, f"prices.name.{o.deflator}")),)
    shown = h[h["year"] >= settings.base_year - HISTORY_SHOWN]
    const = deflate(shown, p) if p is not None else shown.iloc[0:0]
    rt = real_terms(h, p, a.target_usd, settings.deadline) if p is not None else None
    real = tuple(real_sentences(rt, lang)) if rt is not None else unpriced if p is None else (tr(
        lang, "doubling.real.none" if p.factor(p.base_year) is None else "doubling.real.no_later",
        year=str(p.base_year), deflator=pricing.deflator_name(p, lang)),)
    source = pricing.source(reporter_source(tables, h["source_id"], o.reporter, lang) + "<br>"
                            + tr(lang, "source.projection_note"), p, lang,
                            const["year"].astype(int).tolist())

    fig = theme.Draft()
    add_series(fig, hist, name=tr(lang, "legend.actual", who=actual),
               colour=theme.COUNTRY_COLOURS.get(o.reporter, theme.NEUTRAL),
               symbol=theme.COUNTRY_SYMBOLS.get(o.reporter, "circle"), lang=lang)
    for q in a.drawn:  # the deadline's path too; paths of one rate drawn once
        fig.add_trace(dict(
            type="scatter", x=list(q.years), y=money(q.values_usd, lang), mode="lines",
            name=q.label, line=dict(color=q.colour, width=3 if q.main else 2,
                                    dash=_dash(q)),
            customdata=[point(lang, y, fmt_bn(v, 1, lang=lang))
                        for y, v in zip(q.years, q.values_usd, strict=True)],
            hovertemplate=HOVER))
    reached = [q for q in a.drawn if q.reach_year is not None]
    if reached:  # one trace for every star: fewer traces for the browser to redraw
        fig.add_trace(dict(
            type="scatter", x=[q.reach_year for q in reached],
            y=money([q.value_in(q.reach_year) for q in reached], lang), mode="markers",
            marker=dict(symbol="star", size=16, color=[q.colour for q in reached],
                        line=dict(color="white", width=1)),
            name=tr(lang, "chart.reaches_target"), showlegend=False,
            customdata=[tr(lang, "hover.reaches", path=q.label, year=str(q.reach_year))
                        for q in reached], hovertemplate=HOVER_PLAIN))
    const_name = tr(lang, "legend.actual", who=actual) + " — " + pricing.describe(p, lang)
    if not const.empty:  # the same figures in constant dollars of the base year
        add_series(fig, const.assign(hover_extra=[pricing.hover(p, y, v, lang) for y, v in zip(
            const["year"], const["current_usd"], strict=True)]), name=const_name,
            colour=theme.NEUTRAL, dash="dash", symbol="diamond", bridge=False, lang=lang)
    if not after.empty:
        years = after["year"].astype(int).tolist()
        fig.add_trace(dict(
            type="scatter", x=years, y=money(after["value_usd"], lang), mode="markers+text",
            name=tr(lang, "legend.actual_after", who=actual),
            text=[fmt_bn(v, lang=lang) for v in after["value_usd"]], textposition="bottom right",
            marker=dict(symbol="square", size=11, color=theme.HIGHLIGHT),
            customdata=[point(lang, y, tr(lang, "hover.actual", value=fmt_bn(v, 2, lang=lang)))
                        for y, v in zip(years, after["value_usd"], strict=True)],
            hovertemplate=HOVER_PLAIN))
    fig.add_hline(money([a.target_usd], lang)[0],
                  line=dict(color=theme.HIGHLIGHT, dash="dot", width=1.5),
                  text=tr(lang, "chart.target_line", label=a.target_label))
    fig.add_vline(settings.deadline, line=dict(color=theme.NEUTRAL, dash="dot", width=1),
                  text=tr(lang, "chart.deadline_line", year=str(settings.deadline)))
    trade_axes(fig, title=title, subtitle=subtitle, source=source, log=settings.log, lang=lang,
               y_title=str if const.empty else lambda axis: tr(  # two prices on one axis: say so
                   lang, "axis.with_constant_line", axis=axis, prices=pricing.describe(p, lang)))
    # Keep the target in view: fast paths leave the frame rather than squash everything else.
    top = money([max([a.target_usd, *h["value_usd"].astype(float)])], lang)[0]
    ends = [q.years[-1] for q in a.drawn]
    fig.update_xaxes(range=[settings.base_year - HISTORY_SHOWN - 0.5, max(ends) + 0.5])
    if not settings.log:
        fig.update_yaxes(range=[0, top * 1.3])

    def rows() -> pd.DataFrame:
        parts = [pd.DataFrame({"series": "actual", "year": h["year"].astype(int),
                               "value_usd_bn": h["value_usd"].astype(float) / 1e9,
                               "growth_pct": float("nan"), "source_id": h["source_id"]})]
        if not const.empty:  # current and constant value, the index and base of each year
            years = const["year"].astype(int).tolist()
            parts.append(pd.DataFrame({"series": const_name, "year": years,
                                       **pricing.columns(p, years, const["current_usd"].tolist()),
                                       "source_id": const["source_id"].tolist()}))
        parts += [pd.DataFrame({"series": q.label, "year": list(q.years),
                                "value_usd_bn": [v / 1e9 for v in q.values_usd],
                                "growth_pct": q.growth * 100, "source_id": "projection"})
                  for q in a.drawn]
        parts.append(pd.DataFrame({"series": ["target"], "year": [pd.NA],
                                   "value_usd_bn": [a.target_usd / 1e9],
                                   "growth_pct": [float("nan")], "source_id": ["computed"]}))
        return pd.concat(parts, ignore_index=True)

    main_reach = a.paths[0].reach_year
    stem = (f"doubling-target-{settings.growth * 100:.1f}pct-{main_reach or 'never'}"
            + pricing.stem(p) + ("-with-your-data" if is_user_data(h["source_id"]) else ""))
    alt = join_sentences(lang, [a.sentences[0], a.required_sentence, *real])
    return TargetChart("doubling-target", title, fig.figure(), rows, stem, source, a, rt, real,
                       alt=alt, lang=lang)
