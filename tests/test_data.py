import json

import pandas as pd
import pytest

from dashboard.data import REQUIRED_RESOURCES, DataError, load_package, series, value_for


def test_every_resource_loads_with_typed_columns(tables):
    for name in REQUIRED_RESOURCES:
        assert name in tables and not tables[name].empty
    trade = tables["bilateral_trade"]
    assert list(trade.columns) == ["year", "reporter", "partner", "flow", "value_usd",
                                   "reported_change_pct", "approximate", "source_id", "note",
                                   "reading_type", "derived", "attribution", "attribution_note",
                                   "anomaly", "anomaly_note"]
    assert str(trade["year"].dtype) == "Int64"
    assert str(trade["value_usd"].dtype) == "Float64"
    assert str(trade["approximate"].dtype) == "boolean"


@pytest.mark.parametrize("year,reporter,flow,value", [
    (1992, "CHN", "total", 368e6), (2013, "CHN", "total", 28.5e9),
    (2018, "CHN", "total", 19444858089), (2022, "CHN", "total", 31174482975),
    (2023, "CHN", "total", 41054792070), (2024, "CHN", "total", 43865952035),
    (2023, "CHN", "export", 24696909997), (2023, "CHN", "import", 16357882073),
    (2013, "KAZ", "export", 14373748042), (2023, "KAZ", "total", 31530935987.65),
    (2022, "KAZ", "import", 3575000793.04),
])
def test_key_figures_match_the_brief(tables, year, reporter, flow, value):
    partner = "KAZ" if reporter == "CHN" else "CHN"
    got = value_for(tables["bilateral_trade"], year, reporter, partner, flow)
    assert got == pytest.approx(value)


def test_gaps_stay_gaps(tables):
    years = set(series(tables["bilateral_trade"])["year"])
    for missing in (1997, 1999, 2001, 2004, 2009, 2010, 2012, 2025, *range(1993, 1997)):
        assert missing not in years


def test_reported_changes_and_approximations(tables):
    t = tables["bilateral_trade"].set_index(["year", "reporter", "flow"])
    assert t.loc[(2013, "CHN", "total"), "reported_change_pct"] == 11.3
    assert pd.isna(t.loc[(2024, "CHN", "total"), "reported_change_pct"])
    assert bool(t.loc[(2002, "CHN", "total"), "approximate"]) is True
    assert bool(t.loc[(1998, "CHN", "total"), "approximate"]) is True
    assert bool(t.loc[(2019, "KAZ", "total"), "approximate"]) is False


def test_every_source_id_resolves(tables):
    known = set(tables["sources"]["source_id"])
    for name, table in tables.items():
        if "source_id" in table.columns and name != "sources":
            assert set(table["source_id"]) <= known, name


def test_world_and_targets(tables):
    w = tables["world_trade"]
    editorial = w[w["source_id"] == "S01"]
    assert editorial["change_pct"].tolist() == [-1.1]
    assert sorted(w[w["source_id"] == "S20"]["change_pct"].tolist()) == [-5, -1.2, 9]
    t = tables["targets"].set_index("target_id")
    assert t.loc["TDOUBLE", "target_multiple"] == 2 and pd.isna(t.loc["TDOUBLE",
                                                                      "target_value_usd"])
    assert t.loc["T100", "target_value_usd"] == 100e9 and pd.isna(t.loc["T100", "deadline_year"])


def test_editorial_claims_are_verbatim(tables):
    c = tables["editorial_claims"].set_index("claim_id")
    assert c.loc["trade_2023", "quote"] == ("In 2023, the trade volume between China and "
                                            "Kazakhstan reached $41 billion")
    assert c.loc["world_2023", "value"] == -1.1


def test_package_validates_with_frictionless():
    frictionless = pytest.importorskip("frictionless")
    from dashboard.data import DATA_DIR

    report = frictionless.validate(str(DATA_DIR / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


# --- corrupted copies: each gives one clear DataError naming file, line and column ---

def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_missing_column(data_copy):
    _edit(data_copy / "bilateral_trade.csv", "year,reporter,", "yr,reporter,")
    with pytest.raises(DataError, match=r"bilateral_trade.csv: missing column\(s\) 'year'"):
        load_package(data_copy)


def test_text_in_number_column(data_copy):
    _edit(data_copy / "bilateral_trade.csv", "2003,CHN,KAZ,total,3300000000",
          "2003,CHN,KAZ,total,about 3.3bn")
    with pytest.raises(DataError, match=r"bilateral_trade.csv, line 7, column 'value_usd': "
                                        r"expected a finite number, got 'about 3.3bn'"):
        load_package(data_copy)


def test_duplicate_key(data_copy):
    _edit(data_copy / "bilateral_trade.csv", "2003,CHN,KAZ,total", "1992,CHN,KAZ,total")
    with pytest.raises(DataError, match=r"bilateral_trade.csv, line 7: duplicate primary key "
                                        r"\(year=1992, reporter=CHN, partner=KAZ, flow=total\)"):
        load_package(data_copy)


def test_unknown_source(data_copy):
    _edit(data_copy / "world_trade.csv", ",S21,", ",S99,")
    with pytest.raises(DataError, match=r"world_trade.csv, line \d+, column 'source_id': 'S99' "
                                        r"is not a source_id in sources"):
        load_package(data_copy)


def test_negative_value(data_copy):
    _edit(data_copy / "products.csv", "4100000000", "-4100000000")
    with pytest.raises(DataError, match=r"products.csv, line 2, column 'value_usd': expected a "
                                        r"value >= 0"):
        load_package(data_copy)


def test_bad_enum(data_copy):
    _edit(data_copy / "bilateral_trade.csv", "2011,CHN,KAZ,total", "2011,CHN,KAZ,re-export")
    with pytest.raises(DataError, match=r"column 'flow': expected one of total, export, import"):
        load_package(data_copy)


def test_malformed_descriptor(data_copy):
    (data_copy / "datapackage.json").write_text('{"name": "x", "resources": [', encoding="utf-8")
    with pytest.raises(DataError, match=r"datapackage.json: malformed JSON at line 1"):
        load_package(data_copy)


def test_descriptor_missing_resource(data_copy):
    d = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    d["resources"] = [r for r in d["resources"] if r["name"] != "targets"]
    (data_copy / "datapackage.json").write_text(json.dumps(d), encoding="utf-8")
    with pytest.raises(DataError, match=r"missing resource\(s\) targets"):
        load_package(data_copy)


def test_missing_file(data_copy):
    (data_copy / "sources.csv").unlink()
    with pytest.raises(DataError, match=r"sources.csv: file of resource 'sources' not found"):
        load_package(data_copy)


def test_tests_never_touch_bundled_data(data_copy):
    from dashboard.data import DATA_DIR

    assert data_copy != DATA_DIR
    assert load_package()["bilateral_trade"].shape[0] == 133
