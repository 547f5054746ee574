"""Two countries, two numbers: each side's total for the same trade, and the gap."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .. import theme
from ..analysis import Mirror, mirror_table
from ..data import source_labels
from ..formatting import MINUS
from ..official import AnomalyYear
from .kit import HOVER_BAR, Chart, Options, Tables, bn, country, pair_slug, source_line, who

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


def gap_label(code: str, gap_pct: float) -> str:
    """'+31%' / '−4%': how much higher the first side's figure is (values are in the hover)."""
    return f"+{gap_pct:.0f}%" if gap_pct >= 0 else f"{MINUS}{abs(gap_pct):.0f}%"


def mirror(tables: Tables, o: Options) -> MirrorChart:
    a, b = o.reporter, o.partner
    m = mirror_table(tables["bilateral_trade"], a, b)
    rows_ = m.rows
    title = f"Two countries, two numbers: {country(a)}–{country(b)} trade as each side reports it"
    subtitle = (f"Total trade in the years both sides' figures exist; label (or hover) = how "
                f"much higher {country(a)}'s figure is. Hatched: approximate; cross-hatched: "
                "flagged as far below the national statistics (see the note below)")
    source = source_line([*rows_["source_a"], *rows_["source_b"]], tables["sources"],
                         lead=f"Sources: {who(a)} and {who(b)}, as reported by")
    fig = theme.Draft()
    years = rows_["year"].astype(str).tolist()
    for side, code in (("a", a), ("b", b)):
        values = rows_[f"value_{side}"]
        fig.add_trace(dict(
            type="bar", x=years, y=bn(values), name=f"Reported by {who(code)}",
            marker=dict(color=theme.COUNTRY_COLOURS.get(code, theme.USER_COLOUR),
                        pattern=dict(shape=[_pattern(rows_, side, i)
                                            for i in range(len(rows_))])),
            customdata=[f"{label}<br>gap: {gap_label(a, g)}" for label, g in zip(
                source_labels(rows_[f"source_{side}"], tables["sources"]), rows_["gap_pct"],
                strict=True)],
            hovertemplate=HOVER_BAR))
    top = (rows_[["value_a", "value_b"]].max(axis=1) / 1e9).tolist()
    if len(rows_) <= GAP_LABELS_MAX:  # more years: the gap is in the hover and the table
        fig.add_trace(dict(
            type="scatter", x=years, y=top, mode="text", name="Gap",
            text=[gap_label(a, p) for p in rows_["gap_pct"]], textposition="top center",
            textfont=dict(size=12, color=theme.HIGHLIGHT), showlegend=False, hoverinfo="skip"))
    theme.apply(fig, title=title, subtitle=subtitle, source=source, x_title="Year",
                y_title="Total trade, US$ bn (current dollars)")
    theme.usd_bn_axis(fig)
    fig.update_layout(barmode="group", bargap=0.25)
    fig.update_xaxes(type="category")
    fig.update_yaxes(range=[0, max(top) * 1.15 if top else 1])

    def rows() -> pd.DataFrame:
        la, lb = a.lower(), b.lower()  # CSV headers name the reporters for the reader
        return pd.DataFrame({
            "year": rows_["year"], f"reported_by_{la}_usd_bn": rows_["value_a"] / 1e9,
            f"reported_by_{lb}_usd_bn": rows_["value_b"] / 1e9,
            "gap_usd_bn": rows_["gap_usd"].astype(float) / 1e9,
            "gap_pct": rows_["gap_pct"].astype(float),
            f"approximate_{la}": rows_["approximate_a"],
            f"approximate_{lb}": rows_["approximate_b"],
            f"source_id_{la}": rows_["source_a"], f"source_id_{lb}": rows_["source_b"]})

    return MirrorChart("mirror", title, fig.figure(), rows,
                       f"{pair_slug(o)}-mirror-statistics", source, m)


def anomaly_table(anomalies: list[AnomalyYear]) -> pd.DataFrame:
    """Both readings of each flagged year: the database total and the national statistics."""
    rows = []
    for an in anomalies:
        total = an.database_total_usd
        if total is not None:
            rows.append({"Year": an.year, "Reading": "UN Comtrade database (exports + imports)",
                         "US$ bn": total / 1e9,
                         "Source": next(p.source_id for p in an.database if p.derived)})
        rows += [{"Year": an.year, "Reading": f"national statistics ({r.period})",
                  "US$ bn": r.value_usd / 1e9, "Source": r.source_id}
                 for r in an.national if r.value_usd is not None]
    return pd.DataFrame(rows, columns=["Year", "Reading", "US$ bn", "Source"])
