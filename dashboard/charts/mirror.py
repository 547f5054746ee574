"""Two countries, two numbers: each side's total for the same trade, and the gap."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.charts import pricing, theme
from dashboard.charts.kit import (
    HOVER,
    Chart,
    Options,
    Tables,
    country,
    gapped,
    is_user_data,
    money,
    pair_slug,
    point,
    source_line,
    user_who,
    who,
)
from dashboard.core.analysis import Mirror, mirror_table
from dashboard.core.flags import bilateral_flags
from dashboard.data.loader import source_labels
from dashboard.text.formatting import MINUS, fmt_bn, percent_affixes
from dashboard.text.i18n import catalogue, tr
from dashboard.text.wording import pct

GAP_PANEL = [0.0, 0.24]  # the lower panel: how much higher the first side's figure is
BAR_PANEL = [0.36, 1.0]


@dataclass(frozen=True)
class MirrorChart(Chart):
    mirror: Mirror
    flagged_years: tuple[int, ...] = ()  # a side's reading is flagged (core/flags.py)


def _kind(rows: pd.DataFrame, side: str, i: int, flagged: bool) -> str:
    """'flagged' (hatched), 'approximate' (hollow) or '' (a plain bar) for one side's bar."""
    if flagged:
        return "flagged"
    return "approximate" if bool(rows[f"approximate_{side}"].iloc[i]) else ""


def gap_label(code: str, gap_pct: float, lang: str = "en") -> str:
    """'CHN +31%' / 'CHN −4%' ('КНР +31 %'): how much higher the first side's figure is."""
    if lang == "en":
        return f"{code} +{gap_pct:.0f}%" if gap_pct >= 0 else f"{code} {MINUS}{abs(gap_pct):.0f}%"
    key = f"chart.country_short.{code.lower()}"
    short = tr(lang, key) if key in catalogue("en") else code  # a short name keeps bars apart
    return tr(lang, "chart.gap_label", country=short, change=pct(gap_pct, lang, digits=0))


def mirror(tables: Tables, o: Options) -> MirrorChart:
    lang = o.lang
    a, b = o.reporter, o.partner
    m = mirror_table(tables["bilateral_trade"], a, b)
    rows_ = m.rows
    p = pricing.resolve(tables, o)
    if p is not None:  # both sides by the same year's index: the gap in percent is unchanged
        rows_ = pricing.constant_pairs(rows_, p, ("value_a", "value_b", "gap_usd"))
    title = pricing.title(tr(lang, "chart.mirror.title", a=country(a, lang), b=country(b, lang)),
                          p, lang)
    subtitle = tr(lang, "chart.mirror.subtitle_panel", a=country(a, lang))
    source = source_line([*rows_["source_a"], *rows_["source_b"]], tables["sources"],
                         lead=tr(lang, "source.lead.reporters", a=who(a, lang), b=who(b, lang)),
                         lang=lang)
    source = pricing.source(source, p, lang, rows_["year"].astype(int).tolist())
    fig = theme.Draft()
    years = rows_["year"].astype(str).tolist()
    xs = rows_["year"].astype(int).tolist()  # a numeric axis: a gap between years shows
    gaps = [gap_label(a, p, lang) for p in rows_["gap_pct"]]
    why = {}
    for side, code, other in (("a", a, b), ("b", b, a)):
        flags = bilateral_flags(tables, code, other)
        why[side] = [flags[int(y)].reason(lang) if int(y) in flags else ""
                     for y in rows_["year"]]
    legend = {"approximate": "legend.approximate_bar", "flagged": "legend.flagged_bar"}
    for side, code in (("a", a), ("b", b)):
        colour = theme.COUNTRY_COLOURS.get(code, theme.USER_COLOUR)
        values = rows_[f"value_{side}"]
        labels = [fmt_bn(v, lang=lang) for v in values]
        sources = source_labels(rows_[f"source_{side}"], tables["sources"]).tolist()
        kinds = [_kind(rows_, side, i, bool(why[side][i])) for i in range(len(rows_))]
        priced = ([""] * len(rows_) if p is None else  # current dollars and the index used
                  [pricing.hover(p, int(y), c, lang) for y, c in
                   zip(years, rows_[f"value_{side}_current"], strict=True)])
        # Plain bars first: each side's legend swatch is the bar most of its years have.
        for kind, marker in (("", dict(color=colour)),
                             ("approximate", theme.hollow_marker(colour)),
                             ("flagged", theme.flagged_marker(colour))):
            pick = [i for i, k in enumerate(kinds) if k == kind]
            if not pick:
                continue
            # One legend entry a kind: hollow and hatched mean the same on either side.
            group = kind or side
            fig.add_trace(dict(
                type="bar", x=[xs[i] for i in pick], y=money(values.iloc[pick], lang),
                name=tr(lang, legend[kind]) if kind else tr(
                    lang, "legend.reported_by",
                    who=user_who(code, rows_[f"source_{side}"].astype(str), lang)),
                offsetgroup=side, legendgroup=group,
                showlegend=not any(t.get("legendgroup") == group for t in fig.data),
                marker=marker,
                customdata=[point(lang, years[i], labels[i],
                                  tr(lang, "hover.approximate") if kind == "approximate" else "",
                                  tr(lang, "hover.source", source=sources[i]), gaps[i],
                                  why[side][i], priced[i]) for i in pick],
                hovertemplate=HOVER))
    flagged = [i for i in range(len(rows_)) if why["a"][i] or why["b"][i]]
    gap_values = rows_["gap_pct"].astype(float).tolist()
    # The lower panel: the gap in percent, each year; the latest labelled, flagged years ringed.
    fig.add_trace(dict(
        type="scatter", x=xs, y=gap_values, yaxis="y2", mode="markers+text",
        name=tr(lang, "legend.gap"), marker=dict(color=theme.HIGHLIGHT, size=6), showlegend=False,
        text=[g if i == len(gaps) - 1 else "" for i, g in enumerate(gaps)],
        textposition="top center", textfont=dict(size=13, color=theme.HIGHLIGHT),
        cliponaxis=False,
        customdata=[point(lang, y, g, " ".join(w for w in (why["a"][i], why["b"][i]) if w))
                    for i, (y, g) in enumerate(zip(years, gaps, strict=True))],
        hovertemplate=HOVER))
    line_x, line_y = gapped(xs, gap_values)  # a year without both figures breaks the line
    fig.add_trace(dict(type="scatter", x=line_x, y=line_y, yaxis="y2", mode="lines",
                       name=tr(lang, "legend.gap"), showlegend=False, hoverinfo="skip",
                       connectgaps=False, line=dict(color=theme.HIGHLIGHT, width=1.5)))
    if flagged:
        fig.add_trace(dict(
            type="scatter", mode="markers", x=[xs[i] for i in flagged],
            y=[gap_values[i] for i in flagged], yaxis="y2", name=tr(lang, "legend.flagged"),
            showlegend=False, hoverinfo="skip",
            marker=dict(symbol="circle-open", size=14, color=theme.FLAG,
                        line=dict(color=theme.FLAG, width=2))))
    top = money(rows_[["value_a", "value_b"]].max(axis=1), lang)
    theme.apply(fig, title=title, subtitle=subtitle, source=source,
                x_title=tr(lang, "axis.year"),
                y_title=pricing.axis(tr(lang, "axis.total_trade_bn"), p, lang), lang=lang)
    theme.usd_bn_axis(fig, lang=lang)
    fig.update_layout(barmode="group", bargap=0.25, yaxis2=dict(
        domain=GAP_PANEL, anchor="x", rangemode="tozero", gridcolor="#E5E7EB",
        zerolinecolor="#9CA3AF", linecolor="#9CA3AF", nticks=3,
        ticksuffix=percent_affixes(lang)[1], tickprefix=percent_affixes(lang)[0],
        title=dict(text=tr(lang, "axis.gap_pct"), font=dict(size=12)),
        range=[0, max(gap_values) * 1.3] if gap_values and max(gap_values) > 0 else None))
    fig.update_xaxes(type="linear", tickformat="d", anchor="y2")
    fig.update_yaxes(range=[0, max(top) * 1.1 if top else 1], domain=BAR_PANEL)
    alt = tr(lang, "alt.mirror_none") if rows_.empty else tr(
        lang, "alt.mirror", year=years[-1], a=who(a, lang), b=who(b, lang),
        value_a=fmt_bn(rows_["value_a"].iloc[-1], lang=lang),
        value_b=fmt_bn(rows_["value_b"].iloc[-1], lang=lang),
        gap=pct(rows_["gap_pct"].iloc[-1], lang, digits=0))
    if p is not None:
        alt = tr(lang, "prices.alt", alt=alt, prices=pricing.describe(p, lang))

    def rows() -> pd.DataFrame:
        la, lb = a.lower(), b.lower()  # CSV headers name the reporters for the reader
        return pricing.mirror_columns(p, rows_, la, lb, pd.DataFrame({
            "year": rows_["year"], f"reported_by_{la}_usd_bn": rows_["value_a"] / 1e9,
            f"reported_by_{lb}_usd_bn": rows_["value_b"] / 1e9,
            "gap_usd_bn": rows_["gap_usd"].astype(float) / 1e9,
            "gap_pct": rows_["gap_pct"].astype(float),
            f"approximate_{la}": rows_["approximate_a"],
            f"approximate_{lb}": rows_["approximate_b"],
            f"source_id_{la}": rows_["source_a"], f"source_id_{lb}": rows_["source_b"],
            "flag": [bool(x or y) for x, y in zip(why["a"], why["b"], strict=True)],
            "flag_reason": [" ".join(w for w in (x, y) if w)
                            for x, y in zip(why["a"], why["b"], strict=True)]}))

    user = is_user_data(pd.concat([rows_["source_a"], rows_["source_b"]]).astype(str))
    return MirrorChart("mirror", title, fig.figure(), rows,
                       f"{pair_slug(o)}-mirror-statistics" + pricing.stem(p)
                       + ("-with-your-data" if user else ""),
                       source, m, alt=alt, lang=lang, flagged_years=tuple(xs[i] for i in flagged))

