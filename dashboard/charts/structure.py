"""How much the two matter to each other, and what Kazakhstan sells: shares and HS chapters."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .. import theme
from ..formatting import fmt_bn, fmt_pct
from ..official_world import ChapterValue, Share, hs_chapters, shares
from .kit import Chart, Options, Tables, country, source_line, who

SIDE_DASH = {"KAZ": "solid", "CHN": "dash"}


@dataclass(frozen=True)
class SharesChart(Chart):
    shares: tuple[Share, ...]
    alt: str


@dataclass(frozen=True)
class ChaptersChart(Chart):
    chapters: tuple[ChapterValue, ...]
    alt: str


def _share_name(s: Share) -> str:
    return (f"{country(s.partner)}'s share of {country(s.economy)}'s trade "
            f"({who(s.figures_of)})")


def shares_chart(tables: Tables, o: Options) -> SharesChart:
    ss = tuple(shares(tables))
    title = "How much each matters to the other: share of total goods trade"
    subtitle = ("Trade with the partner as a share of trade with the world, each from one "
                "reporter's own UN Comtrade figures; hollow markers carry the anomaly note")
    source = source_line([sid for s in ss for sid in s.source_ids], tables["sources"],
                         lead="Sources:")
    fig = theme.Draft()
    for economy in ("KAZ", "CHN"):
        line = [s for s in ss if s.economy == economy]
        if not line:
            continue
        fig.add_trace(dict(
            type="scatter", mode="lines+markers", name=_share_name(line[0]),
            x=[s.year for s in line], y=[round(s.share_pct, 3) for s in line],
            line=dict(color=theme.COUNTRY_COLOURS[line[0].figures_of], width=2.6,
                      dash=SIDE_DASH[economy]),
            marker=dict(size=9, symbol=[theme.COUNTRY_SYMBOLS[economy] + ("-open" if s.anomaly
                                                                          else "")
                                        for s in line],
                        color=theme.COUNTRY_COLOURS[line[0].figures_of]),
            customdata=[[fmt_bn(s.bilateral_usd), fmt_bn(s.world_usd),
                         ", ".join(s.source_ids)] for s in line],
            hovertemplate="<b>%{x}</b>: %{y:.1f}%<br>%{customdata[0]} of %{customdata[1]}"
                          "<br>Sources: %{customdata[2]}<extra>%{fullData.name}</extra>"))
    theme.apply(fig, title=title, subtitle=subtitle, source=source, x_title="Year",
                y_title="Share of the reporter's total goods trade, %")
    fig.update_yaxes(ticksuffix="%", rangemode="tozero")
    latest = {s.economy: s for s in ss}
    alt = " ".join(f"In {s.year}, {_share_name(s)} was {fmt_pct(s.share_pct, is_fraction=False, sign=False)}."  # noqa: E501
                   for s in latest.values())

    def rows() -> pd.DataFrame:
        return pd.DataFrame([{
            "year": s.year, "whole": s.economy, "partner": s.partner, "figures_of": s.figures_of,
            "share_pct": s.share_pct, "bilateral_usd_bn": s.bilateral_usd / 1e9,
            "world_usd_bn": s.world_usd / 1e9, "anomaly": s.anomaly,
            "source_id": ", ".join(s.source_ids)} for s in ss])

    return SharesChart("shares", title, fig.figure(), rows, "china-kazakhstan-trade-shares",
                       source, ss, alt)


def chapters_chart(tables: Tables, o: Options) -> ChaptersChart:
    cs = tuple(hs_chapters(tables))
    title = "What Kazakhstan sells to China: selected HS chapters (not the whole trade)"
    subtitle = ("Solid: Kazakhstan's exports as Kazakhstan reports them; dashed: China's "
                "imports from Kazakhstan as China reports them (UN Comtrade)")
    source = source_line([c.source_id for c in cs], tables["sources"], lead="Sources:")
    fig = theme.Draft()
    codes = list(dict.fromkeys(c.cmd_code for c in cs))
    palette = theme.OKABE_ITO
    for i, code in enumerate(codes):
        colour = palette[i % len(palette)]
        for side in ("KAZ", "CHN"):
            pts = [c for c in cs if c.cmd_code == code and c.reporter == side]
            if not pts:
                continue
            desc = pts[0].cmd_desc
            short = desc if len(desc) <= 32 else desc[:31] + "…"
            fig.add_trace(dict(
                type="scatter", mode="lines+markers", legendgroup=code,
                name=f"{code} {short}", showlegend=side == "KAZ", x=[c.year for c in pts],
                y=[c.value_usd / 1e9 for c in pts],
                line=dict(color=colour, dash=SIDE_DASH[side], width=2),
                marker=dict(symbol=theme.COUNTRY_SYMBOLS[side], size=7, color=colour),
                customdata=[[desc, who(side), c.classification, c.source_id] for c in pts],
                hovertemplate="<b>%{x}</b>: $%{y:,.3~f} bn<br>HS %{fullData.legendgroup} "
                              "%{customdata[0]}<br>%{customdata[1]}, %{customdata[2]} "
                              "(%{customdata[3]})<extra></extra>"))
    theme.apply(fig, title=title, subtitle=subtitle, source=source, x_title="Year",
                y_title="US$ bn (current dollars)")
    theme.usd_bn_axis(fig)
    fig.update_layout(height=680)
    years = sorted({c.year for c in cs})
    alt = (f"{len(codes)} selected HS chapters of Kazakhstan's sales to China, "
           f"{years[0]}–{years[-1]}, as each side reports them." if years else
           "No HS chapter figures in the data.")

    def rows() -> pd.DataFrame:
        return pd.DataFrame([{
            "year": c.year, "hs_chapter": c.cmd_code, "description": c.cmd_desc,
            "reporter": c.reporter, "flow": c.flow, "value_usd_bn": c.value_usd / 1e9,
            "classification": c.classification, "source_id": c.source_id} for c in cs])

    return ChaptersChart("hs-chapters", title, fig.figure(), rows,
                         "kazakhstan-sales-to-china-selected-hs-chapters", source, cs, alt)
