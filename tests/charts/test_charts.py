import pytest

from dashboard import charts as catalog
from dashboard.charts import Options
from dashboard.core.projection_settings import Settings

CORRIDOR_UNITS = {"middle-corridor": "tonnes", "transit-containers": "TEU",
                  "china-europe-trains": "Trains"}


def _trace(fig, name, mode=None):
    hits = [t for t in fig.data if t.name == name and (mode is None or t.mode == mode)]
    assert hits, [t.name for t in fig.data]
    return hits[0]


def _source_line(fig):
    notes = [a.text for a in fig.layout.annotations if a.name == "source-line"]
    assert len(notes) == 1
    return notes[0]


def test_growth_chart_values_gaps_and_source(tables):
    spec = catalog.build("growth", tables)
    fig = spec.figure
    markers = _trace(fig, "China's customs (GACC)", "markers")
    assert list(markers.x)[:3] == [2005, 2010, 2011]
    assert list(markers.y)[-1] == pytest.approx(30)
    line = [t for t in fig.data if t.name == "China's customs (GACC)" and t.mode == "lines"][0]
    xs, ys = list(line.x), list(line.y)
    # a None after 2005 and after 2011 keeps the solid line from bridging gaps
    assert ys[xs.index(2006)] is None and ys[xs.index(2012)] is None
    assert line.connectgaps is False
    bridge = _trace(fig, "Dotted: years without a figure (not data)")
    assert bridge.line.dash == "dot"
    assert "China's customs (GACC)" in _source_line(fig) and "S03" in _source_line(fig)
    assert fig.layout.yaxis.ticksuffix == " bn" and fig.layout.yaxis.tickprefix == "$"
    assert "US$ bn" in fig.layout.yaxis.title.text
    assert fig.layout.title.text == "China–Kazakhstan trade, 2005–2017"


def test_growth_chart_marks_approximate_values(tables):
    markers = _trace(catalog.build("growth", tables).figure, "China's customs (GACC)", "markers")
    symbols = dict(zip(markers.x, markers.marker.symbol, strict=True))
    assert symbols[2013] == "circle-open" and symbols[2017] == "circle"


def test_target_markers_met_and_unknown(tables):
    fig = catalog.build("growth", tables).figure
    met = _trace(fig, "Target met")
    assert list(met.x) == [2014] and list(met.y) == [14]
    assert list(_trace(fig, "Target missed").x) == [2016]
    unknown = _trace(fig, "Target: no figure for deadline")
    assert list(unknown.x) == [2012]


def test_year_range_and_log(tables):
    spec = catalog.build("growth", tables, Options(start=2013, end=2016, log=True))
    markers = _trace(spec.figure, "China's customs (GACC)", "markers")
    assert min(markers.x) == 2013 and max(markers.x) == 2016
    assert spec.figure.layout.yaxis.type == "log"
    assert spec.stem == "china-kazakhstan-trade-growth-2013-2016-log"


def test_yoy_bars_only_for_consecutive_years(tables):
    fig = catalog.build("yoy-growth", tables).figure
    bars = _trace(fig, "Computed from two consecutive years")
    assert list(bars.x) == [2011, 2014, 2015, 2016, 2017]
    reported = _trace(fig, "As reported by the source")
    assert list(reported.x) == [2011, 2015, 2017] and list(reported.y) == [20, 25, 20]


def test_mirror_chart(tables):
    fig = catalog.build("mirror", tables).figure
    chn = _trace(fig, "Reported by China's customs (GACC)")
    kaz = _trace(fig, "Reported by Kazakhstan's statistics")
    assert list(chn.x) == [2015, 2016, 2017]  # a numeric year axis (issue 23)
    assert list(kaz.y)[-1] == pytest.approx(24)
    gap = _trace(fig, "Gap")  # the lower panel: every year's gap, the latest labelled
    assert list(gap.y) == pytest.approx([25, 25, 25]) and gap.yaxis == "y2"
    assert list(gap.text) == ["", "", "CHN +25%"]
    assert all("CHN +25%" in c for c in gap.customdata)
    assert "Kazakhstan's statistics" in _source_line(fig)
    line = _trace(fig, "Gap", mode="lines")  # consecutive years: one unbroken line
    assert list(line.x) == [2015, 2016, 2017] and None not in list(line.y)


def test_the_mirror_gap_line_breaks_where_a_year_has_no_pair(tables):
    trade = tables["bilateral_trade"]
    holed = dict(tables, bilateral_trade=trade[trade["year"] != 2016])
    fig = catalog.build("mirror", holed).figure
    line = _trace(fig, "Gap", mode="lines")
    assert list(line.x) == [2015, 2016, 2017] and list(line.y) == [25, None, 25]
    assert list(_trace(fig, "Gap", mode="markers+text").x) == [2015, 2017]


def test_world_chart_tells_volume_from_value(tables):
    fig = catalog.build("world-comparison", tables).figure
    volume = _trace(fig, "Volume (price-adjusted)")
    value = _trace(fig, "Value (current US$)")
    assert sorted(volume.x) == [-2.5, -1.5]
    assert 20.0 in list(value.x) and -6.0 in list(value.x)
    editorial = _trace(fig, "Not stated (the editorial)")
    assert list(editorial.x) == [-2.5] and editorial.marker.line.width == (3,)


def test_products_chart_is_not_a_whole(tables):
    spec = catalog.build("products", tables)
    assert "Not the whole flow" in spec.figure.layout.title.subtitle.text
    assert spec.figure.data[0].type == "bar"  # never a pie that implies 100 %


def test_every_chart_has_title_axis_units_and_source(tables):
    for name in catalog.CHART_NAMES:
        spec = catalog.build(name, tables)
        fig = spec.figure
        assert fig.layout.title.text, name
        assert _source_line(fig).startswith(("Source", "Sources")), name
        axis_titles = [fig.layout.xaxis.title.text or "", fig.layout.yaxis.title.text or ""]
        unit = CORRIDOR_UNITS.get(name)  # the corridor charts count cargo, boxes and trains
        assert any((unit in a if unit else ("US$" in a or "%" in a)) for a in axis_titles), (
            name, axis_titles)
        assert not spec.data.empty, name


def test_unknown_chart_name(tables):
    with pytest.raises(KeyError, match="unknown chart 'pie'"):
        catalog.build("pie", tables)


def test_every_figure_passes_plotly_strict_validation(tables):
    """Charts are built as plain dicts for speed; plotly's validators must still accept them."""
    import plotly.graph_objects as go

    options = [Options(), Options(log=True, start=2013, end=2017),
               Options(projection=Settings(base_year=2016, growth=-0.05, target_usd=100e9,
                                           log=True)),
               Options(reporter="KAZ", partner="CHN")]
    for o in options:
        for name in catalog.CHART_NAMES:
            go.Figure(catalog.build(name, tables, o).figure.to_dict())  # raises on anything bad


def test_other_readings_are_shown_beside_the_series(tables):
    fig = catalog.build("growth", tables).figure
    other = _trace(fig, "Another source's reading of the same year")
    assert dict(zip(other.x, other.y, strict=True)) == {2016: pytest.approx(26)}
    series = _trace(fig, "China's customs (GACC)", "markers")
    assert dict(zip(series.x, series.y, strict=True))[2016] == pytest.approx(25)


def test_doubling_chart_names_the_chosen_reporter(tables):
    """Bug: with Kazakhstan's statistics the legend still said "Actual (China's customs)"."""
    o = Options(reporter="KAZ", partner="CHN",
                projection=Settings(base_year=2016, growth=0.1, deadline=2020))
    spec = catalog.build("doubling-target", tables, o)
    names = {t.name for t in spec.figure.data}
    assert "Actual (Kazakhstan's statistics)" in names
    assert not any("China" in (n or "") for n in names), names
    assert "Kazakhstan's statistics" in spec.figure.layout.title.subtitle.text


def test_doubling_chart_stars_in_one_trace(tables):
    o = Options(projection=Settings(base_year=2016, growth=0.1, deadline=2020))
    spec = catalog.build("doubling-target", tables, o)
    stars = _trace(spec.figure, "Reaches the target")
    assert list(stars.x) == [p.reach_year for p in spec.answer.drawn if p.reach_year]
    assert spec.stem == "doubling-target-10.0pct-2024"


def test_chart_results_are_typed(tables):
    growth = catalog.build("growth", tables)
    assert isinstance(growth, catalog.GrowthChart)
    assert {t.target_id for t in growth.statuses} >= {"T2014", "TDOUBLE"}
    assert isinstance(catalog.build("mirror", tables).mirror.rows.iloc[0]["gap_pct"], float)
    assert catalog.build("world-comparison", tables).check.year == 2017
