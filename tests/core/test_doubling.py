"""Doubling-target logic on the fixture package: presets, answers, reporters."""

import pytest

from dashboard.core.doubling import answer, default_settings, presets
from dashboard.core.projection_settings import Settings
from dashboard.data.loader import series


@pytest.fixture
def history(tables):
    return series(tables["bilateral_trade"])


def test_presets_are_computed_from_the_data(history):
    p = {x.key: x for x in presets(history, 2017)}
    assert p["pace_base"].growth == pytest.approx(0.2)
    assert "pace_latest" not in p  # the base year is the latest year
    assert p["cagr10"].growth == pytest.approx((30 / 5) ** (1 / 12) - 1)
    assert "no figure for 2007" in p["cagr10"].explanation
    p16 = {x.key: x for x in presets(history, 2016)}
    assert p16["pace_base"].label == "the 2016 pace, 2015→2016"
    assert p16["pace_latest"].growth == pytest.approx(0.2)


def test_default_settings(history):
    d = default_settings(history, 2016)
    assert (d.base_year, d.growth, d.multiple, d.deadline) == (2016, 0.2, 2.0, 2030)
    assert default_settings(history, 1999).base_year == 2017  # no figure: the latest year


def test_answer_sentences(history):
    a = answer(history, Settings(base_year=2016, growth=0.1, deadline=2020))
    assert a.sentences[0] == "At 10.0% a year (your rate), trade reaches $50.0 bn in 2024."
    assert a.required_sentence == ("Doubling by 2020 needs 18.9% a year from 2016 "
                                   "(figures of China's customs (GACC)).")
    assert a.progress == ["Actual 2017 (China's customs (GACC)): $30.0 bn. **Progress: 20% of the "
                          "increase needed** since 2016; level: 60% of the target."]
    assert a.paths[0].reach_year == 2024 and a.paths[0].main
    assert a.paths[0].value_in(2016) == 25e9


def test_answer_speaks_of_the_chosen_reporter(tables):
    """Bug: with Kazakhstan's statistics the answer still spoke of China's figures."""
    kaz = series(tables["bilateral_trade"], "KAZ", "CHN")
    a = answer(kaz, Settings(base_year=2016, growth=0.1, deadline=2020), "Kazakhstan's statistics")
    assert "Kazakhstan's statistics" in a.required_sentence
    assert a.progress[0].startswith("Actual 2017 (Kazakhstan's statistics)")
    assert "China" not in " ".join([a.required_sentence, *a.progress, *a.sentences])


def test_answer_never(history):
    a = answer(history, Settings(base_year=2017, growth=-0.05))
    assert a.sentences[0].endswith("never, at this rate.")
    assert a.paths[0].reach_year is None


def test_absolute_target(history):
    a = answer(history, Settings(base_year=2017, target_usd=100e9, growth=0.1))
    assert a.target_usd == 100e9
    assert a.required_sentence.startswith("Reaching $100.0 bn by 2030 needs")
