"""The Import page through streamlit.testing: real downloads, hostile names, formula cells and
the 'use my uploaded figures' choice across pages."""

import re

import pytest
from helpers import FIXTURE, IMPORT_FIXTURES, decode, figures, open_page

from dashboard.export.render import safe_cell, to_csv

FIXTURES = IMPORT_FIXTURES
HOSTILE_NAMES = [
    "[Log in](//example.invalid/x).csv",
    "![](//example.invalid/p.png).csv",
    "$\\KaTeX^2$ :red[alert] **bold** <img src=x onerror=alert(1)>.csv",
    "# Heading\n- list item\r\u202eevil.csv",
    "a" * 5000 + ".csv",
]


@pytest.fixture(autouse=True)
def fixture_package(monkeypatch):
    """The page runs on the synthetic package: overlaps do not depend on data/."""
    monkeypatch.setenv("DASHBOARD_DATA", str(FIXTURE))


def upload(name, data):
    at = open_page("import")
    at.file_uploader[0].set_value((name, data, "text/csv"))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def markdown_bodies(at):
    """Everything the page renders as Markdown: the user's text must never be markup there."""
    elements = [*at.markdown, *at.error, *at.warning, *at.info, *at.success, *at.caption]
    return [e.value for e in elements]


def test_the_352_row_comtrade_plus_download_loads_with_products_and_shares():
    at = upload("TradeData_chn_kaz.csv",
                (FIXTURES / "comtrade-plus-chn-kaz-synthetic.csv").read_bytes())
    assert not at.error
    heads = [s.value for s in at.subheader]
    assert heads[:2] == ["Accepted rows: 352", "Rejected rows: 0"]
    assert at.success[0].value == "Every one of the 352 data rows was accepted."
    info = at.info[0].value.replace("\\", "")  # Markdown escapes removed
    assert "352 data rows: 352 accepted, 0 rejected." in info and "H5 (2017–2021)" in info
    tables = [d.value for d in at.dataframe]
    assert len(tables) == 5  # accepted, totals, products, shares, overlaps with bundled data
    totals, products, shares, overlaps = tables[1:]
    assert len(overlaps) == 6 and "6 of your figures" in at.warning[0].value
    assert len(totals) == 33 and len(products) == 308 and len(shares) == 8 * 33
    assert products["series"].str.startswith("Your file: China's product").all()
    captions = " ".join(c.value for c in at.caption)
    assert "not the whole" in captions and "share of the reporter's trade with the World" \
        in captions


def test_mirror_file_shows_both_sides():
    at = upload("mirror.csv", (FIXTURES / "comtrade-plus-mirror-synthetic.csv").read_bytes())
    mirror = [d.value for d in at.dataframe if "measure" in d.value.columns]
    assert len(mirror) == 1 and len(mirror[0]) == 9


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_file_name_on_an_unusable_file_is_plain_text(name):
    at = upload(name, b"PK\x03\x04zip")
    assert "spreadsheet or ZIP file, not CSV" in at.error[0].value
    for body in markdown_bodies(at):
        assert "example.invalid" not in body and "onerror" not in body and "KaTeX" not in body
    shown = [t.value for t in at.text if t.value.startswith("File: ")]
    assert len(shown) == 1 and len(shown[0]) < 200 and "\n" not in shown[0]
    assert "\u202e" not in shown[0]
    assert shown[0].startswith("File: " + name.split("\n")[0][:40])


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_file_name_on_a_good_file_is_plain_text(name):
    at = upload(name, b"year,reporter,partner,flow,value_usd\n2020,CHN,KAZ,total,5\n")
    assert [s.value for s in at.subheader][:2] == ["Accepted rows: 1", "Rejected rows: 0"]
    for body in markdown_bodies(at):
        assert "example.invalid" not in body and "KaTeX" not in body
    at.button(key="upload-use").click()
    at.run()
    in_use = [t.value for t in at.text if "source id" in t.value]
    title = in_use[0].split(" (this dashboard's tidy CSV)")[0]
    assert title and not re.search(r"[\[\]()<>*$`#!|:\n]", title) and len(title) <= 80


@pytest.mark.parametrize("cell", ['=HYPERLINK(""http://evil.invalid"",""x"")', "+cmd|' /C calc'!A0",
                                  "@SUM(A1:A9)", "-2+3+cmd", "\tTAB", "=1+1"])
def test_formula_cells_are_neutral_in_every_table_and_download(cell):
    data = ("year,reporter,partner,flow,value_usd,note\n"
            f'2020,CHN,KAZ,total,5,"{cell}"\n'
            f'2021,CHN,KAZ,total,oops,"{cell}"\n').encode()
    at = upload("formulas.csv", data)
    accepted, rejected = at.dataframe[0].value, at.dataframe[1].value
    expected = safe_cell(cell.replace('""', '"').strip())  # cells are read stripped
    assert accepted["note"].tolist() == [expected]
    for frame in (accepted, rejected):
        for col in frame.columns:
            if frame[col].dtype == object or str(frame[col].dtype) == "string":
                assert not frame[col].dropna().astype(str).str.match(r"[=+\-@\t\r]").any(), col
    labels = [b.proto.label for b in at.get("download_button")]
    assert {"accepted-rows.csv", "rejected-rows.csv"} <= set(labels)


def test_our_csv_downloads_neutralise_formulas_too():
    import io

    from dashboard.importing.reader import read_import

    r = read_import(io.BytesIO(b'year,reporter,partner,flow,value_usd,note\n'
                               b'2020,CHN,KAZ,total,5,"@SUM(A1)"\n'
                               b"=cmd|' /C calc'!A0,CHN,KAZ,total,5,x\n"))
    assert "'@SUM(A1)" in to_csv(r.rows).decode()
    rejected = to_csv(r.rejected).decode()
    assert "\"'=cmd|' /C calc'!A0,CHN,KAZ,total,5,x\"" in rejected and ",=cmd" not in rejected


@pytest.mark.parametrize("data,says", [
    (b"year,reporter,partner,flow,value_usd\n", "no data rows"),
    (b"year,reporter,partner,flow,value_usd\r\n,,,,\r\n\r\n", "no data rows"),
    (b"year,reporter\x98\x81\n", "tried UTF\\-8, UTF\\-16, Windows\\-1251 and Windows\\-1252"),
    (b"\n\n", "the file is empty"),
])
def test_files_without_rows_or_encoding_say_so(data, says):
    at = upload("nothing.csv", data)
    assert at.error and says.replace("\\", "") in at.error[0].value.replace("\\", "")
    assert not at.success and not [s for s in at.subheader if "Accepted" in s.value]


def test_uploaded_figures_choice_holds_across_pages():
    data = (b"year,reporter,partner,flow,value_usd\n2017,CHN,KAZ,total,22450000000\n"
            b"2012,CHN,KAZ,total,21430000000\n")
    at = upload("mine.csv", data)
    assert len(at.warning) == 1 and "same year" in at.warning[0].value
    at.button(key="upload-use").click()
    at.run()
    assert at.radio(key="upload-prefer").value == "bundled"
    at.radio(key="upload-prefer").set_value("uploaded")
    at.run()
    assert at.session_state["prefer_series"] == "uploaded"
    for page in ("views/growth.py", "views/mirror.py", "views/growth.py"):
        at.switch_page(page)
        at.run()
        assert not at.exception
        assert at.session_state["prefer_series"] == "uploaded"
    fig = figures(at)[0]
    xs, ys = [], []
    for t in fig["data"]:
        if t.get("mode") == "markers" and "uploaded" in (t.get("name") or ""):
            xs += decode(t["x"])
            ys += decode(t["y"])
    assert dict(zip(xs, ys, strict=True)).get(2017) == pytest.approx(22.45)
    at.switch_page("views/import_data.py")
    at.run()
    assert at.radio(key="upload-prefer").value == "uploaded"
    assert at.session_state["prefer_series"] == "uploaded"


EXTREMES = (b"year,reporter,partner,flow,value_usd,reported_change_pct\n"
            b"2019,CHN,KAZ,total,0.01,-100\n2020,CHN,KAZ,total,1e14,100000\n"
            b"2021,CHN,KAZ,total,0.02,\n2022,KAZ,CHN,total,1e14,\n2023,KAZ,CHN,total,0.01,\n"
            b"2024,CHN,KAZ,export,99999999999999,\n2024,CHN,KAZ,import,0.01,\n"
            b"2025,CHN,KAZ,total,1e13,\n")


@pytest.mark.parametrize("page", ["views/overview.py", "views/growth.py", "views/mirror.py",
                                  "views/world.py", "views/doubling.py", "views/sources.py"])
def test_no_accepted_value_crashes_a_page(page):
    at = upload("extremes.csv", EXTREMES)
    at.button(key="upload-use").click()
    at.run()
    at.radio(key="upload-prefer").set_value("uploaded")
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
