"""Rule 1: a flagged reading, and every value computed from it, carries the flag everywhere.

Built on modified copies of the fixture package (tmp_path): Kazakhstan's 2016 figure is
flagged by its own note in the middle of 2015–2017, and the copies add world totals and HS
chapter values with a break in the middle of a series.
"""

import io
import zipfile

import pandas as pd
import pytest
from helpers import decode

from dashboard import charts as catalog
from dashboard.core import display, doubling, flags, shares
from dashboard.data.loader import load_package, series
from dashboard.export import archive
from dashboard.export import render as export

WORLD = """year,reporter,flow,value_usd,classification,source_id
2014,KAZ,import,40000000000,H4,S08
2015,KAZ,import,42000000000,H4,S08
2016,KAZ,import,20000000000,H4,S08
2017,KAZ,import,44000000000,H5,S08
2014,KAZ,export,60000000000,H4,S08
2015,KAZ,export,50000000000,H4,S08
2016,KAZ,export,40000000000,H4,S08
2017,KAZ,export,50000000000,H5,S08
2016,CHN,export,1000000000000,H4,S08
2016,CHN,import,800000000000,H4,S08
2017,CHN,export,1200000000000,H5,S08
2017,CHN,import,1000000000000,H5,S08
"""
CHAPTERS = """year,reporter,partner,flow,cmd_code,cmd_desc,classification,value_usd,source_id
2015,KAZ,CHN,export,26,"Ores, slag and ash",H4,3000000000,S08
2016,KAZ,CHN,export,26,"Ores, slag and ash",H4,3500000000,S08
2017,KAZ,CHN,export,26,"Ores, slag and ash",H5,4000000000,S08
2015,CHN,KAZ,import,26,"Ores, slag and ash",H4,3200000000,S08
2016,CHN,KAZ,import,26,"Ores, slag and ash",H4,50000000,S08
2017,CHN,KAZ,import,26,"Ores, slag and ash",H5,4500000000,S08
2015,CHN,KAZ,import,74,Copper and articles thereof,H4,4000,S08
2016,CHN,KAZ,import,74,Copper and articles thereof,H4,40,S08
2017,CHN,KAZ,import,74,Copper and articles thereof,H5,5000,S08
"""


@pytest.fixture
def flagged(fixture_copy):
    """The fixture with a world-imports dip (2016) and a chapter dip (China's HS 26, 2016)."""
    (fixture_copy / "world_totals.csv").write_text(WORLD, encoding="utf-8")
    (fixture_copy / "commodity_trade.csv").write_text(CHAPTERS, encoding="utf-8")
    return load_package(fixture_copy)


def test_the_break_rule_flags_a_run_in_the_middle_and_nothing_else():
    rule = flags.WORLD_TOTALS_RULE
    dip = {2019: 39.7, 2020: 22.2, 2021: 27.8, 2022: 31.0, 2023: 61.2}
    assert [(b.start, b.end, b.side) for b in flags.breaks(dip, rule)] == [
        (2020, 2022, "below")]
    # a steady fall and rise, and a fall that stays (no year after it), are no break
    assert flags.breaks({2014: 79.5, 2015: 46.0, 2016: 36.8, 2017: 48.5}, rule) == []
    assert flags.breaks({2019: 40.0, 2020: 20.0}, rule) == []
    # chapters: five times beyond both neighbours, above a US$10 million floor
    chapter = flags.CHAPTER_RULE
    assert [(b.start, b.end) for b in flags.breaks(
        {2019: 2737e6, 2020: 55e6, 2021: 110e6, 2022: 48e6, 2023: 3220e6}, chapter)] == [
        (2020, 2022)]
    assert flags.breaks({2019: 4e3, 2020: 40.0, 2021: 5e3}, chapter) == []  # under the floor
    # a normal year beside a broken one is not flagged: it is not beyond both neighbours
    assert [b.start for b in flags.breaks(
        {2018: 2550e6, 2019: 2737e6, 2020: 55e6, 2021: 2800e6}, chapter)] == [2020]


def test_world_totals_and_chapters_are_flagged_by_the_rule(flagged):
    w = flags.world_total_flags(flagged)
    assert set(w) == {(2016, "KAZ", "import")}
    reason = w[(2016, "KAZ", "import")].reason()
    assert reason.startswith("Flagged by the break rule: 2016 lies below both 2015 ($42 bn) "
                             "and 2017 ($44 bn), more than 1.5× below the steady trend")
    c = flags.commodity_flags(flagged)
    assert set(c) == {(2016, "CHN", "KAZ", "import", "26")}  # HS 74 is under the floor
    assert "more than 5× below both 2015 ($3.2 bn) and 2017 ($4.5 bn)" in (
        c[(2016, "CHN", "KAZ", "import", "26")].reason())
    table = display.with_flags("world_totals", flagged["world_totals"], flagged)
    assert table["flag"].tolist() == [y == 2016 and f == "import" and r == "KAZ" for y, r, f in
                                      zip(table["year"], table["reporter"], table["flow"],
                                          strict=True)]


def test_a_flagged_reading_is_marked_in_the_figure_the_table_and_the_csv(tables):
    o = catalog.Options(reporter="KAZ", partner="CHN")
    g = catalog.build("growth", tables, o)
    ring = [t for t in g.figure.data if t.name == "Flagged reading (reason in the hover)"]
    assert len(ring) == 1 and decode(ring[0].x) == [2016]
    assert "Synthetic anomaly: far below the national figure." in ring[0].customdata[0]
    line = g.data[g.data["series"] == "Kazakhstan's statistics"]
    assert line.set_index("year")["flag"].to_dict() == {2015: False, 2016: True, 2017: False}
    assert "Synthetic anomaly" in export.render(g, "csv").decode("utf-8")
    assert [f.year for f in g.cagr_flags] == [2016]  # the CAGR 2015–2017 crosses it


def test_year_on_year_bars_resting_on_a_flagged_year_are_hatched(tables):
    y = catalog.build("yoy-growth", tables, catalog.Options(reporter="KAZ", partner="CHN"))
    bars = {t.name: t for t in y.figure.data if t.type == "bar"}
    hatched = bars["Computed from a flagged reading"]
    assert decode(hatched.x) == [2016, 2017]  # 2015→2016 and 2016→2017 both rest on 2016
    assert hatched.marker.pattern.shape == "/"
    assert all("Synthetic anomaly" in c for c in hatched.customdata)
    assert y.data.set_index("year")["flag"].to_dict() == {2016: True, 2017: True}
    assert "Synthetic anomaly" in export.render(y, "csv").decode("utf-8")
    chn = catalog.build("yoy-growth", tables)  # China's series has no flag: no hatching
    assert "Computed from a flagged reading" not in [t.name for t in chn.figure.data]


def test_a_scenario_crossing_a_flagged_year_is_marked_and_not_offered_by_default(tables):
    kaz = series(tables["bilateral_trade"], "KAZ", "CHN")
    p = {x.key: x for x in doubling.presets(kaz, 2017, "Kazakhstan's statistics")}
    assert [f.year for f in p["pace_base"].flags] == [2016]
    assert p["pace_base"].label == "the 2017 pace, 2016→2017 (crosses a flagged reading)"
    assert "pace_base" not in doubling.default_settings(kaz, 2017).scenarios
    chn = series(tables["bilateral_trade"], "CHN", "KAZ")
    assert "pace_base" in doubling.default_settings(chn, 2017).scenarios
    # shown, marked, when the reader asks for it
    s = doubling.default_settings(kaz, 2017)
    a = doubling.answer(kaz, s.__class__(**{**s.__dict__, "scenarios": ("pace_base",)}))
    assert a.paths[1].flags and "crosses a flagged reading" in a.sentences[1]


def test_shares_and_chapters_carry_the_flags_they_rest_on(flagged):
    s = {(x.economy, x.year): x for x in shares.shares(flagged)}
    assert [f.rule for f in s[("KAZ", 2016)].flags] == ["note", "break"]  # both readings
    assert not s[("KAZ", 2017)].flags
    sc = catalog.build("shares", flagged)
    assert sc.data.set_index(["whole", "year"])["flag"][("KAZ", 2016)]
    assert "Flagged reading (reason in the hover)" in [t.name for t in sc.figure.data]
    ch = catalog.build("hs-chapters", flagged)
    flagged_rows = ch.data[ch.data["flag"]]
    assert flagged_rows[["year", "reporter", "hs_chapter"]].values.tolist() == [
        [2016, "CHN", "26"]]
    assert "break rule" in export.render(ch, "csv").decode("utf-8")


def test_the_zip_lists_every_flagged_reading(flagged, fixture_copy):
    table = display.flag_table(flagged)
    assert sorted(table["table"]) == ["bilateral_trade", "commodity_trade", "world_totals"]
    blob = archive.build_zip([], archive.package_files(fixture_copy), flags=table)
    got = pd.read_csv(io.BytesIO(zipfile.ZipFile(io.BytesIO(blob)).read("flags.csv")))
    assert got["year"].tolist() == [2016, 2016, 2016] and got["reason"].str.len().min() > 20
