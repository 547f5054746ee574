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
    money,
    pair_slug,
    point,
    source_line,
    who,
)
from dashboard.core.analysis import Mirror, mirror_table
from dashboard.core.flags import bilateral_flags
from dashboard.data.loader import source_labels
from dashboard.text.formatting import MINUS, fmt_bn
from dashboard.text.i18n import catalogue, tr
from dashboard.text.wording import pct

GAP_LABELS_MAX = 10  # years a phone can label above the bars without overlap

@dataclass(frozen=True)
class MirrorChart(Chart):
    mirror: Mirror


def _pattern(rows: pd.DataFrame, side: str, i: int) -> str:
    """'x' marks a figure flagged as an anomaly, '/' an approximate one."""
    flag = rows[f"anomaly_{side}"].iloc[i] if f"anomaly_{side}" in rows else False
    if pd.notna(flag) and bool(flag):
        return "x"
    return "/" if rows[f"approximate_{side}"].iloc[i] else ""


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
    subtitle = (tr(lang, "chart.mirror.subtitle", a=country(a, lang))
                + tr(lang, "chart.mirror.subtitle_flagged"))
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
    for side, code in (("a", a), ("b", b)):
        values = rows_[f"value_{side}"]
        labels = [fmt_bn(v, lang=lang) for v in values]
        sources = source_labels(rows_[f"source_{side}"], tables["sources"]).tolist()
        fig.add_trace(dict(
            type="bar", x=xs, y=money(values, lang),
            name=tr(lang, "legend.reported_by", who=who(code, lang)),
            marker=dict(color=theme.COUNTRY_COLOURS.get(code, theme.USER_COLOUR),
                        pattern=dict(shape=[_pattern(rows_, side, i)
                                            for i in range(len(rows_))])),
            customdata=[point(lang, y, v, tr(lang, "hover.source", source=src), gap, w, more)
                        for y, v, src, gap, w, more in zip(
                            years, labels, sources, gaps, why[side],
                            [""] * len(years) if p is None else
                            [pricing.hover(p, int(y), c, lang) for y, c in
                             zip(years, rows_[f"value_{side}_current"], strict=True)],
                            strict=True)],
            hovertemplate=HOVER))
    top = money(rows_[["value_a", "value_b"]].max(axis=1), lang)
    if len(rows_) <= GAP_LABELS_MAX:  # more years: the gap is in the hover and the table
        fig.add_trace(dict(
            type="scatter", x=xs, y=top, mode="text", name=tr(lang, "legend.gap"),
            text=gaps, textposition="top center",
            textfont=dict(size=12, color=theme.HIGHLIGHT), showlegend=False, hoverinfo="skip"))
    theme.apply(fig, title=title, subtitle=subtitle, source=source,
                x_title=tr(lang, "axis.year"),
                y_title=pricing.axis(tr(lang, "axis.total_trade_bn"), p, lang), lang=lang)
    theme.usd_bn_axis(fig, lang=lang)
    fig.update_layout(barmode="group", bargap=0.25)
    fig.update_xaxes(type="linear", tickformat="d")
    fig.update_yaxes(range=[0, max(top) * 1.15 if top else 1])
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

    return MirrorChart("mirror", title, fig.figure(), rows,
                       f"{pair_slug(o)}-mirror-statistics" + pricing.stem(p), source, m, alt=alt,
                       lang=lang)

