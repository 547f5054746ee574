"""How much the two matter to each other, and what Kazakhstan sells: shares and HS chapters."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.charts import theme
from dashboard.charts.kit import (
    HOVER,
    HOVER_PLAIN,
    Chart,
    Options,
    Tables,
    country,
    flag_ring,
    is_user_data,
    money,
    point,
    source_line,
    user_who,
    who,
)
from dashboard.core.flags import reasons
from dashboard.core.shares import ChapterValue, Share, hs_chapters, shares
from dashboard.text.formatting import fmt_bn, fmt_year_range
from dashboard.text.i18n import data_label, join_sentences, tr
from dashboard.text.wording import pct
from dashboard.text.wrapping import shorten

SIDE_DASH = {"KAZ": "solid", "CHN": "dash"}
SHORT_COLUMNS = 32  # a chapter's name in the legend, in display columns


@dataclass(frozen=True)
class SharesChart(Chart):
    shares: tuple[Share, ...]


@dataclass(frozen=True)
class ChaptersChart(Chart):
    chapters: tuple[ChapterValue, ...]


def _share_name(s: Share, lang: str = "en") -> str:
    return tr(lang, "legend.share", partner=country(s.partner, lang),
              economy=country(s.economy, lang), who=user_who(s.figures_of, s.source_ids, lang))




def shares_chart(tables: Tables, o: Options) -> SharesChart:
    lang = o.lang
    ss = tuple(shares(tables))
    title = tr(lang, "chart.shares.title")
    mine = is_user_data(pd.Series([i for s in ss for i in s.source_ids], dtype="string"))
    subtitle = tr(lang, "chart.shares.subtitle_user" if mine else "chart.shares.subtitle")
    source = source_line([sid for s in ss for sid in s.source_ids], tables["sources"], lang=lang)
    fig = theme.Draft()
    for economy in ("KAZ", "CHN"):
        line = [s for s in ss if s.economy == economy]
        if not line:
            continue
        user = any(is_user_data(pd.Series(s.source_ids, dtype="string")) for s in line)
        colour = theme.USER_COLOUR if user else theme.COUNTRY_COLOURS[line[0].figures_of]
        fig.add_trace(dict(
            type="scatter", mode="lines+markers", name=_share_name(line[0], lang),
            x=[s.year for s in line], y=[round(s.share_pct, 3) for s in line],
            line=dict(color=colour, width=2.6,
                      dash=SIDE_DASH[economy]),
            marker=dict(size=9, symbol=[theme.COUNTRY_SYMBOLS[economy] + ("-open" if s.anomaly
                                                                          else "")
                                        for s in line], color=colour),
            customdata=[point(lang, s.year, pct(s.share_pct, lang, sign=False),
                              tr(lang, "hover.share_of", part=fmt_bn(s.bilateral_usd, lang=lang),
                                 whole=fmt_bn(s.world_usd, lang=lang)),
                              tr(lang, "hover.sources", sources=", ".join(s.source_ids)),
                              reasons(s.flags, lang))
                        for s in line], hovertemplate=HOVER))
        flag_ring(fig, [s.year for s in line if s.flags],
                 [round(s.share_pct, 3) for s in line if s.flags],
                 [point(lang, s.year, pct(s.share_pct, lang, sign=False), reasons(s.flags, lang))
                  for s in line if s.flags], lang)
    theme.apply(fig, title=title, subtitle=subtitle, source=source,
                x_title=tr(lang, "axis.year"), y_title=tr(lang, "axis.share_pct"), lang=lang)
    theme.percent_axis(fig, lang=lang, rangemode="tozero")
    latest = {s.economy: s for s in ss}
    alt = join_sentences(lang, [tr(lang, "alt.share", year=str(s.year), name=_share_name(s, lang),
                                   share=pct(s.share_pct, lang, sign=False))
                                for s in latest.values()]) or tr(lang, "alt.none")

    def rows() -> pd.DataFrame:
        return pd.DataFrame([{
            "year": s.year, "whole": s.economy, "partner": s.partner, "figures_of": s.figures_of,
            "share_pct": s.share_pct, "bilateral_usd_bn": s.bilateral_usd / 1e9,
            "world_usd_bn": s.world_usd / 1e9, "anomaly": s.anomaly, "flag": bool(s.flags),
            "flag_reason": reasons(s.flags, lang),
            "source_id": ", ".join(s.source_ids)} for s in ss])

    return SharesChart("shares", title, fig.figure(), rows,
                       "china-kazakhstan-trade-shares" + ("-with-your-data" if mine else ""),
                       source, ss, alt=alt, lang=lang)


def chapters_chart(tables: Tables, o: Options) -> ChaptersChart:
    lang = o.lang
    cs = tuple(hs_chapters(tables))
    title = tr(lang, "chart.chapters.title")
    subtitle = tr(lang, "chart.chapters.subtitle")
    source = source_line([c.source_id for c in cs], tables["sources"], lang=lang)
    fig = theme.Draft()
    codes = list(dict.fromkeys(c.cmd_code for c in cs))
    palette = theme.OKABE_ITO
    for i, code in enumerate(codes):
        colour = palette[i % len(palette)]
        for side in ("KAZ", "CHN"):
            pts = [c for c in cs if c.cmd_code == code and c.reporter == side]
            if not pts:
                continue
            desc = pts[0].cmd_desc if lang == "en" else data_label(lang, "hs_chapter", code)
            desc = pts[0].cmd_desc if desc == str(code) else desc  # no translation: as given
            fig.add_trace(dict(
                type="scatter", mode="lines+markers", legendgroup=code,
                showlegend=side == "KAZ",
                name=tr(lang, "legend.chapter", code=code, name=shorten(desc, SHORT_COLUMNS),
                        country=country(side, lang)), x=[c.year for c in pts],
                y=money([c.value_usd for c in pts], lang),
                line=dict(color=colour, dash=SIDE_DASH[side], width=2),
                marker=dict(symbol=theme.COUNTRY_SYMBOLS[side], size=7, color=colour),
                customdata=[point(lang, c.year, fmt_bn(c.value_usd, lang=lang), f"HS {code} {desc}",
                                  tr(lang, "hover.chapter_source", who=who(side, lang),
                                     classification=c.classification, id=c.source_id),
                                  c.flag.reason(lang) if c.flag else "")
                            for c in pts], hovertemplate=HOVER_PLAIN))
            flagged = [c for c in pts if c.flag]
            flag_ring(fig, [c.year for c in flagged], money([c.value_usd for c in flagged], lang),
                     [point(lang, c.year, fmt_bn(c.value_usd, lang=lang), f"HS {code} {desc}",
                            c.flag.reason(lang)) for c in flagged if c.flag], lang)
    theme.apply(fig, title=title, subtitle=subtitle, source=source,
                x_title=tr(lang, "axis.year"), y_title=tr(lang, "axis.usd_bn"), lang=lang)
    theme.usd_bn_axis(fig, lang=lang)
    fig.update_layout(height=680)
    years = sorted({c.year for c in cs})
    alt = (tr(lang, "alt.chapters", count=len(codes),
              period=fmt_year_range(years[0], years[-1], lang=lang)) if years else
           tr(lang, "alt.chapters_none"))

    def rows() -> pd.DataFrame:
        return pd.DataFrame([{
            "year": c.year, "hs_chapter": c.cmd_code, "description": c.cmd_desc,
            "reporter": c.reporter, "flow": c.flow, "value_usd_bn": c.value_usd / 1e9,
            "classification": c.classification, "source_id": c.source_id,
            "flag": c.flag is not None, "flag_reason": c.flag.reason(lang) if c.flag else ""}
            for c in cs])

    return ChaptersChart("hs-chapters", title, fig.figure(), rows,
                         "kazakhstan-sales-to-china-selected-hs-chapters", source, cs, alt=alt,
                         lang=lang)
