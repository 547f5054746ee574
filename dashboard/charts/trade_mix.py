"""What the trade is made of: exports against imports, and the products a source names."""

from __future__ import annotations

import pandas as pd

from .. import theme
from ..formatting import fmt_bn
from .kit import (
    HOVER_BAR,
    Chart,
    Options,
    Tables,
    bn,
    country,
    labelled,
    pair_slug,
    reporter_source,
    source_line,
    who,
)

FLOW_STYLE = {"export": ("Exports", theme.OKABE_ITO[3], ""),
              "import": ("Imports", theme.OKABE_ITO[2], "/")}


def flows(tables: Tables, o: Options) -> Chart:
    t = tables["bilateral_trade"]
    f = t[(t["reporter"] == o.reporter) & (t["partner"] == o.partner)
          & t["flow"].isin(list(FLOW_STYLE))].sort_values(["year", "flow"])
    f = labelled(f, tables["sources"])
    title = f"{country(o.reporter)}'s exports to and imports from {country(o.partner)}"
    subtitle = "Only the years for which a source splits the total"
    source = reporter_source(tables, f["source_id"], o.reporter)
    fig = theme.Draft()
    for flow, (label, colour, pattern) in FLOW_STYLE.items():
        d = f[f["flow"] == flow]
        fig.add_trace(dict(
            type="bar", x=d["year"].astype(int).astype(str).tolist(), y=bn(d["value_usd"]),
            name=f"{label} ({who(o.reporter)} side)",
            marker=dict(color=colour, pattern=dict(shape=pattern)),
            text=[fmt_bn(v) for v in d["value_usd"]], textposition="outside", cliponaxis=False,
            customdata=d["source_label"].tolist(), hovertemplate=HOVER_BAR))
    theme.apply(fig, title=title, subtitle=subtitle, source=source, x_title="Year",
                y_title="US$ bn (current dollars)")
    theme.usd_bn_axis(fig)
    fig.update_layout(barmode="group")
    fig.update_xaxes(type="category")

    def rows() -> pd.DataFrame:
        return pd.DataFrame({
            "year": f["year"].astype(int), "reporter": f["reporter"], "partner": f["partner"],
            "flow": f["flow"], "value_usd_bn": f["value_usd"].astype(float) / 1e9,
            "reported_change_pct": f["reported_change_pct"].astype(float),
            "source_id": f["source_id"], "source": f["source_label"]})

    return Chart("flows", title, fig.figure(), rows, f"{pair_slug(o)}-exports-imports", source)


def products(tables: Tables, o: Options) -> Chart:
    """Named products only: the source does not break down the rest, so no 100 % is implied."""
    p = tables["products"]
    year = int(p["year"].max())
    p = p[p["year"] == year].sort_values("value_usd")
    title = f"What Kazakhstan sells to China: named items, {year}"
    subtitle = ("China's imports from Kazakhstan as named by one source. Not the whole flow: "
                "the rest is not broken down by the source")
    source = source_line(p["source_id"], tables["sources"],
                         lead="Source: China's side, as reported by")
    fig = theme.Draft()
    fig.add_trace(dict(
        type="bar", y=p["product"].tolist(), x=bn(p["value_usd"]), orientation="h",
        marker=dict(color=theme.COUNTRY_COLOURS["KAZ"]), name="Named items",
        text=[fmt_bn(v) for v in p["value_usd"]], textposition="outside", cliponaxis=False,
        hovertemplate="%{y}: $%{x:,.3~f} bn<extra></extra>"))
    theme.apply(fig, title=title, subtitle=subtitle, source=source,
                x_title="US$ bn (current dollars)", y_title=None)
    fig.update_xaxes(tickprefix="$", ticksuffix=" bn",
                     range=[0, float(p["value_usd"].max()) / 1e9 * 1.25 if not p.empty else 1])

    def rows() -> pd.DataFrame:
        return pd.DataFrame({"year": p["year"].astype(int), "product": p["product"],
                             "value_usd_bn": p["value_usd"].astype(float) / 1e9,
                             "source_id": p["source_id"]})

    return Chart("products", title, fig.figure(), rows,
                 f"kazakhstan-exports-to-china-named-items-{year}", source)
