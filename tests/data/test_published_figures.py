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
    (2025, "CHN", "total", 48.7e9), (2025, "CHN", "export", 29.7e9),
    (2025, "CHN", "import", 19.0e9),
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
    for missing in (1997, 1999, 2001, 2004, 2009, 2010, 2012, 2026, *range(1993, 1997)):
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
    assert v["doubling_goal"].sources == ("N01",)
    assert ("Progress: 19% of the increase needed (2023 → 2025: $48.7 bn); level: 59% of the "
            "target." in v["doubling_goal"].verdict)
    assert ("Pace since 2023: 8.9% a year to 2025; reaching the target by 2030 would need "
            "10.4% a year." in v["doubling_goal"].verdict)


def test_doubling_defaults_and_presets_on_the_published_figures(published):
    history = series(published["bilateral_trade"])
    p = {x.key: x for x in presets(history, 2023)}
    assert p["pace_base"].growth == pytest.approx(41054792070 / 31174482975 - 1)
    assert p["pace_latest"].growth == pytest.approx(48.7e9 / 43865952035 - 1)
    assert p["pace_latest"].label == "the latest pace, 2024→2025"
    assert p["cagr10"].label == "the 10-year CAGR, 2015→2025"
    d = default_settings(history)
    assert (d.base_year, d.growth, d.multiple, d.deadline) == (2023, 0.11, 2.0, 2030)
    a = answer(history, d)
    assert a.sentences[0] == "At 11.0% a year (your rate), trade reaches $82.1 bn in 2030."
    assert a.required_sentence.startswith("Doubling by 2030 needs 10.4% a year from 2023")


def test_every_chart_builds_on_the_published_figures(published):
    for name in charts.CHART_NAMES:
        assert not charts.build(name, published).data.empty, name
    assert value_for(published["bilateral_trade"], 2023) == 41054792070
    assert not pd.isna(published["sources"].set_index("source_id").loc["S01", "url"])


def test_2025_and_the_part_years_of_data_brief_4(published):
    from dashboard.core.official import readings, same_period_pairs
    t = published["bilateral_trade"].set_index(["year", "reporter", "flow"])
    row = t.loc[(2025, "CHN", "total")]
    assert (row["reading_type"], row["attribution"], row["source_id"], row["reported_change_pct"],
            bool(row["derived"])) == ("report", "stated", "N01", 11, False)
    assert (2025, "KAZ", "total") not in t.index  # the Bureau gave shares, no value
    china = readings(published, "CHN", "KAZ")
    bound = [x for x in china.others if x.year == 2025 and x.full_year]
    assert [(x.source_id, x.value_usd, x.lower_bound_usd) for x in bound] == [
        ("N02", None, 48.6e9)]
    part = {(x.year, x.month_end, x.source_id): x.value_usd for x in china.others
            if not x.full_year}
    assert part[(2023, 6, "N04")] == 18.25e9 and part[(2024, 10, "N03")] == 36.5e9
    assert part[(2025, 10, "N03")] == 39.8e9
    kaz = readings(published, "KAZ", "CHN")
    derived = {x.year: x for x in kaz.others if x.derived}
    x = derived[2025]
    assert (x.value_usd, x.value_low_usd, x.value_high_usd, x.source_id) == (
        34111234400, 34039290300, 34183178500, "N08")
    exp = next(x for x in readings(published, "KAZ", "CHN", "export").others if x.derived)
    assert (exp.value_usd, exp.value_low_usd, exp.value_high_usd) == (
        15175910400, 15136389800, 15215431000)
    imp = next(x for x in readings(published, "KAZ", "CHN", "import").others if x.derived)
    assert (imp.value_usd, imp.value_low_usd, imp.value_high_usd) == (
        18935324000, 18902900500, 18967747500)
    q1 = next(x for x in kaz.others if (x.year, x.month_end) == (2025, 3))
    assert (q1.value_usd, q1.change_pct, q1.attribution) == (5.9e9, -5.1, "inferred")
    three = {x.source_id: x.value_usd for x in kaz.others if x.year == 2023 and x.full_year}
    assert three["N09"] == 30.1e9 and three["S68"] == 31.5e9
    assert value_for(published["bilateral_trade"], 2023, "KAZ", "CHN") == 31530935987.65
    pairs = {(p.year, p.month_end) for p in same_period_pairs(published)}
    assert {(2023, 6), (2023, 10)} <= pairs


def test_the_2025_doubling_statements_and_small_fixes(published):
    from dashboard.core.targets import target_history
    h = {x.target_id: x for x in target_history(published)}
    for tid, source in (("TN11", "N11"), ("TN15", "N15")):
        assert (h[tid].verdict, h[tid].value_usd, h[tid].deadline_year, h[tid].source_id) == (
            "statement", None, None, source)
    assert h["TDOUBLE"].base_year == 2023 and h["TDOUBLE"].verdict_year == 2025
    c = published["editorial_claims"].set_index("claim_id")
    assert c.loc["customs_clearance", "quote"] == (
        "To that end they can further deepen cooperation in traditional sectors, and enhance "
        "the efficiency of customs clearance at border ports.")
    assert (published["products"]["attribution"] == "inferred").all()
    assert "L14" in set(published["logistics_caveats"]["based_on"])


@pytest.mark.parametrize("lang", ["en", "zh", "ru", "kk"])
def test_pages_show_2025_in_every_language(lang, monkeypatch):
    import json

    from helpers import open_page

    from dashboard.data.loader import DATA_DIR
    monkeypatch.setenv("DASHBOARD_DATA", str(DATA_DIR))
    for page in ("views/overview.py", "views/growth.py", "views/mirror.py",
                 "views/doubling.py"):
        at = open_page(page, {"lang": lang}, timeout=90)
        text = " ".join(str(e.value) for kind in ("markdown", "caption", "text", "title")
                        for e in getattr(at, kind))
        text += " ".join(json.dumps(json.loads(c.proto.spec)["layout"].get("title", {}))
                         for c in at.get("plotly_chart"))
        text += " ".join(str(m.label) + str(m.value) for m in at.metric)
        if page == "views/mirror.py":  # only years both sides give: Kazakhstan has no 2025
            assert "2024" in text and "2025" not in text, page
            years = set(at.dataframe[0].value.iloc[:, 0].astype(int))
            assert 2024 in years and 2025 not in years
        else:
            assert "2025" in text, (page, lang)


def test_central_asia_rankings_and_mirror_gaps_on_the_published_figures(published):
    from dashboard.core import central_asia as ca

    assert ca.years(published) == [2023, 2024, 2025]
    r24 = ca.ranking(published, 2024)  # GACC via The Astana Times (N24)
    assert [(r.country, r.value_usd) for r in r24] == [
        ("KAZ", 43820000000), ("KGZ", 22710000000), ("UZB", 13780000000),
        ("TKM", 10650000000), ("TJK", 3860000000)]
    assert sum(r.value_usd for r in r24) == 94820000000  # = N24's stated regional total
    r25 = ca.ranking(published, 2025)
    assert [(r.country, r.value_usd, r.source_id) for r in r25] == [
        ("KAZ", 48700000000, "N01"), ("KGZ", 27200000000, "N01"), ("UZB", 16200000000, "N02"),
        ("TKM", 10000000000, "N02"), ("TJK", 4300000000, "N02")]
    assert ca.region_total(published, 2025)["value_usd"] == 106300000000
    gaps = {(m.country, m.year, m.months): (m.china_usd, m.partner_usd)
            for m in ca.mirrors(published)}
    assert gaps == {("UZB", 2023, 12): (14e9, 13.7e9), ("KGZ", 2024, 3): (4.82e9, 1.63e9),
                    ("TJK", 2024, 12): (3.86e9, 1.96e9)}
    for lang in ("en", "zh", "ru", "kk"):  # three year panels side by side, in every language
        assert charts.build("central-asia", published, charts.Options(lang=lang)).figure


def test_deflators_and_constant_dollars_on_the_published_figures(published):
    from dashboard.core import prices
    from dashboard.core.real_terms import claim_change, real_terms

    cpi, gdp = prices.deflator(published, "cpi-u"), prices.deflator(published, "gdp")
    assert (cpi.index[2022], cpi.index[2023], cpi.index[2025]) == (292.654917, 304.701583,
                                                                   321.943)
    assert cpi.partial == {2025: 11}  # October 2025 is missing from the monthly file (N47)
    assert cpi.years == gdp.years == list(range(1995, 2026))
    assert gdp.index[2017] == 100.0 and gdp.index[2023] == 122.39
    assert (cpi.default_base(), gdp.default_base()) == (2024, 2025)
    change, p = claim_change(published, 2023)  # 41.055 / 31.174 over 304.70 / 292.65
    assert change == pytest.approx(41054792070 / 31174482975 / (304.701583 / 292.654917) - 1)
    assert round(change * 100, 1) == 26.5 and p.base_year == 2023
    rt = real_terms(series(published["bilateral_trade"]), prices.pricing(published, "gdp", 2023),
                    2 * 41054792070, 2030)
    assert rt.year == 2025 and rt.constant_usd == pytest.approx(48.7e9 * 122.39 / 128.986)
