"""The shared kit every chart module builds with: the result type, options, series and frames.

A chart module owns its data selection, wording, traces and CSV columns; what they
all share (how a series with gaps is drawn, the source line, the axes of a
trade-over-time chart) lives here once.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

import pandas as pd
import plotly.graph_objects as go

from .. import theme
from ..data import COUNTRY_NAMES, source_labels
from ..i18n import tr
from ..settings import Settings
from ..wrapping import wrap_html

Tables = dict[str, pd.DataFrame]
REPORTER_LABEL = {"CHN": "China's customs (GACC)", "KAZ": "Kazakhstan's statistics"}
APPROXIMATE = "approximate figure"


@dataclass(frozen=True)
class Options:
    """What the user chose: the same options drive the page and the export."""

    reporter: str = "CHN"
    partner: str = "KAZ"
    start: int | None = None
    end: int | None = None
    log: bool = False
    projection: Settings | None = None
    lang: str = "en"  # the reader's language: words, number formats, country names


@dataclass(frozen=True)
class Chart:
    """A built chart: the figure, its plotted rows (for CSV) and how to name and cite it.

    ``rows`` builds the plotted table on first use only: most page views never export.
    """

    name: str
    title: str
    figure: go.Figure
    rows: Callable[[], pd.DataFrame]
    stem: str
    source: str

    @cached_property
    def data(self) -> pd.DataFrame:
        return self.rows().reset_index(drop=True)


def country(code: str) -> str:
    return COUNTRY_NAMES.get(code, code)


def who(reporter: str) -> str:
    """Whose statistics a reporter's figures are, in the words the pages use."""
    return REPORTER_LABEL.get(reporter, f"{country(reporter)}'s statistics")


def pair_slug(o: Options) -> str:
    return f"{country(o.reporter)}-{country(o.partner)}".lower().replace(" ", "-")


def labelled(s: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The rows with a 'Publisher (date)' label for each source id, for hovers and CSVs."""
    s = s.copy()
    s["source_label"] = source_labels(s["source_id"], sources)
    return s


def is_user_data(source_ids: pd.Series) -> bool:
    """Uploaded rows carry source ids starting with 'U' (see importing.py)."""
    return bool(source_ids.astype(str).str.startswith("U").any())


def source_line(source_ids: Iterable[str], sources: pd.DataFrame, lead: str = "Sources:",
                lang: str = "en") -> str:
    """'<lead> <publishers> (S01, S02)' wrapped to fit under a 1200 px chart."""
    ids = list(dict.fromkeys(str(i) for i in source_ids if pd.notna(i)))
    publisher = dict(zip(sources["source_id"], sources["publisher"], strict=True))
    pubs = list(dict.fromkeys(str(publisher.get(sid, sid)) for sid in ids))
    if lang != "en":  # the catalogue's sentence, wrapped by display width (Chinese too)
        return wrap_html(tr(lang, "source.line", lead=lead, ids=", ".join(ids),
                            publishers=tr(lang, "common.item_separator").join(pubs)), 125)
    text = (f"{lead} {'; '.join(pubs)} ({', '.join(ids)}). "
            "Compiled in the China–Kazakhstan trade dashboard.")
    return "<br>".join(textwrap.wrap(text, 125))


def reporter_source(tables: Tables, ids: Iterable[str], reporter: str) -> str:
    return source_line(ids, tables["sources"], lead=f"Source: {who(reporter)}, as reported by")


def bn(values: pd.Series) -> list[float]:
    return (values.astype(float) / 1e9).tolist()


def gapped(years: Sequence[int], values: Sequence[float]) -> tuple[list, list]:
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


HOVER_SERIES = ("<b>%{x}</b>: $%{y:,.3~f} bn<br>%{customdata[1]}"
                "<br>Source: %{customdata[0]}<extra>%{fullData.name}</extra>")
HOVER_BAR = "<b>%{x}</b>: $%{y:,.3~f} bn<br>Source: %{customdata}<extra>%{fullData.name}</extra>"


def add_series(fig: theme.Draft, s: pd.DataFrame, *, name: str, colour: str,
               dash: str = "solid", symbol: str = "circle", bridge: bool = True) -> None:
    """A series as a gapped line plus a dotted, labelled bridge over missing years.

    ``s`` needs year, value_usd, approximate and source_label columns.
    """
    if s.empty:
        return
    years = s["year"].astype(int).tolist()
    values = bn(s["value_usd"])
    xs, ys = gapped(years, values)
    if bridge and len(xs) != len(years):
        fig.add_trace(dict(type="scatter", x=years, y=values, mode="lines",
                           name="Dotted: years without a figure (not data)",
                           line=dict(color=colour, dash="dot", width=1.2), opacity=0.55,
                           hoverinfo="skip", legendgroup=name))
    fig.add_trace(dict(type="scatter", x=xs, y=ys, mode="lines", name=name, connectgaps=False,
                       line=dict(color=colour, width=2.6, dash=dash), hoverinfo="skip",
                       legendgroup=name, showlegend=False))
    approx = s["approximate"].fillna(False).astype(bool).tolist()
    custom = [[label, APPROXIMATE if a else ""]
              for label, a in zip(s["source_label"].tolist(), approx, strict=True)]
    fig.add_trace(dict(type="scatter", x=years, y=values, mode="markers", name=name,
                       legendgroup=name,
                       marker=dict(color=colour, size=9, line=dict(color=colour, width=2),
                                   symbol=[f"{symbol}-open" if a else symbol for a in approx]),
                       customdata=custom, hovertemplate=HOVER_SERIES))


def trade_axes(fig: theme.Draft, *, title: str, subtitle: str, source: str, log: bool) -> None:
    """Year on x, US$ bn on y (linear or log): the frame of every trade-over-time chart."""
    theme.apply(fig, title=title, subtitle=subtitle, source=source, x_title="Year",
                y_title="Trade, US$ bn (current dollars)" + (", log scale" if log else ""))
    theme.usd_bn_axis(fig, log=log)


def change_axes(fig: theme.Draft, *, title: str, subtitle: str, source: str) -> None:
    """Year on x, percent change on y: the frame of every growth-rate chart."""
    theme.apply(fig, title=title, subtitle=subtitle, source=source, x_title="Year",
                y_title="Change on previous year, %")
    fig.update_yaxes(ticksuffix="%", zeroline=True)


def x_span(fig: theme.Draft) -> int:
    xs = [x for tr in fig.data for x in (tr.get("x") or []) if x is not None]
    return (max(xs) - min(xs)) if xs else 0
