"""What each sells the other: the largest HS chapters of each flow, and one chapter's headings.

Both charts read one reporter's statistics (``core.products``): Kazakhstan's own, as it
reported them to UN Comtrade. The flow is chosen inside the figure (two buttons), so the
page, the export and the table view carry both flows. A chapter without a row in a year
between two years that have one is drawn as a gap, never as zero.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.charts import theme
from dashboard.charts.kit import (
    HOVER_PLAIN,
    Chart,
    Options,
    Tables,
    country,
    is_user_data,
    reporter_source,
    user_who,
)
from dashboard.core import products as core
from dashboard.text.formatting import fmt_bn, fmt_year
from dashboard.text.i18n import data_label, join_items, join_sentences, tr
from dashboard.text.wording import pct
from dashboard.text.wrapping import shorten

FLOW_COLOURS = {"export": theme.COUNTRY_COLOURS["KAZ"], "import": theme.COUNTRY_COLOURS["CHN"]}
LABEL_COLUMNS = 30  # a chapter's name beside its bar, in display columns
# The bars' labels stand in one column past the farthest bar or diamond of the chart, after
# two en spaces (some 14 px, clear of a diamond's 6 px half): at a bar's end, a diamond just
# past it sat over the label, and after a far diamond a label read as the diamond's value.
LABEL_GAP = "\u2002\u2002"


@dataclass(frozen=True)
class ProductOptions(Options):
    """``Options`` and the chapter whose headings ``product-chapter`` shows (default: the
    largest chapter of the last year's exports) and that chart's flow."""

    chapter: str | None = None
    flow: str = "export"


def pair(tables: Tables, o: Options) -> tuple[str, str]:
    """The reporter and partner whose statistics exist: the options' pair, else the same two
    countries seen from the other side (the package may hold only one side's products)."""
    if core.years(tables, o.reporter, o.partner):
        return o.reporter, o.partner
    return o.partner, o.reporter


def sides(reporter: str, partner: str, flow: str) -> tuple[str, str]:
    """(seller, buyer) of a flow seen from the reporter's side."""
    return (reporter, partner) if flow == "export" else (partner, reporter)


def chapter_name(tables: Tables, code: str, lang: str, width: int = LABEL_COLUMNS) -> str:
    english = core.describe(tables, code)
    name = data_label(lang, "hs_chapter", code) if lang != "en" else english
    name = english if name == code else name
    return f"{code} {shorten(name, width)}".strip()




def flow_label(reporter: str, partner: str, flow: str, lang: str) -> str:
    seller, buyer = sides(reporter, partner, flow)
    return tr(lang, "legend.sells", seller=country(seller, lang), buyer=country(buyer, lang))


def product_mix(tables: Tables, o: Options) -> Chart:
    lang = o.lang
    reporter, partner = pair(tables, o)
    fig = theme.Draft()
    mixes = {}
    for flow in core.FLOWS:
        mixes[flow] = core.mix(tables, reporter, partner, flow, o.start, o.end) \
            if core.has_products(tables) else (0, 0, [])
    first, last = mixes["export"][0], mixes["export"][1]
    top = max([m.end_share_pct or 0 for _, _, rows in mixes.values() for m in rows]
              + [m.start_share_pct or 0 for _, _, rows in mixes.values() for m in rows] + [1])
    visible_sets, category_sets = [], []
    for flow, (f0, f1, rows) in mixes.items():
        shown = flow == "export"
        start = len(fig.data)
        labels = [chapter_name(tables, m.hs_code, lang) for m in rows]
        full = [m for m in rows if not m.gap]
        texts = [f"{pct(m.end_share_pct, lang, sign=False)} · {fmt_bn(m.end_usd, lang=lang)}"
                 for m in full]
        fig.add_trace(dict(
            type="bar", orientation="h", visible=shown,
            name=tr(lang, "legend.share_in", year=fmt_year(f1)),
            y=labels[:len(full)], x=[m.end_share_pct for m in full],
            marker=dict(color=FLOW_COLOURS[flow]),
            customdata=[_hover(tables, m, f0, f1, lang) for m in full],
            hovertemplate=HOVER_PLAIN))
        fig.add_trace(dict(  # the bars' labels, in a column clear of every mark
            type="scatter", mode="text", visible=shown, showlegend=False, hoverinfo="skip",
            y=labels[:len(full)], text=[LABEL_GAP + t for t in texts], x=[top] * len(full),
            textposition="middle right", cliponaxis=False))
        before = [(label, m) for label, m in zip(labels, rows, strict=True)
                  if m.start_share_pct is not None]
        fig.add_trace(dict(
            type="scatter", mode="markers", visible=shown,
            name=tr(lang, "legend.share_in", year=fmt_year(f0)),
            y=[label for label, _ in before], x=[m.start_share_pct for _, m in before],
            marker=dict(symbol="diamond-open", size=11, color=theme.HIGHLIGHT,
                        line=dict(width=2)),
            customdata=[_hover(tables, m, f0, f1, lang) for _, m in before],
            hovertemplate=HOVER_PLAIN))
        gap = [(label, m) for label, m in zip(labels, rows, strict=True) if m.gap]
        fig.add_trace(dict(
            type="scatter", mode="markers+text", visible=shown,
            name=tr(lang, "legend.no_row"), y=[label for label, _ in gap], x=[0] * len(gap),
            marker=dict(symbol="x-thin-open", size=12, color=theme.FLAG, line=dict(width=2)),
            text=[tr(lang, "chart.product_mix.gap_text", year=fmt_year(f1))] * len(gap),
            textposition="middle right", textfont=dict(color=theme.FLAG),
            customdata=[_hover(tables, m, f0, f1, lang) for _, m in gap],
            hovertemplate=HOVER_PLAIN))
        visible_sets.append((start, len(fig.data)))
        category_sets.append(list(reversed(labels)))
    n = len(fig.data)
    buttons = []
    for (flow, _), (a, b), cats in zip(mixes.items(), visible_sets, category_sets, strict=True):
        buttons.append(dict(label=flow_label(reporter, partner, flow, lang), method="update",
                            args=[{"visible": [a <= i < b for i in range(n)]},
                                  {"yaxis.categoryarray": cats}]))
    title = tr(lang, "chart.product_mix.title", year=fmt_year(last)) if any(
        rows for _, _, rows in mixes.values()) else tr(  # no year to name: say there is none
        lang, "chart.product_mix.none", pair=f"{country(reporter, lang)}–{country(partner, lang)}")
    ids = [m.source_id for _, _, rows in mixes.values() for m in rows]
    user = is_user_data(pd.Series(ids, dtype="string"))
    title = tr(lang, "chart.user_title", title=title) if user else title
    subtitle = tr(lang, "chart.product_mix.subtitle", first=fmt_year(first),
                  who=user_who(reporter, ids, lang))
    source = reporter_source(tables, ids, reporter, lang)
    theme.apply(fig, title=title, subtitle=subtitle, source=source,
                x_title=tr(lang, "axis.share_of_flow_pct"), y_title=None, lang=lang)
    theme.percent_axis(fig, lang=lang, axis="x", rangemode="tozero")
    fig.update_xaxes(range=[0, top * 1.45])
    fig.update_yaxes(categoryorder="array", categoryarray=category_sets[0], automargin=True)
    fig.update_layout(height=720, updatemenus=[dict(
        type="buttons", direction="right", buttons=buttons, showactive=True, active=0,
        x=0, xanchor="left", y=1.0, yanchor="bottom", pad=dict(t=4, b=4),
        font=dict(size=12))])
    alt = _alt(tables, reporter, partner, mixes, lang)

    def rows() -> pd.DataFrame:
        out = []
        for flow, (f0, f1, ms) in mixes.items():
            seller, buyer = sides(reporter, partner, flow)
            for m in ms:
                out.append({
                    "reporter": reporter, "partner": partner, "flow": flow, "seller": seller,
                    "buyer": buyer, "hs_chapter": m.hs_code, "description": core.describe(
                        tables, m.hs_code), "first_year": f0, "first_value_usd": m.start_usd,
                    "first_share_pct": m.start_share_pct, "last_year": f1,
                    "last_value_usd": m.end_usd, "last_share_pct": m.end_share_pct,
                    "gap_in_last_year": m.gap, "computed": True, "source_id": m.source_id})
        return pd.DataFrame(out)

    stem = (f"{country(reporter)}-{country(partner)}".lower().replace(" ", "-")
            + "-trade-by-hs-chapter" + ("-with-your-data" if user else ""))
    return Chart("product-mix", title, fig.figure(), rows, stem, source, alt=alt, lang=lang)


def _hover(tables: Tables, m: core.ChapterMix, first: int, last: int, lang: str) -> str:
    name = chapter_name(tables, m.hs_code, lang, width=60)
    line = [f"<b>HS {name}</b>"]
    for year, usd, share in ((last, m.end_usd, m.end_share_pct),
                             (first, m.start_usd, m.start_share_pct)):
        if usd is None:
            line.append(tr(lang, "hover.no_row", year=fmt_year(year)))
        else:
            line.append(tr(lang, "hover.share_value", year=fmt_year(year),
                           share=pct(share, lang, sign=False), value=fmt_bn(usd, lang=lang)))
    line.append(tr(lang, "hover.computed_sum", id=m.source_id))
    return "<br>".join(line)


def _alt(tables: Tables, reporter: str, partner: str, mixes: dict, lang: str) -> str:
    out = []
    for flow, (_, last, rows) in mixes.items():
        full = [m for m in rows if not m.gap][:3]
        if not full:
            continue
        seller, buyer = sides(reporter, partner, flow)
        out.append(tr(lang, "alt.product_mix", year=fmt_year(last),
                      seller=country(seller, lang), buyer=country(buyer, lang),
                      chapters=join_items(lang, [
                          tr(lang, "alt.product_mix_item", name=chapter_name(
                              tables, m.hs_code, lang, width=60),
                             share=pct(m.end_share_pct, lang, sign=False)) for m in full])))
        missing = len(core.gaps(tables, reporter, partner, flow).get(last, ()))
        if missing:
            out.append(tr(lang, "alt.product_mix_gaps", count=missing, year=fmt_year(last)))
    return join_sentences(lang, out) or tr(lang, "alt.product_mix_none")
