"""China–Central Asia totals over the years: dollars as stated, yuan never among them."""

import pytest
from helpers import decode

from dashboard import charts
from dashboard.core.central_asia import region_readings


def test_the_fixture_region_line_and_its_marks(tables):
    r = region_readings(tables)
    assert list(zip(r["kind"], r["year"], r["value_usd"], strict=True)) == [
        ("converted", 2016, 85e9), ("series", 2016, 90e9)]  # the 6000亿 yuan row never enters
    spec = charts.build("central-asia-history", tables, charts.Options())
    assert "central-asia-history" in charts.available(tables)
    d = spec.data
    assert list(d["series"]) == ["converted", "series"] and list(d["value_usd_bn"]) == [85, 90]
    assert spec.figure.layout.xaxis.type == "linear"


def test_the_published_region_series_keeps_gaps_and_kinds_apart(published):
    r = region_readings(published)
    line = r[r["kind"] == "series"]
    assert list(zip(line["year"], line["value_usd"], line["source_id"], strict=True)) == [
        (1992, 460e6, "N27"), (2022, 70.2e9, "N27"), (2023, 89.4e9, "N06"),
        (2024, 94.82e9, "N24"), (2025, 106.3e9, "N17")]
    assert set(r.loc[r["kind"] == "lower", "year"]) == {2021, 2025}
    assert list(r.loc[r["kind"] == "converted", "year"]) == [2013, 2024]  # outlets' conversions
    assert list(r.loc[r["kind"] == "inferred", "year"]) == [2020]
    spec = charts.build("central-asia-history", published, charts.Options())
    lines = [t for t in spec.figure.data if t.mode == "lines"]
    assert len(lines) == 1  # no dotted bridge over 1993–2021
    ys = decode(lines[0].y)
    assert any(y is None or y != y for y in ys)  # the gaps stay gaps
    assert "1992–2025" in spec.title and "N17" in spec.source


def test_the_region_series_in_constant_dollars(published):
    spec = charts.build("central-asia-history", published,
                        charts.Options(prices="constant", base_year=2024, deflator="gdp"))
    d = spec.data.set_index(["series", "year"])
    assert d.loc[("series", 2023), "value_constant_usd_bn"] == pytest.approx(
        89.4 * 125.428 / 122.39)
    assert d.loc[("series", 1992), ["deflator_index", "value_constant_usd_bn"]].isna().all()
    assert "constant US$ of 2024, US GDP deflator" in spec.title
