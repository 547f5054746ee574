"""The logistics resources: values pinned against data-brief-3-logistics.md, and their rules."""

import pandas as pd
import pytest

from dashboard.core.logistics import disagreements, logistics_verdict, primary_by_rule


@pytest.fixture(scope="module")
def lg(published):
    return published["logistics"]


def reading(lg, measure, year, source, period="full year", unit=None):
    hit = lg[(lg["measure"] == measure) & (lg["year"] == year) & (lg["source_id"] == source)
             & (lg["period"] == period)]
    if unit is not None:
        hit = hit[hit["unit"] == unit]
    assert len(hit) == 1, (measure, year, source, period)
    return hit.iloc[0]


def test_middle_corridor_ministry_series_is_the_primary_line(lg):
    line = lg[(lg["measure"] == "titr_tonnes") & lg["primary"]].sort_values("year")
    assert line["year"].tolist() == list(range(2019, 2026))
    assert line["value"].tolist() == [759_000, 783_000, 586_000, 1_485_000, 2_764_000,
                                      4_484_000, 4_119_000]
    assert set(line["source_id"]) == {"L07"}


@pytest.mark.parametrize("measure,year,src,period,value,qualifier,kind", [
    ("titr_tonnes", 2022, "L49", "full year", 1_700_000, "about", "outturn"),
    ("titr_tonnes", 2022, "L54", "Jan–Sep", 1_840_000, "stated", "part-year"),
    ("titr_tonnes", 2024, "L14", "full year", 4_500_000, "more than", "outturn"),
    ("titr_tonnes", 2024, "L04", "full year", 3_300_000, "stated", "outturn"),
    ("transit_containers", 2015, "L24", "full year", 212_000, "stated", "outturn"),
    ("transit_containers", 2022, "L44", "full year", 1_129_000, "stated", "outturn"),
    ("transit_containers", 2024, "L43", "Jan–Oct", 1_156_000, "stated", "part-year"),
    ("china_europe_trains", 2016, "L38", "full year", 1_702, "stated", "outturn"),
    ("china_europe_trains", 2016, "L71", "full year", 1_800, "about", "outturn"),
    ("china_europe_trains", 2022, "L40", "Jan–Nov", 15_162, "stated", "part-year"),
    ("cec_containers", 2016, "L13", "full year (target)", 95_000, "stated", "target"),
    ("transit_tonnes", 2024, "L14", "full year (expected)", 33_000_000, "stated", "expected"),
    ("transit_tonnes", 2025, "L42", "full year (forecast)", 33_000_000, "stated", "forecast"),
    ("transit_tonnes_rail", 2019, "L46", "full year", 17_500_000, "about", "outturn"),
    ("kz_share_overland", 2025, "L32", "statement (mid-2025)", 80, "more than", "statement"),
    ("khorgos_trains", 2024, "L65", "cumulative to 16 Jan 2024", 33_403, "stated", "cumulative"),
])
def test_readings_match_the_brief(lg, measure, year, src, period, value, qualifier, kind):
    r = reading(lg, measure, year, src, period)
    assert (r["value"], r["qualifier"], r["kind"]) == (value, qualifier, kind)


def test_transit_containers_part_years_and_units(lg):
    tc = lg[lg["measure"] == "transit_containers"]
    assert reading(lg, "transit_containers", 2019, "L46")["unit"] == "containers"
    part = tc[tc["kind"] == "part-year"]
    assert set(part["year"]) == {2020, 2023, 2024} and not part["primary"].any()
    assert reading(lg, "transit_containers", 2023, "L43", "Jan–Oct")["months"] == 10


def test_growth_rates_and_change_only_rows(lg):
    assert reading(lg, "kz_china_rail_tonnes", 2022, "L73")["reported_change_pct"] == 14
    assert reading(lg, "kz_china_rail_tonnes", 2022, "L44")["reported_change_pct"] == 15
    cap = reading(lg, "border_capacity", 2023, "L58")
    assert cap["reported_change_pct"] == 119 and pd.isna(cap["value"]) and pd.isna(cap["unit"])


def test_primary_column_follows_the_written_rule(published, lg):
    assert (primary_by_rule(lg, published["sources"]) == lg["primary"].astype(bool)).all()
    prim = lg[lg["primary"]]
    assert not prim.duplicated(["measure", "year", "unit"]).any()
    assert set(prim["kind"]) == {"outturn"} and (prim["months"] == 12).all()


def test_kind_period_and_unit_are_consistent(lg):
    assert (lg.loc[lg["kind"] == "outturn", "months"] == 12).all()
    part = lg.loc[lg["kind"] == "part-year", "months"]
    assert (part.isna() | (part < 12)).all()
    assert lg.loc[lg["kind"].isin(["statement", "cumulative", "period unclear"]),
                  "months"].isna().all()
    assert (lg["value"].isna() == lg["unit"].isna()).all()


def test_measures_table_covers_every_measure_and_says_what_to_chart(published, lg):
    m = published["logistics_measures"].set_index("measure")
    assert set(m.index) == set(lg["measure"])
    assert m.loc["titr_tonnes", "use"] == "chart" and m.loc["transit_containers", "use"] == "chart"
    assert m.loc["china_europe_trains", "use"] == "context"
    assert m.loc["cec_containers", "use"] == "chart with caveat"


def test_border_facts_match_the_brief(published):
    bf = published["border_facts"].set_index(["group_id", "phase", "value"])
    dostyk = published["border_facts"].query("group_id == 'dostyk_rail_2016'")
    assert dostyk[["phase", "value", "unit"]].values.tolist() == [["before", 9, "hours"],
                                                                   ["after", 4.25, "hours"]]
    assert bf.loc[("alashankou_rail_2019", "after", 6), "value_high"] == 10
    nz = bf.loc[("nur_zholy_2025_11", "reading", 700)]
    assert (nz["value_high"], nz["unit"], nz["source_id"]) == (750, "trucks per day", "L59")
    assert bf.loc[("nur_zholy_2025_11", "limit", 650), "date"] == "2025-11-13"
    assert bf.loc[("nur_zholy_2025_11", "target", 1500), "qualifier"] == "up to"


def test_claims_caveats_and_sources(published):
    c = published["editorial_claims"].set_index("claim_id")
    assert "a key logistics hub linked to almost all the major ports" in c.loc["logistics_hub",
                                                                              "quote"]
    assert c.loc["customs_clearance", "source_id"] == "S01"
    cav = published["logistics_caveats"].set_index("caveat_id")
    assert cav.loc["red_sea_not_quantified", "based_on"] == "L48"
    src = published["sources"].set_index("source_id")
    assert src.loc["L07", "published"] == "2026-03-10" and "report.az" in src.loc["L07", "url"]
    cited = set(published["logistics"]["source_id"]) | set(published["border_facts"]["source_id"])
    assert {s for s in src.index if s.startswith("L")} == cited


def test_the_brief_disagreements_are_generated(published):
    found = {(d.measure, d.year): d.reasons for d in disagreements(published)}
    for key in [("titr_tonnes", 2022), ("titr_tonnes", 2023), ("titr_tonnes", 2024),
                ("transit_tonnes", 2024), ("kz_china_rail_tonnes", 2022),
                ("china_europe_trains", 2016), ("nur_zholy_2025_11", 2025)]:
        assert key in found, key
    assert "part-year above the full year" in found[("titr_tonnes", 2022)]


def test_verdict_on_the_bundled_data(published):
    v = logistics_verdict(published)
    latest = int(published["logistics"].query("measure == 'titr_tonnes' and primary")["year"].max())
    assert v.headline.startswith("Middle Corridor (TITR) cargo: ")
    assert v.headline.endswith(f"× from 2019 to {latest}")  # first to latest year
    assert "+62% in 2024 alone" in v.verdict and "Jan–Oct 2023→2024: +7.5%" in v.verdict
    assert any("Red Sea" in s for s in v.cannot_say)
    assert any("no full-year figure after 2022" in s for s in v.cannot_say)
    assert {"L07", "L24", "L44", "L38"} <= set(v.sources)
