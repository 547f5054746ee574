import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from dashboard.core.projection import cagr, project, required_growth, year_reaching


def test_doubling_at_the_editorial_pace():
    # 41 * 1.32**n >= 82  ->  n >= ln 2 / ln 1.32 = 2.497  ->  3 years
    assert year_reaching(41e9, 2023, 0.32, 82e9) == 2026


def test_doubling_at_the_latest_pace():
    g = cagr(41e9, 2023, 43.82e9, 2024)
    assert g == pytest.approx(0.068780, abs=1e-6)
    # ln 2 / ln 1.06878 = 10.42 -> 11 years
    assert year_reaching(41e9, 2023, g, 82e9) == 2034


def test_rate_needed_to_double_by_2030():
    # 2 ** (1/7) - 1 = 0.10409
    assert required_growth(41e9, 2023, 82e9, 2030) == pytest.approx(0.104090, abs=1e-6)


def test_project_compounds_once_a_year():
    p = project(100.0, 2020, 0.1, 2023)
    assert p["year"].tolist() == [2020, 2021, 2022, 2023]
    assert p["value"].tolist() == pytest.approx([100, 110, 121, 133.1])
    assert list(p.columns) == ["year", "value"]


def test_edge_cases():
    assert year_reaching(100, 2020, 0.0, 200) is None
    assert year_reaching(100, 2020, -0.05, 200) is None
    assert year_reaching(300, 2020, -0.05, 200) == 2020  # already there
    assert year_reaching(200, 2020, 0.1, 200) == 2020
    assert project(5, 2020, 0.5, 2020)["value"].tolist() == [5]
    assert required_growth(100, 2020, 50, 2021) == pytest.approx(-0.5)
    assert cagr(100, 2000, 100, 2010) == 0
    assert year_reaching(1e6, 1990, 2.2250738585e-313, 2e6) is None  # found by hypothesis
    assert year_reaching(1e6, 1990, 1e-9, 2e6) > 10**8  # tiny but finite: a (very) late year


@pytest.mark.parametrize("call,message", [
    (lambda: required_growth(41e9, 2023, 82e9, 2023), "target_year .* must be after base_year"),
    (lambda: required_growth(41e9, 2023, 82e9, 2020), "target_year"),
    (lambda: required_growth(0, 2023, 82e9, 2030), "base_value must be greater than zero"),
    (lambda: required_growth(41e9, 2023, -1, 2030), "target must be greater than zero"),
    (lambda: project(float("nan"), 2023, 0.1, 2030), "base_value must be a number, got NaN"),
    (lambda: project(41e9, 2023, float("inf"), 2030), "growth must be finite"),
    (lambda: project(41e9, 2023, -1.0, 2030), "growth must be above -1"),
    (lambda: project(41e9, 2023, 0.1, 2020), "end_year .* must not be before base_year"),
    (lambda: project(41e9, 2023.5, 0.1, 2030), "base_year must be a whole year"),
    (lambda: project("41", 2023, 0.1, 2030), "base_value must be a number"),
    (lambda: year_reaching(41e9, 2023, 0.1, float("nan")), "target must be a number"),
    (lambda: cagr(1, 2020, 2, 2020), "end_year .* must be after start_year"),
    (lambda: cagr(-1, 2020, 2, 2021), "start_value must be greater than zero"),
])
def test_nonsense_is_rejected_with_a_named_argument(call, message):
    with pytest.raises(ValueError, match=message):
        call()


values = st.floats(min_value=1e6, max_value=1e12)
rates = st.floats(min_value=-0.5, max_value=1.0)
years = st.integers(min_value=1990, max_value=2050)


@settings(deadline=None)  # arithmetic only: a busy machine must not fail it on time
@given(values, years, rates, rates, st.floats(min_value=1.01, max_value=10))
def test_higher_growth_never_reaches_later(base, year, g1, g2, multiple):
    lo, hi = sorted((g1, g2))
    target = base * multiple
    y_lo, y_hi = year_reaching(base, year, lo, target), year_reaching(base, year, hi, target)
    if y_lo is not None:
        assert y_hi is not None and y_hi <= y_lo


@settings(deadline=None)  # arithmetic only: a busy machine must not fail it on time
@given(values, years, values, st.integers(min_value=1, max_value=60))
def test_required_growth_then_project_lands_on_target(base, year, target, span):
    g = required_growth(base, year, target, year + span)
    assume(g > -1)
    end = project(base, year, g, year + span)["value"].iloc[-1]
    assert end == pytest.approx(target, rel=1e-9)


@settings(deadline=None)  # arithmetic only: a busy machine must not fail it on time
@given(values, years, st.floats(min_value=0.001, max_value=1.0),
       st.floats(min_value=1.0001, max_value=50))
def test_year_reaching_agrees_with_project(base, year, g, multiple):
    target = base * multiple
    y = year_reaching(base, year, g, target)
    assert y is not None
    path = project(base, year, g, y)
    assert path["value"].iloc[-1] >= target
    if y > year:
        assert path["value"].iloc[-2] < target


@settings(deadline=None)  # arithmetic only: a busy machine must not fail it on time
@given(values, years, values, st.integers(min_value=1, max_value=50))
def test_cagr_inverts_project(start, year, end, span):
    g = cagr(start, year, end, year + span)
    assert math.isclose(project(start, year, g, year + span)["value"].iloc[-1], end,
                        rel_tol=1e-9)
