import io

import pandas as pd
import pytest

from dashboard import export
from dashboard.data import DataError
from dashboard.importing import (
    DTYPES,
    MAX_BYTES,
    MAX_ROWS,
    combine,
    parse_number,
    read_import,
    read_trade_csv,
    source_frame,
)

TIDY = """year,reporter,partner,flow,value_usd,reported_change_pct,approximate,source_id,note
2020,CHN,KAZ,total,21430000000,,false,MY1,from my notes
2014,CHN,KAZ,total,"22,450,000,000",,true,MY1,
"""

CLASSIC = """Classification,Year,Period,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,Trade Value (US$)
H6,2020,2020,0,0,1,Import,156,China,CHN,398,Kazakhstan,KAZ,TOTAL,All Commodities,9876543210
H6,2020,2020,0,0,2,Export,156,China,CHN,398,Kazakhstan,KAZ,TOTAL,All Commodities,11720000000
H6,2020,2020,2,0,2,Export,156,China,CHN,398,Kazakhstan,KAZ,27,Mineral fuels,123
H6,2020,2020,0,0,3,Re-Export,156,China,CHN,398,Kazakhstan,KAZ,TOTAL,All Commodities,5
"""

PLUS = """typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,reporterDesc,flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,cmdCode,cmdDesc,primaryValue
C,A,20150101,2015,52,2015,398,KAZ,Kazakhstan,X,Export,156,CHN,China,TOTAL,All,5480000000
C,A,20150101,2015,52,2015,398,KAZ,Kazakhstan,M,Import,156,CHN,China,TOTAL,All,8470000000
C,M,20150101,2015,1,201501,398,KAZ,Kazakhstan,M,Import,156,CHN,China,TOTAL,All,700000000
"""


def test_tidy_file(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(TIDY, encoding="utf-8")
    ok, bad = read_trade_csv(path)
    assert bad.empty
    assert ok.dtypes.astype(str).to_dict() == DTYPES
    row = ok.set_index("year").loc[2014]
    assert row["value_usd"] == 22.45e9 and bool(row["approximate"]) is True
    assert ok["source_id"].str.startswith("U-").all()
    assert "File's source_id: MY1" in ok.set_index("year").loc[2020, "note"]
    src = source_frame(ok, ["source_id", "publisher", "title", "url", "published", "kind",
                            "cites", "note"])
    assert src["source_id"].iloc[0] == ok["source_id"].iloc[0] and src["title"].iloc[0] == "mine.csv"


def test_comtrade_classic_takes_annual_totals_and_derives_total():
    ok, bad = read_trade_csv(io.BytesIO(CLASSIC.encode("utf-8")))
    flows = ok.set_index("flow")["value_usd"]
    assert flows["import"] == 9876543210 and flows["export"] == 11720000000
    assert flows["total"] == 9876543210 + 11720000000
    assert "Derived" in ok.set_index("flow").loc["total", "note"]
    assert ok.attrs["format"] == "UN Comtrade (classic) CSV"
    assert any("derived" in m for m in ok.attrs["messages"])
    reasons = bad.set_index("row")["reason"]
    assert reasons.to_dict() == {5: "row 5: flow 'Re-Export' is not one of total/export/import"}
    # Issue 16: a chapter row is no longer refused; it is a product of the user's data.
    products = read_import(io.BytesIO(CLASSIC.encode("utf-8"))).commodities
    assert products[["row", "commodity_code", "commodity_desc", "value_usd"]].values.tolist() == [
        [4, "27", "Mineral fuels", 123.0]]


def test_comtrade_plus_with_bom_and_monthly_rows():
    ok, bad = read_trade_csv(io.BytesIO(b"\xef\xbb\xbf" + PLUS.encode("utf-8")))
    assert set(ok["flow"]) == {"export", "import", "total"}
    assert (ok["reporter"] == "KAZ").all() and (ok["year"] == 2015).all()
    assert bad["row"].tolist() == [4] and "not annual" in bad["reason"].iloc[0]


def test_windows_1251_semicolons_and_thousands():
    text = ("Year;Trade Flow;Reporter ISO;Partner ISO;Commodity Code;Trade Value (US$);Reporter\n"
            "2020;Export;KAZ;CHN;TOTAL;9 500 000 000;Казахстан\n"
            "2020;Import;KAZ;CHN;TOTAL;6 000 000 000,5;Казахстан\n")
    ok, bad = read_trade_csv(io.BytesIO(text.encode("cp1251")))
    assert bad.empty, bad
    assert ok.set_index("flow").loc["import", "value_usd"] == 6_000_000_000.5
    assert "Windows-1251" in ok.attrs["messages"][0] and "';'" in ok.attrs["messages"][0]


def test_mixed_rows_are_accepted_or_rejected_with_reasons():
    text = TIDY.splitlines()[0] + "\n" + "\n".join([
        "2020,CHN,KAZ,total,21430000000,,false,,",
        "2021,CHN,KAZ,total,n/a,,false,,",
        "2021,CHN,KAZ,Re-export,5,,false,,",
        "1850,CHN,KAZ,total,5,,false,,",
        "2022,<script>,KAZ,total,5,,false,,",
        "2020,CHN,KAZ,total,1,,false,,",
        "2023,CHN,KAZ,total,-5,,false,,",
        "2023,CHN,KAZ,total,5",
        "2024,chn,kaz,TOTAL,7,,maybe,,",
    ]) + "\n"
    ok, bad = read_trade_csv(io.BytesIO(text.encode()))
    assert ok["year"].tolist() == [2020]
    reasons = dict(zip(bad["row"], bad["reason"], strict=True))
    assert reasons[3] == "row 3: value_usd 'n/a' is not a number"
    assert reasons[4] == "row 4: flow 'Re-export' is not one of total/export/import"
    assert "year '1850'" in reasons[5]
    assert "reporter '<script>' is not an ISO 3166 alpha-3" in reasons[6]
    assert reasons[7] == "row 7: same year, reporter, partner and flow as row 2"
    assert "negative" in reasons[8]
    assert "5 values where the header has 9" in reasons[9]
    assert "approximate 'maybe'" in reasons[10]
    assert len(ok) + len(bad) == 9  # every data row accounted for
    assert "2022,<script>,KAZ" in bad.set_index("row").loc[6, "raw"]


@pytest.mark.parametrize("content,message", [
    (b"", "the file is empty"),
    (b"   \n\n", "the file is empty"),
    (b"PK\x03\x04rest-of-a-zip", "spreadsheet or ZIP file, not CSV"),
    (b"%PDF-1.4 binary", "not a text CSV file"),
    (b"name,colour\napple,red\n", "no recognisable header"),
])
def test_unreadable_files(content, message):
    with pytest.raises(DataError, match=message):
        read_trade_csv(io.BytesIO(content))


def test_size_and_row_limits(tmp_path):
    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * (MAX_BYTES + 1))
    with pytest.raises(DataError, match="larger than the 5 MB limit"):
        read_trade_csv(big)
    rows = "\n".join(f"{1900 + i % 200},CHN,KAZ,total,{i}" for i in range(MAX_ROWS + 1))
    with pytest.raises(DataError, match="more than 50,000 data rows"):
        read_trade_csv(io.BytesIO(("year,reporter,partner,flow,value_usd\n" + rows).encode()))


def test_formula_cells_stay_inert_in_exports():
    text = ("year,reporter,partner,flow,value_usd,note\n"
            '2020,CHN,KAZ,total,5,"=HYPERLINK(""http://evil"",""x"")"\n')
    ok, _ = read_trade_csv(io.BytesIO(text.encode()))
    assert ok["note"].iloc[0].startswith("=HYPERLINK")
    csv_text = export.to_csv(ok).decode()
    assert "'=HYPERLINK" in csv_text


def test_combine_keeps_both_and_respects_choice(tables):
    ok, _ = read_trade_csv(io.BytesIO(TIDY.replace("2014", "2023").encode()))
    bundled = tables["bilateral_trade"]
    table, conflicts = combine(bundled, ok, prefer="bundled")
    assert len(conflicts) == 1 and conflicts["value_usd_bundled"].iloc[0] == 41e9
    keep = table[(table["year"] == 2023) & (table["reporter"] == "CHN")
                 & (table["flow"] == "total")]
    assert keep["value_usd"].tolist() == [41e9]
    assert 2020 in table[table["reporter"] == "CHN"]["year"].tolist()  # gap filled by upload
    table, _ = combine(bundled, ok, prefer="uploaded")
    keep = table[(table["year"] == 2023) & (table["reporter"] == "CHN")
                 & (table["flow"] == "total")]
    assert keep["value_usd"].tolist() == [22.45e9]
    assert len(bundled) == 29  # the bundled table itself is never changed


@pytest.mark.parametrize("text,value", [("1,234,567", 1234567), ("1 234 567,5", 1234567.5),
                                        ("1.234.567", 1234567), ("2.5e9", 2.5e9),
                                        ("1234,5", 1234.5), ("$1,000.25", 1000.25)])
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_accepted_matches_bundled_schema(tables):
    ok, _ = read_trade_csv(io.BytesIO(TIDY.encode()))
    assert list(ok.columns) == list(tables["bilateral_trade"].columns)
    assert (ok.dtypes == tables["bilateral_trade"].dtypes).all()
    pd.concat([tables["bilateral_trade"], ok])  # concatenates without dtype trouble


def test_user_series_is_labelled_in_legend_source_and_file_name(tables):
    from dashboard import catalog

    ok, _ = read_trade_csv(io.BytesIO(TIDY.encode()))
    merged = dict(tables)
    merged["bilateral_trade"], _ = combine(tables["bilateral_trade"], ok)
    merged["sources"] = pd.concat([tables["sources"], source_frame(ok, tables["sources"].columns)])
    spec = catalog.build("growth", merged)
    assert spec.stem.endswith("-with-your-data")
    assert any("uploaded" in (t.name or "") for t in spec.figure.data)
    assert "Your uploaded file" in spec.source
    csv_text = export.to_csv(spec.data).decode()
    assert "Your uploaded file" in csv_text and ok["source_id"].iloc[0] in csv_text
