"""Issue 23, charts drawn for a desk on a desk: the desk's drawing (``screen.DESK``, a 768 px
tablet and up) wraps titles, sources, legends, row labels and axis titles for its width and
keeps no height for a phone's legend; the phone's drawing (``PHONE``, the default) is the one
pinned in phone_drawings.json, made before the desk's existed, byte for byte."""

import json
from pathlib import Path

import plotly.graph_objects as go
import pytest

from dashboard import charts
from dashboard.charts import screen
from dashboard.charts.screen import DESK, PHONE, on_screen
from dashboard.text.wrapping import columns

PINNED = Path(__file__).resolve().parent / "phone_drawings.json"
LONG_TITLE = ("China–Kazakhstan trade in goods as each side reports it, with the editorial's "
              "figure and every target announced since 1992")
LONG_SOURCE = ("Sources: UN Comtrade Database (China's reporting, S76); UN Comtrade Database "
               "(Kazakhstan's reporting, S77); World Integrated Trade Solution (S78); "
               "China's customs (GACC, S03); Xinhua (N01); Kazakhstan's Bureau of National "
               "Statistics (N08); China Daily (S01)")


# --- three figures laid out as the charts are, built without the theme (so a change to a
# chart or to the theme never moves the pinned drawings) ------------------------------------

def _laid_out(fig: go.Figure, title: str, source: str, x_title: str = "") -> go.Figure:
    fig.update_layout(
        height=620, margin=dict(l=70, r=30, t=150, b=120),
        title=dict(text=title, subtitle=dict(text="US$ billion, current prices")),
        legend=dict(orientation="h", yref="container", y=0.86, yanchor="top"),
        xaxis=dict(title=dict(text=x_title)) if x_title else {})
    fig.add_annotation(text=source, xref="paper", yref="paper", x=0, y=0, yshift=-84,
                       xanchor="left", yanchor="top", showarrow=False, align="left",
                       font=dict(size=11), name="source-line")
    return fig


def line_chart() -> go.Figure:
    years = list(range(2014, 2025))
    fig = go.Figure([go.Scatter(x=years, y=[20 + i for i in range(11)],
                                name="China's figures (exports + imports, UN Comtrade)"),
                     go.Scatter(x=years, y=[15 + i for i in range(11)],
                                name="Kazakhstan's figures (exports + imports)"),
                     go.Bar(x=[2023], y=[41], name="The editorial's figure")])
    _laid_out(fig, LONG_TITLE, LONG_SOURCE, "Year of the reading, as reported by each side")
    fig.update_xaxes(dtick=1, tickformat="d")
    fig.add_annotation(text="Target: 2× 2023 = $82.1 bn by an early date", xref="paper",
                       x=0, xanchor="left", yref="y", y=82, showarrow=False)
    return fig


def bar_chart() -> go.Figure:
    rows = ["UNCTAD: trade in goods and services, value published March 2024",
            "WTO: merchandise trade volume published April 2024",
            "<b>China–Kazakhstan</b><br>computed 2022→2023"]
    fig = go.Figure(go.Bar(x=[-1.1, -1.2, 31.7], y=rows, orientation="h",
                           text=["−1.1% · published value", "−1.2%", "31.7% · $41.055 bn"],
                           textposition="outside", name="Change"))
    fig.update_yaxes(categoryarray=rows, categoryorder="array")
    return _laid_out(fig, "2023 against the world: bilateral growth and world trade",
                     LONG_SOURCE, "Change from 2022 to 2023, percent")


def marker_chart() -> go.Figure:
    fig = go.Figure([go.Scatter(x=[2019, 2020, 2021, 2022, 2023, 2024, 2025],
                                y=[1, 1.5, 2, 2.5, 3, 4.48, 4.12], mode="lines+markers",
                                name="Cargo on the Middle Corridor"),
                     go.Scatter(x=[2022.33, 2024.33], y=[2.2, 2.56], mode="markers+text",
                                text=["Jan–Sep 2022 reading", "Jan–Jul 2024"],
                                textposition="middle right", name="Part-year readings")])
    fig.update_xaxes(range=[2018.5, 2025.8], dtick=1, tickformat="d")
    return _laid_out(fig, "Cargo on the Middle Corridor (Trans-Caspian route), 2019–2025",
                     "Source: Middle Corridor association (L01); Kazakhstan Railways (L02)")


FIGURES = {"line": line_chart, "bar": bar_chart, "marker": marker_chart}


def _drawn(fig: go.Figure) -> dict:
    d = json.loads(fig.to_json())
    d["layout"].pop("template", None)  # the theme's, not the drawing's
    return d


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("name", list(FIGURES))
def test_the_phones_drawing_is_the_one_drawn_before_the_desks_existed(name, lang):
    pinned = json.loads(PINNED.read_text(encoding="utf-8"))[f"{name}-{lang}"]
    for drawn, captions in (on_screen(FIGURES[name](), lang),
                            on_screen(FIGURES[name](), lang, PHONE)):
        assert _drawn(drawn) == pinned["figure"]
        assert captions == pinned["captions"]
    desk, _ = on_screen(FIGURES[name](), lang, DESK)
    assert _drawn(desk) != pinned["figure"]


def _lines(text: str) -> list[str]:
    return text.split("<br>")


def _source(fig: go.Figure) -> str:
    return next(a.text for a in fig.layout.annotations if a.name == "source-line")


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_long_title_takes_one_or_two_lines_on_a_desk(lang):
    long = ("China–Kazakhstan trade in goods as each side reports it, with every target "
            "announced since 1992")  # 95 columns: the longest of the charts' are 90 to 116
    fig = line_chart().update_layout(title_text=long)
    phone, _ = on_screen(fig, lang, PHONE)
    desk, _ = on_screen(fig, lang, DESK)
    assert len(_lines(phone.layout.title.text)) >= 3
    assert len(_lines(desk.layout.title.text)) == 2
    assert all(columns(x) <= DESK.title_columns for x in _lines(desk.layout.title.text))
    assert screen.plain(desk.layout.title.text) == long
    assert desk.layout.margin.t < phone.layout.margin.t


def test_a_source_line_two_desk_lines_hold_is_shown_whole():
    short = LONG_SOURCE[:150].rsplit(";", 1)[0]
    text, whole = screen._source(short, "en", DESK)
    assert len(_lines(text)) == 2 and whole == ""
    assert screen.plain(text) == short
    assert len(_lines(screen._source(short, "en", PHONE)[0])) >= 4
    # Longer than the desk shows: its first lines, a pointer, the whole list in the caption.
    text, whole = screen._source(LONG_SOURCE * 2, "ru", DESK)
    assert len(_lines(text)) == DESK.source_lines and whole


def test_a_desks_rows_legend_and_height_are_planned_for_its_width():
    phone, _ = on_screen(bar_chart(), "en", PHONE)
    desk, _ = on_screen(bar_chart(), "en", DESK)
    rows = list(desk.data[0].y)
    assert max(len(_lines(r)) for r in rows) == 2  # a phone's took four
    assert max(len(_lines(r)) for r in phone.data[0].y) == 4
    assert all(columns(x) <= DESK.row_width("en") for r in rows for x in _lines(r))
    assert desk.layout.height < phone.layout.height
    # Legend entries side by side: no room kept under the plot for one a row.
    phone, _ = on_screen(line_chart(), "en", PHONE)
    desk, _ = on_screen(line_chart(), "en", DESK)
    # Entries side by side where a desk's narrowest plot holds them (a phone keeps a row each,
    # and wraps a long name): two short ones share a row.
    assert screen._legend_px(desk, DESK) == 3 * screen.LEGEND_ROW_PX
    assert screen._legend_px(phone, PHONE) > 3 * screen.LEGEND_ROW_PX
    short = go.Figure([go.Scatter(name="Exports"), go.Scatter(name="Imports"),
                       go.Scatter(name="The editorial's figure", showlegend=True)])
    assert screen._legend_px(short, DESK) == screen.LEGEND_ROW_PX
    assert screen._legend_px(short, PHONE) == 3 * screen.LEGEND_ROW_PX
    assert desk.layout.margin.b < phone.layout.margin.b - screen.LEGEND_ROW_PX
    assert desk.layout.height < phone.layout.height
    label = next(a for a in desk.layout.annotations if a.x == 0 and a.yref == "y")
    assert "<br>" not in label.text  # the target's label on one line over a desk's plot


@pytest.mark.parametrize("lang", ["en", "zh", "ru", "kk"])
def test_on_screen_figures_are_drawn_for_a_desk(tables, lang):
    for name in charts.available(tables):
        spec = charts.build(name, tables, charts.Options(lang=lang))
        fig, captions = on_screen(spec.figure, lang, DESK)
        phone, _ = on_screen(spec.figure, lang)
        layout = fig.layout
        assert layout.autosize and layout.width is None, name
        title = _lines(layout.title.text)
        assert len(title) <= 3 and all(columns(x) <= DESK.title_columns + 4 for x in title), \
            (name, title)
        assert len(title) <= len(_lines(phone.layout.title.text)), name
        source = _lines(_source(fig))
        assert len(source) <= DESK.source_lines, name
        assert all(columns(x) <= DESK.source_width(lang) + 6 for x in source), (name, source)
        assert not layout.title.subtitle.text and layout.margin.b <= phone.layout.margin.b, name
        for trace in fig.data:
            if trace.name and trace.showlegend is not False:
                assert all(columns(x) <= DESK.legend_columns + 6
                           for x in _lines(trace.name)), (name, trace.name)
