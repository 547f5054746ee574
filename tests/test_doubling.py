import pytest

from dashboard.data import series
from dashboard.doubling import Settings, answer, default_settings, parse_params, presets


@pytest.fixture
def history(tables):
    return series(tables["bilateral_trade"])


def test_presets_are_computed_from_the_data(history):
    p = {x.key: x for x in presets(history, 2023)}
    assert p["pace_base"].growth == pytest.approx(41 / 31.2 - 1)
    assert p["pace_latest"].growth == pytest.approx(43.82 / 41 - 1)
    assert p["cagr10"].growth == pytest.approx((43.82 / 28.5) ** (1 / 11) - 1)
    assert "no figure for 2014" in p["cagr10"].explanation


def test_default_settings(history):
    d = default_settings(history)
    assert (d.base_year, d.growth, d.multiple, d.deadline) == (2023, 0.069, 2.0, 2030)


def test_answer_sentences(history):
    a = answer(history, default_settings(history))
    assert a.sentences[0] == "At 6.9% a year (your rate), trade reaches $82.0 bn in 2034."
    assert a.required_sentence == "Doubling by 2030 needs 10.4% a year from 2023."
    assert a.progress == ["2024: $43.8 bn, 53% of the way."]
    assert any("31.4% a year (the 2023 pace, 2022→2023)" in s and "2026" in s
               for s in a.sentences)


def test_answer_never(history):
    a = answer(history, Settings(growth=-0.05))
    assert a.sentences[0].endswith("never, at this rate.")
    assert a.paths[0]["reach_year"] is None


def test_absolute_target(history):
    a = answer(history, Settings(target_usd=100e9, growth=0.1))
    assert a.target_usd == 100e9
    assert a.required_sentence.startswith("Reaching $100.0 bn by 2030 needs")


def test_params_round_trip(history):
    s = Settings(base_year=2022, growth=0.125, multiple=3.0, deadline=2040,
                 scenarios=("cagr10",), log=True)
    back, notices = parse_params(s.to_params(), [2022, 2023], default_settings(history))
    assert back == s and notices == []
    t = Settings(target_usd=100e9)
    back, _ = parse_params(t.to_params(), [2023], default_settings(history))
    assert back.target_usd == 100e9


@pytest.mark.parametrize("params,word", [
    ({"growth": "abc"}, "Growth"), ({"growth": "nan"}, "Growth"), ({"growth": "1e308"}, "Growth"),
    ({"growth": "-0.9"}, "Growth"), ({"base": "2015"}, "Base year"), ({"base": "1e308"}, "Base"),
    ({"multiple": "inf"}, "Multiple"), ({"deadline": "2023"}, "Deadline"),
    ({"deadline": "99999"}, "Deadline"), ({"target": "-5"}, "Target"),
    ({"scenarios": "bogus"}, "Unknown scenario"),
])
def test_garbage_params_fall_back_with_a_notice(history, params, word):
    d = default_settings(history)
    s, notices = parse_params(params, [int(y) for y in history["year"]], d)
    assert len(notices) == 1 and word in notices[0]
    assert s.growth == d.growth and s.base_year == d.base_year and s.multiple == d.multiple
