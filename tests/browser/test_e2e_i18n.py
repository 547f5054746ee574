"""End to end in four languages: every page in every language in Debian's Chromium
(screenshotted by `make screenshots`); ?lang= kept when the reader clicks through the
navigation; a shared doubling link in Kazakh opens the same view in Kazakh; long labels never
overflow."""

import contextlib
import json
import shutil

import pytest
from browsing import (
    MAIN_OVERFLOW,
    PAGES,
    SCREENSHOTS,
    SHOTS,
    axe,
    charts_fit,
    no_chart_text_overlaps,
    serious,
    settled,
    wait_ready,
)
from english_seen import UPLOADER, english_lines, package_names, source_leads

from dashboard.data.loader import DATA_DIR, load_package
from dashboard.text.i18n import LANGUAGES, Translator

pytestmark = pytest.mark.e2e

TITLES = {"": "overview.title", "growth": "growth.title", "mirror": "mirror.title",
          "world": "world.title", "structure": "structure.title", "doubling": "doubling.title",
          "sources": "sources.title", "import": "import.title", "corridor": "corridor.title"}
# Text cut off with an ellipsis (a label, a link, a button, a chosen option): the reader
# needs it whole, in every language. Hidden elements (closed popovers, the phone's closed
# page menu) do not count.
CLIPPED = """() => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    if (!el.offsetParent || !el.innerText) continue;
    const box = el.getBoundingClientRect();  // off screen: the phone's closed page menu
    if (box.width === 0 || box.right <= 0 || box.left >= window.innerWidth) continue;
    const style = getComputedStyle(el);
    if (style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1)
      out.push(el.innerText.trim().slice(0, 80));
  }
  return out;
}"""
MAIN_HIDDEN = ("() => { const m = document.querySelector('[data-testid=stMain]');"
               " return m.scrollHeight - m.clientHeight; }")
MAX_SHOT_PX = 12_000  # a full-page screenshot's height at most
# A button (a segmented control's option, a download) running past the screen's right edge:
# its container clips it without any overflow the page would report.
OFF_SCREEN_BUTTONS = """() => [...document.querySelectorAll('[data-testid=stMain] button')]
  .filter(b => b.offsetParent && b.innerText.trim()
          && b.getBoundingClientRect().right > window.innerWidth + 1)
  .map(b => b.innerText.trim().slice(0, 60))"""


def _load(pg, url: str, path: str, lang: str) -> None:
    pg.goto(f"{url}/{path}?lang={lang}")
    _ready(pg, path, lang)


def _ready(pg, path: str, lang: str) -> None:
    """The page ``path`` drawn in ``lang``: its title, its charts and nothing of the page
    before (no element left stale by the previous run), no error."""
    pg.wait_for_function("t => { const h = document.querySelector('h1');"
                         " return h && h.innerText.includes(t); }",
                         arg=Translator(lang)(TITLES[path]), timeout=30_000)
    wait_ready(pg, PAGES[path])
    pg.wait_for_function("n => !document.querySelector('[data-stale=true]') &&"
                         " document.querySelectorAll('.js-plotly-plot').length === n",
                         arg=PAGES[path], timeout=30_000)
    assert pg.locator("[data-testid=stException]").count() == 0
    assert pg.locator("[data-testid=stAlertContentError]").count() == 0


# --- one reader's tab per language and width (per worker) ------------------------------------
# A reader opens the app once and moves between its pages; so does the matrix below. Each
# language and width gets one tab per worker: its first page is loaded, the next ones reached
# the way the app's own navigation does (the address changes, Streamlit runs the page in the
# same session). Measured: about 1.2 s of Chromium CPU per page against 3.5 s for a fresh
# context and load (Streamlit's front end and Plotly's bundle are not parsed again). A test that
# fails closes its tab, so the next one starts from a fresh load.
VIEWPORTS = {1400: {"viewport": {"width": 1400, "height": 900}, "accept_downloads": True},
             390: {"viewport": {"width": 390, "height": 844}, "is_mobile": True,
                   "user_agent": "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 "
                                 "(KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"}}
_TABS: dict[tuple, object] = {}


@contextlib.contextmanager
def reader_tab(browser, url: str, path: str, lang: str, width: int):
    """The page ``path`` in ``lang`` at ``width``, in this worker's tab for that language
    and width (opened on first use), scrolled to the top at the width's own window size."""
    key = (url, lang, width)
    pg = _TABS.pop(key, None)
    try:
        if pg is None or pg.is_closed():
            pg = browser.new_context(**VIEWPORTS[width]).new_page()
            _load(pg, url, path, lang)
        else:
            pg.set_viewport_size(VIEWPORTS[width]["viewport"])
            pg.evaluate(NAVIGATE, f"/{path}?lang={lang}")
            _ready(pg, path, lang)
        yield pg
    except BaseException:
        if pg is not None:
            pg.context.close()
        raise
    _TABS[key] = pg


# What the app's own navigation does: a new address, then Streamlit runs that page.
NAVIGATE = """to => { window.scrollTo(0, 0);
  const main = document.querySelector('[data-testid=stMain]'); if (main) main.scrollTo(0, 0);
  history.pushState({}, '', to); dispatchEvent(new PopStateEvent('popstate', {state: {}})); }"""


@pytest.mark.parametrize("lang", list(LANGUAGES))
@pytest.mark.parametrize("path", list(PAGES), ids=lambda p: p or "overview")
def test_every_page_in_every_language_at_1400px(published_server, browser, published_names,
                                               path, lang):
    """Each page in each language, loaded once at 1400 px: its charts render without an
    error, fit and read; axe-core finds nothing serious; (growth, English) every chart has a
    text alternative and a table to show; (zh, ru, kk) no English word is left; then
    (`make screenshots`) a full-page screenshot. Merged here from test_e2e.py (the same checks
    on an English page view at 1280 px, a second load of each page):
    test_page_loads_and_charts_render; and from
    test_english_left_e2e.py (a second load of each page in zh, ru and kk, on the fixture
    package): test_no_english_word_in_the_browser, with the published package's names."""
    with reader_tab(browser, published_server, path, lang, 1400) as pg:
        traces = pg.evaluate("() => [...document.querySelectorAll('.js-plotly-plot')]"
                             ".map(e => e.data.length)")
        assert len(traces) == PAGES[path] and all(n > 0 for n in traces)
        overflow = pg.evaluate(MAIN_OVERFLOW)
        assert overflow[0] <= overflow[1] + 1, overflow
        assert pg.evaluate(CLIPPED) == []
        assert f"lang={lang}" in pg.url
        # Issue 23, in the same page view: every chart fits and reads, axe finds nothing
        # serious (its whole report kept for English).
        if PAGES[path]:
            charts_fit(pg, PAGES[path], 1400, (1400, lang, path))  # once the page settled
        results = axe(pg)
        if lang == "en":
            axe_report(path or "overview", results)
        found = serious(pg, results)
        assert not found, (lang, path, found)
        if lang == "en" and path == "growth":
            text_alternatives(pg)
        if not PAGES[path] or (lang == "en" and path == "growth"):  # charts_fit settled it
            settled(pg)  # let charts, data grids and late text (captions, metrics) paint first
        if lang != "en":
            no_english_left(pg, path, lang, published_names)
        if SCREENSHOTS:
            full_page_shot(pg, f"{lang}-{path or 'overview'}.png")


def full_page_shot(pg, name: str) -> None:
    """The whole page in one PNG (and the English one also without its language prefix).
    The page scrolls inside its main block: the window grows until all of it shows (the main
    block's hidden part added to the window; again if the page grew meanwhile)."""
    for _ in range(3):
        hidden = pg.evaluate(MAIN_HIDDEN)
        window = pg.viewport_size["height"]
        if hidden <= 1 or window >= MAX_SHOT_PX:
            break
        pg.set_viewport_size({"width": 1400, "height": min(window + hidden, MAX_SHOT_PX)})
        settled(pg)
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / name), full_page=True)
    if name.startswith("en-"):
        shutil.copyfile(SHOTS / name, SHOTS / name.removeprefix("en-"))


@pytest.fixture(scope="module")
def published_names():
    return package_names(load_package(DATA_DIR))


def no_english_left(pg, path: str, lang: str, names: set[str]) -> None:
    """No English word on the page (``english_seen``'s allow-list). Lists of sources are left
    out: on the published package they are outlets' names as published, with connecting words
    the AppTest page tests check on the fixture package (tests/views/test_i18n_pages.py)."""
    left = english_lines(pg, names | (UPLOADER if path == "import" else set()),
                         skip_leads=source_leads(lang))
    assert left == [], (path, lang, left)


def axe_report(name: str, results) -> None:
    """Every violation axe found, serious or not, for a person to read (artifacts/axe/)."""
    report = SHOTS.parent / "axe"
    report.mkdir(parents=True, exist_ok=True)
    (report / f"{name}.json").write_text(
        json.dumps([{k: v[k] for k in ("id", "impact", "help")} | {
            "nodes": [n["target"] for n in v["nodes"][:5]]}
            for v in results.response["violations"]], indent=1), encoding="utf-8")


def text_alternatives(pg) -> None:
    """Every chart has a text alternative, and a table to show."""
    labels = pg.evaluate(
        "() => [...document.querySelectorAll('[data-testid=stPlotlyChart]')]"
        ".map(e => (e.querySelector('[aria-label]') || e).getAttribute('aria-label')"
        " || e.innerText.slice(0, 0))")
    assert len(labels) == PAGES["growth"] and all(labels), labels
    pg.get_by_text("Show as a table").first.click()
    pg.locator("[data-testid=stExpander] [data-testid=stDataFrame]").first.wait_for()


@pytest.mark.parametrize("lang", list(LANGUAGES))
@pytest.mark.parametrize("path", list(PAGES), ids=lambda p: p or "overview")
def test_long_labels_fit_a_390px_phone(published_server, browser, path, lang):
    """Also, in English (the same page view, loaded once): test_e2e.py's
    test_narrow_viewport_has_no_horizontal_overflow and test_a11y.py's
    test_no_chart_text_overlaps_on_phones_and_tablets, merged here: at 390 px, then on the
    same page turned to 768 px (a tablet) and 360 px (a small phone), where it loaded each
    page twice more; there too, nothing cut off and no button off the screen."""
    with reader_tab(browser, published_server, path, lang, 390) as pg:
        overflow = pg.evaluate(MAIN_OVERFLOW)
        assert overflow[0] <= overflow[1] + 1, overflow
        assert pg.evaluate(CLIPPED) == []
        assert pg.evaluate(OFF_SCREEN_BUTTONS) == []
        # Issue 23, in the same page view: every chart fits a phone and keeps half its height
        # for the plot, no chart text overlaps, axe finds nothing serious.
        if PAGES[path]:
            charts_fit(pg, PAGES[path], 390, (390, lang, path))  # once the page settled
        else:
            settled(pg)
        if SCREENSHOTS:
            SHOTS.mkdir(parents=True, exist_ok=True)
            pg.screenshot(path=str(SHOTS / f"mobile-{lang}-{path or 'overview'}.png"))
            if lang == "en":
                shutil.copyfile(SHOTS / f"mobile-en-{path or 'overview'}.png",
                                SHOTS / f"mobile-{path or 'overview'}.png")
        found = serious(pg, axe(pg))
        assert not found, (lang, path, found)
        if lang == "en":
            for width in (768, 360):  # Plotly lays the charts out again for the new width
                pg.set_viewport_size({"width": width, "height": 844})
                pg.wait_for_function(CHARTS_AT, arg=width, timeout=15_000)
                if PAGES[path]:
                    no_chart_text_overlaps(pg, (width, path))
                else:
                    settled(pg)
                # A tablet's columns are narrow: no figure or label cut ('$41.0…'), no button off.
                assert pg.evaluate(CLIPPED) == [], (width, path)
                assert pg.evaluate(OFF_SCREEN_BUTTONS) == [], (width, path)


# Every chart drawn for a window ``width`` px wide (its figure no wider than the main block).
CHARTS_AT = """w => window.innerWidth === w && [...document.querySelectorAll('.js-plotly-plot')]
  .every(p => p.getBoundingClientRect().width <= w)"""


def test_lang_survives_clicking_through_the_navigation(server, browser):
    t = Translator("ru")
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    try:
        _load(pg, server, "", "ru")
        for section, page, path in (("nav.section.dashboard", "nav.growth", "growth"),
                                    ("nav.section.dashboard", "nav.doubling", "doubling"),
                                    ("nav.section.data", "nav.sources", "sources")):
            pg.get_by_test_id("stTopNavSection").filter(has_text=t(section)).click()
            pg.get_by_test_id("stTopNavDropdownLink").filter(has_text=t(page)).click()
            pg.wait_for_function("t => document.querySelector('h1') &&"
                                 " document.querySelector('h1').innerText.includes(t)",
                                 arg=t(TITLES[path]), timeout=30_000)
            pg.wait_for_function("p => location.pathname.endsWith(p) &&"
                                 " location.search.includes('lang=ru')", arg=path,
                                 timeout=10_000)
    finally:
        context.close()


def test_a_shared_doubling_link_in_kazakh_opens_the_same_view_in_kazakh(server, browser):
    link = "doubling?lang=kk&growth=0.125&base=2016&deadline=2035&target=100&log=1"
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    try:
        pg.goto(f"{server}/{link}")
        wait_ready(pg, 1)
        t = Translator("kk")
        assert pg.locator("h1").first.inner_text() == t("doubling.title")
        growth = pg.get_by_role("slider", name=t("doubling.growth"))
        assert growth.input_value() == "12.5"
        assert pg.get_by_role("slider", name=t("doubling.deadline")).input_value() == "2035"
        assert pg.get_by_role("switch", name=t("doubling.log")).is_checked()
        assert pg.locator("input[type=number]").first.input_value() == "100.00"
        answer = pg.locator("h4").first.inner_text()
        assert "12,5" in answer or "12.5%" in answer  # in kk once the core writes it
        # the address bar still holds the same view, in the same language
        pg.wait_for_function("() => location.search.includes('lang=kk')"
                             " && location.search.includes('growth=0.125')", timeout=10_000)
    finally:
        context.close()
