"""The shared kit every chart module builds with: the result type, options, series and frames.

A chart module owns its data selection, wording, traces and CSV columns; what they
all share (how a series with gaps is drawn, the source line, the axes of a
trade-over-time chart, hover text in the reader's language) lives here once.
Hover text is written here, not by plotly.js: it has no Kazakh locale, and a number
must read the same in a hover as on the page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import theme
from dashboard.core import prices as price_rules
from dashboard.core.projection_settings import Settings
from dashboard.data.loader import COUNTRY_NAMES, source_labels
from dashboard.text import formatting as f
from dashboard.text import names
from dashboard.text.i18n import tr
from dashboard.text.publishers import publisher_name
from dashboard.text.wording import pct
from dashboard.text.wrapping import wrap_html

Tables = dict[str, pd.DataFrame]
WHO_KEYS = {"CHN": "who.chn", "KAZ": "who.kaz"}
HOVER = "%{customdata}<extra>%{fullData.name}</extra>"  # customdata: text written here
HOVER_PLAIN = "%{customdata}<extra></extra>"
_wrapped = lru_cache(maxsize=1024)(wrap_html)  # a rerun draws the same source lines again


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
    prices: str = "current"  # or "constant": dollars of ``base_year`` by ``deflator``
    base_year: int | None = None  # None: the deflator's latest full year
    deflator: str = price_rules.DEFAULT_DEFLATOR  # "cpi-u" or "gdp"

    def __post_init__(self) -> None:
        """A bad prices choice is a one-line UserError here, not a chart drawn wrong."""
        price_rules.check_prices(self.prices, self.lang)
        price_rules.check_deflator(self.deflator, self.lang)
        if self.base_year is not None:  # "2020" from a link or a script is the year 2020
            object.__setattr__(self, "base_year", price_rules.check_year(self.base_year, self.lang))


@dataclass(frozen=True)
class Chart:
    """A built chart: the figure, its plotted rows (for CSV) and how to name and cite it.

    ``rows`` builds the plotted table on first use only: most page views never export.
    ``alt`` is the chart's takeaway in one or two sentences computed from the data, for
    screen readers and captions; ``lang`` is the language its words are in. Both are
    keyword-only, so the result types that extend this one keep their positional fields.
    """

    name: str
    title: str
    figure: go.Figure
    rows: Callable[[], pd.DataFrame]
    stem: str
    source: str
    alt: str = field(kw_only=True)
    lang: str = field(default="en", kw_only=True)

    @cached_property
    def data(self) -> pd.DataFrame:
        return self.rows().reset_index(drop=True)


def country(code: str, lang: str = "en") -> str:
    """A country's name: the data's English name, or CLDR's in the reader's language."""
    return COUNTRY_NAMES.get(code, code) if lang == "en" else names.country_name(code, lang)


def who(reporter: str, lang: str = "en") -> str:
    """Whose statistics a reporter's figures are, in the words the pages use."""
    key = WHO_KEYS.get(reporter)
    return tr(lang, key) if key else tr(lang, "who.generic", country=country(reporter, lang))


def pair_slug(o: Options) -> str:
    """File names stay English in every language: a link or script never breaks on them."""
    return f"{country(o.reporter)}-{country(o.partner)}".lower().replace(" ", "-")


def labelled(s: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The rows with a 'Publisher (date)' label for each source id, for hovers and CSVs."""
    s = s.copy()
    s["source_label"] = source_labels(s["source_id"], sources)
    return s


def is_user_data(source_ids: pd.Series) -> bool:
    """Uploaded rows carry source ids starting with 'U' (see importing.py)."""
    return bool(source_ids.astype(str).str.startswith("U").any())


def _user_file(sources: pd.DataFrame, source_id: str, lang: str) -> str | None:
    """'your uploaded file “name.csv”' for an upload's source id (its title is the file name,
    kept to plain characters by the importer), else None."""
    if not source_id.startswith("U") or "title" not in sources.columns:
        return None
    hit = sources.loc[sources["source_id"] == source_id, "title"]
    if hit.empty or pd.isna(hit.iloc[0]):
        return None
    return tr(lang, "source.user_file", file=str(hit.iloc[0]))


def user_who(reporter: str, source_ids: Iterable[str], lang: str = "en") -> str:
    """``who`` of the reporter, said to include the user's upload where any id is one."""
    name = who(reporter, lang)
    return tr(lang, "who.user_suffix", who=name) if is_user_data(
        pd.Series([str(i) for i in source_ids], dtype="string")) else name


def source_line(source_ids: Iterable[str], sources: pd.DataFrame, lead: str | None = None,
                lang: str = "en", width: int = theme.SOURCE_COLUMNS) -> str:
    """'<lead> <publishers> (S01, S02)' wrapped to fit under a 1200 px chart (publishers' own
    names unless ``publishers`` has one; charts with long labels on the left pass less width)."""
    ids = list(dict.fromkeys(str(i) for i in source_ids if pd.notna(i)))
    publisher = dict(zip(sources["source_id"], sources["publisher"], strict=True))
    pubs = list(dict.fromkeys(_user_file(sources, sid, lang)
                              or publisher_name(publisher.get(sid, sid), lang) for sid in ids))
    text = tr(lang, "source.line", lead=lead or tr(lang, "source.lead.sources"),
              publishers=tr(lang, "common.item_separator").join(pubs), ids=", ".join(ids))
    return _wrapped(text, width)


def reporter_source(tables: Tables, ids: Iterable[str], reporter: str, lang: str = "en") -> str:
    return source_line(ids, tables["sources"],
                       lead=tr(lang, "source.lead.reporter", who=who(reporter, lang)), lang=lang)


def money(values: Iterable[float], lang: str = "en") -> list[float]:
    """Dollars in the language's axis unit: billions, or 亿 (10^8) in Chinese."""
    unit = f.money_unit(lang)
    return [float(v) / unit for v in values]


def point(lang: str, x: object, value: str, *lines: str) -> str:
    """Hover text of one point: '<b>2017</b>: $30 bn' ('<b>2017年</b>：300亿美元'), more lines."""
    return "<br>".join([tr(lang, "hover.point", x=str(x), value=value),
                        *(line for line in lines if line)])


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


def add_series(fig: theme.Draft, s: pd.DataFrame, *, name: str, colour: str,
               dash: str = "solid", symbol: str = "circle", bridge: bool = True,
               lang: str = "en") -> None:
    """A series as a gapped line plus a dotted, labelled bridge over missing years.

    ``s`` needs year, value_usd, approximate and source_label columns.
    """
    if s.empty:
        return
    years = s["year"].astype(int).tolist()
    values = money(s["value_usd"], lang)
    xs, ys = gapped(years, values)
    if bridge and len(xs) != len(years):
        fig.add_trace(dict(type="scatter", x=years, y=values, mode="lines",
                           name=tr(lang, "legend.bridge"),
                           line=dict(color=colour, dash="dot", width=1.2), opacity=0.55,
                           hoverinfo="skip", legendgroup=name))
    fig.add_trace(dict(type="scatter", x=xs, y=ys, mode="lines", name=name, connectgaps=False,
                       line=dict(color=colour, width=2.6, dash=dash), hoverinfo="skip",
                       legendgroup=name, showlegend=False))
    approx = s["approximate"].fillna(False).astype(bool).tolist()
    extra = s["hover_extra"].tolist() if "hover_extra" in s else [""] * len(s)  # e.g. prices
    custom = [point(lang, y, f.fmt_bn(v, lang=lang), tr(lang, "hover.approximate") if a else "",
                    tr(lang, "hover.source", source=label), more)
              for y, v, label, a, more in zip(years, s["value_usd"].astype(float),
                                              s["source_label"].tolist(), approx, extra,
                                              strict=True)]
    fig.add_trace(dict(type="scatter", x=years, y=values, mode="markers", name=name,
                       legendgroup=name,
                       marker=dict(color=colour, size=9, line=dict(color=colour, width=2),
                                   symbol=[f"{symbol}-open" if a else symbol for a in approx]),
                       customdata=custom, hovertemplate=HOVER))


def trade_axes(fig: theme.Draft, *, title: str, subtitle: str, source: str, log: bool,
               lang: str = "en", y_title: Callable[[str], str] = str, x: str = "year") -> None:
    """Year (or ``x``: 'month') on x, money on y (linear or log): the frame of every trade-over-
    time chart. ``y_title`` adds to the axis title (which prices: ``pricing.axis``)."""
    theme.apply(fig, title=title, subtitle=subtitle, source=source,
                x_title=tr(lang, f"axis.{x}"),
                y_title=y_title(tr(lang, "axis.trade_bn_log" if log else "axis.trade_bn")),
                lang=lang)
    theme.usd_bn_axis(fig, log=log, lang=lang)


def change_axes(fig: theme.Draft, *, title: str, subtitle: str, source: str,
                lang: str = "en") -> None:
    """Year on x, percent change on y: the frame of every growth-rate chart."""
    theme.apply(fig, title=title, subtitle=subtitle, source=source,
                x_title=tr(lang, "axis.year"), y_title=tr(lang, "axis.change_pct"), lang=lang)
    theme.percent_axis(fig, lang=lang, zeroline=True)


def flag_ring(fig: theme.Draft, xs: list, ys: list, hover: list[str], lang: str = "en") -> None:
    """A ring around each flagged point (flags.py), its reason in the hover: one legend
    entry per figure however many series carry flags."""
    if not xs:
        return
    shown = any(t.get("legendgroup") == "flagged" for t in fig.data)
    fig.add_trace(dict(
        type="scatter", mode="markers", x=xs, y=ys, name=tr(lang, "legend.flagged"),
        legendgroup="flagged", showlegend=not shown,
        marker=dict(symbol="circle-open", size=18, color=theme.FLAG,
                    line=dict(color=theme.FLAG, width=2.5)),
        customdata=hover, hovertemplate=HOVER_PLAIN))


def change_bars(fig: theme.Draft, years: list[int], changes: list[float], why: list[str],
                colour: str, lang: str = "en") -> None:
    """Computed changes (percent) as bars; those resting on a flagged reading (``why``, its
    reasons; '' for none) hatched and outlined in their own legend entry, the reason in the
    hover. No text on the bars: a few labels go beside them (``change_labels``)."""
    for flagged in (False, True):
        pick = [i for i, w in enumerate(why) if bool(w) == flagged]
        if not pick:
            continue
        text = [pct(changes[i], lang) for i in pick]
        fig.add_trace(dict(
            type="bar", x=[years[i] for i in pick], y=[changes[i] for i in pick],
            name=tr(lang, "legend.computed_flagged" if flagged else "legend.computed"),
            marker=theme.flagged_marker(colour) if flagged else dict(color=colour),
            customdata=[point(lang, years[i], tr(lang, "hover.computed", value=t), why[i])
                        for i, t in zip(pick, text, strict=True)],
            hovertemplate=HOVER_PLAIN))
