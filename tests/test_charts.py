import pytest

from dashboard import catalog
from dashboard.catalog import Options


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
    assert list(markers.x)[:3] == [1992, 2003, 2011]
    assert list(markers.y)[-1] == pytest.approx(43.82)
    line = [t for t in fig.data if t.name == "China's customs (GACC)" and t.mode == "lines"][0]
    xs, ys = list(line.x), list(line.y)
    # a None after 1992 and after 2019 keeps the solid line from bridging gaps
    assert ys[xs.index(1993)] is None and ys[xs.index(2020)] is None
    assert line.connectgaps is False
    bridge = _trace(fig, "Dotted: years without a figure (not data)")
    assert bridge.line.dash == "dot"
    assert "China's customs (GACC)" in _source_line(fig) and "S12" in _source_line(fig)
    assert fig.layout.yaxis.ticksuffix == " bn" and fig.layout.yaxis.tickprefix == "$"
    assert "US$ bn" in fig.layout.yaxis.title.text
    assert fig.layout.title.text == "China–Kazakhstan trade, 1992–2024"


def test_growth_chart_marks_approximate_values(tables):
    markers = _trace(catalog.build("growth", tables).figure, "China's customs (GACC)", "markers")
    symbols = dict(zip(markers.x, markers.marker.symbol, strict=True))
    assert symbols[2016] == "circle-open" and symbols[2023] == "circle"


def test_target_markers_met_and_unknown(tables):
    fig = catalog.build("growth", tables).figure
    met = _trace(fig, "Target met")
    assert list(met.x) == [2030, 2030] and sorted(met.y) == [35, 40]
    unknown = _trace(fig, "Target: no figure for deadline")
    assert list(unknown.x) == [2015, 2020]


def test_year_range_and_log(tables):
    spec = catalog.build("growth", tables, Options(start=2013, end=2023, log=True))
    markers = _trace(spec.figure, "China's customs (GACC)", "markers")
    assert min(markers.x) == 2013 and max(markers.x) == 2023
    assert spec.figure.layout.yaxis.type == "log"
    assert spec.stem == "china-kazakhstan-trade-growth-2013-2023-log"


def test_yoy_bars_only_for_consecutive_years(tables):
    fig = catalog.build("yoy-growth", tables).figure
    bars = _trace(fig, "Computed from two consecutive years")
    assert list(bars.x) == [2017, 2018, 2019, 2022, 2023, 2024]
    reported = _trace(fig, "As reported by the source")
    assert 2013 in list(reported.x) and 32.0 in list(reported.y)


def test_mirror_chart(tables):
    fig = catalog.build("mirror", tables).figure
    chn = _trace(fig, "Reported by China's customs (GACC)")
    kaz = _trace(fig, "Reported by Kazakhstan's statistics")
    assert list(chn.x) == ["2013", "2018", "2019", "2021", "2022", "2023"]
    assert list(kaz.y)[-1] == pytest.approx(31.4)
    assert "Kazakhstan's statistics" in _source_line(fig)


def test_world_chart_tells_volume_from_value(tables):
    fig = catalog.build("world-comparison", tables).figure
    volume = _trace(fig, "Volume (price-adjusted)")
    value = _trace(fig, "Value (current US$)")
    assert sorted(volume.x) == [-1.2, -1.1]
    assert 32.0 in list(value.x) and -5.0 in list(value.x)
    editorial = _trace(fig, "Not stated (the editorial)")
    assert list(editorial.x) == [-1.1] and editorial.marker.line.width == (3,)


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
        assert any(("US$" in a or "%" in a) for a in axis_titles), (name, axis_titles)
        assert not spec.data.empty, name


def test_unknown_chart_name(tables):
    with pytest.raises(KeyError, match="unknown chart 'pie'"):
        catalog.build("pie", tables)


def test_every_figure_passes_plotly_strict_validation(tables):
    """Charts are built as plain dicts for speed; plotly's validators must still accept them."""
    import plotly.graph_objects as go

    from dashboard.doubling import Settings

    options = [Options(), Options(log=True, start=2013, end=2024),
               Options(projection=Settings(growth=-0.05, target_usd=100e9, log=True))]
    for o in options:
        for name in catalog.CHART_NAMES:
            go.Figure(catalog.build(name, tables, o).figure.to_dict())  # raises on anything bad


def test_other_readings_are_shown_beside_the_series(tables):
    fig = catalog.build("growth", tables).figure
    other = _trace(fig, "Another source's reading of the same year")
    assert dict(zip(other.x, other.y, strict=True)) == {1992: pytest.approx(0.4),
                                                        2024: pytest.approx(44.0)}
    kaz = catalog.build("growth", tables, Options(reporter="KAZ", partner="CHN")).figure
    other = _trace(kaz, "Another source's reading of the same year")
    assert sorted(other.x) == [2022, 2023]  # S14's revised 2022, S15's 2023
    series = _trace(kaz, "Kazakhstan's statistics", "markers")
    assert list(series.y)[-1] == pytest.approx(31.4)  # the primary reading stays in the series
