"""Chart builders: prepared DataFrames in, styled Plotly figures out.

No Streamlit here, so the same function draws the chart on screen, in the
export CLI and in tests. Values are plotted in US$ bn; missing years stay gaps
(a dotted, labelled bridge at most), approximate figures are hollow markers.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence

import pandas as pd
import plotly.graph_objects as go

from . import theme
from .analysis import TargetStatus

_BAR_HOVER = "<b>%{x}</b>: $%{y:,.3~f} bn<br>Source: %{customdata}<extra>%{fullData.name}</extra>"
_HOVER_OTHER = "<b>%{x}</b>: $%{y:,.3~f} bn (other reading)<br>Source: %{customdata}<extra></extra>"
REPORTER_LABEL = {"CHN": "China's customs (GACC)", "KAZ": "Kazakhstan's statistics"}


def source_line(source_ids: Iterable[str], sources: pd.DataFrame, lead: str = "Sources:") -> str:
    """'<lead> <publishers> (S01, S02)' wrapped to fit under a 1200 px chart."""
    ids = list(dict.fromkeys(str(i) for i in source_ids if pd.notna(i)))
    publisher = dict(zip(sources["source_id"], sources["publisher"], strict=True))
    pubs = list(dict.fromkeys(str(publisher.get(sid, sid)) for sid in ids))
    text = (
        f"{lead} {'; '.join(pubs)} ({', '.join(ids)}). "
        "Compiled in the China–Kazakhstan trade dashboard."
    )
    return "<br>".join(textwrap.wrap(text, 125))


def _gapped(years: Sequence[int], values: Sequence[float]) -> tuple[list, list]:
    """Insert a None between non-consecutive years so the line does not bridge a gap."""
    xs, ys = [], []
    prev = None
    for x, y in zip(years, values, strict=True):
        if prev is not None and x - prev > 1:
            xs.append(prev + 1)
            ys.append(None)
        xs.append(int(x))
        ys.append(float(y))
        prev = x
    return xs, ys


def _hover(unit: str = "bn") -> str:
    return (
        "<b>%{x}</b>: $%{y:,.3~f} " + unit + "<br>%{customdata[1]}"
        "<br>Source: %{customdata[0]}<extra>%{fullData.name}</extra>"
    )


def add_series(
    fig: theme.Draft,
    s: pd.DataFrame,
    *,
    name: str,
    colour: str,
    dash: str = "solid",
    bridge: bool = True,
) -> None:
    """A series as a gapped line plus a dotted, labelled bridge over missing years."""
    if s.empty:
        return
    years = s["year"].astype(int).tolist()
    bn = (s["value_usd"].astype(float) / 1e9).tolist()
    xs, ys = _gapped(years, bn)
    if bridge and len(xs) != len(years):
        fig.add_trace(
            dict(
                type="scatter",
                x=years,
                y=bn,
                mode="lines",
                name="Dotted: years without a figure (not data)",
                line=dict(color=colour, dash="dot", width=1.2),
                opacity=0.55,
                hoverinfo="skip",
                legendgroup=name,
            )
        )
    fig.add_trace(
        dict(
            type="scatter",
            x=xs,
            y=ys,
            mode="lines",
            name=name,
            connectgaps=False,
            line=dict(color=colour, width=2.6, dash=dash),
            hoverinfo="skip",
            legendgroup=name,
            showlegend=False,
        )
    )
    approx = s["approximate"].fillna(False).astype(bool).tolist()
    custom = list(
        zip(
            s["source_label"].tolist(),
            ["approximate figure" if a else "" for a in approx],
            strict=True,
        )
    )
    fig.add_trace(
        dict(
            type="scatter",
            x=years,
            y=bn,
            mode="markers",
            name=name,
            legendgroup=name,
            marker=dict(
                color=colour,
                size=9,
                line=dict(color=colour, width=2),
                symbol=["circle-open" if a else "circle" for a in approx],
            ),
            customdata=custom,
            hovertemplate=_hover(),
        )
    )


def _trade_axes(fig: theme.Draft, *, title: str, subtitle: str, source: str, log: bool) -> None:
    """Year on x, US$ bn on y (linear or log): the frame of every trade-over-time chart."""
    theme.apply(fig, title=title, subtitle=subtitle, source=source, x_title="Year",
                y_title="Trade, US$ bn (current dollars)" + (", log scale" if log else ""))
    theme.usd_bn_axis(fig, log=log)


def _change_axes(fig: theme.Draft, *, title: str, subtitle: str, source: str) -> None:
    """Year on x, percent change on y: the frame of every growth-rate chart."""
    theme.apply(fig, title=title, subtitle=subtitle, source=source, x_title="Year",
                y_title="Change on previous year, %")
    fig.update_yaxes(ticksuffix="%", zeroline=True)


def growth_chart(
    series_list: Sequence[tuple[str, pd.DataFrame, str]],
    *,
    log: bool = False,
    targets: Sequence[TargetStatus] = (),
    others: pd.DataFrame | None = None,
    title: str,
    subtitle: str,
    source: str,
) -> go.Figure:
    """Trade over time; targets at their deadline (met/missed); other readings beside."""
    fig = theme.Draft()
    for name, s, colour in series_list:
        add_series(fig, s, name=name, colour=colour)
    if others is not None and not others.empty:
        fig.add_trace(dict(
            type="scatter", x=others["year"].astype(int).tolist(),
            y=(others["value_usd"].astype(float) / 1e9).tolist(), mode="markers",
            name="Another source's reading of the same year",
            marker=dict(symbol="line-ew-open", size=16, color=theme.NEUTRAL,
                        line=dict(color=theme.NEUTRAL, width=2)),
            customdata=others["source_label"].tolist(),
            hovertemplate=_HOVER_OTHER))
    colours = {
        "met": theme.MET,
        "missed": theme.MISSED,
        "unknown": theme.UNKNOWN,
        "open": theme.NEUTRAL,
    }
    symbols = {"met": "star", "missed": "x", "unknown": "diamond-open", "open": "diamond-open"}
    for status in ("met", "missed", "unknown"):
        ts = [t for t in targets if t.status == status and t.deadline_year is not None]
        if not ts:
            continue
        fig.add_trace(
            dict(
                type="scatter",
                x=[t.deadline_year for t in ts],
                y=[t.value_usd / 1e9 for t in ts],
                mode="markers+text",
                text=[t.label for t in ts],
                textposition="middle left",
                textfont=dict(size=11, color=colours[status]),
                name=f"Target {status}"
                if status != "unknown"
                else "Target: no figure for deadline",
                marker=dict(
                    symbol=symbols[status],
                    size=15,
                    color=colours[status],
                    line=dict(color=colours[status], width=2),
                ),
                customdata=[[t.label, t.detail] for t in ts],
                hovertemplate="<b>Target %{customdata[0]}</b><br>%{customdata[1]}<extra></extra>",
            )
        )
    _trade_axes(fig, title=title, subtitle=subtitle, source=source, log=log)
    fig.update_xaxes(dtick=2 if _span(fig) <= 16 else 5)
    return fig.figure()


def _span(fig: theme.Draft) -> int:
    xs = [x for tr in fig.data for x in (tr.get("x") or []) if x is not None]
    return (max(xs) - min(xs)) if xs else 0


def yoy_chart(g: pd.DataFrame, *, title: str, subtitle: str, source: str) -> go.Figure:
    """Computed growth bars (consecutive years only) and the growth each source reports."""
    fig = theme.Draft()
    comp = g.dropna(subset=["computed_change_pct"])
    fig.add_trace(
        dict(
            type="bar",
            x=comp["year"].tolist(),
            y=comp["computed_change_pct"].astype(float).tolist(),
            name="Computed from two consecutive years",
            marker=dict(color=theme.COUNTRY_COLOURS["CHN"]),
            text=[theme.fmt_pct(v, is_fraction=False) for v in comp["computed_change_pct"]],
            textposition="inside",
            insidetextanchor="start",
            textfont=dict(color="white"),
            hovertemplate="<b>%{x}</b>: %{y:+.1f}% (computed)<extra></extra>",
        )
    )
    rep = g.dropna(subset=["reported_change_pct"])
    fig.add_trace(
        dict(
            type="scatter",
            x=rep["year"].tolist(),
            y=rep["reported_change_pct"].astype(float).tolist(),
            mode="markers",
            name="As reported by the source",
            marker=dict(symbol="diamond", size=12, color=theme.HIGHLIGHT),
            customdata=rep["source_label"].tolist(),
            hovertemplate=(
                "<b>%{x}</b>: %{y:+.1f}% (reported)<br>Source: %{customdata}<extra></extra>"
            ),
        )
    )
    _change_axes(fig, title=title, subtitle=subtitle, source=source)
    fig.update_xaxes(dtick=1 if _span(fig) <= 12 else 2)
    return fig.figure()


def flows_chart(
    flows: pd.DataFrame, *, reporter: str, title: str, subtitle: str, source: str
) -> go.Figure:
    """Exports and imports (reporter's side) for the years a source splits the total."""
    fig = theme.Draft()
    partner_colour = {"export": theme.OKABE_ITO[3], "import": theme.OKABE_ITO[2]}
    for flow, label in (("export", "Exports"), ("import", "Imports")):
        d = flows[flows["flow"] == flow]
        fig.add_trace(
            dict(
                type="bar",
                x=d["year"].astype(int).astype(str).tolist(),
                y=(d["value_usd"] / 1e9).tolist(),
                name=f"{label} ({REPORTER_LABEL.get(reporter, reporter)} side)",
                marker=dict(color=partner_colour[flow]),
                text=[theme.fmt_bn(v) for v in d["value_usd"]],
                textposition="outside",
                cliponaxis=False,
                customdata=d["source_label"].tolist(),
                hovertemplate=_BAR_HOVER,
            )
        )
    theme.apply(
        fig,
        title=title,
        subtitle=subtitle,
        source=source,
        x_title="Year",
        y_title="US$ bn (current dollars)",
    )
    theme.usd_bn_axis(fig)
    fig.update_layout(barmode="group")
    fig.update_xaxes(type="category")
    return fig.figure()


def mirror_chart(
    m: pd.DataFrame, *, title: str, subtitle: str, source: str, a: str = "CHN", b: str = "KAZ"
) -> go.Figure:
    """Both countries' totals side by side, with the gap in percent above each pair."""
    fig = theme.Draft()
    for code in (a, b):
        lc = code.lower()
        fig.add_trace(
            dict(
                type="bar",
                x=m["year"].astype(str).tolist(),
                y=(m[f"value_usd_{lc}"] / 1e9).tolist(),
                name=f"Reported by {REPORTER_LABEL.get(code, code)}",
                marker=dict(
                    color=theme.COUNTRY_COLOURS.get(code, theme.USER_COLOUR),
                    pattern=dict(shape=["/" if ap else "" for ap in m[f"approximate_{lc}"]]),
                ),
                text=[theme.fmt_bn(v) for v in m[f"value_usd_{lc}"]],
                textposition="inside",
                customdata=m[f"source_label_{lc}"].tolist(),
                hovertemplate=_BAR_HOVER,
            )
        )
    top = (m[[f"value_usd_{a.lower()}", f"value_usd_{b.lower()}"]].max(axis=1) / 1e9).tolist()
    fig.add_trace(
        dict(
            type="scatter",
            x=m["year"].astype(str).tolist(),
            y=top,
            mode="text",
            name="Gap",
            text=[f"{a} +{p:.0f}%" if p >= 0 else f"{a} −{abs(p):.0f}%" for p in m["gap_pct"]],
            textposition="top center",
            textfont=dict(size=13, color=theme.HIGHLIGHT),
            showlegend=False,
            hoverinfo="skip",
        )
    )
    theme.apply(
        fig,
        title=title,
        subtitle=subtitle,
        source=source,
        x_title="Year",
        y_title="Total trade, US$ bn (current dollars)",
    )
    theme.usd_bn_axis(fig)
    fig.update_layout(barmode="group", bargap=0.25)
    fig.update_xaxes(type="category")
    fig.update_yaxes(range=[0, max(top) * 1.15 if top else 1])
    return fig.figure()


def world_chart(w: pd.DataFrame, *, title: str, subtitle: str, source: str) -> go.Figure:
    """Growth of bilateral trade beside world measures; volume and value told apart."""
    w = w.iloc[::-1]  # first row on top
    basis_colour = {
        "volume": theme.VOLUME_COLOUR,
        "value": theme.VALUE_COLOUR,
        "unspecified": theme.UNSPECIFIED_COLOUR,
    }
    basis_label = {
        "volume": "Volume (price-adjusted)",
        "value": "Value (current US$)",
        "unspecified": "Not stated (the editorial)",
    }
    fig = theme.Draft()
    for basis in ("value", "volume", "unspecified"):
        d = w[w["basis"] == basis]
        if d.empty:
            continue
        fig.add_trace(
            dict(
                type="bar",
                y=d["label"].tolist(),
                x=d["change_pct"].astype(float).tolist(),
                orientation="h",
                name=basis_label[basis],
                marker=dict(
                    color=[
                        theme.COUNTRY_COLOURS["CHN"] if grp == "bilateral" else basis_colour[basis]
                        for grp in d["group"]
                    ],
                    pattern=dict(shape=["/" if basis == "volume" else ""] * len(d)),
                    line=dict(
                        color=[theme.HIGHLIGHT if e else "rgba(0,0,0,0)" for e in d["editorial"]],
                        width=[3 if e else 0 for e in d["editorial"]],
                    ),
                ),
                text=[theme.fmt_pct(v, is_fraction=False) for v in d["change_pct"]],
                textposition="outside",
                cliponaxis=False,
                customdata=d[["organisation", "source_id"]].values.tolist(),
                hovertemplate=(
                    "%{y}: <b>%{x:+.1f}%</b><br>%{customdata[0]} (%{customdata[1]})<extra></extra>"
                ),
            )
        )
    theme.apply(
        fig,
        title=title,
        subtitle=subtitle,
        source=source,
        x_title="Change on previous year, %",
        y_title=None,
    )
    lo = min(0.0, float(w["change_pct"].min()))
    hi = float(w["change_pct"].max())
    fig.update_xaxes(
        ticksuffix="%",
        zeroline=True,
        zerolinewidth=2,
        range=[lo - 0.25 * (hi - lo), hi + 0.3 * (hi - lo)],
    )
    fig.update_layout(barmode="overlay", height=640, margin=dict(l=20))
    return fig.figure()


def china_trade_chart(c: pd.DataFrame, *, title: str, subtitle: str, source: str) -> go.Figure:
    """China's total foreign trade: change per year, with the level where one is given."""
    fig = theme.Draft()
    fig.add_trace(
        dict(
            type="bar",
            x=c["year"].astype(str).tolist(),
            y=c["change_pct"].astype(float).tolist(),
            marker=dict(color=[theme.COUNTRY_COLOURS["CHN"]] * len(c)),
            text=[
                theme.fmt_pct(v, is_fraction=False)
                + (f"<br>to ${lvl / 1e12:g} tn" if pd.notna(lvl) else "<br>(level not given)")
                for v, lvl in zip(c["change_pct"], c["value_usd"], strict=True)
            ],
            textposition="outside",
            cliponaxis=False,
            name="China's total foreign trade",
            customdata=c["source_id"].tolist(),
            hovertemplate="<b>%{x}</b>: %{y:+.1f}%<br>Source: %{customdata}<extra></extra>",
        )
    )
    _change_axes(fig, title=title, subtitle=subtitle, source=source)
    span = float(c["change_pct"].abs().max()) if not c.empty else 1
    fig.update_yaxes(range=[-span * 1.6, span * 1.6])
    fig.update_xaxes(type="category")
    fig.update_layout(height=520)
    return fig.figure()


def products_chart(p: pd.DataFrame, *, title: str, subtitle: str, source: str) -> go.Figure:
    """Named products only: the source does not break down the rest, so no 100 % is implied."""
    p = p.sort_values("value_usd")
    fig = theme.Draft()
    fig.add_trace(
        dict(
            type="bar",
            y=p["product"].tolist(),
            x=(p["value_usd"] / 1e9).tolist(),
            orientation="h",
            marker=dict(color=theme.COUNTRY_COLOURS["KAZ"]),
            name="Named items",
            text=[theme.fmt_bn(v) for v in p["value_usd"]],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: $%{x:,.3~f} bn<extra></extra>",
        )
    )
    theme.apply(
        fig,
        title=title,
        subtitle=subtitle,
        source=source,
        x_title="US$ bn (current dollars)",
        y_title=None,
    )
    fig.update_xaxes(
        tickprefix="$",
        ticksuffix=" bn",
        range=[0, float(p["value_usd"].max()) / 1e9 * 1.25 if not p.empty else 1],
    )
    return fig.figure()


def projection_chart(
    history: pd.DataFrame,
    paths: Sequence[dict],
    *,
    target_usd: float,
    target_label: str,
    actual_after: pd.DataFrame,
    deadline: int | None,
    title: str,
    subtitle: str,
    source: str,
    log: bool = False,
) -> go.Figure:
    """Actual history, projected paths, the target line and where each path crosses it."""
    fig = theme.Draft()
    add_series(fig, history, name="Actual (China's customs)", colour=theme.COUNTRY_COLOURS["CHN"])
    for p in paths:
        d = p["path"]
        fig.add_trace(
            dict(
                type="scatter",
                x=d["year"].tolist(),
                y=(d["value"] / 1e9).tolist(),
                mode="lines",
                name=p["label"],
                line=dict(
                    color=p["colour"],
                    width=3 if p.get("main") else 2,
                    dash="solid" if p.get("main") else "dash",
                ),
                hovertemplate="<b>%{x}</b>: $%{y:,.1f} bn<extra>%{fullData.name}</extra>",
            )
        )
        if p.get("reach_year") is not None:
            hit = d[d["year"] == p["reach_year"]]
            if not hit.empty:
                fig.add_trace(
                    dict(
                        type="scatter",
                        x=[p["reach_year"]],
                        y=[float(hit["value"].iloc[0]) / 1e9],
                        mode="markers",
                        marker=dict(
                            symbol="star",
                            size=16,
                            color=p["colour"],
                            line=dict(color="white", width=1),
                        ),
                        name=f"Reaches target in {p['reach_year']}",
                        showlegend=False,
                        hovertemplate=f"{p['label']}: reaches the target in %{{x}}<extra></extra>",
                    )
                )
    if not actual_after.empty:
        fig.add_trace(
            dict(
                type="scatter",
                x=actual_after["year"].astype(int).tolist(),
                y=(actual_after["value_usd"] / 1e9).tolist(),
                mode="markers+text",
                name="Actual after the base year",
                text=[theme.fmt_bn(v) for v in actual_after["value_usd"]],
                textposition="bottom right",
                marker=dict(symbol="square", size=11, color=theme.HIGHLIGHT),
                hovertemplate="<b>%{x}</b>: $%{y:,.2f} bn (actual)<extra></extra>",
            )
        )
    fig.add_hline(
        target_usd / 1e9,
        line=dict(color=theme.HIGHLIGHT, dash="dot", width=1.5),
        text=f"Target: {target_label}",
    )
    if deadline is not None:
        fig.add_vline(
            deadline,
            line=dict(color=theme.NEUTRAL, dash="dot", width=1),
            text=f"Deadline {deadline}",
        )
    _trade_axes(fig, title=title, subtitle=subtitle, source=source, log=log)
    # Keep the target in view: fast paths leave the frame rather than squash everything else.
    top = max([target_usd, *history["value_usd"].astype(float), *actual_after["value_usd"]]) / 1e9
    ends = [int(p["path"]["year"].max()) for p in paths] or [int(history["year"].max())]
    first = int(history["year"].max()) - 12 if not history.empty else min(ends) - 12
    fig.update_xaxes(range=[first - 0.5, max(ends) + 0.5])
    if not log:
        fig.update_yaxes(range=[0, top * 1.3])
    return fig.figure()
