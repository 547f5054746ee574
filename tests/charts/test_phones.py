"""Issue 23, phones and the doubling paths: the deadline's path drawn, paths of one rate drawn
once, the answer above the controls, and every chart readable at 390 px (and at 1400 px)."""

import pytest

from dashboard import charts
from dashboard.charts import screen
from dashboard.charts.screen import marks, rows
from dashboard.core.doubling import answer
from dashboard.core.doubling_paths import SAME_RATE
from dashboard.core.projection_settings import Settings
from dashboard.data.loader import series
from dashboard.text.wrapping import columns


@pytest.fixture
def history(tables):
    return series(tables["bilateral_trade"])


def test_the_deadline_needs_its_own_labelled_path(history):
    a = answer(history, Settings(base_year=2016, growth=0.1, deadline=2020, scenarios=()))
    needed = [p for p in a.drawn if p.key == "required"]
    assert len(needed) == 1
    p = needed[0]
    assert p.growth == pytest.approx(a.required)
    assert p.label == "18.9% a year (what reaching the target by 2020 needs)"
    assert p.reach_year == 2020 and p.value_in(2020) == pytest.approx(a.target_usd)
    assert [q.key for q in a.paths] == ["custom"]  # the answer's sentences stay per scenario


def test_paths_of_one_rate_are_drawn_once_with_a_combined_label(history):
    # The latest pace from 2016 is 20%: the reader's 20% is the same path.
    a = answer(history, Settings(base_year=2016, growth=0.2, deadline=2020,
                                 scenarios=("pace_latest",)))
    assert [p.key for p in a.drawn] == ["custom+pace_latest", "required"]
    merged = a.drawn[0]
    assert merged.main and merged.label.startswith("20.0% a year (your rate; the latest pace")
    assert len(a.sentences) == 2  # still one sentence per scenario
    zh = answer(history, Settings(base_year=2016, growth=0.2, deadline=2020,
                                  scenarios=("pace_latest",)), lang="zh")
    assert "；" in zh.drawn[0].label


@pytest.mark.parametrize("delta, drawn", [(SAME_RATE * 0.9, 2), (SAME_RATE * 1.3, 3)])
def test_same_rate_means_within_five_hundredths_of_a_point(history, delta, drawn):
    a = answer(history, Settings(base_year=2016, growth=0.2 + delta, deadline=2020,
                                 scenarios=("pace_latest",)))
    assert len(a.drawn) == drawn


def test_when_the_deadline_path_is_the_readers_rate_it_is_drawn_once(history):
    a = answer(history, Settings(base_year=2016, growth=0.1, deadline=2020, scenarios=()))
    same = answer(history, Settings(base_year=2016, growth=round(a.required, 4),
                                    deadline=2020, scenarios=()))
    assert [p.key for p in same.drawn] == ["custom+required"]
    assert "what reaching the target by 2020 needs" in same.drawn[0].label


def test_the_chart_draws_every_drawn_path(tables):
    spec = charts.build("doubling-target", tables, charts.Options(
        projection=Settings(base_year=2016, growth=0.1, deadline=2020)))
    names = [t.name for t in spec.figure.data]
    assert all(p.label in names for p in spec.answer.drawn)
    needed = next(t for t in spec.figure.data if "needs" in (t.name or ""))
    assert needed.line.dash == "dashdot"


@pytest.mark.parametrize("lang", ["en", "zh", "ru", "kk"])
def test_on_screen_figures_are_drawn_for_a_phone(tables, lang):
    for name in charts.available(tables):
        spec = charts.build(name, tables, charts.Options(lang=lang))
        fig, captions = screen.on_screen(spec.figure, lang)
        layout = fig.layout
        assert layout.autosize and layout.width is None, name
        assert all(columns(x) <= screen.PHONE.title_columns + 4
                   for x in layout.title.text.split("<br>")), (name, layout.title.text)
        source = next(a for a in layout.annotations if a.name == "source-line")
        lines = source.text.split("<br>")
        assert len(lines) <= screen.PHONE.source_lines, name
        assert all(columns(x) <= screen.PHONE.source_columns + 6 for x in lines), (name, lines)
        assert not layout.title.subtitle.text
        if spec.figure.layout.title.subtitle.text:  # the subtitle moves to the caption...
            assert captions and captions[0]
            assert spec.figure.layout.title.subtitle.text  # ...and the export keeps it
        # The legend hangs under the plot, in room kept for a phone's legend.
        assert layout.legend.yref == "container" and layout.legend.y < 0.5, name
        assert layout.height >= 2 * (layout.margin.t + layout.margin.b), name
        for trace in fig.data:
            if trace.name and trace.showlegend is not False:
                assert all(columns(x) <= screen.PHONE.legend_columns + 6
                           for x in trace.name.split("<br>")), (name, trace.name)


def test_a_long_source_list_is_cut_in_the_figure_and_whole_in_the_caption(tables):
    long = "Source: " + "; ".join(f"Publisher number {i}" for i in range(30))
    text, whole = screen._source(long, "en")
    assert text.count("<br>") == screen.PHONE.source_lines - 1
    assert text.endswith("full list of sources under the chart")
    assert whole == long
    assert screen._source("Source: one", "en") == ("Source: one", "")


# --- horizontal rows, year ticks, marker and line labels on a phone ------------------------


def _rows(fig):
    """Each trace's row labels, and the y-axis' (and buttons') category orders."""
    traces = [list(t.y) for t in fig.data if t.y is not None and len(t.y)
              and all(isinstance(v, str) for v in t.y)]
    orders = [list(fig.layout.yaxis.categoryarray or [])] + [
        list(part["yaxis.categoryarray"]) for m in fig.layout.updatemenus for b in m.buttons
        for part in b.args or [] if isinstance(part, dict) and "yaxis.categoryarray" in part]
    return traces, [o for o in orders if o]


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("name", ["world-comparison", "product-mix", "products"])
def test_a_horizontal_charts_rows_wrap_for_a_phone_the_same_in_every_trace(tables, name, lang):
    spec = charts.build(name, tables, charts.Options(lang=lang))
    fig, _ = screen.on_screen(spec.figure, lang)
    before, after = _rows(spec.figure), _rows(fig)
    width = screen.PHONE.row_width(lang)
    new = {}
    for old_rows, new_rows in zip(before[0] + before[1], after[0] + after[1], strict=True):
        for old, label in zip(old_rows, new_rows, strict=True):
            assert new.setdefault(old, label) == label, (old, label)  # one row, one label
            assert screen.plain(label) == screen.plain(old)  # the same words
            assert all(columns(x) <= width or " " not in screen.plain(x)
                       for x in label.split("<br>")), label
    # Outside bar labels (a bar's own, or a text trace's beside bars): short lines, and the
    # right margin holds the longest.
    bars = [t for t in fig.data if t.type == "bar" and t.textposition == "outside"
            or t.type == "scatter" and t.mode == "text"]
    longest = max(columns(x.lstrip("\u2002")) for t in bars for v in t.text
                  for x in v.split("<br>"))  # after a label's leading gap
    assert longest <= 12 and fig.layout.margin.r >= rows.COLUMN_PX * longest


@pytest.mark.parametrize("name", ["central-asia", "target-history"])
def test_charts_whose_rows_are_set_for_a_phone_keep_them(tables, name):
    spec = charts.build(name, tables, charts.Options(lang="kk"))
    fig, _ = screen.on_screen(spec.figure, "kk")
    assert _rows(fig) == _rows(spec.figure)
    assert [t.text for t in fig.data] == [t.text for t in spec.figure.data]


@pytest.mark.parametrize("lang", ["en", "kk"])
def test_year_ticks_and_labels_beside_markers_fit_a_phone(tables, lang):
    spec = charts.build("middle-corridor", tables, charts.Options(lang=lang))
    fig, _ = screen.on_screen(spec.figure, lang)
    low, high = fig.layout.xaxis.range
    assert spec.figure.layout.xaxis.dtick == 1  # the export keeps a tick a year
    assert fig.layout.xaxis.dtick == (2 if high - low > 2 * marks.MAX_YEAR_TICKS else None
                                      if high - low > marks.MAX_YEAR_TICKS else 1)
    assert fig.layout.xaxis.tickformat == "d"  # Plotly's ticks for the width, in whole years
    labelled = [(t, old) for t, old in zip(fig.data, spec.figure.data, strict=True)
                if t.mode == "markers+text"]
    assert labelled
    for t, old in labelled:
        assert t.cliponaxis is False
        assert all(side.endswith((" right", " left")) for side in t.textposition)
        assert all(columns(line) <= screen.PHONE.marker_text_columns or " " not in line
                   for text in t.text for line in text.split("<br>"))
        assert [screen.plain(x) for x in t.text] == [screen.plain(x) for x in old.text]
    assert fig.layout.margin.r >= 30


def test_a_reference_lines_label_wraps_over_a_phones_plot(tables):
    spec = charts.build("doubling-target", tables, charts.Options(lang="ru"))
    fig, _ = screen.on_screen(spec.figure, "ru")
    label = next(a for a in fig.layout.annotations if a.xref == "paper" and a.x == 0)
    assert "<br>" in label.text and label.align == "left"
    assert all(columns(x) <= screen.PHONE.line_label_columns for x in label.text.split("<br>"))


@pytest.mark.parametrize("lang", ["en", "zh", "ru", "kk"])
def test_target_history_labels_take_two_lines_at_most(tables, lang):
    spec = charts.build("target-history", tables, charts.Options(lang=lang))
    labels = {y for t in spec.figure.data for y in (t.y or [])}
    assert labels and all(lab.count("<br>") <= 1 for lab in labels)


def test_labels_beside_markers_may_each_have_their_own_position():
    import plotly.graph_objects as go
    fig = go.Figure(go.Scatter(x=[2024, 2025], y=[40, 48], mode="markers+text",
                               text=["43.866 bn", "48.7 bn"],
                               textposition=["bottom right", "middle right"]))
    fig.update_xaxes(range=[2010, 2025.5])
    right = marks.marker_labels(fig)
    assert list(fig.data[0].textposition) == ["bottom right", "middle right"]
    assert right > 0 and fig.data[0].cliponaxis is False


def test_a_label_beside_a_marker_goes_under_another_series_marker_in_its_way():
    """The Kazakh corridor's 'қаң.–қар.' label ran into the 2025 reading right of it on a
    phone: a label with another trace's marker in its way at about its height goes under it
    (over it when the marker is lower), still right of its own marker."""
    import plotly.graph_objects as go
    fig = go.Figure([go.Scatter(x=[2024, 2025], y=[4.48, 4.12], mode="lines+markers"),
                     go.Scatter(x=[2024.33, 2024.33], y=[4.1, 2.56], mode="markers+text",
                                text=["қаң.–қар.", "қаң.–шіл."],
                                textposition="middle right")])
    fig.update_xaxes(range=[2018.5, 2025.8])
    marks.marker_labels(fig)
    assert list(fig.data[1].textposition) == ["bottom right", "middle right"]
    fig.data[0].y = (4.48, 4.05)  # the marker in the way lower than the label: over it
    fig.data[1].textposition = "middle right"
    marks.marker_labels(fig)
    assert list(fig.data[1].textposition) == ["top right", "middle right"]


@pytest.mark.parametrize(("low", "high", "dtick"), [(2019, 2023, 1), (2018.4, 2025.9, None),
                                                    (2014.4, 2024.9, 2)])
def test_year_ticks_follow_the_width_up_to_ten_years(low, high, dtick):
    """A tick a year up to five years; up to ten, Plotly's ticks for the width drawn at
    (yearly on a desk, every second year on a phone); past ten, every second year."""
    import plotly.graph_objects as go
    fig = go.Figure(go.Scatter(x=[low + 0.6, high - 0.6], y=[1, 2]))
    fig.update_xaxes(range=[low, high], dtick=1, tickformat="d")
    marks.year_ticks(fig)
    assert fig.layout.xaxis.dtick == dtick and fig.layout.xaxis.tickformat == "d"
