import io

import pandas as pd
import pytest

from dashboard.data.loader import DataError
from dashboard.export import render as export
from dashboard.importing.formats import parse_number
from dashboard.importing.reader import (
    DTYPES,
    MAX_BYTES,
    MAX_ROWS,
    combine,
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
    # Issue 26: the monthly row is accepted as a part-year figure, never in the annual totals.
    assert bad.empty and len(ok[ok["flow"] == "import"]) == 1
    rows = read_import(io.BytesIO(PLUS.encode("utf-8"))).rows
    assert rows.loc[rows["row"] == 4, ["month_start", "month_end"]].values.tolist() == [[1, 1]]


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
    ok, _ = read_trade_csv(io.BytesIO(TIDY.replace("2014", "2017").encode()))
    bundled = tables["bilateral_trade"]
    before = bundled.copy()
    table, conflicts = combine(bundled, ok, prefer="bundled")
    assert len(conflicts) == 1 and conflicts["value_usd_bundled"].iloc[0] == 30e9
    keep = table[(table["year"] == 2017) & (table["reporter"] == "CHN")
                 & (table["flow"] == "total")]
    assert keep["value_usd"].tolist() == [30e9]
    assert 2020 in table[table["reporter"] == "CHN"]["year"].tolist()  # gap filled by upload
    table, _ = combine(bundled, ok, prefer="uploaded")
    keep = table[(table["year"] == 2017) & (table["reporter"] == "CHN")
                 & (table["flow"] == "total")]
    assert keep["value_usd"].tolist() == [22.45e9]
    assert bundled.equals(before)  # the bundled table itself is never changed


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
    from dashboard import charts as catalog

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


# --- Real downloads' layouts (synthetic values): tests/fixtures/import/ ------------------------

import sys  # noqa: E402
from decimal import Decimal  # noqa: E402

from helpers import IMPORT_FIXTURES  # noqa: E402

from dashboard.importing.tables import (  # noqa: E402
    mirror_flows,
    mirror_pairs,
    product_view,
    reporter_series,
    world_shares,
)

FIXTURES = IMPORT_FIXTURES
sys.path.insert(0, str(FIXTURES))
import make_fixtures as mk  # noqa: E402

PLUS_FILE = FIXTURES / "comtrade-plus-chn-kaz-synthetic.csv"


def data_lines(path):
    """Non-blank lines below the header, counted straight from the bytes."""
    text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    return sum(1 for line in text.split("\n")[1:] if line.strip())


def by(frame, **keys):
    for k, v in keys.items():
        frame = frame[frame[k] == v]
    return frame


@pytest.mark.parametrize("name", list(mk.FILES))
def test_fixtures_are_exactly_what_the_generator_writes(name):
    assert (FIXTURES / name).read_bytes() == mk.FILES[name]()


def test_comtrade_plus_china_kazakhstan_download_every_row_accounted_for():
    raw = PLUS_FILE.read_bytes()
    assert raw.count(b",\r\n") == 352 and not raw.startswith(b"\xef\xbb\xbf")  # the quirks
    r = read_import(PLUS_FILE)
    assert data_lines(PLUS_FILE) == r.data_rows == 352
    assert len(r.rows) + len(r.rejected) == 352 and r.rejected.empty
    assert (r.format, r.encoding, r.separator) == ("UN Comtrade Plus CSV", "UTF-8", ",")
    assert sorted(r.rows["row"]) == list(range(2, 354))
    assert set(r.rows["commodity_code"]) == {"TOTAL", *mk.CHAPTERS}
    assert set(r.rows["partner"]) == {"KAZ", "WLD"} and set(r.rows["reporter"]) == {"CHN"}
    assert (len(r.commodities), len(r.world)) == (308, 176)
    editions = r.rows.groupby("year")["classification"].unique().map(list).to_dict()
    assert editions == {y: [mk.EDITION[y]] for y in mk.YEARS}
    for year in (2014, 2019, 2024):
        for flow, code in (("export", "X"), ("import", "M")):
            for commodity in ("TOTAL", "27", "85"):
                got = by(r.rows, year=year, flow=flow, commodity_code=commodity, partner="KAZ")
                assert got["value_usd"].tolist() == [mk.synthetic(year, code, commodity, "KAZ")]
    desc = by(r.rows, commodity_code="85")["commodity_desc"].iloc[0]
    assert desc == mk.CHAPTERS["85"]  # commas and semicolons inside the quoted description
    assert any("352 data rows end with a separator" in m for m in r.messages)
    assert "Classifications in the file: H4 (2014–2016), H5 (2017–2021), H6 (2022–2024)." \
        in r.messages


def test_comtrade_plus_totals_keep_the_old_contract():
    totals, rejected = read_trade_csv(PLUS_FILE)
    assert rejected.empty and totals.dtypes.astype(str).to_dict() == DTYPES
    assert len(totals) == 33 and set(totals["partner"]) == {"KAZ"}  # World is not a pair
    t2020 = by(totals, year=2020).set_index("flow")["value_usd"]
    x, m = mk.synthetic(2020, "X", "TOTAL", "KAZ"), mk.synthetic(2020, "M", "TOTAL", "KAZ")
    assert t2020.to_dict() == {"export": x, "import": m, "total": x + m}
    assert by(totals, flow="total")["note"].str.startswith("Derived").all()
    assert totals.attrs["format"] == "UN Comtrade Plus CSV"


def test_product_view_of_the_users_data():
    r = read_import(PLUS_FILE)
    p = product_view(r.rows, "CHN", "KAZ")
    assert len(p) == 7 * 11 * 2 and set(p["commodity_code"]) == set(mk.CHAPTERS)
    row = by(p, year=2023, flow="export", commodity_code="27").iloc[0]
    assert row["value_usd"] == mk.synthetic(2023, "X", "27", "KAZ")
    assert row["total_usd"] == mk.synthetic(2023, "X", "TOTAL", "KAZ")
    assert row["share_of_total_pct"] == pytest.approx(row["value_usd"] / row["total_usd"] * 100)
    assert row["commodity"] == "27 " + mk.CHAPTERS["27"]
    assert row["series"] == ("Your file: China's product exports to Kazakhstan, as China "
                             "reports them")
    world_products = product_view(r.rows, "CHN", "WLD")
    assert len(world_products) == 154 and world_products["series"].str.contains("World").all()


def test_product_view_without_a_total_gives_no_share():
    text = CLASSIC.replace("TOTAL,All Commodities,9876543210", "85,Machines,9876543210")
    p = product_view(read_import(io.BytesIO(text.encode())).rows)
    assert p["share_of_total_pct"].isna().sum() >= 1
    assert by(p, commodity_code="85")["total_usd"].isna().all()


def test_world_shares_per_year_and_flow():
    r = read_import(PLUS_FILE)
    s = world_shares(r.rows)
    tot = by(s, commodity_code="TOTAL")
    assert len(tot) == 33 and set(tot["flow"]) == {"export", "import", "total"}
    for year in (2014, 2024):
        x = by(tot, year=year, flow="export").iloc[0]
        assert x["value_usd"] == mk.synthetic(year, "X", "TOTAL", "KAZ")
        assert x["world_value_usd"] == mk.synthetic(year, "X", "TOTAL", "W00")
        assert x["share_pct"] == pytest.approx(100 / 17) and not x["derived"]
        t = by(tot, year=year, flow="total").iloc[0]
        pair = mk.synthetic(year, "X", "TOTAL", "KAZ") + mk.synthetic(year, "M", "TOTAL", "KAZ")
        assert t["value_usd"] == pair and bool(t["derived"])
    # The pair's flow as a share of the reporter's same flow with the World (never "China's
    # share of world exports", which reads as a share of all the world's exports)
    assert set(tot["series"]) == {
        f"Your file: China's {flow} Kazakhstan as a share of its {flow} the world, as China "
        "reports them" for flow in ("exports to", "imports from", "trade with")}
    assert len(by(s, commodity_code="27")) == 33  # chapters get shares too


def test_several_reporters_and_the_mirror():
    r = read_import(FIXTURES / "comtrade-plus-mirror-synthetic.csv")
    assert r.encoding == "UTF-8" and r.rejected.empty and r.data_rows == 18
    series = reporter_series(r.totals)
    assert series.groupby("reporter")["series"].first().to_dict() == {
        "CHN": "Your file: China's trade with Kazakhstan, as China reports them",
        "KAZ": "Your file: Kazakhstan's trade with China, as Kazakhstan reports them"} or \
        set(series["reporter"]) == {"CHN", "KAZ"}
    assert set(series["series"]) >= {
        "Your file: China's exports to Kazakhstan, as China reports them",
        "Your file: Kazakhstan's imports from China, as Kazakhstan reports them"}
    assert mirror_pairs(r.totals) == [("CHN", "KAZ")]
    m = mirror_flows(r.totals, "CHN", "KAZ")
    assert len(m) == 9 and set(zip(m["flow_a"], m["flow_b"], strict=True)) == {
        ("export", "import"), ("import", "export"), ("total", "total")}
    row = by(m, year=2022, flow_a="export").iloc[0]
    a, b = mk.synthetic(2022, "X", "TOTAL", "KAZ", "CHN"), mk.synthetic(2022, "M", "TOTAL",
                                                                         "CHN", "KAZ")
    assert (row["value_a_usd"], row["value_b_usd"], row["gap_usd"]) == (a, b, a - b)
    assert row["gap_pct"] == pytest.approx((a / b - 1) * 100)
    assert row["measure"] == ("China's exports to Kazakhstan vs Kazakhstan's imports from China "
                              "(your file)")
    shares = world_shares(r.rows)  # only Kazakhstan gave World rows
    assert set(shares["reporter"]) == {"KAZ"} and set(shares["partner"]) == {"CHN"}


def test_comtrade_classic_download_with_quoted_thousands():
    r = read_import(FIXTURES / "comtrade-classic-kaz-synthetic.csv")
    assert r.data_rows == data_lines(FIXTURES / "comtrade-classic-kaz-synthetic.csv") == 18
    assert r.rejected.empty and set(r.rows["reporter"]) == {"KAZ"}
    got = by(r.rows, year=2017, flow="export", commodity_code="26")["value_usd"].tolist()
    assert got == [mk.synthetic(2017, "X", "26", "CHN", "KAZ")]
    assert by(r.totals, year=2018, flow="total")["value_usd"].tolist() == [
        mk.synthetic(2018, "X", "TOTAL", "CHN", "KAZ")
        + mk.synthetic(2018, "M", "TOTAL", "CHN", "KAZ")]


def test_excel_unicode_text_reads_like_the_csv_it_came_from():
    a = read_import(FIXTURES / "comtrade-classic-kaz-synthetic.csv")
    b = read_import(FIXTURES / "excel-unicode-text-synthetic.txt")
    assert (b.encoding, b.separator) == ("UTF-16", "\t")
    keep = ["row", "year", "reporter", "partner", "flow", "commodity_code", "value_usd"]
    pd.testing.assert_frame_equal(a.rows[keep], b.rows[keep])


def _thousand(v):
    return float(Decimal(f"{v / 1000:.3f}") * 1000)


def test_wits_by_product_values_in_thousands_become_dollars():
    r = read_import(FIXTURES / "wits-by-product-synthetic.csv")
    assert r.format == "World Bank WITS CSV" and r.data_rows == 16 and r.rejected.empty
    assert set(r.rows["partner"]) == {"KAZ", "WLD"} and set(r.rows["reporter"]) == {"CHN"}
    got = by(r.rows, year=2021, flow="import", partner="KAZ", commodity_code="27")
    assert got["value_usd"].tolist() == [_thousand(mk.synthetic(2021, "M", "27", "KAZ"))]
    assert got["commodity_desc"].tolist() == [mk.CHAPTERS["27"]]
    assert by(r.rows, commodity_code="TOTAL", year=2020, flow="export", partner="WLD")[
        "value_usd"].tolist() == [_thousand(mk.synthetic(2020, "X", "TOTAL", "W00"))]
    assert "Values given in US$ thousand were multiplied by 1,000 to give US dollars." \
        in r.messages
    share = by(world_shares(r.rows), year=2020, flow="export", commodity_code="TOTAL")
    assert share["share_pct"].iloc[0] == pytest.approx(100 / 17, rel=1e-6)


def test_wits_tradestats_year_columns_cell_by_cell():
    path = FIXTURES / "wits-tradestats-wide-synthetic.csv"
    r = read_import(path)
    # 9 rows × 5 year columns = 45 cells, 5 of them empty: 40 data cells
    assert r.data_rows == 40 and (len(r.rows), len(r.rejected)) == (36, 4)
    assert "5 year cells are empty in the file (no figure to read)." in r.messages
    assert set(r.rejected["column"]) == {"2018", "2019", "2021", "2022"}
    assert r.rejected["reason"].str.contains("'Export Product Share (%)' is not a trade value "
                                             "in US$", regex=False).all()
    fuels = by(r.rows, commodity_code="Fuels", year=2022, flow="import", partner="KAZ")
    assert fuels["value_usd"].tolist() == [_thousand(mk.synthetic(2022, "M", "27", "KAZ"))]
    assert fuels["classification"].tolist() == ["WITS product group"]
    assert by(r.rows, column="2019", commodity_code="TOTAL", flow="export",
              partner="WLD")["value_usd"].tolist() == [
        _thousand(mk.synthetic(2019, "X", "TOTAL", "W00"))]


def test_wits_tradestats_year_value_columns_semicolons_and_decimal_commas():
    r = read_import(FIXTURES / "wits-tradestats-long-synthetic.csv")
    assert r.separator == ";" and r.data_rows == 8 and r.rejected.empty
    assert set(r.rows["reporter"]) == {"KAZ"} and set(r.rows["partner"]) == {"CHN", "WLD"}
    got = by(r.rows, year=2022, flow="export", partner="CHN")["value_usd"].tolist()
    assert got == [_thousand(mk.synthetic(2022, "X", "TOTAL", "CHN", "KAZ"))]
    text = ("Reporter Name;Partner Name;Trade Flow;Product Group;Indicator;Year;Value\n"
            "China;Kazakhstan;Export;All Products;Export (US$ Thousand);2020;960,000\n")
    assert read_import(io.BytesIO(text.encode())).rows["value_usd"].tolist() == [960_000.0]
    assert parse_number("960,000") == 960_000  # a comma file keeps thousands separators


@pytest.mark.parametrize("reporter,partner,expected", [
    ("CHN", "KAZ", ("CHN", "KAZ")), ("156", "398", ("CHN", "KAZ")),
    ("China", "Kazakhstan", ("CHN", "KAZ")), ("chn", "W00", ("CHN", "WLD")),
    ("156", "0", ("CHN", "WLD")), ("China", "World", ("CHN", "WLD")),
    ("842", "Korea, Rep.", ("USA", "KOR")), ("Côte d'Ivoire", "Hong Kong, China", ("CIV", "HKG")),
])
def test_reporter_and_partner_as_codes_numbers_or_names(reporter, partner, expected):
    text = f'year,reporter,partner,flow,value_usd\n2020,"{reporter}","{partner}",export,5\n'
    r = read_import(io.BytesIO(text.encode()))
    assert tuple(r.rows[["reporter", "partner"]].iloc[0]) == expected
    assert (len(r.world) == 1) == (expected[1] == "WLD")
    assert (len(r.totals) == 1) == (expected[1] != "WLD")  # World rows never become a pair


@pytest.mark.parametrize("who,reason", [
    ("S19", "reporter 'S19' is not an ISO 3166 alpha-3"), ("999", "reporter '999' is not"),
    ("Atlantis", "reporter 'Atlantis' is not"), ("", "reporter '' is not"),
])
def test_unknown_countries_are_rejected_with_the_value(who, reason):
    text = f"year,reporter,partner,flow,value_usd\n2020,{who},KAZ,export,5\n"
    r = read_import(io.BytesIO(text.encode()))
    assert r.rows.empty and reason in r.rejected["reason"].iloc[0]


def test_plus_rows_that_are_not_annual_goods_totals_are_rejected_with_reasons():
    head = ",".join(mk.PLUS_HEADER)
    good = mk.plus_row(2020, "CHN", "X", "KAZ", "TOTAL")
    variants = {"freqCode": ("M", "is not a month"), "typeCode": ("S", "not goods"),
                "motCode": ("2100", "one part of a breakdown"),
                "customsCode": ("C01", "one part of a breakdown"),
                "partner2Code": ("643", "one part of a breakdown"),
                "flowCode": ("RX", "is not one of total/export/import")}
    lines = [head, ",".join(good)]
    for col, (value, _) in variants.items():
        row = list(good)
        row[mk.PLUS_HEADER.index(col)] = value
        if col == "flowCode":
            row[mk.PLUS_HEADER.index("flowDesc")] = "Re-export"
        lines.append(",".join(row))
    r = read_import(io.BytesIO("\n".join(lines).encode()))
    assert len(r.rows) == 1 and len(r.rejected) == len(variants)
    for (_, (_value, why)), reason in zip(variants.items(), r.rejected["reason"], strict=True):
        assert why in reason, reason


def test_same_product_twice_under_two_hs_editions_is_one_accepted_one_explained():
    head = ",".join(mk.PLUS_HEADER)
    a = mk.plus_row(2017, "CHN", "X", "KAZ", "27")
    b = list(a)
    b[mk.PLUS_HEADER.index("classificationCode")] = "H4"
    r = read_import(io.BytesIO("\n".join([head, *mk._csv([a, b])]).encode()))
    assert len(r.rows) == 1 and r.rejected["reason"].tolist() == [
        "row 3: same year, reporter, partner and flow and commodity as row 2 (H4 here, H5 there)"]


def test_comtrade_plus_with_blank_iso_columns_uses_the_m49_numbers():
    rows = []
    for partner in ("KAZ", "W00"):
        row = mk.plus_row(2021, "CHN", "X", partner, "TOTAL")
        for col in ("reporterISO", "partnerISO", "reporterDesc", "partnerDesc"):
            row[mk.PLUS_HEADER.index(col)] = ""
        rows.append(row)
    r = read_import(io.BytesIO("\n".join([mk.PLUS_LINE, *mk._csv(rows)]).encode()))
    assert r.rows[["reporter", "partner", "reporter_name", "partner_name"]].values.tolist() == [
        ["CHN", "KAZ", "China", "Kazakhstan"], ["CHN", "WLD", "China", "World"]]
