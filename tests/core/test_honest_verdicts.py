"""Rules 2–4: no verdict dates an event inside a gap; progress toward doubling stated so
nobody misreads it; a change is stated first year to latest year.

Each test runs on a package built to trip its rule: the fixture's China series has no 2012
figure and T2014 is first reached in 2013; a copy adds targets crossed right after a year
with a figure and inside a longer gap; a logistics series peaks before its latest year.
"""

import pandas as pd
import pytest
from test_logistics import fig, make_tables

from dashboard import charts as catalog
from dashboard.core import analysis, doubling, logistics, targets, verdicts
from dashboard.core.projection_settings import Settings
from dashboard.data.loader import load_package, series

EXTRA_TARGETS = (
    "TGAP,2005-01,heads of state,8000000000,,,,S07,Synthetic: crossed inside 2006–2009.,"
    "false,false,2007,S03\n"
    "TNEXT,2010-01,heads of state,11000000000,,,2012,S07,Synthetic: crossed after 2010.,"
    "false,false,,\n")


@pytest.fixture
def gapped(fixture_copy):
    with open(fixture_copy / "targets.csv", "a", encoding="utf-8") as f:
        f.write(EXTRA_TARGETS)
    return load_package(fixture_copy)


# --- rule 2 --------------------------------------------------------------------------------

def test_a_target_first_reached_after_a_gap_is_met_by_that_year_at_the_latest(gapped):
    h = {t.target_id: t for t in targets.target_history(gapped)}
    # 2011: $12 bn (below $14 bn), 2012: no figure, 2013: $15 bn
    assert (h["T2014"].verdict, h["T2014"].verdict_year, h["T2014"].verdict_gap) == (
        "met", 2013, (2012, 2012))
    assert h["T2014"].claim_matches  # the source's 2013 lies inside what the data allows
    # 2005: $5 bn, no figure 2006–2009, 2010: $10 bn: the source's 2007 is allowed
    assert (h["TGAP"].verdict_year, h["TGAP"].verdict_gap, h["TGAP"].claim_matches) == (
        2010, (2006, 2009), True)
    # 2010: $10 bn below, 2011: $12 bn: dated
    assert (h["TNEXT"].verdict_year, h["TNEXT"].verdict_gap) == (2011, None)
    chart = catalog.build("target-history", gapped)
    text = chart.data.set_index("target_id")["verdict_text"]
    assert text["TGAP"].startswith("met by 2010 at the latest ($10 bn; no figure for 2006–2009)")
    assert text["TNEXT"] == "met in 2011 ($12 bn)"
    assert chart.data.set_index("target_id")["verdict_dated"].to_dict()["TGAP"] is False
    assert "Met in one of these years (no figure for the gap)" in [
        t.name for t in chart.figure.data]
    statuses = {t.target_id: t for t in analysis.target_statuses(gapped["targets"],
                                                                 gapped["bilateral_trade"])}
    assert statuses["T2014"].detail == "met by 2013 at the latest ($15 bn; no figure for 2012)"


def test_a_deadline_without_a_figure_names_the_gap_and_both_sides(fixture_copy):
    trade = (fixture_copy / "bilateral_trade.csv").read_text(encoding="utf-8")
    (fixture_copy / "bilateral_trade.csv").write_text(
        "\n".join(line for line in trade.splitlines() if not line.startswith("2016,CHN"))
        + "\n", encoding="utf-8")
    t = load_package(fixture_copy)
    h = {x.target_id: x for x in targets.target_history(t)}
    assert (h["T2016"].verdict, h["T2016"].verdict_gap) == ("no figure", (2016, 2016))
    chart = catalog.build("target-history", t)
    assert chart.data.set_index("target_id")["verdict_text"]["T2016"].startswith(
        "no figure for 2016 (the deadline, 2016, inside it): $20 bn in 2015, $30 bn in 2017")


# --- rule 3 --------------------------------------------------------------------------------

def test_progress_is_the_headline_and_level_is_named_apart(tables):
    chn = series(tables["bilateral_trade"], "CHN", "KAZ")  # 2016: $25 bn, 2017: $30 bn
    a = doubling.answer(chn, Settings(base_year=2016, growth=0.1, deadline=2020))
    m = a.measured[0]
    assert (m.year, round(m.progress, 6), round(m.level, 6)) == (2017, 0.2, 0.6)
    line = a.progress[0]
    assert line.index("Progress: 20% of the increase needed") < line.index("level: 60% of the")
    assert (round(a.pace_since_base, 6), a.pace_year) == (0.2, 2017)
    assert round(a.required, 4) == 0.1892  # what the 2020 deadline needs, beside the pace


def test_the_overview_verdict_leads_with_progress_and_compares_paces(fixture_copy):
    claims = (fixture_copy / "editorial_claims.csv").read_text(encoding="utf-8")
    rows = claims.splitlines()
    fixed = [r.replace(",2017,", ",2016,") if r.startswith("doubling_goal") else r for r in rows]
    (fixture_copy / "editorial_claims.csv").write_text("\n".join(fixed) + "\n", encoding="utf-8")
    t = load_package(fixture_copy)
    v = {x.claim_id: x for x in verdicts.claim_verdicts(t)}["doubling_goal"].verdict
    assert ("Progress: 20% of the increase needed (2016 → 2017: $30 bn); level: 60% of the "
            "target.") in v
    assert "Pace since 2016: 20.0% a year to 2017; reaching the target by 2030 would need " in v


# --- rule 4 --------------------------------------------------------------------------------

def _peaked() -> dict[str, pd.DataFrame]:
    figs = [fig("titr_tonnes", y, v, "A", primary=True)
            for y, v in [(2019, 1e6), (2020, 2e6), (2021, 5e6), (2022, 4e6)]]
    figs += [fig("transit_containers", 2015, 100_000, "C", unit="TEU", primary=True),
             fig("transit_containers", 2017, 300_000, "C", unit="TEU", primary=True),
             fig("china_europe_trains", 2016, 1000, "A", unit="trains", primary=True),
             fig("china_europe_trains", 2020, 900, "B", unit="trains", primary=True,
                 change=-10),
             fig("transit_tonnes", 2021, 20e6, "B", primary=True),
             fig("china_eu_transit_tonnes", 2021, 0.5e6, "D", primary=True)]
    t = make_tables(figs)
    lg = t["logistics"]
    lg.loc[lg["measure"] == "china_eu_transit_tonnes", "note"] = "Down 2 times year on year."
    extra = pd.DataFrame({"measure": ["transit_tonnes", "china_eu_transit_tonnes"],
                          "label": ["All transit", "China-EU transit"], "description": ["d"] * 2,
                          "use": ["table only"] * 2})
    t["logistics_measures"] = pd.concat([t["logistics_measures"], extra], ignore_index=True)
    return t


def test_a_change_is_stated_first_to_latest_with_the_peak_named_and_the_other_way():
    v = logistics.logistics_verdict(_peaked())
    assert v.headline == "Corridor cargo: 4.0× from 2019 to 2022" and v.figure == "4.0×"
    assert ("1 million t in 2019, 4 million t in 2022, 4.0 times as much; the peak was 5 "
            "million t in 2021 (+150% in 2021 alone), and 2022 is -20% on the peak.") in v.verdict
    assert ("For scale, all transit (All transit) in 2021: 20 million t (B); the corridor's 5 "
            "million t is 25% of it.") in v.verdict
    other = v.verdict.split("Running the other way: ")[1]
    assert "All trains: 900 trains in full year 2020, reported as -10% (B)" in other
    assert "China-EU transit: 0.5 million t in 2021, the source (D): Down 2 times" in other
