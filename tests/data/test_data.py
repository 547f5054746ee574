import json

import pytest

from dashboard.data.loader import REQUIRED_RESOURCES, DataError, load_package


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
    from dashboard.data.loader import DATA_DIR

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
                                        r"\(year=1992, reporter=CHN, partner=KAZ, flow=total, "
                                        r"reading_type=report\)"):
        load_package(data_copy)


def test_unknown_source(data_copy):
    _edit(data_copy / "world_trade.csv", ",S21,", ",S99,")
    with pytest.raises(DataError, match=r"world_trade.csv, line \d+, column 'source_id': 'S99' "
                                        r"is not a source_id in sources") as caught:
        load_package(data_copy)
    # the same message as a catalogue key: a page or --lang says it in the reader's language
    from dashboard.text.reasons import render

    assert render(caught.value.reason) == str(caught.value)
    ru = render(caught.value.reason, "ru")
    assert ru.startswith("world_trade.csv, строка ") and "столбец «source_id»" in ru
    assert "«S99» — нет такого значения source_id в sources" in ru


def test_negative_value(data_copy):
    _edit(data_copy / "products.csv", "4100000000", "-4100000000")
    with pytest.raises(DataError, match=r"products.csv, line 2, column 'value_usd': expected a "
                                        r"value >= 1"):
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
    from dashboard.data.loader import DATA_DIR

    assert data_copy != DATA_DIR
    before = (DATA_DIR / "bilateral_trade.csv").read_bytes()
    (data_copy / "bilateral_trade.csv").write_text("corrupted", encoding="utf-8")
    assert (DATA_DIR / "bilateral_trade.csv").read_bytes() == before


# --- hostile and careless packages: every one is a DataError naming where, nothing else ---

def _descriptor(package):
    return json.loads((package / "datapackage.json").read_text(encoding="utf-8"))


def _save(package, descriptor):
    (package / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")


def _resource(descriptor, name):
    return next(r for r in descriptor["resources"] if r["name"] == name)


def _field(descriptor, resource, name):
    return next(f for f in _resource(descriptor, resource)["schema"]["fields"]
                if f["name"] == name)


def _set_path(path):
    def edit(pkg, d):
        _resource(d, "sources")["path"] = path(pkg) if callable(path) else path
    return edit


def _outside(pkg):
    outside = pkg.parent / "outside.csv"
    outside.write_text((pkg / "sources.csv").read_text(encoding="utf-8"), encoding="utf-8")
    return outside


def _link_out(pkg, d):
    target = _outside(pkg)
    (pkg / "sources.csv").unlink()
    (pkg / "sources.csv").symlink_to(target)


def _link_dir_out(pkg, d):
    _outside(pkg)
    (pkg / "sub").symlink_to(pkg.parent)
    _resource(d, "sources")["path"] = "sub/outside.csv"


OUTSIDE = r"datapackage.json: resource 'sources': path '.*' leads outside the data package"
PATH_CASES = {
    "parent": (_set_path("../outside.csv"), OUTSIDE),
    "parent inside a folder": (_set_path("sub/../../outside.csv"), OUTSIDE),
    "absolute": (_set_path(lambda pkg: str(_outside(pkg))), OUTSIDE),
    "absolute system file": (_set_path("/etc/passwd"), OUTSIDE),
    "windows style": (_set_path("..\\outside.csv"), OUTSIDE),
    "url": (_set_path("https://example.invalid/sources.csv"), r"is a URL"),
    "file url": (_set_path("file:///etc/passwd"), r"is a URL"),
    "scheme-relative url": (_set_path("//example.invalid/x.csv"), r"is a URL"),
    "empty": (_set_path(""), r"path '' does not name a file"),
    "nul byte": (_set_path("sources.csv\x00.txt"), r"does not name a file"),
    "list of paths": (_set_path(["sources.csv"]), r"resource 'sources': needs a 'path'"),
    "symlink out": (_link_out, r"path 'sources.csv' is a link to a file outside the data "
                              r"package"),
    "symlinked folder out": (_link_dir_out, r"path 'sub/outside.csv' is a link to a file "
                                            r"outside"),
    "a folder": (_set_path("."), r"file of resource 'sources' not found \(or not a file\)"),
}


@pytest.mark.parametrize("case", list(PATH_CASES))
def test_resource_paths_never_leave_the_package(fixture_copy, case):
    edit, message = PATH_CASES[case]
    d = _descriptor(fixture_copy)
    edit(fixture_copy, d)
    _save(fixture_copy, d)
    with pytest.raises(DataError, match=message):
        load_package(fixture_copy)


def _drop_key(resource, index, key):
    def edit(d):
        del _resource(d, resource)["schema"]["fields"][index][key]
    return edit


def _set_field(resource, field, **values):
    def edit(d):
        _field(d, resource, field).update(values)
    return edit


def _constraints(resource, field, **values):
    def edit(d):
        _field(d, resource, field).setdefault("constraints", {}).update(values)
    return edit


def _schema(resource, **values):
    def edit(d):
        _resource(d, resource)["schema"].update(values)
    return edit


def _fields(resource, fields):
    def edit(d):
        _resource(d, resource)["schema"]["fields"] = fields
    return edit


def _foreign_key(fk):
    def edit(d):
        _resource(d, "products")["schema"]["foreignKeys"] = [fk]
    return edit


def _resources(edit_list):
    def edit(d):
        d["resources"] = edit_list(d["resources"])
    return edit


AT = r"datapackage.json: resource 'bilateral_trade'"
DESCRIPTOR_CASES = {
    "field without name": (_drop_key("bilateral_trade", 2, "name"),
                           AT + r", field 3: needs a 'name'"),
    "field name not text": (_set_field("bilateral_trade", "year", name=1992),
                            AT + r", field 1: needs a 'name'"),
    "field as text": (_fields("bilateral_trade", ["year", "reporter"]),
                      AT + r", field 1: expected an object, got text"),
    "field as null": (_fields("bilateral_trade", [None]),
                      AT + r", field 1: expected an object, got null"),
    "fields not a list": (_schema("bilateral_trade", fields={"year": "integer"}),
                          AT + r": the schema needs a non-empty 'fields' list"),
    "no fields": (_fields("bilateral_trade", []), AT + r": the schema needs a non-empty"),
    "unknown type": (_set_field("bilateral_trade", "year", type="date"),
                     AT + r", field 'year': type 'date' is not one the dashboard reads"),
    "type not text": (_set_field("bilateral_trade", "year", type=["integer"]),
                      r"type \['integer'\] is not one the dashboard reads"),
    "same field twice": (_set_field("bilateral_trade", "reporter", name="year"),
                         AT + r", field 'year': the name is used twice"),
    "constraints a list": (_set_field("bilateral_trade", "year", constraints=["required"]),
                           r"field 'year': 'constraints' must be an object, got a list"),
    "misspelt constraint": (_constraints("bilateral_trade", "value_usd", minimun=1),
                            r"field 'value_usd': constraint\(s\) 'minimun' not supported"),
    "bound on text": (_constraints("bilateral_trade", "reporter", minimum=1),
                      r"field 'reporter': 'minimum' applies to numbers, not to a string "
                      r"field"),
    "bound as text": (_constraints("bilateral_trade", "value_usd", maximum="1e12"),
                      r"field 'value_usd': 'maximum' must be a finite number, got '1e12'"),
    "bound infinite": (_constraints("bilateral_trade", "value_usd", maximum=float("inf")),
                       r"'maximum' must be a finite number"),
    "bad pattern": (_constraints("bilateral_trade", "reporter", pattern="[A-Z"),
                    r"field 'reporter': 'pattern' is not a valid regular expression"),
    "enum as text": (_constraints("bilateral_trade", "flow", enum="total,export"),
                     r"field 'flow': 'enum' must be a non-empty list"),
    "required as text": (_constraints("bilateral_trade", "flow", required="yes"),
                         r"field 'flow': 'required' must be true or false"),
    "length on a number": (_constraints("bilateral_trade", "value_usd", maxLength=3),
                           r"'maxLength' must be a whole number >= 0 on a string field"),
    "primary key not a field": (_schema("bilateral_trade", primaryKey=["yr", "flow"]),
                                AT + r": primaryKey 'yr' is not one of its fields"),
    "primary key a number": (_schema("bilateral_trade", primaryKey=5),
                             AT + r": 'primaryKey' must be a field name or a list"),
    "schema missing": (lambda d: _resource(d, "bilateral_trade").pop("schema"),
                       AT + r": needs a 'schema' object, got null"),
    "resource as text": (_resources(lambda rs: [*rs, "extra.csv"]),
                         r"datapackage.json: resource \d+: expected an object, got text"),
    "resource without name": (_resources(lambda rs: [*rs, {"path": "x.csv"}]),
                              r"datapackage.json: resource \d+: needs a 'name'"),
    "resource twice": (_resources(lambda rs: [*rs, rs[0]]),
                       r"resource 'sources': the name is used by two resources"),
    "resources not a list": (lambda d: d.update(resources={"sources": {}}),
                             r"datapackage.json: expected an object with a 'resources' list"),
    "foreign key without reference": (_foreign_key({"fields": "source_id"}),
                                      r"resource 'products': each foreign key needs"),
    "foreign key to nowhere": (_foreign_key({"fields": "source_id", "reference": {
        "resource": "publishers", "fields": "source_id"}}), r"unknown resource 'publishers'"),
    "foreign key to a missing field": (_foreign_key({"fields": "source_id", "reference": {
        "resource": "sources", "fields": "id"}}),
        r"foreign key refers to 'id', not a field of 'sources'"),
    "foreign key from a missing field": (_foreign_key({"fields": "src", "reference": {
        "resource": "sources", "fields": "source_id"}}),
        r"foreign key field 'src' is not one of its fields"),
    "foreign key widths differ": (_foreign_key({"fields": ["source_id", "year"], "reference": {
        "resource": "sources", "fields": "source_id"}}), r"has 2 field\(s\) but refers to 1"),
    "a page's field mistyped": (_set_field("bilateral_trade", "value_usd", type="string",
                                           constraints={}),
                                AT + r" needs field 'value_usd' of type number \(it is "
                                r"'string'\); the pages read it"),
    "a page's field missing": (lambda d: _resource(d, "sources")["schema"]["fields"].pop(5),
                               r"resource 'sources' needs field 'kind' of type string \(it is "
                               r"missing\)"),
}


@pytest.mark.parametrize("case", list(DESCRIPTOR_CASES))
def test_descriptor_shapes_give_data_errors(fixture_copy, case):
    edit, message = DESCRIPTOR_CASES[case]
    d = _descriptor(fixture_copy)
    edit(d)
    _save(fixture_copy, d)
    with pytest.raises(DataError, match=message):
        load_package(fixture_copy)


def test_descriptor_nested_too_deeply(fixture_copy):
    (fixture_copy / "datapackage.json").write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(DataError, match=r"datapackage.json: cannot be read \(nested too deeply"):
        load_package(fixture_copy)


def test_descriptor_not_an_object(fixture_copy):
    (fixture_copy / "datapackage.json").write_text("[]")
    with pytest.raises(DataError, match=r"expected an object with a 'resources' list"):
        load_package(fixture_copy)


def _rewrite(path, edit):
    path.write_bytes(edit(path.read_bytes()))


def _header_only(name):
    def edit(pkg):
        _rewrite(pkg / f"{name}.csv", lambda b: b.split(b"\n", 1)[0] + b"\n")
    return edit


def _line(name, n, new):
    """Replace line n (1-based) of a CSV with new bytes (None deletes it)."""
    def edit(pkg):
        def change(b):
            lines = b.split(b"\n")
            lines[n - 1:n] = [] if new is None else [new]
            return b"\n".join(lines)
        _rewrite(pkg / f"{name}.csv", change)
    return edit


def _edit_line(name, n, change_line):
    def edit(pkg):
        def change(b):
            lines = b.split(b"\n")
            lines[n - 1] = change_line(lines[n - 1])
            return b"\n".join(lines)
        _rewrite(pkg / f"{name}.csv", change)
    return edit


def _insert(name, n, new):
    def edit(pkg):
        def change(b):
            lines = b.split(b"\n")
            lines.insert(n - 1, new)
            return b"\n".join(lines)
        _rewrite(pkg / f"{name}.csv", change)
    return edit


TRADE = "bilateral_trade.csv"
CSV_CASES = {
    "empty file": (lambda pkg: (pkg / "products.csv").write_bytes(b""),
                   r"products.csv: the file is empty \(no header row\)"),
    "blank row": (_insert("bilateral_trade", 4, b""), TRADE + r", line 4: blank row"),
    "row of commas": (_insert("bilateral_trade", 4, b",,,,,,,,"),
                      TRADE + r", line 4: blank row"),
    "short row": (_line("bilateral_trade", 3, b"2010,CHN,KAZ,total,10000000000"),
                  TRADE + r", line 3: 5 cells, expected \d+ \(one per column: year, "),
    "long row": (_edit_line("bilateral_trade", 3, lambda b: b + b",extra"),
                 TRADE + r", line 3: (\d+) cells, expected (?!\1)\d+"),
    "unclosed quote": (_line("bilateral_trade", 5, b'2013,CHN,KAZ,total,15000000000,,true,S02,'
                                                   b'"never closed'),
                       TRADE + r", line 5: not readable as CSV .*unclosed quote"),
    "not utf-8": (_line("bilateral_trade", 6, b"2014,CHN,KAZ,total,16000000000,,false,S02,"
                                               b"caf\xe9 \x98"),
                  TRADE + r", line 6: not UTF-8 text \(byte 0xe9\)"),
    "nul byte": (_line("bilateral_trade", 6, b"2014,CHN,KAZ,total,16000000000,,false,S02,\x00"),
                 TRADE + r", line 6: a NUL byte; not a text CSV file"),
    "column twice": (_line("bilateral_trade", 1, b"year,reporter,partner,flow,value_usd,"
                                                 b"reported_change_pct,approximate,source_id,"
                                                 b"year"),
                     TRADE + r", line 1: column 'year' appears twice"),
    "column without name": (_line("bilateral_trade", 1, b"year,reporter,partner,flow,value_usd,"
                                                        b"reported_change_pct,approximate,"
                                                        b"source_id,"),
                            TRADE + r", line 1: column 9 has no name"),
    "huge whole number": (_edit_line("bilateral_trade", 2,
                                     lambda b: b.replace(b"2005,", b"99999999999999999999,", 1)),
                          TRADE + r", line 2, column 'year': expected a whole number"),
    "file is a folder": (lambda pkg: ((pkg / "products.csv").unlink(),
                                      (pkg / "products.csv").mkdir()),
                         r"products.csv: file of resource 'products' not found \(or not a "
                         r"file\)"),
}
for _name in ("sources", "bilateral_trade", "world_trade", "targets", "products",
              "editorial_claims"):
    CSV_CASES[f"header-only {_name}"] = (
        _header_only(_name), rf"{_name}.csv: no data rows, only the header; the dashboard "
                             rf"needs the {_name} table filled in")


@pytest.mark.parametrize("case", list(CSV_CASES))
def test_broken_csv_files_give_data_errors(fixture_copy, case):
    edit, message = CSV_CASES[case]
    edit(fixture_copy)
    with pytest.raises(DataError, match=message):
        load_package(fixture_copy)


def test_header_only_optional_table_is_fine(fixture_copy):
    _header_only("other_readings")(fixture_copy)
    assert load_package(fixture_copy)["other_readings"].empty


def test_line_numbers_count_physical_lines(fixture_copy):
    """A quoted cell spanning lines, CRLF line ends and a BOM keep the reported line right."""
    path = fixture_copy / "bilateral_trade.csv"
    text = path.read_text(encoding="utf-8").replace(
        "2010,CHN,KAZ,total,10000000000,,false,S02,Synthetic.",
        '2010,CHN,KAZ,total,10000000000,,false,S02,"Synthetic,\nover two lines."')
    text = text.replace("2014,CHN,KAZ,total,16000000000", "2014,CHN,KAZ,total,lots")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    line = text.splitlines().index(next(t for t in text.splitlines() if ",lots," in t)) + 1
    with pytest.raises(DataError, match=rf"bilateral_trade.csv, line {line}, column 'value_usd'"
                                        r": expected a finite number, got 'lots'"):
        load_package(fixture_copy)
    path.write_bytes(path.read_bytes().replace(b",lots,", b",16000000000,"))
    trade = load_package(fixture_copy)["bilateral_trade"]
    assert "Synthetic,\r\nover two lines." in set(trade["note"]) or \
        "Synthetic,\nover two lines." in set(trade["note"])


@pytest.mark.parametrize("file,old,new,message", [
    # amounts the pages cannot show, whatever a package's own schema allows (fixture: min 0)
    ("bilateral_trade.csv", "2017,CHN,KAZ,total,30000000000", "2017,CHN,KAZ,total,0",
     r"bilateral_trade.csv, line 9, column 'value_usd': expected an amount in US dollars from "
     r"1 to 100000000000000, got 0"),
    ("bilateral_trade.csv", "2017,CHN,KAZ,total,30000000000", "2017,CHN,KAZ,total,1e308",
     r"line 9, column 'value_usd': expected an amount in US dollars .*, got 1e\+308"),
    ("bilateral_trade.csv", "2016,CHN,KAZ,total,25000000000", "2016,CHN,KAZ,total,0.5",
     r"line 8, column 'value_usd': .*got 0.5"),
    ("products.csv", ",1000000000,", ",0,", r"products.csv, line 2, column 'value_usd'"),
    ("targets.csv", ",14000000000,", ",0,", r"targets.csv, line 2, column 'target_value_usd'"),
    ("targets.csv", ",,2,2017,", ",,0,2017,", r"targets.csv, line \d, column 'target_multiple'"
                                              r": expected a multiple of a base year from 1 "
                                              r"to 100, got 0"),
    ("world_trade.csv", ",-2.5,", ",-250,", r"world_trade.csv, line 2, column 'change_pct': "
                                             r"expected a change in percent from -100 to 1000"),
    ("world_trade.csv", ",-2.5,", ",1e300,", r"world_trade.csv, line 2, column 'change_pct'"),
    ("other_readings.csv", "26000000000,,,", "26000000000,,-1e300,",
     r"other_readings.csv, line 2, column 'change_usd': expected a change in US dollars"),
    # the claims the overview checks
    ("editorial_claims.csv", ",2017,30000000000,", ",,30000000000,",
     r"editorial_claims.csv, line 2, column 'year': claim 'trade_2023' needs a year"),
    ("editorial_claims.csv", ",2017,30000000000,", ",2017,,",
     r"editorial_claims.csv, line 2, column 'value': claim 'trade_2023' needs a value"),
    ("editorial_claims.csv", ",2017,30000000000,", ",2017,0,",
     r"line 2, column 'value': expected an amount in US dollars from 1"),
    ("editorial_claims.csv", "target_multiple,2017,2,", "target_multiple,2017,0,",
     r"column 'value': expected a multiple of a base year from 1 to 100, got 0"),
    ("editorial_claims.csv", ",2017,20,percent", ",2017,1e9,percent",
     r"column 'value': expected a change in percent from -100 to 1000"),
    ("editorial_claims.csv", "world_trade_change_pct,2017,", "world_trade_change_pct,1901,",
     r"claim 'world_2023' is about 1901, but world_trade has no World row for that year"),
    ("editorial_claims.csv", "trade_2023,", "trade_2O23,",
     r"editorial_claims.csv: missing claim\(s\) trade_2023; the overview checks each"),
    # something to chart and project
    ("bilateral_trade.csv", ",total,", ",export,", None),
])
def test_values_the_pages_cannot_show_are_refused(fixture_copy, file, old, new, message):
    """A package whose own schema has no bounds still cannot bring what no page can show."""
    d = _descriptor(fixture_copy)
    for resource in d["resources"]:
        for field in resource["schema"]["fields"]:
            for key in ("minimum", "maximum"):
                if field.get("type") == "number":
                    field.get("constraints", {}).pop(key, None)
    _save(fixture_copy, d)
    path = fixture_copy / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    count = -1 if message is None else 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    if message is None:  # every total turned into an export: first the duplicate keys
        message = r"bilateral_trade.csv, line \d+: duplicate primary key|no row with flow 'total'"
    with pytest.raises(DataError, match=message):
        load_package(fixture_copy)


def test_no_totals_at_all(fixture_copy):
    path = fixture_copy / "bilateral_trade.csv"
    rows = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(r for r in rows if ",total," not in r) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"bilateral_trade.csv: no row with flow 'total'"):
        load_package(fixture_copy)


def test_exclusive_bounds_and_lengths_are_applied(fixture_copy):
    d = _descriptor(fixture_copy)
    _field(d, "products", "value_usd")["constraints"] = {"exclusiveMaximum": 2000000000}
    _field(d, "products", "product")["constraints"] = {"maxLength": 6}
    _save(fixture_copy, d)
    with pytest.raises(DataError, match=r"products.csv, line 2, column 'product': expected text "
                                        r"of at most 6 characters, got 'Widgets'"):
        load_package(fixture_copy)
    _field(d, "products", "product")["constraints"] = {"minLength": 1}
    _save(fixture_copy, d)
    with pytest.raises(DataError, match=r"products.csv, line 3, column 'value_usd': expected a "
                                        r"value < 2000000000"):
        load_package(fixture_copy)


# Cells a careless edit or a hostile file may hold; each load either succeeds or gives one
# DataError naming the file, the line and the column.
NASTY = ["", "nan", "-inf", "1e309", "0", "-1", "abc", "9" * 40, "=HYPERLINK(\"x\")", "2017.5"]
COLUMNS = {"bilateral_trade": ["year", "flow", "value_usd", "reported_change_pct",
                               "approximate", "source_id"],
           "editorial_claims": ["claim_id", "value"],
           "targets": ["target_multiple"],
           "world_trade": ["change_pct"]}


@pytest.mark.parametrize("resource,column", [(r, c) for r, cs in COLUMNS.items() for c in cs])
def test_nasty_cells_give_data_errors_or_load(fixture_copy, resource, column):
    import csv

    path = fixture_copy / f"{resource}.csv"
    original = path.read_text(encoding="utf-8")
    rows = list(csv.reader(original.splitlines()))
    col = rows[0].index(column)
    for value in NASTY:
        edited = [list(r) for r in rows]
        edited[1][col] = value
        with open(path, "w", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows(edited)
        try:
            load_package(fixture_copy)
        except DataError as exc:
            assert f"{resource}.csv" in str(exc) or "editorial_claims.csv" in str(exc), value
            assert "\n" not in str(exc)
    path.write_text(original, encoding="utf-8")


# --- what the loader accepts, every page can show ---

def _keep_rows(package, name, keep):
    import csv

    path = package / f"{name}.csv"
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    kept = [r for r in rows[1:] if keep(dict(zip(header, r, strict=True)))]
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows([header, *kept])


def _set_cells(package, name, match, column, value):
    import csv

    path = package / f"{name}.csv"
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    for r in rows[1:]:
        if match(dict(zip(header, r, strict=True))):
            r[header.index(column)] = value
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def _only_kazakh_figures(pkg):
    _keep_rows(pkg, "bilateral_trade", lambda r: r["reporter"] == "KAZ")


def _edge_values(pkg):
    is_total = lambda r: r["reporter"] == "CHN" and r["flow"] == "total"  # noqa: E731
    _keep_rows(pkg, "bilateral_trade", lambda r: not is_total(r) or r["year"] in ("2005", "2017"))
    _set_cells(pkg, "bilateral_trade", lambda r: is_total(r) and r["year"] == "2005",
               "value_usd", "1")
    _set_cells(pkg, "bilateral_trade", lambda r: is_total(r) and r["year"] == "2005", "year",
               "1900")
    _set_cells(pkg, "targets", lambda r: r["target_multiple"] != "", "target_multiple", "100")
    _set_cells(pkg, "targets", lambda r: r["target_value_usd"] != "", "target_value_usd",
               "10000000000000")
    _set_cells(pkg, "world_trade", lambda r: True, "change_pct", "-100")
    _keep_rows(pkg, "products", lambda r: r["year"] == "2017")


def _odd_text(pkg):
    _set_cells(pkg, "bilateral_trade", lambda r: True, "note",
               "[link](//example.invalid) ![](//example.invalid/p.png) <b>x</b> $x$ " + "y" * 5000)
    _keep_rows(pkg, "world_trade", lambda r: r["basis"] == "unspecified")
    _keep_rows(pkg, "other_readings", lambda r: False)


@pytest.mark.parametrize("edit", [_only_kazakh_figures, _edge_values, _odd_text])
def test_every_page_shows_what_the_loader_accepts(fixture_copy, monkeypatch, edit):
    from helpers import open_page

    edit(fixture_copy)
    load_package(fixture_copy)  # accepted
    monkeypatch.setenv("DASHBOARD_DATA", str(fixture_copy))
    for page in ("views/overview.py", "views/growth.py", "views/mirror.py", "views/world.py",
                 "views/corridor.py", "views/structure.py", "views/doubling.py",
                 "views/sources.py"):
        at = open_page(page, timeout=120)
        assert not at.error, (page, [e.value for e in at.error])
