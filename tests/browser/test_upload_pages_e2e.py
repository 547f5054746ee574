"""An upload reaching the pages in headless Chromium: load a file on the Import page, use it,
move through the top navigation (the same session: opening a page's address would start a new
session and drop the upload) and see the user's charts on the growth and the shares & products
pages. Screenshots land in artifacts/screenshots/."""

import pytest
from browsing import SCREENSHOTS, SHOTS, wait_ready
from helpers import IMPORT_FIXTURES

pytestmark = pytest.mark.e2e
# Each drawn chart's title as the reader sees it (on-screen line breaks as spaces).
CHART_TITLES = ("() => [...document.querySelectorAll('.js-plotly-plot')]"
                ".filter(p => p.layout && p.layout.title)"
                ".map(p => p.layout.title.text.replaceAll('<br>', ' '))")
LEGEND_NAMES = ("() => [...document.querySelectorAll('.js-plotly-plot')]"
                ".flatMap(p => (p.data || []).map(t => (t.name || '').replaceAll('<br>', ' ')))")


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1200})
    pg = context.new_page()
    yield pg
    context.close()


def use(tab, url: str, name: str, tmp_path) -> None:
    """Load the fixture file on the Import page and use it in this session."""
    path = tmp_path / name
    path.write_bytes((IMPORT_FIXTURES / name).read_bytes())
    tab.goto(f"{url}/import")
    wait_ready(tab, 0)
    tab.locator("input[type=file]").set_input_files(str(path))
    tab.get_by_text("Rejected rows: 0").wait_for(timeout=30_000)
    tab.get_by_role("button", name="Use this data in my session").click()
    tab.get_by_text("In use in this session").wait_for(timeout=30_000)


def go(tab, page: str, title: str, charts: int) -> None:
    """To a page through the top navigation, in the same session."""
    tab.get_by_test_id("stTopNavSection").filter(has_text="Dashboard").click()
    tab.get_by_test_id("stTopNavDropdownLink").filter(has_text=page).click()
    tab.wait_for_function("t => document.querySelector('h1') &&"
                          " document.querySelector('h1').innerText.includes(t)", arg=title,
                          timeout=30_000)
    wait_ready(tab, charts)


def shot(tab, name: str) -> None:
    if not SCREENSHOTS:
        return
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_a_monthly_upload_shows_its_year_to_date_chart_on_the_growth_page(server, tab,
                                                                          tmp_path):
    use(tab, server, "monthly-chn-kaz-synthetic.csv", tmp_path)
    go(tab, "Growth", "Growth of bilateral trade", 6)  # four of the page's, two of the file's
    tab.get_by_role("heading", name="Your monthly figures").wait_for(timeout=30_000)
    titles = tab.evaluate(CHART_TITLES)
    assert "Your file: China's trade with Kazakhstan, month by month" in titles
    ytd = [t for t in titles if "year to date" in t]
    assert ytd == ["Your file: China's trade with Kazakhstan, year to date against the same "
                   "months a year before"]
    names = tab.evaluate(LEGEND_NAMES)
    assert "Exports: sum of months" in names and "Exports: same months a year before" in names
    tab.get_by_text("monthly-chn-kaz-synthetic.csv").first.wait_for(state="attached")
    shot(tab, "upload-growth-year-to-date")


def test_chapters_and_world_rows_show_on_the_shares_and_products_page(server, tab, tmp_path):
    use(tab, server, "chapters-world-chn-kaz-synthetic.csv", tmp_path)
    tab.get_by_text("your uploaded figures").click()  # the World rows give the shares
    tab.wait_for_timeout(1000)
    go(tab, "Shares & products", "Shares and products", 5)
    titles = tab.evaluate(CHART_TITLES)
    assert "Your file: What each sells the other: the largest HS chapters, 2023" in titles
    assert any(t.startswith("Your file: HS 84") for t in titles)
    names = tab.evaluate(LEGEND_NAMES)
    assert any("China's customs (GACC) (includes your uploaded data)" in n for n in names)
    assert any(n == "Share, 2023" for n in names)
    picks = tab.evaluate("() => [...document.querySelectorAll('[data-testid=stSelectbox] input')]"
                         ".map(e => e.value || e.getAttribute('aria-label') || e.placeholder)")
    assert any("China's statistics on trade with Kazakhstan (your file)" in p
               for p in picks), picks
    shot(tab, "upload-structure-chapters")
