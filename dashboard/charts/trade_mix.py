"""What the trade is made of: exports against imports, and the products a source names."""

from __future__ import annotations

import pandas as pd

from dashboard.charts import pricing, theme
from dashboard.charts.kit import (
    HOVER,
    HOVER_PLAIN,
    Chart,
    Options,
    Tables,
    country,
    labelled,
    money,
    pair_slug,
    point,
    reporter_source,
    source_line,
    who,
)
from dashboard.core.prices import deflate
from dashboard.text.formatting import fmt_bn
from dashboard.text.i18n import data_label, tr

# Colour and the legend tell the flows apart; hatching is kept for flagged readings (theme).
FLOW_STYLE = {"export": ("legend.exports_side", theme.OKABE_ITO[3]),
              "import": ("legend.imports_side", theme.OKABE_ITO[2])}


def flows(tables: Tables, o: Options) -> Chart:
    lang = o.lang
    t = tables["bilateral_trade"]
    f = t[(t["reporter"] == o.reporter) & (t["partner"] == o.partner)
          & t["flow"].isin(list(FLOW_STYLE))].sort_values(["year", "flow"])
    f = labelled(f, tables["sources"])
    p = pricing.resolve(tables, o)
    if p is not None:  # constant dollars: a year without an index is a gap
        f = deflate(f, p)
        f = f.assign(hover_extra=[pricing.hover(p, y, v, lang)
                                  for y, v in zip(f["year"], f["current_usd"], strict=True)])
    title = pricing.title(tr(lang, "chart.flows.title", reporter=country(o.reporter, lang),
                             partner=country(o.partner, lang)), p, lang)
    subtitle = tr(lang, "chart.flows.subtitle")
    source = pricing.source(reporter_source(tables, f["source_id"], o.reporter, lang), p, lang,
                            f["year"].astype(int).tolist())
    fig = theme.Draft()
    for flow, (key, colour) in FLOW_STYLE.items():
        d = f[f["flow"] == flow]
        years = d["year"].astype(int).astype(str).tolist()
        labels = [fmt_bn(v, lang=lang) for v in d["value_usd"]]
        fig.add_trace(dict(  # a numeric year axis: a gap between years shows as a gap
            type="bar", x=d["year"].astype(int).tolist(), y=money(d["value_usd"], lang),
            name=tr(lang, key, who=who(o.reporter, lang)),
            marker=dict(color=colour),
            # The latest year labelled, large; every year's figure in the hover and the table.
            text=[v if i == len(labels) - 1 else "" for i, v in enumerate(labels)],
            textposition="outside", cliponaxis=False, textfont=dict(size=13),
            customdata=[point(lang, y, v, tr(lang, "hover.source", source=s), more)
                        for y, v, s, more in zip(years, labels, d["source_label"],
                                                 d.get("hover_extra", [""] * len(d)),
                                                 strict=True)],
            hovertemplate=HOVER))
    theme.apply(fig, title=title, subtitle=subtitle, source=source,
                x_title=tr(lang, "axis.year"),
                y_title=pricing.axis(tr(lang, "axis.usd_bn"), p, lang), lang=lang)
    theme.usd_bn_axis(fig, lang=lang)
    fig.update_layout(barmode="group")
    fig.update_xaxes(type="linear", tickformat="d")
    alt = tr(lang, "alt.flows_none")
    if not f.empty:
        last = int(f["year"].max())
        value = f[f["year"] == last].set_index("flow")["value_usd"]
        alt = tr(lang, "alt.flows", year=str(last), who=who(o.reporter, lang),
                 exports=fmt_bn(value.get("export"), lang=lang),
                 imports=fmt_bn(value.get("import"), lang=lang))
        if p is not None:
            alt = tr(lang, "prices.alt", alt=alt, prices=pricing.describe(p, lang))

    def rows() -> pd.DataFrame:
        years = f["year"].astype(int).tolist()
        value = ({"value_usd_bn": f["value_usd"].astype(float) / 1e9} if p is None else
                 pricing.columns(p, years, f["current_usd"].astype(float).tolist()))
        return pd.DataFrame({
            "year": years, "reporter": f["reporter"].tolist(), "partner": f["partner"].tolist(),
            "flow": f["flow"].tolist(), **value,
            "reported_change_pct": f["reported_change_pct"].astype(float).tolist(),
            "source_id": f["source_id"].tolist(),
            "source": f["source_label"].tolist()})

    stem = f"{pair_slug(o)}-exports-imports" + pricing.stem(p)
    return Chart("flows", title, fig.figure(), rows, stem, source, alt=alt, lang=lang)


def products(tables: Tables, o: Options) -> Chart:
    """Named products only: the source does not break down the rest, so no 100 % is implied."""
    lang = o.lang
    p = tables["products"]
    year = int(p["year"].max())
    p = p[p["year"] == year].sort_values("value_usd")
    names = [data_label(lang, "product", v) for v in p["product"]]
    title = tr(lang, "chart.products.title", year=str(year))
    subtitle = tr(lang, "chart.products.subtitle")
    source = source_line(p["source_id"], tables["sources"],
                         lead=tr(lang, "source.lead.china_side"), lang=lang,
                         width=theme.SOURCE_COLUMNS_NARROW)
    labels = [fmt_bn(v, lang=lang) for v in p["value_usd"]]
    fig = theme.Draft()
    fig.add_trace(dict(
        type="bar", y=names, x=money(p["value_usd"], lang), orientation="h",
        marker=dict(color=theme.COUNTRY_COLOURS["KAZ"]), name=tr(lang, "legend.named_items"),
        text=labels, textposition="outside", cliponaxis=False,
        customdata=[tr(lang, "hover.label", label=n, value=v)
                    for n, v in zip(names, labels, strict=True)],
        hovertemplate=HOVER_PLAIN))
    theme.apply(fig, title=title, subtitle=subtitle, source=source,
                x_title=tr(lang, "axis.usd_bn"), y_title=None, lang=lang)
    theme.usd_bn_axis(fig, lang=lang, axis="x")
    top = money([p["value_usd"].max()], lang)[0] if not p.empty else 1
    fig.update_xaxes(range=[0, top * 1.25])
    alt = (tr(lang, "alt.products", count=len(p), year=str(year), top=names[-1],
              value=labels[-1]) if len(p) else tr(lang, "alt.products_none"))

    def rows() -> pd.DataFrame:
        return pd.DataFrame({"year": p["year"].astype(int), "product": p["product"],
                             "value_usd_bn": p["value_usd"].astype(float) / 1e9,
                             "source_id": p["source_id"]})

    return Chart("products", title, fig.figure(), rows,
                 f"kazakhstan-exports-to-china-named-items-{year}", source, alt=alt, lang=lang)
