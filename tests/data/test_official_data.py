"""Pinned figures and rules of the bundled package's official data (issue 11).

Values are transcribed from the data briefs and the UN Comtrade extract (S76–S78); a data
update that changes them must change this file, nowhere else.
"""

import csv
import json
from decimal import Decimal

import pandas as pd
import pytest

from dashboard.core.official import direction
from dashboard.data.loader import DATA_DIR, DataError, load_package

KEY = ["year", "reporter", "partner", "flow"]


def primary(published, year, reporter, flow="total"):
    t = published["bilateral_trade"]
    partner = "KAZ" if reporter == "CHN" else "CHN"
    hit = t[(t["year"] == year) & (t["reporter"] == reporter) & (t["partner"] == partner)
            & (t["flow"] == flow)]
    assert len(hit) == 1, (year, reporter, flow)
    return hit.iloc[0]


def other(published, source_id, year, reporter=None, flow="total", month_end=12):
    o = published["other_readings"]
    hit = o[(o["source_id"] == source_id) & (o["year"] == year) & (o["month_end"] == month_end)]
    hit = hit[hit["reporter"].isna()] if reporter is None else hit[hit["reporter"] == reporter]
    if flow is not None:
        hit = hit[hit["flow"] == flow]
    assert len(hit) == 1, (source_id, year, reporter, flow, month_end)
    return hit.iloc[0]


# --- database values (official-extract.csv), exactly -------------------------------------

@pytest.mark.parametrize("year,reporter,flow,value,source", [
    (2014, "CHN", "export", 12709849378, "S76"), (2014, "CHN", "import", 9741822440, "S76"),
    (2020, "CHN", "export", 11703034898, "S76"), (2020, "CHN", "import", 10366080476, "S76"),
    (1995, "KAZ", "export", 283928930, "S78"), (1995, "KAZ", "import", 34665884, "S78"),
    (2013, "KAZ", "import", 8364465531, "S78"), (2017, "KAZ", "export", 5797975617.54, "S77"),
    (2022, "KAZ", "import", 3575000793.04, "S77"),
])
def test_database_values_as_extracted(published, year, reporter, flow, value, source):
    row = primary(published, year, reporter, flow)
    assert float(row["value_usd"]) == value and row["source_id"] == source
    assert row["reading_type"] == "database" and not row["derived"]


@pytest.mark.parametrize("year,reporter,bn", [
    # data-brief-2.md, Table I: the totals the brief quotes, to its two decimals
    (2014, "CHN", 22.45), (2015, "CHN", 14.29), (2020, "CHN", 22.07), (2023, "CHN", 41.05),
    (2024, "CHN", 43.87), (2018, "KAZ", 11.69), (2023, "KAZ", 31.53), (2020, "KAZ", 8.79),
    (2021, "KAZ", 9.28), (2022, "KAZ", 14.04),
])
def test_derived_totals_match_the_briefs_table_i(published, year, reporter, bn):
    row = primary(published, year, reporter)
    assert round(float(row["value_usd"]) / 1e9, 2) == bn and bool(row["derived"])


def test_world_totals_and_chapters_as_extracted(published):
    w = published["world_totals"].set_index(["year", "reporter", "flow"])
    assert float(w.loc[(2024, "CHN", "export"), "value_usd"]) == 3576543293842
    assert float(w.loc[(2014, "KAZ", "import"), "value_usd"]) == 41295455969
    c = published["commodity_trade"].set_index(["year", "reporter", "partner", "flow", "cmd_code"])
    assert float(c.loc[(2023, "KAZ", "CHN", "export", "26"), "value_usd"]) == 3786934272.52
    assert float(c.loc[(2019, "KAZ", "CHN", "export", "74"), "value_usd"]) == 1566584580.9
    assert float(c.loc[(2023, "CHN", "KAZ", "import", "74"), "value_usd"]) == 2159760915
    assert c.loc[(2022, "CHN", "KAZ", "import", "28"), "classification"] == "H6"
    assert (len(published["world_totals"]), len(published["commodity_trade"])) == (44, 591)
    assert (2021, "KAZ", "CHN", "export", "74") not in c.index  # a gap stays a gap


# --- press readings (data-brief.md Tables A, B; data-brief-2.md Table F) ------------------

def test_china_press_readings_before_the_database(published):
    r = primary(published, 1992, "CHN")
    assert (float(r["value_usd"]), r["source_id"], r["attribution"]) == (368e6, "S34", "stated")
    assert float(primary(published, 2002, "CHN", "export")["value_usd"]) == 600e6
    r = primary(published, 2013, "CHN")
    assert (float(r["value_usd"]), r["reported_change_pct"], r["source_id"]) == (28.5e9, 11.3,
                                                                                 "S05")
    assert bool(primary(published, 1998, "CHN")["approximate"])
    china = published["bilateral_trade"].query("reporter == 'CHN' and flow == 'total'")
    assert set(china[china["reading_type"] == "report"]["year"]) == {1992, 1998, 2000, 2002,
                                                                    2003, 2011, 2013, 2025}
    assert set(china[china["reading_type"] == "database"]["year"]) == set(range(2014, 2025))
    kaz = published["bilateral_trade"].query("reporter == 'KAZ' and flow == 'total'")
    assert set(kaz["year"]) == set(range(1995, 2025))
    assert set(kaz["reading_type"]) == {"database"}


@pytest.mark.parametrize("source,year,reporter,flow,month_end,value", [
    ("S10", 2023, "CHN", "total", 12, 41e9), ("S12", 2024, "CHN", "total", 12, 43.82e9),
    ("S07", 2018, "CHN", "total", 12, 19.88e9), ("S48", 2013, "CHN", "total", 12, 28.6e9),
    ("S11", 2023, "CHN", "export", 12, 24.7e9), ("S13", 2022, "KAZ", "import", 12, 11.0e9),
    ("S17", 2021, "KAZ", "total", 12, 18e9), ("S41", 2009, "KAZ", "total", 12, 9.4e9),
    ("S19", 2023, "CHN", "total", 10, 32.7e9), ("S19", 2023, "KAZ", "total", 10, 24.3e9),
    ("S55", 2022, "CHN", "total", 7, 17.67e9), ("S58", 2022, "KAZ", "total", 7, 13.5e9),
    ("S57", 2025, "KAZ", "import", 6, 8.3e9), ("S38", 2006, None, "total", 12, 8.358e9),
    ("S54", 2020, None, "total", 8, 13.2e9), ("S67", 2023, "CHN", "total", 12, 41.02e9),
])
def test_other_readings_as_transcribed(published, source, year, reporter, flow, month_end, value):
    assert float(other(published, source, year, reporter, flow, month_end)["value_usd"]) == value


def test_bounds_attribution_and_doubt_as_transcribed(published):
    r = other(published, "S34", 1997, "CHN")
    assert pd.isna(r["value_usd"]) and float(r["lower_bound_usd"]) == 500e6
    r = other(published, "S05", 2013, "KAZ", "export")
    assert pd.isna(r["value_usd"]) and float(r["lower_bound_usd"]) == 14.334e9
    r = other(published, "S47", 2012)
    assert float(r["value_usd"]) == 24e9 and float(r["change_pct_lower_bound"]) == 12
    assert pd.isna(r["change_pct"]) and r["attribution"] == "not stated"
    assert other(published, "S44", 2010, "KAZ")["attribution"] == "stated, doubtful"
    assert other(published, "S65", 2023, "KAZ", month_end=9)["attribution"] == "stated"
    s54 = published["other_readings"].query("source_id == 'S54'")
    assert sorted(zip(s54["direction"], s54["value_usd"].astype(float), strict=True)) == [
        ("CHN to KAZ", 6.8e9), ("KAZ to CHN", 6.4e9), ("both ways", 13.2e9)]


# --- the primary-reading rule -----------------------------------------------------------

def test_one_primary_reading_per_key_and_database_values_are_primary(published):
    trade, others = published["bilateral_trade"], published["other_readings"]
    assert not trade.duplicated(subset=KEY).any()
    database = set(published["sources"].query("kind == 'database'")["source_id"])
    # P: the HS product extracts; N47, N48: the price indexes (deflator table), no trade rows
    assert database == {"S76", "S77", "S78", "P01", "P02", "N47", "N48"}
    assert not others["source_id"].isin(database).any()
    assert (trade["source_id"].isin(database) == (trade["reading_type"] == "database")).all()
    for key, flows in trade[trade["reading_type"] == "database"].groupby(["reporter", "year"]):
        assert sorted(flows["flow"]) == ["export", "import", "total"], key


def test_derived_totals_equal_export_plus_import_exactly():
    with (DATA_DIR / "bilateral_trade.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    value = {(r["year"], r["reporter"], r["flow"]): Decimal(r["value_usd"]) for r in rows}
    derived = [r for r in rows if r["derived"] == "true"]
    assert len(derived) == 11 + 30
    for r in derived:
        assert r["flow"] == "total" and r["reading_type"] == "database"
        y, rep = r["year"], r["reporter"]
        assert value[(y, rep, "total")] == value[(y, rep, "export")] + value[(y, rep, "import")]
    assert all(r["derived"] == "false" for r in rows if r["reading_type"] == "report")


# --- whose statistics, bounds, periods, the anomaly ---------------------------------------

def test_every_reading_says_whose_statistics_and_why(published):
    trade, o = published["bilateral_trade"], published["other_readings"]
    assert set(trade["attribution"]) == {"stated", "inferred"}
    assert trade["attribution_note"].str.len().min() > 10
    assert o["attribution_note"].str.len().min() > 10
    blank = o["reporter"].isna()
    assert (blank == (o["attribution"] == "not stated")).all()
    assert (blank == o["partner"].isna()).all()
    assert o.loc[o["flow"].isna(), "reporter"].isna().all()
    for _, r in o[~blank].iterrows():
        assert r["direction"] == direction(r["reporter"], r["partner"], r["flow"])
    assert len(o[blank]) == 18


def test_bounds_are_never_values_and_every_reading_says_something(published):
    o = published["other_readings"]
    assert not (o["value_usd"].notna() & o["lower_bound_usd"].notna()).any()
    assert not (o["change_pct"].notna() & o["change_pct_lower_bound"].notna()).any()
    said = o[["value_usd", "lower_bound_usd", "change_pct", "change_pct_lower_bound",
              "change_usd"]].notna().any(axis=1)
    assert said.all()
    assert len(o[o["lower_bound_usd"].notna()]) == 7


def test_periods_are_machine_readable_and_match_their_words(published):
    o = published["other_readings"]
    months = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
    for _, r in o.iterrows():
        assert r["month_start"] == 1 and 1 <= r["month_end"] <= 12
        words = "full year" if r["month_end"] == 12 else f"January–{months[r['month_end'] - 1]}"
        assert r["period"] == words
    assert len(o[o["month_end"] != 12]) == 25  # data-brief-4: six part-years


def test_the_kazakh_2020_2022_anomaly_is_flagged_with_national_readings(published):
    trade, o = published["bilateral_trade"], published["other_readings"]
    flagged = trade[trade["anomaly"]]
    assert set(flagged["reporter"]) == {"KAZ"} and set(flagged["year"]) == {2020, 2021, 2022}
    assert len(flagged) == 9 and flagged["anomaly_note"].notna().all()
    assert trade.loc[~trade["anomaly"], "anomaly_note"].isna().all()
    national = o[(o["reporter"] == "KAZ") & (o["month_end"] == 12) & (o["flow"] == "total")]
    assert float(national.query("year == 2021")["value_usd"].max()) == 18e9
    assert sorted(national.query("year == 2022")["value_usd"].astype(float)) == [
        24e9, 24.1e9, 24.2e9, 24.2e9]


# --- targets and sources -----------------------------------------------------------------

def test_every_target_of_tables_d_and_g(published):
    t = published["targets"].set_index("target_id")
    assert len(t) == 14  # data-brief-4: the 2025 statements TN11, TN15
    assert (t.loc["T15BN", "announced"], bool(t.loc["T15BN", "announced_before"]),
            bool(t.loc["T15BN", "target_exceed"]), t.loc["T15BN", "deadline_year"]) == (
        "2008", True, True, 2015)
    assert (t.loc["T5BN", "target_value_usd"], t.loc["T5BN", "source_says_met_year"],
            t.loc["T5BN", "met_claim_source_id"]) == (5e9, 2005, "S37")
    assert (t.loc["T2030B", "source_says_met_year"], t.loc["T2030B", "met_claim_source_id"]) == (
        2023, "N51")
    assert t.loc["T2016", "deadline_year"] == 2016 and pd.isna(t.loc["T40SOON", "deadline_year"])
    assert (t["source_says_met_year"].notna() == t["met_claim_source_id"].notna()).all()


def test_sources_say_what_could_be_checked_and_how_extracts_were_retrieved(published):
    s = published["sources"]
    assert [i for i in s["source_id"] if i.startswith("S")] == [f"S{i:02d}" for i in range(1, 79)]
    assert set(s.loc[~s["page_checked"], "source_id"]) == {"S06", "S30"}
    db = s["kind"] == "database"
    assert s.loc[db, "retrieval"].str.contains("commit").all()
    assert s.loc[~db, "retrieval"].isna().all()


def test_new_columns_are_described_and_constrained():
    d = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    fields = {r["name"]: {f["name"]: f for f in r["schema"]["fields"]} for r in d["resources"]}
    new = {"bilateral_trade": ["reading_type", "derived", "attribution", "attribution_note",
                               "anomaly"],
           "other_readings": ["month_start", "month_end", "direction", "lower_bound_usd",
                              "change_pct_lower_bound", "attribution", "attribution_note"],
           "targets": ["announced_before", "target_exceed", "source_says_met_year",
                       "met_claim_source_id"],
           "sources": ["page_checked"],
           "world_totals": list(fields["world_totals"]),
           "commodity_trade": list(fields["commodity_trade"])}
    for resource, names in new.items():
        for name in names:
            f = fields[resource][name]
            assert f["description"] and f["constraints"], (resource, name)
            if f["type"] == "number" and "usd" in name:
                assert f["constraints"]["minimum"] >= 1 and f["constraints"]["maximum"] <= 1e14
    assert "primary reading" in d["description"].lower()
    assert "primary reading" in d["resources"][1]["description"].lower()


@pytest.mark.parametrize("file,old,new,message", [
    ("world_totals.csv", ",3576543293842,", ",0,", r"world_totals.csv, line \d+, column "
     r"'value_usd': expected a value >= 1"),
    ("commodity_trade.csv", ",3786934272.52,", ",3786934272520000,",
     r"commodity_trade.csv, line \d+, column 'value_usd': expected a value <= 1000000000000"),
    ("other_readings.csv", ",500000000,", ",-500000000,", r"other_readings.csv, line \d+, "
     r"column 'lower_bound_usd': expected a value >= 1"),
    ("bilateral_trade.csv", ",12709849378,", ",-12709849378,", r"bilateral_trade.csv, line "
     r"\d+, column 'value_usd': expected a value >= 1"),
    ("other_readings.csv", ",1,8,", ",1,13,", r"column 'month_end': expected a value <= 12"),
])
def test_values_no_page_could_show_are_rejected(data_copy, file, old, new, message):
    path = data_copy / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError, match=message):
        load_package(data_copy)
