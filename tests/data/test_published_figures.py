"""The published figures, pinned in one place.

Everything else tests logic on the synthetic fixture package; this file is the one
to update when ``data/`` changes on purpose (a new year, a corrected figure).
"""

import pandas as pd
import pytest

from dashboard import charts
from dashboard.core.doubling import answer, default_settings, presets
from dashboard.core.verdicts import claim_verdicts
from dashboard.data.loader import series, value_for


@pytest.mark.parametrize("year,reporter,flow,value", [
    (1992, "CHN", "total", 368e6), (2013, "CHN", "total", 28.5e9),
    (2018, "CHN", "total", 19444858089), (2022, "CHN", "total", 31174482975),
    (2023, "CHN", "total", 41054792070), (2024, "CHN", "total", 43865952035),
    (2023, "CHN", "export", 24696909997), (2023, "CHN", "import", 16357882073),
    (2013, "KAZ", "export", 14373748042), (2023, "KAZ", "total", 31530935987.65),
    (2022, "KAZ", "import", 3575000793.04),
])
def test_key_figures_match_the_brief(published, year, reporter, flow, value):
    partner = "KAZ" if reporter == "CHN" else "CHN"
    got = value_for(published["bilateral_trade"], year, reporter, partner, flow)
    assert got == pytest.approx(value)


def test_gaps_stay_gaps(published):
    years = set(series(published["bilateral_trade"])["year"])
    for missing in (1997, 1999, 2001, 2004, 2009, 2010, 2012, 2025, *range(1993, 1997)):
        assert missing not in years


def test_reported_changes_and_approximations(published):
    t = published["bilateral_trade"].set_index(["year", "reporter", "flow"])
    assert t.loc[(2013, "CHN", "total"), "reported_change_pct"] == 11.3
    assert pd.isna(t.loc[(2024, "CHN", "total"), "reported_change_pct"])
    assert bool(t.loc[(2002, "CHN", "total"), "approximate"]) is True
    assert bool(t.loc[(1998, "CHN", "total"), "approximate"]) is True
    assert bool(t.loc[(2019, "KAZ", "total"), "approximate"]) is False


def test_world_and_targets(published):
    w = published["world_trade"]
    editorial = w[w["source_id"] == "S01"]
    assert editorial["change_pct"].tolist() == [-1.1]
    assert sorted(w[w["source_id"] == "S20"]["change_pct"].tolist()) == [-5, -1.2, 9]
    t = published["targets"].set_index("target_id")
    assert t.loc["TDOUBLE", "target_multiple"] == 2 and pd.isna(t.loc["TDOUBLE",
                                                                      "target_value_usd"])
    assert t.loc["T100", "target_value_usd"] == 100e9 and pd.isna(t.loc["T100", "deadline_year"])



def test_editorial_claims_are_verbatim(published):
    c = published["editorial_claims"].set_index("claim_id")
    assert c.loc["trade_2023", "quote"] == ("In 2023, the trade volume between China and "
                                            "Kazakhstan reached $41 billion")
    assert c.loc["world_2023", "value"] == -1.1



def test_verdicts_on_the_published_figures(published):
    v = {x.claim_id: x for x in claim_verdicts(published)}
    assert v["trade_2023"].verdict.startswith("Matches China's figure in United Nations "
                                              "Statistics Division")
    assert "$41.055 bn, exports + imports" in v["trade_2023"].verdict
    assert "Kazakhstan's figure" in v["trade_2023"].verdict and "$31.531 bn" in (
        v["trade_2023"].verdict)
    assert "+31.7% ($41.055 bn against $31.174 bn in 2022)" in v["growth_2023"].verdict
    assert "flagged as far below Kazakhstan's national statistics" in v["growth_2023"].verdict
    assert "−1.2% (2024-04), revised to −1.1% (2024-10)" in v["world_2023"].verdict
    assert "Value measures fell 2% to 5%." in v["world_2023"].verdict
    assert "2 × $41.055 bn = $82.11 bn (computed)" in v["doubling_goal"].verdict
    assert "53% of the way" in v["doubling_goal"].verdict


def test_doubling_defaults_and_presets_on_the_published_figures(published):
    history = series(published["bilateral_trade"])
    p = {x.key: x for x in presets(history, 2023)}
    assert p["pace_base"].growth == pytest.approx(41054792070 / 31174482975 - 1)
    assert p["pace_latest"].growth == pytest.approx(43865952035 / 41054792070 - 1)
    assert p["cagr10"].label == "the 10-year CAGR, 2014→2024"
    d = default_settings(history)
    assert (d.base_year, d.growth, d.multiple, d.deadline) == (2023, 0.068, 2.0, 2030)
    a = answer(history, d)
    assert a.sentences[0] == "At 6.8% a year (your rate), trade reaches $82.1 bn in 2034."
    assert a.required_sentence.startswith("Doubling by 2030 needs 10.4% a year from 2023")


def test_every_chart_builds_on_the_published_figures(published):
    for name in charts.CHART_NAMES:
        assert not charts.build(name, published).data.empty, name
    assert value_for(published["bilateral_trade"], 2023) == 41054792070
    assert not pd.isna(published["sources"].set_index("source_id").loc["S01", "url"])
