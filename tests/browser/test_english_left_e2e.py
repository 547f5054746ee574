"""No English word on a zh, ru or kk import page as Chromium shows it after one upload of the
fixture file (issue 24). The browser sees what AppTest cannot (the navigation, widgets as
drawn, text Streamlit adds); the same checker as the page tests (``english_left``) and the
same reasoned allow-list (``english_seen``):

* the package's publishers, titles, whom a source cites, the editorial's verbatim quotes,
  and "China Daily";
* ``english_left.CODES`` (formats and codes), ISO3 codes, source and upload ids, file names;
* the user's own file after an upload (header names, cells, lines);
* Streamlit's own file-uploader button and size line (``UPLOADER``: not translatable);
* left out: charts (their text is checked by the chart tests), Material icon names and SVG
  titles (drawn, never read as words), code spans (canonical names, as in the page tests),
  table cells (drawn on a canvas: the AppTest page tests read them, the sources page's
  enumerations and the "Show as a table" views under the charts included).

Every page without an upload is checked in test_e2e_i18n.py's 1400 px page view (merged
there: it loaded each page a second time in each language, on the fixture package).
"""

import pytest
from browsing import settled, wait_ready
from english_seen import UPLOADER, english_lines, package_names
from helpers import FIXTURE, UPLOAD

from dashboard.data.loader import load_package
from dashboard.text.i18n import Translator

pytestmark = pytest.mark.e2e

OTHERS = ("zh", "ru", "kk")
USERS_OWN = set(UPLOAD.decode().replace("\n", ",").split(",")) | set(UPLOAD.decode().splitlines())


@pytest.mark.parametrize("lang", OTHERS)
def test_no_english_word_after_an_upload_in_the_browser(server, browser, lang, tmp_path):
    path = tmp_path / "data.csv"
    path.write_bytes(UPLOAD)
    names = package_names(load_package(FIXTURE))
    pg = browser.new_page(viewport={"width": 1400, "height": 1200})
    try:
        pg.goto(f"{server}/import?lang={lang}")
        wait_ready(pg, 0)
        pg.locator("input[type=file]").set_input_files(str(path))
        pg.get_by_text(Translator(lang)("import.accepted_heading", count="2")).wait_for(
            timeout=30_000)
        settled(pg)
        left = english_lines(pg, names | USERS_OWN | UPLOADER)
        assert left == [], (lang, left)
    finally:
        pg.close()
