"""Constant dollars on the fixture package, every value checked by hand against its index.

Fixture indexes (tests/fixtures/package/deflator.csv): CPI-U 2014 80, 2015 100, 2016 100,
2017 125, 2018 150 (11 months); GDP 2013 90, 2015 100, 2016 108, 2017 120 (no 2014).
China's totals: 2013 $15 bn, 2014 $16 bn, 2015 $20 bn, 2016 $25 bn, 2017 $30 bn.
"""

import pytest

from dashboard.core import prices
from dashboard.core.prices import Choice, PriceError
from dashboard.core.real_terms import claim_change, claim_sentence, real_terms, sentences
from dashboard.data.loader import series
from dashboard.errors import UserError
from dashboard.text.i18n import tr


def chn(tables):
    return series(tables["bilateral_trade"], "CHN", "KAZ")


def test_the_deflator_table_is_read_with_its_part_year_mean(tables):
    cpi = prices.deflator(tables, "cpi-u")
    assert cpi.index == {2014: 80.0, 2015: 100.0, 2016: 100.0, 2017: 125.0, 2018: 150.0}
    assert cpi.partial == {2018: 11}
    assert cpi.full_years == [2014, 2015, 2016, 2017]
    assert cpi.default_base() == 2017  # the latest FULL year, never the 11-month 2018
    assert cpi.source_ids == ("N47",)
    gdp = prices.deflator(tables, "gdp")
    assert gdp.default_base() == 2017 and gdp.partial == {} and gdp.source_ids == ("N48",)


def test_a_series_in_constant_dollars_by_hand(tables):
    p = prices.pricing(tables, "cpi-u")  # base 2017, index 125
    out = prices.deflate(chn(tables), p).set_index("year")
    # value x 125 / index(year); 2013 and earlier have no CPI-U value: dropped, a gap
    assert out.loc[2014, "value_usd"] == pytest.approx(16e9 * 125 / 80)  # 25.0 bn
    assert out.loc[2015, "value_usd"] == pytest.approx(25e9)
    assert out.loc[2016, "value_usd"] == pytest.approx(31.25e9)
    assert out.loc[2017, "value_usd"] == pytest.approx(30e9)
    assert list(out.index) == [2014, 2015, 2016, 2017]
    assert out.loc[2016, "current_usd"] == 25e9 and out.loc[2016, "deflator_index"] == 100.0


def test_gdp_deflator_with_a_chosen_base_and_a_missing_year(tables):
    p = prices.pricing(tables, "gdp", 2016)  # index 108
    out = prices.deflate(chn(tables), p).set_index("year")["value_usd"]
    assert out[2013] == pytest.approx(15e9 * 108 / 90)  # 18.0 bn
    assert out[2015] == pytest.approx(21.6e9)
    assert out[2016] == pytest.approx(25e9)
    assert out[2017] == pytest.approx(27e9)
    assert 2014 not in out.index  # no GDP deflator value for 2014: a gap, never filled
    assert p.constant(16e9, 2014) is None and p.factor(2014) is None


@pytest.mark.parametrize("year", [2014, 1990, 2100, "2014", "abc", "", "2015.5", "1e3",
                                  "<script>", True, 20150])
def test_a_base_year_without_an_index_is_a_clear_error(tables, year):
    with pytest.raises(PriceError) as info:
        prices.pricing(tables, "gdp", year)
    message = str(info.value)
    assert "\n" not in message and len(message) < 200
    assert isinstance(info.value, UserError) and isinstance(info.value, ValueError)


def test_the_part_year_base_is_allowed_but_marked(tables):
    p = prices.pricing(tables, "cpi-u", 2018)
    assert p.base_year == 2018 and p.partial_years([2017]) == [2018]
    assert prices.pricing(tables, "cpi-u", 2016).partial_years([2016, 2018]) == [2018]


@pytest.mark.parametrize("raw", ["nominal", "", "CONSTANTS", "constant;drop", None, 1])
def test_bad_words_are_refused(raw):
    with pytest.raises(PriceError):
        prices.check_prices(raw)
    with pytest.raises(PriceError):
        prices.check_deflator(raw)


def test_no_deflator_table_means_a_clear_message(tables):
    without = {k: v for k, v in tables.items() if k != "deflator"}
    assert not prices.has_deflator(without)
    with pytest.raises(PriceError, match="no US CPI-U values"):
        prices.pricing(without)


@pytest.mark.parametrize("params,expected,notices", [
    ({}, Choice(), 0),
    ({"prices": "constant"}, Choice("constant", None, "cpi-u"), 0),
    ({"prices": "constant", "base": "2016", "deflator": "gdp"}, Choice("constant", 2016, "gdp"),
     0),
    ({"prices": ["current", "constant"], "base": "2015"}, Choice("constant", 2015, "cpi-u"), 0),
    ({"prices": "current", "base": "2016", "deflator": "gdp"}, Choice("current", None, "gdp"),
     2),  # neither applies to current dollars: both said
    ({"prices": "<b>bold</b>"}, Choice(), 1),
    ({"prices": "constant", "base": "2014", "deflator": "gdp"}, Choice("constant", None, "gdp"),
     1),
    ({"prices": "constant", "base": "x" * 5000, "deflator": "\u202e"},
     Choice("constant", None, "cpi-u"), 2),
])
def test_link_parameters_fall_back_with_a_notice(tables, params, expected, notices):
    choice, said = prices.parse_params(params, tables)
    assert choice == expected and len(said) == notices
    assert all(len(n) < 400 and "\n" not in n for n in said)


@pytest.mark.parametrize("lang", ["en", "zh", "ru", "kk"])
def test_a_deflator_or_base_without_constant_prices_is_said(tables, lang):
    """?deflator=gdp (or ?base=) without prices=constant changes nothing shown: say so."""
    choice, said = prices.parse_params({"deflator": "gdp", "base": "2016"}, tables, lang)
    assert choice.prices == "current" and choice.base_year is None
    assert said == [tr(lang, "prices.needs_constant", key=k, value=v)
                    for k, v in (("deflator", "'gdp'"), ("base", "'2016'"))]
    assert said[0].startswith("deflator='gdp'") and said[1].startswith("base='2016'")
    # the doubling page reads base= itself (its own base year): only the deflator is said
    assert len(prices.parse_params({"deflator": "gdp", "base": "2016"}, tables, lang,
                                   base=False)[1]) == 1
    assert prices.parse_params({"prices": "constant", "deflator": "gdp"}, tables, lang)[1] == []


def test_a_choice_round_trips_through_its_link(tables):
    c = Choice("constant", 2016, "gdp")
    assert c.to_params() == {"prices": "constant", "deflator": "gdp", "base": "2016"}
    assert prices.parse_params(c.to_params(), tables)[0] == c
    assert Choice().to_params() == {}


def test_the_doubling_goal_in_real_terms_by_hand(tables):
    p = prices.pricing(tables, "cpi-u", 2015)  # base 2015 = $20 bn, index 100
    rt = real_terms(chn(tables), p, 40e9, 2020)
    assert rt.year == 2017 and rt.current_usd == 30e9
    assert rt.constant_usd == pytest.approx(24e9)  # 30 x 100 / 125
    assert rt.progress_real == pytest.approx(0.2)  # (24 - 20) / (40 - 20)
    assert rt.progress_nominal == pytest.approx(0.5)
    assert rt.pace_real == pytest.approx((24 / 20) ** 0.5 - 1)
    assert rt.needed_real == pytest.approx((40 / 24) ** (1 / 3) - 1)
    text = " ".join(sentences(rt, "en"))
    assert "$24.00 bn" in text and "US$ of 2015" in text and "US CPI-U" in text
    assert real_terms(chn(tables), prices.pricing(tables, "cpi-u", 2017), 60e9, 2030) is None


def test_the_overview_line_is_computed(tables):
    change, p = claim_change(tables, 2017)  # 30 / 31.25 - 1 with CPI-U (2016 100, 2017 125)
    assert change == pytest.approx(-0.04) and p.base_year == 2017
    assert claim_change(tables, 2016, "gdp")[0] == pytest.approx(25 / 21.6 - 1)
    assert claim_change(tables, 2014, "gdp") is None  # no 2014 index
    line = claim_sentence(tables, 2017, "en")
    assert line == ("In constant US$ of 2017 (US CPI-U), the change from 2016 to 2017 is "
                    "−4.0%, computed from the same figures.")
