"""Kazakhstan among China's five Central Asian partners, and the regional mirror gap.

Top: one panel per rankable year (``core.central_asia.years``), the five states sorted by
China's figure, Kazakhstan highlighted, each bar labelled with its share of the five's sum
(computed). Bottom: where a partner's own statistics exist for the same months of a year,
China's figure beside the partner's. Every number comes from the ``central_asia`` table.
"""

from __future__ import annotations

import pandas as pd

from dashboard.charts import theme
from dashboard.charts.kit import HOVER_PLAIN, Chart, Options, Tables, money, source_line
from dashboard.charts.screen.rows import ROWS_SET
from dashboard.core import central_asia as core
from dashboard.data.loader import COUNTRY_NAMES
from dashboard.text import names
from dashboard.text.formatting import cldr_locale, fmt_bn, fmt_year
from dashboard.text.i18n import join_items, join_sentences, tr
from dashboard.text.wording import pct

HEIGHT = 1280
OTHER = "#9CA3AF"
PARTNER_COLOUR = "#009E73"
GAP = 0.07  # between stacked year panels, room for each panel's heading
RANK_TOP, RANK_BOTTOM = 0.93, 0.55  # the year panels' band; the mirror panel sits below


def name(code: str, lang: str) -> str:
    if lang == "en":
        return COUNTRY_NAMES.get(code) or names.country_name(code, "en")
    return names.country_name(code, lang)


def period(year: int, months: int, lang: str) -> str:
    if months == 12:
        return tr(lang, "chart.central_asia.full_year", year=fmt_year(year))
    wide = cldr_locale(lang).months["stand-alone"]["wide"]
    return tr(lang, "claims.period.months", start=wide[1], end=wide[months], year=str(year))


def central_asia(tables: Tables, o: Options) -> Chart:
    lang = o.lang
    years = core.years(tables)
    ranks = {y: core.ranking(tables, y) for y in years}
    mirrors = core.mirrors(tables)
    fig = theme.Draft()
    n = max(len(years), 1)
    # Year panels stacked, each the figure's full width: side by side, one panel's labels ran
    # into the next one's country names on a phone.
    band = (RANK_TOP - RANK_BOTTOM - GAP * (n - 1)) / n
    # Plain numbers on the value axes, their unit in the axis title: "40 млрд $" on every
    # tick turned on end in a phone's narrow panels and ran into the next panel's heading.
    top = max([r.value_usd for rs in ranks.values() for r in rs] + [1])
    for i, year in enumerate(years):
        ax = str(i + 2)  # x/y belong to the mirror panel at the bottom, which names the unit
        rs = ranks[year]
        ordered = list(reversed(rs))  # largest at the top
        fig.add_trace(dict(
            type="bar", orientation="h", xaxis=f"x{ax}", yaxis=f"y{ax}", showlegend=False,
            name=fmt_year(year), y=[name(r.country, lang) for r in ordered],
            x=money([r.value_usd for r in ordered], lang),
            marker=dict(color=[theme.COUNTRY_COLOURS["KAZ"] if r.country == "KAZ" else OTHER
                               for r in ordered]),
            text=[pct(r.share_pct, lang, sign=False) for r in ordered], textposition="outside",
            cliponaxis=False, customdata=[_rank_hover(r, lang) for r in ordered],
            hovertemplate=HOVER_PLAIN))
        y1 = round(RANK_TOP - i * (band + GAP), 6)
        fig.update_layout(**{
            f"xaxis{ax}": dict(domain=[0, 1], anchor=f"y{ax}", nticks=4, tickangle=0,
                               title=dict(text=tr(lang, "axis.usd_bn") if i == n - 1 else "",
                                          font=dict(size=11)),
                               range=[0, money([top], lang)[0] * 1.35]),
            f"yaxis{ax}": dict(domain=[max(round(y1 - band, 6), 0), y1], anchor=f"x{ax}",
                               automargin=True)})
        kaz = next(r for r in rs if r.country == "KAZ")
        fig.add_annotation(text=tr(lang, "chart.central_asia.panel", year=fmt_year(year),
                                   rank=kaz.rank, count=len(rs)),
                           xref=f"x{ax} domain", yref=f"y{ax} domain", x=1, y=1.0,
                           xanchor="right", yanchor="bottom", showarrow=False, font=dict(size=13))
    m_ax = ""
    # Country and period on two lines: on one, "Киргизия, январь–март 2024 г." took two
    # thirds of a phone's width and squeezed the bars until their tick labels turned on end.
    labels = [_pair_label(m, lang, "<br>") for m in mirrors]
    for who_key, colour, values in (
            ("chart.central_asia.china_figure", theme.COUNTRY_COLOURS["CHN"],
             [m.china_usd for m in mirrors]),
            ("chart.central_asia.partner_figure", PARTNER_COLOUR,
             [m.partner_usd for m in mirrors])):
        fig.add_trace(dict(
            type="bar", orientation="h", xaxis=f"x{m_ax}", yaxis=f"y{m_ax}",
            name=tr(lang, who_key), y=labels, x=money(values, lang),
            marker=dict(color=colour), text=[fmt_bn(v, lang=lang) for v in values],
            textposition="outside", cliponaxis=False,
            customdata=[_mirror_hover(m, lang) for m in mirrors], hovertemplate=HOVER_PLAIN))
    mtop = max([m.china_usd for m in mirrors] + [1])
    fig.update_layout(barmode="group", **{
        f"xaxis{m_ax}": dict(domain=[0, 1], anchor=f"y{m_ax}", nticks=4, tickangle=0,
                             title=dict(text=tr(lang, "axis.usd_bn")),
                             range=[0, money([mtop], lang)[0] * 1.7]),
        f"yaxis{m_ax}": dict(domain=[0, 0.34], anchor=f"x{m_ax}", automargin=True,
                             autorange="reversed")})
    # Right-aligned over the bars, in two short lines: on a phone the plot starts right of
    # long country names, and a heading from its left edge ran off the figure.
    fig.add_annotation(text=theme.balanced(tr(lang, "chart.central_asia.mirror_heading"), 44),
                       xref="paper", yref="paper", x=1, y=0.34, yshift=2, xanchor="right",
                       align="right", yanchor="bottom", showarrow=False, font=dict(size=13))
    first, last = (fmt_year(years[0]), fmt_year(years[-1])) if years else ("", "")
    title = tr(lang, "chart.central_asia.title", first=first, last=last)
    subtitle = tr(lang, "chart.central_asia.subtitle")
    ids = [r.source_id for rs in ranks.values() for r in rs]
    ids += [s for m in mirrors for s in (m.china_source, m.partner_source)]
    source = source_line(ids, tables["sources"], lang=lang)
    # Its two-line row labels are set for a phone already: the page keeps them as they are.
    fig.update_layout(height=HEIGHT, legend=dict(orientation="h"), meta={ROWS_SET: True})
    theme.apply(fig, title=title, subtitle=subtitle, source=source, lang=lang)
    alt = _alt(ranks, mirrors, lang)

    def rows() -> pd.DataFrame:
        out = []
        for year, rs in ranks.items():
            for r in rs:
                out.append({"part": "ranking", "year": year, "months": 12,
                            "country": r.country, "rank": r.rank, "value_usd": r.value_usd,
                            "share_of_five_pct": r.share_pct, "row_id": r.row_id,
                            "source_id": r.source_id, "statistics": "CHN",
                            "computed": "share_of_five_pct"})
        for m in mirrors:
            for side, usd, row, sid, bound in (
                    ("CHN", m.china_usd, m.china_row, m.china_source, None),
                    (m.country, m.partner_usd, m.partner_row, m.partner_source,
                     m.partner_bound)):
                out.append({"part": "mirror", "year": m.year, "months": m.months,
                            "country": m.country, "value_usd": usd, "row_id": row,
                            "source_id": sid, "statistics": side, "bound": bound,
                            "period_stated": True if side == "CHN" else m.partner_period_stated,
                            "gap_usd": m.gap_usd,
                            "partner_pct_of_china": m.partner_pct_of_china,
                            "computed": "gap_usd, partner_pct_of_china"})
        return pd.DataFrame(out)

    return Chart("central-asia", title, fig.figure(), rows,
                 "kazakhstan-among-chinas-central-asian-partners", source, alt=alt, lang=lang)


def _rank_hover(r: core.Rank, lang: str) -> str:
    return "<br>".join([
        f"<b>{name(r.country, lang)}</b> · {fmt_year(r.year)}",
        tr(lang, "chart.central_asia.hover_rank", rank=r.rank, value=fmt_bn(r.value_usd,
                                                                           lang=lang),
           share=pct(r.share_pct, lang, sign=False)),
        tr(lang, "chart.central_asia.hover_source", id=r.source_id)])


def _pair_label(m: core.Mirror, lang: str, gap: str = " ") -> str:
    label = f"{name(m.country, lang)},{gap}{period(m.year, m.months, lang)}"
    return label if m.partner_period_stated else label + " *"


def _mirror_hover(m: core.Mirror, lang: str) -> str:
    lines = [f"<b>{_pair_label(m, lang)}</b>",
             tr(lang, "chart.central_asia.hover_mirror", china=fmt_bn(m.china_usd, lang=lang),
                partner=fmt_bn(m.partner_usd, lang=lang), country=name(m.country, lang),
                share=pct(m.partner_pct_of_china, lang, sign=False)),
             tr(lang, "chart.central_asia.hover_sources", china=m.china_source,
                partner=m.partner_source)]
    if m.partner_bound == "approx":
        lines.append(tr(lang, "chart.central_asia.approx"))
    if not m.partner_period_stated:
        lines.append(tr(lang, "chart.central_asia.period_implied"))
    return "<br>".join(lines)


def _alt(ranks: dict[int, list[core.Rank]], mirrors: list[core.Mirror], lang: str) -> str:
    out = []
    for year, rs in ranks.items():
        kaz = next(r for r in rs if r.country == "KAZ")
        out.append(tr(lang, "alt.central_asia_rank", year=fmt_year(year), rank=kaz.rank,
                      count=len(rs), share=pct(kaz.share_pct, lang, sign=False),
                      value=fmt_bn(kaz.value_usd, lang=lang),
                      order=join_items(lang, [name(r.country, lang) for r in rs])))
    for m in mirrors:
        out.append(tr(lang, "alt.central_asia_mirror", country=name(m.country, lang),
                      period=period(m.year, m.months, lang),
                      partner=fmt_bn(m.partner_usd, lang=lang),
                      china=fmt_bn(m.china_usd, lang=lang),
                      share=pct(m.partner_pct_of_china, lang, sign=False)))
    return join_sentences(lang, out) or tr(lang, "alt.central_asia_none")
