"""The world page: bilateral growth beside every world measure, and China's total trade."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .. import theme
from ..analysis import yoy_growth
from ..data import series
from ..formatting import fmt_pct, fmt_tn
from ..verdicts import WorldCheck, world_check
from .kit import Chart, Options, Tables, change_axes, source_line

SHORT = ((" trade in US dollars", ""), ("Merchandise", "goods"), ("Goods", "goods"),
         ("commercial services", "services"), ("Commercial services", "services"),
         (" trade", ""), (" (value)", ", value"))
BASIS_STYLE = {  # basis: (colour, pattern, legend)
    "value": (theme.VALUE_COLOUR, "", "Value (current US$)"),
    "volume": (theme.VOLUME_COLOUR, "/", "Volume (price-adjusted)"),
    "unspecified": (theme.UNSPECIFIED_COLOUR, "", "Not stated (the editorial)"),
}


def _short(measure: str) -> str:
    """'Merchandise trade volume, revised' -> 'goods volume, revised': labels that fit a phone."""
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


def world_rows(tables: Tables, year: int) -> pd.DataFrame:
    """Every growth figure for one year on one scale: bilateral trade beside world measures."""
    g = yoy_growth(series(tables["bilateral_trade"], "CHN", "KAZ")).set_index("year")
    rows = []
    if year in g.index:
        sid = str(g.loc[year, "source_id"])
        rep, comp = g.loc[year, "reported_change_pct"], g.loc[year, "computed_change_pct"]
        if pd.notna(rep):
            rows.append(dict(label="<b>China–Kazakhstan</b><br>as reported (the editorial)",
                             change_pct=float(rep), basis="value", group="bilateral",
                             organisation="China's customs (via news reports)", published="",
                             source_id=sid, editorial=True))
        if pd.notna(comp):
            rows.append(dict(label=f"<b>China–Kazakhstan</b><br>computed {year - 1}→{year}",
                             change_pct=float(comp), basis="value", group="bilateral",
                             organisation="computed from China's totals", published="",
                             source_id=sid, editorial=False))
    w = tables["world_trade"]
    for r in w[(w["year"] == year) & (w["economy"] == "World")].itertuples():
        editorial = r.basis == "unspecified"
        label = ("<b>World, per the editorial</b><br>no source named" if editorial else
                 f"{r.organisation}: {_short(str(r.measure))}<br>published {r.published}")
        rows.append(dict(label=label, change_pct=float(r.change_pct), basis=str(r.basis),
                         group="world", organisation=str(r.organisation),
                         published=str(r.published), source_id=str(r.source_id),
                         editorial=editorial))
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class WorldChart(Chart):
    check: WorldCheck


def world(tables: Tables, o: Options) -> WorldChart:
    year = comparison_year(tables)
    w = world_rows(tables, year)
    title = f"{year}: bilateral trade beside world trade"
    subtitle = (f"Change on {year - 1} by measure. Hatched = volume (price-adjusted); plain = "
                "value (current US$); outlined = the editorial's figures")
    source = source_line(w["source_id"], tables["sources"], lead="Sources:")
    fig = theme.Draft()
    shown = w.iloc[::-1]  # first row on top
    for basis, (colour, pattern, legend) in BASIS_STYLE.items():
        d = shown[shown["basis"] == basis]
        if d.empty:
            continue
        fig.add_trace(dict(
            type="bar", y=d["label"].tolist(), x=d["change_pct"].astype(float).tolist(),
            orientation="h", name=legend,
            marker=dict(
                color=[theme.COUNTRY_COLOURS["CHN"] if grp == "bilateral" else colour
                       for grp in d["group"]],
                pattern=dict(shape=[pattern] * len(d)),
                line=dict(color=[theme.HIGHLIGHT if e else "rgba(0,0,0,0)" for e in d["editorial"]],
                          width=[3 if e else 0 for e in d["editorial"]])),
            text=[fmt_pct(v, is_fraction=False) if v >= 0 else "" for v in d["change_pct"]],
            textposition="outside", cliponaxis=False,
            customdata=d[["organisation", "source_id"]].values.tolist(),
            hovertemplate="%{y}: <b>%{x:+.1f}%</b><br>%{customdata[0]} (%{customdata[1]})"
                          "<extra></extra>"))
    falls = shown[shown["change_pct"] < 0]
    if not falls.empty:  # falls are labelled right of zero: never over the row labels on a phone
        fig.add_trace(dict(
            type="scatter", mode="text", x=[0.0] * len(falls), y=falls["label"].tolist(),
            text=[fmt_pct(v, is_fraction=False) for v in falls["change_pct"]],
            textposition="middle right", showlegend=False, hoverinfo="skip",
            name="Value labels", textfont=dict(color=theme.HIGHLIGHT)))
    theme.apply(fig, title=title, subtitle=subtitle, source=source,
                x_title="Change on previous year, %", y_title=None)
    lo, hi = min(0.0, float(w["change_pct"].min())), float(w["change_pct"].max())
    fig.update_xaxes(ticksuffix="%", zeroline=True, zerolinewidth=2,
                     range=[lo - 0.25 * (hi - lo), hi + 0.3 * (hi - lo)])
    fig.update_layout(barmode="overlay", height=640, margin=dict(l=20))

    def rows() -> pd.DataFrame:
        return w[["label", "basis", "change_pct", "organisation", "published", "editorial",
                  "source_id"]].rename(columns={"change_pct": "change_pct_percent"})

    return WorldChart("world-comparison", title, fig.figure(), rows,
                      f"world-trade-vs-china-kazakhstan-{year}", source,
                      world_check(tables["world_trade"], year))


def editorial_note(check: WorldCheck, editorial_published: str) -> str | None:
    """Where the editorial's world figure comes from, dated; signs only on numbers."""
    e, first, latest = check.editorial, check.first_volume, check.latest_volume
    if e is None or first is None:
        return None
    pct = lambda v: fmt_pct(v, is_fraction=False)  # noqa: E731
    matching = [r for r in check.volume if round(r.change_pct, 1) == round(e.change_pct, 1)]
    text = f"The editorial's {pct(e.change_pct)} names no source."
    if matching:
        m = matching[-1]
        after = m.published > editorial_published
        text += (f" It matches {m.organisation}'s goods volume figure {pct(m.change_pct)} "
                 f"published {m.published}" + (", after the editorial "
                                               f"({editorial_published})." if after else "."))
    if latest is not None and first is not latest and (not matching or matching[-1] != first):
        text += (f" The figure available first was {pct(first.change_pct)} "
                 f"({first.published}).")
    return text


def value_range(check: WorldCheck) -> tuple[float, float] | None:
    """The smallest and largest fall among the value measures, for the prose."""
    falls = [r.change_pct for r in check.value_falls]
    return (max(falls), min(falls)) if falls else None


def china_trade(tables: Tables, o: Options) -> Chart:
    w = tables["world_trade"]
    c = w[w["economy"] == "China"].sort_values("year")
    years = c["year"].astype(int)
    span = f"{years.min()} and {years.max()}" if len(set(years)) > 1 else f"{years.min()}"
    title = f"Context: China's total foreign trade, {span}"
    subtitle = "Change on the previous year, in US dollars (value)"
    source = source_line(c["source_id"], tables["sources"],
                         lead="Source: China's customs (GACC), as reported by")
    fig = theme.Draft()
    fig.add_trace(dict(
        type="bar", x=years.astype(str).tolist(), y=c["change_pct"].astype(float).tolist(),
        marker=dict(color=[theme.COUNTRY_COLOURS["CHN"]] * len(c)),
        text=[fmt_pct(v, is_fraction=False)
              + (f"<br>to {fmt_tn(lvl)}" if pd.notna(lvl) else "<br>(level not given)")
              for v, lvl in zip(c["change_pct"], c["value_usd"], strict=True)],
        textposition="outside", cliponaxis=False, name="China's total foreign trade",
        customdata=c["source_id"].tolist(),
        hovertemplate="<b>%{x}</b>: %{y:+.1f}%<br>Source: %{customdata}<extra></extra>"))
    change_axes(fig, title=title, subtitle=subtitle, source=source)
    top = float(c["change_pct"].abs().max()) if not c.empty else 1
    fig.update_yaxes(range=[-top * 1.6, top * 1.6])
    fig.update_xaxes(type="category")
    fig.update_layout(height=520)

    def rows() -> pd.DataFrame:
        return pd.DataFrame({"year": years, "measure": c["measure"],
                             "change_pct_percent": c["change_pct"].astype(float),
                             "value_usd_tn": c["value_usd"].astype(float) / 1e12,
                             "source_id": c["source_id"]})

    return Chart("china-trade", title, fig.figure(), rows,
                 "china-total-foreign-trade-" + "-".join(map(str, sorted(set(years)))), source)
