"""Charts in constant dollars: the values, and which prices and base every part of a chart names."""

import pytest
from helpers import decode

from dashboard import charts
from dashboard.core.prices import PriceError
from dashboard.errors import UserError
from dashboard.export import render as export

CONSTANT = charts.Options(prices="constant", base_year=2016, deflator="gdp")


def test_options_carry_the_three_prices_fields():
    o = charts.Options(prices="constant", base_year=2023, deflator="gdp")
    assert (o.prices, o.base_year, o.deflator) == ("constant", 2023, "gdp")
    d = charts.Options()
    assert (d.prices, d.base_year, d.deflator) == ("current", None, "cpi-u")
    assert charts.Options(prices="constant", base_year="2020").base_year == 2020


@pytest.mark.parametrize("fields", [dict(prices="real"), dict(prices=""), dict(deflator="ppi"),
                                    dict(deflator="CPI-U; drop"), dict(base_year="soon"),
                                    dict(base_year=2023.5), dict(base_year=True),
                                    dict(base_year=-1)])
def test_bad_options_are_one_line_user_errors(fields):
    with pytest.raises(UserError) as info:
        charts.Options(**fields)
    assert "\n" not in str(info.value)


def test_a_base_year_without_an_index_fails_when_the_chart_is_built(tables):
    with pytest.raises(PriceError, match="2014"):
        charts.build("growth", tables, charts.Options(prices="constant", base_year=2014,
                                                      deflator="gdp"))


def test_growth_chart_in_constant_dollars_names_base_and_deflator(tables):
    spec = charts.build("growth", tables, CONSTANT)
    assert spec.title.endswith("in constant US$ of 2016, US GDP deflator")
    axis = spec.figure.layout.yaxis.title.text.replace("<br>", " ")
    assert axis == "Trade, US$ bn (constant US$ of 2016, US GDP deflator)"
    assert "constant US$ of 2016, US GDP deflator" in spec.alt
    assert "US GDP implicit price deflator" in spec.source and "(N48)" in spec.source
    assert spec.stem.endswith("-constant-2016-gdp")
    line = [t for t in spec.figure.data if t.name == "China's customs (GACC)"
            and t.mode == "markers"][0]
    # value x 108 / index(year): 2013 18.0, 2015 21.6, 2016 25, 2017 27 (US$ bn); 2014 a gap
    assert list(decode(line.x)) == [2013, 2015, 2016, 2017]
    assert list(decode(line.y)) == pytest.approx([18.0, 21.6, 25.0, 27.0])
    assert "In current US$: $20 bn; US GDP deflator 100.000 (2016: 108.000)" in line.customdata[1]
    lines = [t for t in spec.figure.data if t.name == "China's customs (GACC)"
             and t.mode == "lines"]
    ys = list(decode(lines[0].y))
    assert ys[1] is None or ys[1] != ys[1]  # the 2014 gap stays a gap (no bridge trace)
    assert not [t for t in spec.figure.data if t.name == "Dotted: no figure for these years"]


def test_growth_csv_has_current_constant_and_index(tables):
    spec = charts.build("growth", tables, CONSTANT)
    d = spec.data[spec.data["series"] == "China's customs (GACC)"].set_index("year")
    for column in ("prices", "deflator", "base_year", "deflator_index", "base_index",
                   "value_current_usd_bn", "value_constant_usd_bn"):
        assert column in d.columns
    assert "value_usd_bn" not in d.columns  # never a dollar column without its prices
    assert d.loc[2015, "value_current_usd_bn"] == 20.0
    assert d.loc[2015, "deflator_index"] == 100.0 and d.loc[2015, "base_index"] == 108.0
    assert d.loc[2015, "value_constant_usd_bn"] == pytest.approx(21.6)
    assert d.loc[2014, "value_current_usd_bn"] == 16.0
    assert d.loc[2014, ["deflator_index", "value_constant_usd_bn"]].isna().all()  # a gap
    assert set(d["prices"]) == {"constant"} and set(d["deflator"]) == {"gdp"}
    assert set(d["base_year"]) == {2016}
    text = export.to_csv(spec.data, spec.source).decode("utf-8")
    assert "value_constant_usd_bn" in text and set(d["deflator_source_id"]) == {"N48"}


def test_current_dollars_stay_as_they_were(tables):
    spec = charts.build("growth", tables, charts.Options())
    assert "value_usd_bn" in spec.data.columns and "prices" not in spec.data.columns
    assert "constant" not in spec.title and "N47" not in spec.source


def test_the_cpi_u_source_line_says_the_means_are_computed_and_marks_a_part_year(tables):
    spec = charts.build("growth", tables, charts.Options(prices="constant", base_year=2018))
    source = spec.source.replace("<br>", " ")
    assert "annual means computed here from the monthly values, not published by the BLS" \
        in source
    assert "2018: mean of 11 months only" in spec.title.replace("<br>", " ")
    assert "2018: mean of 11 months only" in source


def test_yoy_and_flows_follow_the_prices(tables):
    yoy = charts.build("yoy-growth", tables, CONSTANT)
    d = yoy.data.set_index("year")
    assert d.loc[2017, "computed_change_pct"] == pytest.approx(8.0)  # 27 / 25 - 1
    assert d["reported_change_pct"].isna().all()  # the sources' changes are nominal
    assert "constant US$ of 2016" in yoy.title
    # the CSV carries both values and the index of each year, as every constant-dollar CSV does
    assert d.loc[2017, "value_current_usd_bn"] == pytest.approx(30.0)
    assert d.loc[2017, "deflator_index"] == 120 and d.loc[2017, "base_index"] == 108
    assert d.loc[2017, "value_constant_usd_bn"] == pytest.approx(30 * 108 / 120)
    flows = charts.build("flows", tables, CONSTANT)
    f = flows.data.set_index("flow")
    assert f.loc["export", "value_constant_usd_bn"] == pytest.approx(18 * 108 / 120)
    assert f.loc["export", "value_current_usd_bn"] == 18.0


def test_doubling_chart_reads_the_target_in_base_year_dollars(tables):
    from dashboard.core.projection_settings import Settings
    o = charts.Options(prices="constant", deflator="cpi-u",
                       projection=Settings(base_year=2015, deadline=2020))
    spec = charts.build("doubling-target", tables, o)
    assert spec.real is not None and spec.real.pricing.base_year == 2015
    assert spec.real.constant_usd == pytest.approx(24e9)  # 2017: 30 x 100 / 125
    assert any("In US$ of 2015 (US CPI-U)" in s for s in spec.real_sentences)
    d = spec.data
    const = d[d["series"].str.contains("constant US\\$ of 2015", regex=True)]
    assert list(const["year"]) == [2014, 2015, 2016, 2017]
    assert list(const["value_constant_usd_bn"]) == pytest.approx([20.0, 20.0, 25.0, 24.0])
    assert spec.answer.target_usd == 40e9  # the target stays the nominal one


def test_the_doubling_axis_names_both_prices_when_it_draws_both(tables):
    from dashboard.core.projection_settings import Settings
    o = charts.Options(prices="constant", projection=Settings(base_year=2015, deadline=2020))
    axis = charts.build("doubling-target", tables, o).figure.layout.yaxis.title.text
    assert "current dollars" in axis and "constant US$ of 2015" in axis.replace("<br>", " ")
    plain = charts.build("doubling-target", tables, charts.Options(
        projection=Settings(base_year=2015, deadline=2020))).figure.layout.yaxis.title.text
    assert "constant" not in plain


def test_a_doubling_base_year_the_index_lacks_is_said_not_raised(tables):
    from dashboard.core.projection_settings import Settings
    o = charts.Options(prices="constant", projection=Settings(base_year=2010, deadline=2020))
    spec = charts.build("doubling-target", tables, o)  # the fixture's CPI-U starts in 2014
    assert spec.real is None
    assert spec.real_sentences == ("No US CPI-U value for 2010: no constant-dollar reading of it.",)
    assert "constant" not in spec.figure.layout.yaxis.title.text


def test_mirror_in_constant_dollars_keeps_the_gap_in_percent(tables):
    spec = charts.build("mirror", tables, CONSTANT)
    d = spec.data.set_index("year")
    assert d.loc[2017, "reported_by_chn_current_usd_bn"] == 30.0
    assert d.loc[2017, "reported_by_chn_constant_usd_bn"] == pytest.approx(27.0)  # 30 x 108/120
    assert d.loc[2017, "reported_by_kaz_constant_usd_bn"] == pytest.approx(21.6)  # 24 x 108/120
    assert d.loc[2017, "gap_pct"] == pytest.approx(25.0)  # the same as in current dollars
    assert d.loc[2017, "deflator_index"] == 120.0 and set(d["deflator"]) == {"gdp"}
    assert spec.title.endswith("in constant US$ of 2016, US GDP deflator")
