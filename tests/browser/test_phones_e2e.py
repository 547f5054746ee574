"""Issue 23, phones and the doubling paths: the deadline's path drawn, paths of one rate drawn
once, the answer above the controls, and every chart readable at 390 px (and at 1400 px)."""

import pytest
from browsing import wait_ready

# A phone says so in its User-Agent: the page draws its charts for a phone (ui/device.py).
PHONE_AGENT = ("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
               "Chrome/131.0.0.0 Mobile Safari/537.36")

# Every chart at 390 px and 1400 px in all four languages (titles and sources inside the
# figure, the plot at least half its height on a phone, no overlapping text, axe): checked in
# test_e2e_i18n.py on the page views it loads anyway (browsing.charts_fit), one load per page,
# language and width.


@pytest.mark.e2e
def test_the_doubling_answer_comes_before_the_controls_on_a_phone(published_server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  user_agent=PHONE_AGENT)
    pg = context.new_page()
    try:
        pg.goto(f"{published_server}/doubling")
        wait_ready(pg, 1)
        order = pg.evaluate(
            "() => { const a = [...document.querySelectorAll('h4')].find(h => "
            "h.innerText.includes('a year'));"
            " const s = document.querySelector('[data-testid=stSlider]');"
            " return a.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING; }")
        assert order
        top = pg.locator("h4").first.bounding_box()["y"]
        assert top < pg.locator("[data-testid=stSlider]").first.bounding_box()["y"]
    finally:
        context.close()
