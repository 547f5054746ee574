"""The world page: bilateral growth beside every world measure, and China's total trade."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from dashboard.charts import theme
from dashboard.charts.kit import (
    HOVER_PLAIN,
    Chart,
    Options,
    Tables,
    change_axes,
    point,
    source_line,
)
from dashboard.core.analysis import yoy_growth
from dashboard.core.verdicts import WorldCheck, world_check
from dashboard.data.loader import series
from dashboard.text.formatting import fmt_tn
from dashboard.text.i18n import data_label, join_sentences, tr
from dashboard.text.names import fmt_list
from dashboard.text.wording import dated, pct
from dashboard.text.wrapping import wrap_html

SHORT = ((" trade in US dollars", ""), ("Merchandise", "goods"), ("Goods", "goods"),
         ("commercial services", "services"), ("Commercial services", "services"),
         (" trade", ""), (" (value)", ", value"))
WORLD_HEIGHT, WORLD_FRAME_PX, LABEL_LINE_PX = 640, 300, 21  # room for every label line
# A fall's label starts at zero after a fixed gap (an en space, some 7 px at any width): a share
# of the range left 1–2 px on a phone's plot, and "−1.1%" touched the zero line again.
LABEL_GAP = "\u2002"
BASIS_STYLE = {  # basis: (colour, legend); hatching is kept for flagged readings (theme)
    "value": (theme.VALUE_COLOUR, "legend.value"),
    "volume": (theme.VOLUME_COLOUR, "legend.volume"),
    "unspecified": (theme.UNSPECIFIED_COLOUR, "legend.unspecified"),
}


def _short(measure: str, lang: str = "en") -> str:
    """'Merchandise trade volume, revised' -> 'goods volume, revised': labels that fit a phone.

    Other languages use the measure's display name; a measure without one stays as it is.
    """
    if lang != "en":
        return data_label(lang, "measure", measure)
    for old, new in SHORT:
        measure = measure.replace(old, new)
    return measure


def comparison_year(tables: Tables) -> int:
    """The year the editorial compares (its world claim), else the latest world figure."""
    claims = tables["editorial_claims"]
    hit = claims[claims["metric"] == "world_trade_change_pct"]
    if not hit.empty and pd.notna(hit["year"].iloc[0]):
        return int(hit["year"].iloc[0])
    return int(tables["world_trade"]["year"].max())


def world_rows(tables: Tables, year: int, lang: str = "en") -> pd.DataFrame:
    """Every growth figure for one year on one scale: bilateral trade beside world measures.

    ``label`` and ``organisation`` are in the reader's language; codes stay canonical.
    """
    g = yoy_growth(series(tables["bilateral_trade"], "CHN", "KAZ")).set_index("year")
    rows = []
    bilateral = f"<b>{tr(lang, 'world.label.bilateral')}</b><br>"
    if year in g.index:
        sid = str(g.loc[year, "source_id"])
        rep, comp = g.loc[year, "reported_change_pct"], g.loc[year, "computed_change_pct"]
        if pd.notna(rep):
            rows.append(dict(label=bilateral + tr(lang, "world.label.as_reported"),
                             change_pct=float(rep), basis="value", group="bilateral",
                             organisation=tr(lang, "world.org.chn_customs_news"), published="",
                             source_id=sid, editorial=True))
        if pd.notna(comp):
            rows.append(dict(label=bilateral + tr(lang, "world.label.computed",
                                                  period=f"{year - 1}→{year}"),
                             change_pct=float(comp), basis="value", group="bilateral",
                             organisation=tr(lang, "world.org.computed"), published="",
                             source_id=sid, editorial=False))
    w = tables["world_trade"]
    for r in w[(w["year"] == year) & (w["economy"] == "World")].itertuples():
        editorial = r.basis == "unspecified"
        organisation = data_label(lang, "organisation", r.organisation)
        label = (f"<b>{tr(lang, 'world.label.editorial_world')}</b><br>"
                 f"{tr(lang, 'world.label.no_source')}" if editorial else
                 tr(lang, "world.label.measure", organisation=organisation,
                    measure=_short(str(r.measure), lang)) + "<br>"
                 + tr(lang, "world.label.published", date=dated(r.published, lang)))
        rows.append(dict(label=label, change_pct=float(r.change_pct), basis=str(r.basis),
                         group="world", organisation=organisation,
                         published=str(r.published), source_id=str(r.source_id),
                         editorial=editorial))
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class WorldChart(Chart):
    check: WorldCheck


def world(tables: Tables, o: Options) -> WorldChart:
    lang = o.lang
    year = comparison_year(tables)
    w = world_rows(tables, year, lang)
    title = tr(lang, "chart.world.title", year=str(year))
    subtitle = tr(lang, "chart.world.subtitle_colours", prev_year=str(year - 1))
    source = source_line(w["source_id"], tables["sources"], lang=lang,
                         width=theme.SOURCE_COLUMNS_NARROW)
    fig = theme.Draft()
    shown = w.iloc[::-1].assign(  # first row on top; long labels wrap, the chart grows
        shown=[wrap_html(lab, theme.LABEL_COLUMNS) for lab in w["label"].iloc[::-1]])
    lines = int(shown["shown"].str.count("<br>").sum()) + len(shown)
    fig.update_layout(height=max(WORLD_HEIGHT, WORLD_FRAME_PX + LABEL_LINE_PX * lines))
    for basis, (colour, legend) in BASIS_STYLE.items():
        d = shown[shown["basis"] == basis]
        if d.empty:
            continue
        labels = [pct(v, lang) for v in d["change_pct"]]
        fig.add_trace(dict(
            type="bar", y=d["shown"].tolist(), x=d["change_pct"].astype(float).tolist(),
            orientation="h", name=tr(lang, legend),
            marker=dict(
                color=[theme.COUNTRY_COLOURS["CHN"] if grp == "bilateral" else colour
                       for grp in d["group"]],
                line=dict(color=[theme.HIGHLIGHT if e else "rgba(0,0,0,0)" for e in d["editorial"]],
                          width=[3 if e else 0 for e in d["editorial"]])),
            text=[lab if v >= 0 else "" for lab, v in zip(labels, d["change_pct"], strict=True)],
            textposition="outside", cliponaxis=False,
            customdata=[tr(lang, "hover.label", label=lab, value=f"<b>{v}</b>") + "<br>"
                        + tr(lang, "hover.org_source", organisation=org, id=sid)
                        for lab, v, org, sid in zip(d["label"], labels, d["organisation"],
                                                    d["source_id"], strict=True)],
            hovertemplate=HOVER_PLAIN))
    falls = shown[shown["change_pct"] < 0]
    lo, hi = min(0.0, float(w["change_pct"].min())), float(w["change_pct"].max())
    if not falls.empty:  # falls are labelled right of zero (never over the row labels on a
        # phone), clear of the zero line so "−1.1%" never reads as "⊢1.1%"
        fig.add_trace(dict(
            type="scatter", mode="text", x=[0.0] * len(falls), y=falls["shown"].tolist(),
            text=[LABEL_GAP + pct(v, lang) for v in falls["change_pct"]],
            textposition="middle right",
            showlegend=False, hoverinfo="skip", textfont=dict(color=theme.HIGHLIGHT)))
    theme.apply(fig, title=title, subtitle=subtitle, source=source,
                x_title=tr(lang, "axis.change_pct"), y_title=None, lang=lang)
    theme.percent_axis(fig, lang=lang, axis="x", zeroline=True, zerolinewidth=2,
                       range=[lo - 0.25 * (hi - lo), hi + 0.3 * (hi - lo)])
    fig.update_layout(barmode="overlay", margin=dict(l=20))
    check = world_check(tables["world_trade"], year)
    world_, bilateral = w[w["group"] == "world"], w[w["group"] == "bilateral"]
    alt = join_sentences(lang, [
        "" if bilateral.empty else tr(lang, "alt.world_bilateral", year=str(year),
                                      change=pct(bilateral["change_pct"].iloc[0], lang)),
        "" if world_.empty else tr(lang, "alt.world", low=pct(world_["change_pct"].min(), lang),
                                   high=pct(world_["change_pct"].max(), lang)),
        editorial_note(check, "", lang) or ""]) or tr(lang, "alt.none")

    def rows() -> pd.DataFrame:
        out = w[["label", "basis", "change_pct", "organisation", "published", "editorial",
                 "source_id"]].rename(columns={"change_pct": "change_pct_percent"})
        return out.assign(label=out["label"].map(plain_label))  # a CSV carries no HTML tags

    return WorldChart("world-comparison", title, fig.figure(), rows,
                      f"world-trade-vs-china-kazakhstan-{year}", source, check, alt=alt,
                      lang=lang)


def plain_label(label: str) -> str:
    """'<b>World, per the editorial</b><br>no source named' -> 'World, per the editorial:
    no source named': the on-chart label as plain text."""
    first, _, rest = str(label).partition("<br>")
    first, rest = (re.sub(r"<[^>]+>", "", x).strip() for x in (first, rest))
    return f"{first}: {rest}" if rest else first


def editorial_note(check: WorldCheck, editorial_published: str, lang: str = "en") -> str | None:
    """Where the editorial's world figure comes from, dated; signs only on numbers."""
    e, first, latest = check.editorial, check.first_volume, check.latest_volume
    if e is None or first is None:
        return None
    matching = [r for r in check.volume if round(r.change_pct, 1) == round(e.change_pct, 1)]
    parts = [tr(lang, "world.note.no_source", value=pct(e.change_pct, lang))]
    if matching:
        m = matching[-1]
        after = bool(editorial_published) and m.published > editorial_published
        parts.append(tr(lang, "world.note.matches_after" if after else "world.note.matches",
                        organisation=data_label(lang, "organisation", m.organisation),
                        value=pct(m.change_pct, lang), date=dated(m.published, lang),
                        editorial_date=dated(editorial_published, lang)))
    if latest is not None and first is not latest and (not matching or matching[-1] != first):
        parts.append(tr(lang, "world.note.first", value=pct(first.change_pct, lang),
                        date=dated(first.published, lang)))
    return join_sentences(lang, parts)


def value_range(check: WorldCheck) -> tuple[float, float] | None:
    """The smallest and largest fall among the value measures, for the prose."""
    falls = [r.change_pct for r in check.value_falls]
    return (max(falls), min(falls)) if falls else None


def china_trade(tables: Tables, o: Options) -> Chart:
    lang = o.lang
    w = tables["world_trade"]
    c = w[w["economy"] == "China"].sort_values("year")
    years = c["year"].astype(int)
    if len(set(years)) > 1:
        title = tr(lang, "chart.china.title",
                   years=fmt_list([str(years.min()), str(years.max())], lang=lang))
    else:
        title = tr(lang, "chart.china.title_one", year=str(years.min()))
    subtitle = tr(lang, "chart.china.subtitle")
    source = source_line(c["source_id"], tables["sources"],
                         lead=tr(lang, "source.lead.china_customs"), lang=lang)
    changes = [pct(v, lang) for v in c["change_pct"]]
    fig = theme.Draft()
    fig.add_trace(dict(
        type="bar", x=years.astype(str).tolist(), y=c["change_pct"].astype(float).tolist(),
        marker=dict(color=[theme.COUNTRY_COLOURS["CHN"]] * len(c)),
        text=[v + "<br>" + (tr(lang, "chart.level_to", value=fmt_tn(lvl, lang=lang))
                            if pd.notna(lvl) else tr(lang, "chart.level_missing"))
              for v, lvl in zip(changes, c["value_usd"], strict=True)],
        textposition="outside", cliponaxis=False, name=tr(lang, "legend.china_total"),
        customdata=[point(lang, y, v, tr(lang, "hover.source", source=sid)) for y, v, sid in zip(
            years, changes, c["source_id"], strict=True)],
        hovertemplate=HOVER_PLAIN))
    change_axes(fig, title=title, subtitle=subtitle, source=source, lang=lang)
    top = float(c["change_pct"].abs().max()) if not c.empty else 1
    fig.update_yaxes(range=[-top * 1.6, top * 1.6])
    fig.update_xaxes(type="category")
    fig.update_layout(height=520)
    alt = tr(lang, "alt.none") if c.empty else join_sentences(lang, [
        tr(lang, "alt.china", year=str(y), change=v) for y, v in zip(years, changes, strict=True)])

    def rows() -> pd.DataFrame:
        return pd.DataFrame({"year": years, "measure": c["measure"],
                             "change_pct_percent": c["change_pct"].astype(float),
                             "value_usd_tn": c["value_usd"].astype(float) / 1e12,
                             "source_id": c["source_id"]})

    return Chart("china-trade", title, fig.figure(), rows,
                 "china-total-foreign-trade-" + "-".join(map(str, sorted(set(years)))), source,
                 alt=alt, lang=lang)
