"""No English word on a zh, ru or kk page as Chromium shows it (issue 24): every page of the
fixture package, and the import page after one upload. The browser sees what AppTest cannot
(the navigation, widgets as drawn, text Streamlit adds); the same checker as the page tests
(``english_left``) and the same reasoned allow-list:

* the fixture's publishers, titles and the editorial's verbatim quotes, and "China Daily";
* ``english_left.CODES`` (formats and codes), ISO3 codes, source and upload ids, file names;
* the user's own file after an upload (header names, cells, lines);
* Streamlit's own file-uploader button and size line (``UPLOADER``: not translatable);
* left out: charts (their text is checked by the chart tests), Material icon names and SVG
  titles (drawn, never read as words), code spans (canonical names, as in the page tests),
  table cells (drawn on a canvas: the AppTest page tests read them, the sources page's
  enumerations and the "Show as a table" views under the charts included).
"""

import pytest
from browsing import PAGES, settled, wait_ready
from english_left import english_words
from helpers import FIXTURE, UPLOAD

from dashboard.data.loader import load_package
from dashboard.text.i18n import Translator

pytestmark = pytest.mark.e2e

OTHERS = ("zh", "ru", "kk")
PROPER_NAMES = {"China Daily", "Fixture Gate"}
USERS_OWN = set(UPLOAD.decode().replace("\n", ",").split(",")) | set(UPLOAD.decode().splitlines())
# The main block's and the sidebar's text without charts, icons and canvases.
VISIBLE_TEXT = """() => {
  for (const e of document.querySelectorAll('body *')) {  // icons are ligatures: 'table_rows'
    if (getComputedStyle(e).fontFamily.includes('Material')) e.setAttribute('data-icon', '');
  }
  const out = [];
  for (const root of document.querySelectorAll('[data-testid=stMain], [data-testid=stSidebar]')) {
    const copy = root.cloneNode(true);
    copy.querySelectorAll('.js-plotly-plot, [data-icon], canvas, svg, code, script, style')
      .forEach(e => e.remove());
    copy.style.position = 'absolute'; copy.style.left = '-99999px';
    document.body.appendChild(copy);  // innerText needs a rendered node
    out.push(copy.innerText);
    copy.remove();
  }
  return out;
}"""
# Streamlit's own file-uploader chrome, which Streamlit 1.67 cannot translate: its button, its
# size line ('5MB per file • CSV, TXT, JSON, XLSX') and, once a file is in, the hidden label of
# its '+' button ('add icon'). The page states the limits in the reader's language above it.
UPLOADER = {"Upload", "per file", "XLSX", "TXT", "add icon"}


@pytest.fixture(scope="module")
def names():
    t = load_package(FIXTURE)
    src = t["sources"]
    return (set(src["publisher"].dropna()) | set(src["title"].dropna())
            | set(t["editorial_claims"]["quote"].dropna()) | PROPER_NAMES)


def _words(pg, allowed) -> list[tuple[str, list[str]]]:
    """(line, its English words) for every line of the page with any."""
    texts = [line for block in pg.evaluate(VISIBLE_TEXT) for line in block.splitlines()]
    return [(t[:120], w) for t in texts if (w := english_words([t], allowed))]


@pytest.mark.parametrize("lang", OTHERS)
@pytest.mark.parametrize("path", list(PAGES), ids=lambda p: p or "overview")
def test_no_english_word_in_the_browser(server, browser, names, path, lang):
    pg = browser.new_page(viewport={"width": 1400, "height": 1200})
    try:
        pg.goto(f"{server}/{path}?lang={lang}")
        wait_ready(pg, PAGES[path])
        settled(pg)  # let late text (captions, metrics) paint
        left = _words(pg, names | (UPLOADER if path == "import" else set()))
        assert left == [], (path, lang, left)
    finally:
        pg.close()


@pytest.mark.parametrize("lang", OTHERS)
def test_no_english_word_after_an_upload_in_the_browser(server, browser, names, lang, tmp_path):
    path = tmp_path / "data.csv"
    path.write_bytes(UPLOAD)
    pg = browser.new_page(viewport={"width": 1400, "height": 1200})
    try:
        pg.goto(f"{server}/import?lang={lang}")
        wait_ready(pg, 0)
        pg.locator("input[type=file]").set_input_files(str(path))
        pg.get_by_text(Translator(lang)("import.accepted_heading", count="2")).wait_for(
            timeout=30_000)
        settled(pg)
        left = _words(pg, names | USERS_OWN | UPLOADER)
        assert left == [], (lang, left)
    finally:
        pg.close()
