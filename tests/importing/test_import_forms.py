"""Issue 26: WITS indicator files named by the caller, Comtrade API JSON (annual and monthly),
Excel workbooks, and files refused by their content. Fixtures: tests/fixtures/import/make_forms.py.
"""

import io
import json
import re
import sys
import zipfile

import pytest
from helpers import ROOT

from dashboard.data.loader import DataError
from dashboard.errors import UserError
from dashboard.importing import read_import
from dashboard.importing.reader import PairNeeded
from dashboard.importing.tables import monthly_view, product_view, world_shares

HERE = ROOT / "tests" / "fixtures" / "import"
sys.path.insert(0, str(HERE))
import make_forms as mf  # noqa: E402

WITS = HERE / "wits-indicator-kaz-chn-synthetic.csv"
JSON = HERE / "comtrade-api-kaz-chn-monthly-synthetic.json"
XLSX = HERE / "comtrade-plus-chn-kaz-synthetic.xlsx"


def _balanced(r) -> None:
    assert len(r.rows) + len(r.rejected) == r.data_rows
    assert r.rows["row"].notna().all() and r.rejected["reason"].str.len().gt(0).all()


def test_committed_text_fixtures_are_what_the_script_writes():
    assert WITS.read_bytes() == mf.wits_indicator()
    assert JSON.read_bytes() == mf.comtrade_api_monthly()


def test_wits_indicator_file_loads_with_the_named_pair():
    r = read_import(WITS, reporter="KAZ", partner="CHN")
    _balanced(r)
    assert r.data_rows == 25 and len(r.rows) == 20 and len(r.rejected) == 5
    assert r.rejected["reason"].str.contains("MPRT-PRTNR-SHR").all()
    assert set(r.rows["reporter"]) == {"KAZ"} and set(r.rows["partner"]) == {"CHN"}
    t = r.totals
    one = t[(t["year"] == 2009) & (t["flow"] == "import")]["value_usd"].iloc[0]
    assert one == pytest.approx(4_617_000_123.0)  # US$ thousand × 1,000
    assert t["attribution_note"].str.contains("you named").all()
    assert any("as you named them" in m for m in r.messages)
    assert set(r.commodities["commodity_code"]) == {"27"}
    assert not product_view(r.rows)["share_of_total_pct"].isna().any()


def test_wits_indicator_file_without_the_pair_says_so_and_lists_its_columns():
    for kw in ({}, {"reporter": "KAZ"}, {"partner": "CHN"}):
        with pytest.raises(PairNeeded) as caught:
            read_import(WITS, **kw)
        text = str(caught.value)
        assert "no reporter or partner columns" in text
        assert "year, product, product_name, indicator, indicator_name, value_usd_thousand" in text
        assert "Traceback" not in text and isinstance(caught.value, UserError)
        assert caught.value.columns[0] == "year"


@pytest.mark.parametrize("reporter,partner,why", [
    ("KZX", "CHN", "not an ISO 3166 alpha-3"), ("Kazakhstan", "CHN", "not an ISO 3166"),
    ("398", "CHN", "not an ISO 3166"), ("KAZ", "KAZ", "does not trade with itself"),
    ("WLD", "CHN", "only ever a partner"), ("<b>", "CHN", "not an ISO 3166")])
def test_the_named_pair_goes_through_the_country_validator(reporter, partner, why):
    with pytest.raises(DataError, match=why):
        read_import(WITS, reporter=reporter, partner=partner)


def test_a_file_with_its_own_reporters_keeps_them_and_says_so():
    data = b"year,reporter,partner,flow,value_usd\n2020,CHN,KAZ,total,5\n"
    r = read_import(io.BytesIO(data), reporter="KAZ", partner="RUS")
    assert r.rows["reporter"].tolist() == ["CHN"]
    assert any("were not used" in m for m in r.messages)


def test_comtrade_api_json_with_monthly_rows():
    r = read_import(JSON)
    _balanced(r)
    assert r.data_rows == 22 and len(r.rows) == 20 and len(r.rejected) == 2
    assert r.format == "UN Comtrade Plus (JSON)"
    monthly = r.rows[r.rows["month_start"].notna()]
    assert len(monthly) == 18 and (monthly["month_start"] == monthly["month_end"]).all()
    assert any("18 rows are monthly figures (2024-01–2025-03)" in m for m in r.messages)
    # Annual totals hold the annual rows only: 2024 export is the annual 13 bn, not + months.
    t = r.totals
    assert set(t["year"]) == {2024}
    assert t[t["flow"] == "export"]["value_usd"].tolist() == [1.3e10]
    assert 2025 not in set(t["year"])
    assert r.commodities.empty and r.world.empty


def test_monthly_rows_never_reach_annual_tables_and_give_year_to_date():
    rows = read_import(JSON).rows
    assert world_shares(rows).empty and product_view(rows).empty
    m = monthly_view(rows)
    ytd = m[m["measure"].str.startswith("sum of months")]
    row = ytd[(ytd["year"] == 2025) & (ytd["flow"] == "export")].iloc[0]
    assert (row["month_start"], row["month_end"]) == (1, 3)
    assert row["value_usd"] == pytest.approx(3.21e9)
    assert row["previous_year_usd"] == pytest.approx(3.06e9)  # 2024's months 1–3, not 1–6
    assert m["series"].str.contains("monthly").all()


def test_a_monthly_row_only_file_gives_no_annual_totals():
    items = [mf.api_row(2024, m, "X", 1e9) for m in (1, 2, 3)]
    r = read_import(io.BytesIO(json.dumps({"data": items}).encode()))
    assert len(r.rows) == 3 and r.totals.empty


@pytest.mark.parametrize("period,why", [("202413", "not a month"), ("209901", "future"),
                                        ("2024-01", "not a month")])
def test_bad_months_are_rejected_with_reasons(period, why):
    item = mf.api_row(2024, 1, "X", 1e9)
    item["period"] = period
    r = read_import(io.BytesIO(json.dumps({"data": [item]}).encode()))
    assert r.rows.empty and why in r.rejected["reason"].iloc[0]


@pytest.mark.parametrize("freq", ["A", "a", " A "])
def test_an_annual_row_with_a_months_period_is_rejected_not_guessed(freq):
    """freqCode A (annual) with period 202401: the file contradicts itself; the declared
    frequency is not overruled by the period's shape, and the row is not read as a month."""
    item = mf.api_row(2024, 1, "X", 1e9)
    good = mf.api_row(2024, 2, "X", 2e9)
    item["freqCode"] = freq
    r = read_import(io.BytesIO(json.dumps({"data": [item, good]}).encode()))
    _balanced(r)
    assert len(r.rows) == 1 and r.rows["month_start"].tolist() == [2]
    assert r.rejected["reason"].tolist() == [
        "row 1: freqCode 'A' is annual, but period '202401' is a month (YYYYMM); the file "
        "contradicts itself: download it again as annual or as monthly data"]


def test_excel_workbook_first_sheet_and_formulas_never_run():
    r = read_import(XLSX)
    _balanced(r)
    assert r.data_rows == 4 and len(r.rows) == 3 and r.format == "UN Comtrade Plus (Excel)"
    assert "primaryValue is empty" in r.rejected["reason"].iloc[0]  # formula: no saved value
    assert r.rejected["row"].tolist() == [6]
    assert any("header is on line 2" in m for m in r.messages)


def _zip(files: dict[str, bytes]) -> io.BytesIO:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in files.items():
            z.writestr(n, b)
    out.seek(0)
    out.name = "trade.xlsx"
    return out


@pytest.mark.parametrize("content,why", [
    (b"\x89PNG\r\n\x1a\n" + b"\0" * 50, "PNG image"), (b"\xff\xd8\xff\xe0" + b"\0" * 50, "JPEG"),
    (b"GIF89a" + b"\0" * 20, "GIF image"), (b"RIFF\0\0\0\0WEBPVP8 ", "WebP image"),
    (b"\x1f\x8b\x08\0", "gzip archive"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".xls")])
def test_other_files_are_refused_by_content_whatever_their_name(content, why):
    source = io.BytesIO(content)
    source.name = "trade.csv"
    with pytest.raises(DataError, match=why):
        read_import(source)


def test_a_zip_that_is_not_a_workbook_is_refused_and_a_zip_bomb_too():
    with pytest.raises(DataError, match="ZIP archive"):
        read_import(_zip({"data.csv": b"year,reporter\n"}))
    bomb = _zip({"xl/workbook.xml": b"<x/>", "xl/worksheets/sheet1.xml": b" " * 120_000_000})
    with pytest.raises(DataError, match="unpacks to"):
        read_import(bomb)


@pytest.mark.parametrize("doc,why", [
    ("[" * 100_000 + "]" * 100_000, "nested too deeply|top level"),
    ('{"data": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply|not an object"),
    ("[1, 2, 3]", "top level"), ("42", "no recognisable header|top level"),
    ('"text"', "no recognisable header"), ("null", "no recognisable header"),
    ('{"error": "Too many requests", "data": null}', "Too many requests"),
    ('{"data": []}', "empty"), ('{"data": {"a": 1}}', "no \"data\" list"),
    ('{"data": [1, 2', "not valid JSON"),
    ('{"data": [{"x": 1}]}', "no recognisable header"),
    ('{"data": [' + ",".join([f'{{"k{i}": 1}}' for i in range(300)]) + "]}", "different keys"),
])
def test_hostile_json_gives_a_clear_error(doc, why):
    try:
        r = read_import(io.BytesIO(doc.encode()))
    except DataError as exc:
        assert re.search(why, str(exc)), str(exc)
        assert "Traceback" not in str(exc)
    else:  # a deeply nested item inside "data" is one rejected row, never a crash
        assert len(r.rows) + len(r.rejected) == r.data_rows and r.rows.empty


def test_huge_json_is_refused_by_the_row_limit():
    items = [{"refYear": 2020, "primaryValue": 1, "flowCode": "X"}] * 50_001
    with pytest.raises(DataError, match="more than 50,000 data rows"):
        read_import(io.BytesIO(json.dumps({"data": items}, separators=(",", ":")).encode()))
