import pytest

from dashboard.analysis import (
    cagr_between,
    claim_verdicts,
    mirror_table,
    target_statuses,
    world_comparison,
    yoy_growth,
)
from dashboard.data import series


def test_verdicts_are_computed_from_the_data(tables):
    v = {x.claim_id: x for x in claim_verdicts(tables)}
    assert set(v) == {"trade_2023", "growth_2023", "world_2023", "doubling_goal"}
    assert v["trade_2023"].verdict == ("Matches China's customs figure; Kazakhstan's statistics "
                                       "give $31.4 bn.")
    assert "+31.4% ($41 bn / $31.2 bn)" in v["growth_2023"].verdict
    assert "−1.2% (April 2024), revised to −1.1% (October 2024" in v["world_2023"].verdict
    assert "Value measures fell 2–5%" in v["world_2023"].verdict
    assert "2 × $41 bn = $82 bn (computed)" in v["doubling_goal"].verdict
    assert "53% of the way" in v["doubling_goal"].verdict


def test_verdict_follows_a_changed_figure(tables):
    changed = dict(tables)
    trade = tables["bilateral_trade"].copy()
    trade.loc[(trade["year"] == 2023) & (trade["reporter"] == "CHN")
              & (trade["flow"] == "total"), "value_usd"] = 38e9
    changed["bilateral_trade"] = trade
    v = {x.claim_id: x for x in claim_verdicts(changed)}
    assert v["trade_2023"].verdict.startswith("China's customs: $38 bn")


def test_yoy_only_for_consecutive_years(tables):
    g = yoy_growth(series(tables["bilateral_trade"])).set_index("year")
    assert g.loc[2023, "computed_change_pct"] == pytest.approx(31.410256, abs=1e-5)
    assert g.loc[2024, "computed_change_pct"] == pytest.approx(6.878049, abs=1e-5)
    for gap_after in (2003, 2011, 2013, 2016, 2021):
        assert str(g.loc[gap_after, "computed_change_pct"]) == "<NA>", gap_after


def test_cagr_between_needs_both_years(tables):
    s = series(tables["bilateral_trade"])
    assert cagr_between(s, 2013, 2024) == pytest.approx((43.82 / 28.5) ** (1 / 11) - 1)
    assert cagr_between(s, 2014, 2024) is None


def test_mirror_gaps(tables):
    m = mirror_table(tables["bilateral_trade"]).set_index("year")
    assert list(m.index) == [2013, 2018, 2019, 2021, 2022, 2023]
    assert m.loc[2023, "gap_usd"] == pytest.approx(9.6e9)
    assert m.loc[2023, "gap_pct"] == pytest.approx((41 / 31.4 - 1) * 100)
    assert m.loc[2013, "gap_pct"] == pytest.approx((28.5 / 22.53 - 1) * 100)


def test_target_status(tables):
    s = {t.target_id: t for t in target_statuses(tables["targets"], tables["bilateral_trade"])}
    assert s["T2030A"].status == "met" and "2023" in s["T2030A"].detail
    assert s["T2030B"].status == "met"
    assert s["T2015"].status == "unknown" and "no sourced figure for 2015" in s["T2015"].detail
    assert s["T2020"].status == "unknown"
    assert s["T100"].status == "open" and s["TDOUBLE"].status == "open"
    assert s["TDOUBLE"].value_usd == 82e9
    assert (s["T100"].source_id, s["T2015"].source_id) == ("S31", "S26")


def test_target_missed_when_the_deadline_year_is_below(tables):
    targets = tables["targets"].copy()
    targets.loc[targets["target_id"] == "T2015", "deadline_year"] = 2016
    s = {t.target_id: t for t in target_statuses(targets, tables["bilateral_trade"])}
    assert s["T2015"].status == "missed" and "$13 bn in 2016" in s["T2015"].detail


def test_world_comparison_rows(tables):
    w = world_comparison(tables)
    assert w["editorial"].sum() == 2
    assert set(w["basis"]) == {"value", "volume", "unspecified"}
    assert w[w["group"] == "bilateral"]["change_pct"].tolist() == pytest.approx([32, 31.410256],
                                                                               abs=1e-5)
