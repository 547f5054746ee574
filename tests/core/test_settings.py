"""One definition of the projection settings: links, the command line and widgets agree."""

import pytest

from dashboard.core import projection_settings as settings
from dashboard.core.projection_settings import LIMITS, Settings, parse_params

DEFAULT = Settings(base_year=2017, growth=0.05, deadline=2030)
YEARS = [2015, 2016, 2017]


def test_params_round_trip():
    s = Settings(base_year=2016, growth=0.125, multiple=3.0, deadline=2040,
                 scenarios=("cagr10",), log=True)
    back, notices = parse_params(s.to_params(), YEARS, DEFAULT)
    assert back == s and notices == []
    t = Settings(base_year=2017, target_usd=100e9)
    back, _ = parse_params(t.to_params(), YEARS, DEFAULT)
    assert back.target_usd == 100e9


@pytest.mark.parametrize("params,word", [
    ({"growth": "abc"}, "growth="), ({"growth": "nan"}, "growth="),
    ({"growth": "1e308"}, "growth="), ({"growth": "-90"}, "growth="),
    ({"base": "2012"}, "base="), ({"base": "1e308"}, "base="), ({"base": "2016.5"}, "base="),
    ({"multiple": "inf"}, "multiple="), ({"multiple": "9"}, "multiple="),
    ({"deadline": "2017"}, "deadline="), ({"deadline": "99999"}, "deadline="),
    ({"target": "-5"}, "target="), ({"target": "5000"}, "target="),
    ({"scenarios": "bogus"}, "scenarios"), ({"log": "TRUE!"}, "log="), ({"log": "2"}, "log="),
    ({"colour": "red"}, "unknown link parameter"),
])
def test_garbage_params_fall_back_with_a_notice(params, word):
    s, notices = parse_params(params, YEARS, DEFAULT)
    assert len(notices) == 1 and word in notices[0], notices
    assert (s.growth, s.base_year, s.multiple, s.log) == (DEFAULT.growth, DEFAULT.base_year,
                                                          DEFAULT.multiple, DEFAULT.log)


@pytest.mark.parametrize("raw,expected", [("TRUE", True), ("yes", True), ("1", True),
                                          ("off", False), ("False", False)])
def test_log_spellings(raw, expected):
    s, notices = parse_params({"log": raw}, YEARS, DEFAULT)
    assert s.log is expected and notices == []


def test_growth_in_a_link_may_be_percent_or_fraction():
    assert parse_params({"growth": "6.9"}, YEARS, DEFAULT)[0].growth == 0.069
    assert parse_params({"growth": "0.069"}, YEARS, DEFAULT)[0].growth == 0.069


def test_hostile_values_are_bounded_in_notices():
    long = "[Log in](//example.invalid/x)" * 200
    s, notices = parse_params({"scenarios": ",".join(f"x{i}" for i in range(500)),
                               "growth": long}, YEARS, DEFAULT)
    assert all(len(n) < 400 for n in notices), [len(n) for n in notices]
    assert "and 495 more" in " ".join(notices)


def test_limits_are_one_definition():
    with pytest.raises(settings.SettingError, match="outside"):
        settings.check_growth(LIMITS.growth_max + 0.01)
    assert settings.check_growth(LIMITS.growth_max) == LIMITS.growth_max
    assert settings.check_target_bn(LIMITS.target_max_bn) == LIMITS.target_max_bn * 1e9
    with pytest.raises(settings.SettingError):
        settings.check_target_bn(LIMITS.target_max_bn + 1)
    assert settings.deadline_range(2017) == (2018, 2017 + LIMITS.deadline_span)
    with pytest.raises(settings.SettingError):
        settings.check_deadline(2017 + LIMITS.deadline_span + 1, 2017)
