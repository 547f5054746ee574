"""Issue 23, phones and the doubling paths: the deadline's path drawn, paths of one rate drawn
once, the answer above the controls, and every chart readable at 390 px (and at 1400 px)."""

import pytest
from browsing import wait_ready

CHART_PAGES = {"growth": 4, "mirror": 1, "world": 4, "doubling": 1}
MEASURE = """() => [...document.querySelectorAll('.js-plotly-plot')].map(p => {
  const r = p.getBoundingClientRect();
  const box = e => { if (!e) return null; const b = e.getBoundingClientRect();
                     return {left: b.left - r.left, right: b.right - r.left,
                             top: b.top - r.top, bottom: b.bottom - r.top}; };
  const source = [...p.querySelectorAll('.annotation')].find(a =>
      /Source|来源/.test(a.textContent || ''));
  // every subplot's drag area: a chart of several panels keeps its plot in all of them
  const areas = [...p.querySelectorAll('.nsewdrag')].map(e => e.getBoundingClientRect());
  const plotBox = areas.length ? {top: Math.min(...areas.map(a => a.top)),
                                  bottom: Math.max(...areas.map(a => a.bottom))} : null;
  return {width: r.width, height: r.height, title: box(p.querySelector('.gtitle')),
          source: box(source), legend: box(p.querySelector('.legend .bg')),
          plot: plotBox ? plotBox.bottom - plotBox.top : null,
          text: (p.querySelector('.gtitle') || {}).textContent};
})"""


@pytest.mark.e2e
@pytest.mark.parametrize("width", [390, 1400])
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", list(CHART_PAGES))
def test_titles_and_sources_fit_and_the_plot_keeps_half_the_height(
        published_server, browser, path, lang, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    pg = context.new_page()
    try:
        pg.goto(f"{published_server}/{path}?lang={lang}")
        wait_ready(pg, CHART_PAGES[path])
        pg.wait_for_timeout(500)  # let Plotly finish its responsive relayout
        found = pg.evaluate(MEASURE)
        assert len(found) == CHART_PAGES[path]
        for chart in found:
            for part in ("title", "source"):
                box = chart[part]
                assert box is not None, (part, chart)
                assert box["left"] >= -1 and box["right"] <= chart["width"] + 1, (part, chart)
            if chart["legend"] and chart["legend"]["bottom"] > chart["legend"]["top"] + 1:
                assert chart["legend"]["bottom"] <= chart["source"]["top"] + 2, chart
            if width == 390:
                assert chart["plot"] >= chart["height"] / 2, chart
    finally:
        context.close()


@pytest.mark.e2e
def test_the_doubling_answer_comes_before_the_controls_on_a_phone(published_server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
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
