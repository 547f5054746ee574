import json

import pytest

from dashboard.data import REQUIRED_RESOURCES, DataError, load_package


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


def test_every_source_id_resolves(tables):
    known = set(tables["sources"]["source_id"])
    for name, table in tables.items():
        if "source_id" in table.columns and name != "sources":
            assert set(table["source_id"]) <= known, name


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
    before = (DATA_DIR / "bilateral_trade.csv").read_bytes()
    (data_copy / "bilateral_trade.csv").write_text("corrupted", encoding="utf-8")
    assert (DATA_DIR / "bilateral_trade.csv").read_bytes() == before
