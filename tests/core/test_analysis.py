"""Derived figures and verdicts, on the synthetic fixture package."""

import pytest

from dashboard.charts.world import world_rows
from dashboard.core.analysis import (
    cagr_between,
    cagr_summary,
    mirror_table,
    target_statuses,
    yoy_growth,
)
from dashboard.core.verdicts import claim_verdicts, editorial_summary, world_check
from dashboard.data.loader import series


def test_verdicts_are_computed_from_the_data(tables):
    v = {x.claim_id: x for x in claim_verdicts(tables)}
    assert set(v) == {"trade_2023", "growth_2023", "world_2023", "doubling_goal"}
    assert v["trade_2023"].verdict == ("Matches China's figure in Fixture Database: $30 bn, "
                                       "exports + imports. Kazakhstan's figure in Fixture "
                                       "Database: $24 bn, exports + imports.")
    assert ("+20.0% ($30 bn against $25 bn in 2016); the editorial's figure is that, rounded."
            in v["growth_2023"].verdict)
    # Kazakhstan's 2016 figure is flagged as an anomaly in the fixture
    assert "flagged as far below Kazakhstan's national statistics" in v["growth_2023"].verdict
    assert "−1.5% (2018-04), revised to −2.5% (2018-10)" in v["world_2023"].verdict
    assert "Value measures fell 4% to 6%." in v["world_2023"].verdict
    assert "2 × $30 bn = $60 bn (computed)" in v["doubling_goal"].verdict
    assert ("Progress: 0% of the increase needed (2017 → 2017: $30 bn); level: 50% of the "
            "target." in v["doubling_goal"].verdict)


def test_verdict_follows_a_changed_figure(tables):
    changed = dict(tables)
    trade = tables["bilateral_trade"].copy()
    trade.loc[(trade["year"] == 2017) & (trade["reporter"] == "CHN")
              & (trade["flow"] == "total"), "value_usd"] = 28e9
    changed["bilateral_trade"] = trade
    v = {x.claim_id: x for x in claim_verdicts(changed)}
    assert v["trade_2023"].verdict.startswith("China's figure in Fixture Database is $28 bn")
    assert "differs" in v["growth_2023"].verdict


def test_doubling_verdict_without_a_base_year_figure(tables):
    """Bug: a base year with no figure raised TypeError (target None)."""
    changed = dict(tables)
    claims = tables["editorial_claims"].copy()
    claims.loc[claims["claim_id"] == "doubling_goal", "year"] = 2012  # a gap year
    changed["editorial_claims"] = claims
    v = {x.claim_id: x for x in claim_verdicts(changed)}["doubling_goal"]
    assert v.verdict == ("No figure of China's customs for 2012, so the target cannot be "
                         "computed.")
    assert v.headline == "2× the 2012 value"


def test_editorial_summary_reads_the_claims(tables):
    s = editorial_summary(tables)
    assert s.publisher == "Fixture Daily" and s.published == "2018-07-03"
    assert "**$30 bn in 2017**, up 20%" in s.intro and "−2.5%" in s.intro


def test_yoy_only_for_consecutive_years(tables):
    g = yoy_growth(series(tables["bilateral_trade"])).set_index("year")
    assert g.loc[2011, "computed_change_pct"] == pytest.approx(20)
    assert g.loc[2017, "computed_change_pct"] == pytest.approx(20)
    assert str(g.loc[2013, "computed_change_pct"]) == "<NA>"  # 2012 is a gap


def test_cagr_between_needs_both_years(tables):
    s = series(tables["bilateral_trade"])
    assert cagr_between(s, 2010, 2017) == pytest.approx(3 ** (1 / 7) - 1)
    assert cagr_between(s, 2005, 2017) == pytest.approx(6 ** (1 / 12) - 1)
    assert cagr_between(s, 2012, 2017) is None
    summary = cagr_summary(s, 2015, 2017)
    assert (summary.start_value, summary.end_value) == (20e9, 30e9)
    assert summary.rate == pytest.approx(1.5 ** 0.5 - 1)
    assert cagr_summary(s, 2017, 2017) is None


def test_mirror_gaps(tables):
    m = mirror_table(tables["bilateral_trade"])
    rows = m.rows.set_index("year")
    assert (m.a, m.b) == ("CHN", "KAZ")
    assert list(rows.index) == [2015, 2016, 2017]
    assert rows.loc[2017, "gap_usd"] == pytest.approx(6e9)
    assert rows.loc[2017, "gap_pct"] == pytest.approx(25)
    assert list(m.rows.columns) == ["year", "value_a", "source_a", "approximate_a", "anomaly_a",
                                    "value_b", "source_b", "approximate_b", "anomaly_b",
                                    "gap_usd", "gap_pct"]
    assert rows.loc[2016, "anomaly_b"] and not rows.loc[2017, "anomaly_b"]


def test_target_status(tables):
    s = {t.target_id: t for t in target_statuses(tables["targets"], tables["bilateral_trade"])}
    assert s["T2014"].status == "met" and "2013" in s["T2014"].detail
    assert s["T2016"].status == "missed" and "$25 bn in 2016" in s["T2016"].detail
    assert s["T2012"].status == "no figure" and "no sourced figure for 2012" in s["T2012"].detail
    assert s["T2025"].status == "open" and s["TDOUBLE"].status == "open"
    assert s["TDOUBLE"].value_usd == 60e9


def test_world_rows_and_check(tables):
    w = world_rows(tables, 2017)
    assert w["editorial"].sum() == 2
    assert set(w["basis"]) == {"value", "volume", "unspecified"}
    assert w[w["group"] == "bilateral"]["change_pct"].tolist() == pytest.approx([20, 20])
    c = world_check(tables["world_trade"], 2017)
    assert c.editorial.change_pct == -2.5
    assert [r.published for r in c.volume] == ["2018-04", "2018-10"]
