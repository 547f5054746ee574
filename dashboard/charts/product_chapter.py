"""One HS chapter over the years, split into its largest headings (27 → crude oil, gas ...).

The rest of the chapter (its other headings) is one computed bar segment; a year in which
the extract has no row for the chapter, between two years that have one, is marked as a
gap at the axis, never drawn as zero.
"""

from __future__ import annotations

import pandas as pd

from dashboard.charts import theme
from dashboard.charts.kit import (
    HOVER_PLAIN,
    Chart,
    Options,
    Tables,
    country,
    is_user_data,
    money,
    point,
    reporter_source,
    user_who,
)
from dashboard.charts.product_mix import chapter_name, flow_label, pair, sides
from dashboard.core import products as core
from dashboard.text.formatting import fmt_bn, fmt_year, fmt_year_range
from dashboard.text.i18n import data_label, join_items, tr
from dashboard.text.wrapping import shorten


def default_chapter(tables: Tables, reporter: str, partner: str, flow: str) -> str | None:
    """The flow's largest chapter over all its years together."""
    c = core.chapters(tables, reporter, partner, flow) if core.has_products(tables) else None
    if c is None or c.empty:
        return None
    return str(c.groupby("hs_code")["value_usd"].sum().idxmax())


def product_chapter(tables: Tables, o: Options) -> Chart:
    lang = o.lang
    reporter, partner = pair(tables, o)
    flow = getattr(o, "flow", "export")
    code = getattr(o, "chapter", None) or default_chapter(tables, reporter, partner, flow) or ""
    h = core.headings(tables, code, reporter, partner, flow) if code else pd.DataFrame(
        columns=["year", "hs_code", "value_usd", "computed", "source_id"])
    h = h[((o.start is None) | (h["year"] >= (o.start or 0)))
          & ((o.end is None) | (h["year"] <= (o.end or 9999)))] if not h.empty else h
    seller, buyer = sides(reporter, partner, flow)
    name = chapter_name(tables, code, lang, width=40) if code else ""
    title = tr(lang, "chart.product_chapter.title", chapter=name, seller=country(seller, lang),
               buyer=country(buyer, lang))
    user = is_user_data(h["source_id"])
    title = tr(lang, "chart.user_title", title=title) if user else title
    subtitle = tr(lang, "chart.product_chapter.subtitle",
                  who=user_who(reporter, h["source_id"], lang))
    source = reporter_source(tables, h["source_id"], reporter, lang)
    fig = theme.Draft()
    palette = theme.OKABE_ITO
    for i, (heading, d) in enumerate(h.groupby("hs_code", sort=False)):
        rest = heading == "rest"
        label = (tr(lang, "legend.other_headings") if rest
                 else f"{heading} {_heading_name(tables, str(heading), lang)}")
        years = d["year"].astype(int).tolist()
        fig.add_trace(dict(
            type="bar", x=years, y=money(d["value_usd"], lang), name=label,
            marker=dict(color=theme.NEUTRAL if rest else palette[i % len(palette)]),
            customdata=[point(lang, y, fmt_bn(v, lang=lang), label,
                              tr(lang, "hover.computed_rest") if rest
                              else tr(lang, "hover.as_reported", id=s))
                        for y, v, s in zip(years, d["value_usd"], d["source_id"], strict=True)],
            hovertemplate=HOVER_PLAIN))
    missing = [y for y, codes in core.gaps(tables, reporter, partner, flow).items()
               if code in codes and (o.start is None or y >= o.start)
               and (o.end is None or y <= o.end)]
    if missing:
        fig.add_trace(dict(
            type="scatter", mode="markers+text", x=missing, y=[0] * len(missing),
            name=tr(lang, "legend.no_row"), text=[tr(lang, "chart.product_chapter.gap_text")]
            * len(missing), textposition="top center", textfont=dict(color=theme.FLAG),
            marker=dict(symbol="x-thin-open", size=14, color=theme.FLAG, line=dict(width=2)),
            customdata=[point(lang, y, tr(lang, "hover.no_row", year=fmt_year(y)))
                        for y in missing], hovertemplate=HOVER_PLAIN))
    theme.apply(fig, title=title, subtitle=subtitle, source=source,
                x_title=tr(lang, "axis.year"), y_title=tr(lang, "axis.usd_bn"), lang=lang)
    theme.usd_bn_axis(fig, lang=lang)
    fig.update_layout(barmode="stack")
    fig.update_xaxes(dtick=1)
    alt = tr(lang, "alt.product_chapter_none")
    if not h.empty:
        first, last = int(h["year"].min()), int(h["year"].max())
        alt = tr(lang, "alt.product_chapter", chapter=name, seller=country(seller, lang),
                 buyer=country(buyer, lang), period=fmt_year_range(first, last, lang=lang),
                 headings=join_items(lang, [str(c) for c in h["hs_code"].unique()
                                            if c != "rest"]))
        if missing:
            alt += " " + tr(lang, "alt.product_chapter_gaps",
                            years=join_items(lang, [fmt_year(y) for y in missing]))

    def rows() -> pd.DataFrame:
        return pd.DataFrame({
            "year": h["year"].astype(int), "reporter": reporter, "partner": partner,
            "flow": flow, "flow_label": flow_label(reporter, partner, flow, "en"),
            "hs_chapter": code, "hs_heading": h["hs_code"],
            "value_usd": h["value_usd"].astype(float),
            "computed": h["computed"].astype(bool), "source_id": h["source_id"]})

    return Chart("product-chapter", title, fig.figure(), rows,
                 f"{country(reporter)}-{country(partner)}".lower().replace(" ", "-")
                 + f"-hs-{code or 'none'}-{flow}"
                 + ("-with-your-data" if user else ""),
                 source, alt=alt, lang=lang)


def _heading_name(tables: Tables, code: str, lang: str) -> str:
    """A heading's name in the reader's language where the catalogue has it, else the
    naming table's English words (shortened)."""
    english = core.describe(tables, code)
    name = data_label(lang, "hs_heading", code)
    return shorten(english if name == code else name, 34)
