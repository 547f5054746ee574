"""The Import page in headless Chromium: a real download's layout, a hostile file name, and the
table toolbar's own "Download as CSV" (which must not export live formulas)."""

import csv
import io
from pathlib import Path

import pytest
from browsing import wait_ready
from helpers import IMPORT_FIXTURES as FIXTURES
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="session")
def app(published_server):
    """The run's server on the bundled data (the Import page always ran on the bundled
    package): no second server on the same data."""
    return published_server


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 1400}, accept_downloads=True)
    # Without the File System Access API the toolbar falls back to an ordinary download.
    context.add_init_script("delete window.showSaveFilePicker")
    pg = context.new_page()
    yield pg
    context.close()


def upload(tab, url, path):
    tab.goto(f"{url}/import")
    wait_ready(tab, 0)
    tab.locator("input[type=file]").set_input_files(str(path))


def test_the_352_row_download_in_the_browser(app, tab, tmp_path):
    path = tmp_path / "TradeData_2_20_2025.csv"
    path.write_bytes((FIXTURES / "comtrade-plus-chn-kaz-synthetic.csv").read_bytes())
    upload(tab, app, path)
    tab.get_by_text("Accepted rows: 352").wait_for(timeout=30_000)
    tab.get_by_text("Rejected rows: 0").wait_for()
    tab.get_by_text("Every one of the 352 data rows was accepted.").wait_for()
    tab.get_by_text("Classifications in the file: H4 (2014–2016), H5 (2017–2021), "
                    "H6 (2022–2024).").wait_for()
    expect(tab.locator("[data-testid=stDataFrame]")).to_have_count(5, timeout=30_000)


def test_hostile_file_name_renders_as_text(app, tab, tmp_path):
    name = "[Log in](http:example.invalid) ![x](p.png) $x^2$ :red[hi] www.example.invalid.csv"
    path = tmp_path / name
    path.write_bytes(b"PK\x03\x04zip")
    upload(tab, app, path)
    tab.get_by_text("spreadsheet or ZIP file, not CSV").wait_for(timeout=30_000)
    tab.get_by_text(f"File: {name}", exact=True).wait_for()
    main = tab.locator("[data-testid=stMain]")
    hrefs = main.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert all(h.startswith("#") for h in hrefs), hrefs  # heading anchors only
    assert main.locator("img, .katex").count() == 0


def test_table_toolbar_csv_download_has_no_live_formula(app, tab, tmp_path):
    path = tmp_path / "formulas.csv"
    path.write_bytes(b'year,reporter,partner,flow,value_usd,note\n'
                     b'2020,CHN,KAZ,total,5,"=HYPERLINK(""http://evil.invalid"",""x"")"\n'
                     b"2021,CHN,KAZ,total,oops,@SUM(A1)\n")
    upload(tab, app, path)
    tab.get_by_text("Accepted rows: 1").wait_for(timeout=30_000)
    texts = []
    for i in range(2):  # accepted, then rejected rows
        frame = tab.locator("[data-testid=stDataFrame]").nth(i)
        frame.scroll_into_view_if_needed()
        frame.hover()  # the toolbar shows on hover
        button = tab.get_by_role("button", name="Download as CSV").nth(i)
        button.wait_for(state="attached")
        with tab.expect_download() as download:
            # A DOM click: on a busy machine the grid's scroller may overlap the toolbar for
            # a moment and swallow a pointer click; what is tested is the file, not the aim.
            button.dispatch_event("click")
        texts.append(Path(download.value.path()).read_text(encoding="utf-8-sig"))
    assert "'=HYPERLINK" in texts[0] and ",=HYPERLINK" not in texts[0]
    assert "2021,CHN,KAZ,total,oops,@SUM(A1)" in texts[1]  # inside the raw line, not at a start
    for text in texts:
        for row in list(csv.reader(io.StringIO(text)))[1:]:
            assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)
