"""Accessibility in a real browser: an axe-core audit of every page, keyboard-only use, phones."""

import json
from pathlib import Path

import pytest
from test_e2e import PAGES, SHOTS, browser, published_server, server, wait_ready  # noqa: F401

pytestmark = pytest.mark.e2e

# Reviewed: violations that come from Streamlit's own components, not from our content.
# Each entry: rule id -> why it is accepted. Anything else serious or critical fails the test.
STREAMLIT_OWN = {
    "scrollable-region-focusable": "Streamlit's data grid (glide-data-grid) canvas scroller: "
                                   "keyboard users reach the grid through its own focus cell.",
    "aria-hidden-focus": "Streamlit's hidden file-uploader input and toolbar buttons.",
}


def _axe(page):
    from axe_playwright_python.sync_playwright import Axe

    return Axe().run(page, options={"resultTypes": ["violations"],
                                    "runOnly": {"type": "tag",
                                                "values": ["wcag2a", "wcag2aa", "wcag21aa"]}})


@pytest.mark.parametrize("path", list(PAGES))
def test_no_serious_accessibility_violations(published_server, browser, path):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{published_server}/{path}")
        wait_ready(page, PAGES[path])
        results = _axe(page).response
        bad = [v for v in results["violations"] if v["impact"] in ("serious", "critical")
               and v["id"] not in STREAMLIT_OWN]
        report = Path(SHOTS).parent / "axe"
        report.mkdir(parents=True, exist_ok=True)
        (report / f"{path or 'overview'}.json").write_text(
            json.dumps([{k: v[k] for k in ("id", "impact", "help")} | {
                "nodes": [n["target"] for n in v["nodes"][:5]]} for v in results["violations"]],
                indent=1), encoding="utf-8")
        assert not bad, [(v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"][:3]])
                         for v in bad]
    finally:
        context.close()


def test_every_chart_has_a_text_alternative(published_server, browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{published_server}/growth")
        wait_ready(page, PAGES["growth"])
        labels = page.evaluate(
            "() => [...document.querySelectorAll('[data-testid=stPlotlyChart]')]"
            ".map(e => (e.querySelector('[aria-label]') || e).getAttribute('aria-label')"
            " || e.innerText.slice(0, 0))")
        assert len(labels) == PAGES["growth"] and all(labels), labels
        page.get_by_text("Show as a table").first.click()
        page.locator("[data-testid=stExpander] [data-testid=stDataFrame]").first.wait_for()
    finally:
        context.close()


def test_doubling_page_by_keyboard_alone(server, browser):  # noqa: F811
    """Tab to the growth slider, move it with arrow keys, reach the export menu: no mouse."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{server}/doubling")
        wait_ready(page, 1)
        before = page.locator("h4").first.inner_text()
        for _ in range(60):  # tab until the focus is on the growth slider
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.getAttribute('aria-label') === "
                             "'Your annual growth rate (%)'"):
                break
        else:
            pytest.fail("the growth slider cannot be reached with Tab")
        outline = page.evaluate("() => getComputedStyle(document.activeElement).boxShadow + "
                                "getComputedStyle(document.activeElement).outlineStyle")
        assert outline.strip() not in ("none", "nonenone", ""), outline  # a visible focus
        for _ in range(10):
            page.keyboard.press("ArrowRight")
        page.wait_for_function("() => document.querySelector('h4').innerText"
                               ".includes('6.0% a year')", timeout=15_000)
        assert page.locator("h4").first.inner_text() != before
        for _ in range(80):  # on to the export menu
            page.keyboard.press("Tab")
            if page.evaluate("() => (document.activeElement.innerText || '').includes('Export')"):
                break
        else:
            pytest.fail("the export menu cannot be reached with Tab")
        page.keyboard.press("Enter")
        page.get_by_role("button", name="CSV (data)").first.wait_for(timeout=10_000)
    finally:
        context.close()


OVERLAPS = """() => {
  const out = [];
  const rotated = t => /rotate\\((?!0)/.test((t.getAttribute('transform') || '') +
                                             (t.parentNode.getAttribute('transform') || ''));
  document.querySelectorAll('.js-plotly-plot').forEach((plot, pi) => {
    const boxes = [...plot.querySelectorAll('.main-svg text')]
      .filter(t => t.textContent.trim() && !rotated(t))
      .map(t => [t.textContent.trim().slice(0, 30), t.getBoundingClientRect()])
      .filter(([, r]) => r.width > 0);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i][1], b = boxes[j][1];
      const ox = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const oy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (ox > 2 && oy > 2) out.push([pi, boxes[i][0], boxes[j][0]]);
    }
  });
  return out;
}"""


@pytest.mark.parametrize("width", [360, 390, 768])
def test_no_chart_text_overlaps_on_phones_and_tablets(published_server, browser, width):  # noqa: F811
    context = browser.new_context(viewport={"width": width, "height": 844}, is_mobile=True)
    page = context.new_page()
    try:
        for path, n in PAGES.items():
            if not n:
                continue
            page.goto(f"{published_server}/{path}")
            wait_ready(page, n)
            page.wait_for_timeout(1500)  # plotly lays out text after the first paint
            overlaps = page.evaluate(OVERLAPS)
            assert not overlaps, (width, path, overlaps[:5])
            legend_over_plot = page.evaluate(
                "() => [...document.querySelectorAll('.js-plotly-plot')].some(p => {"
                " const l = p.querySelector('.legend'), g = p.querySelector('.gridlayer');"
                " if (!l || !g) return false; const a = l.getBoundingClientRect(),"
                " b = g.getBoundingClientRect(); return a.bottom > b.top + 2 &&"
                " a.top < b.bottom - 2 && a.right > b.left + 2 && a.left < b.right - 2; })")
            assert not legend_over_plot, (width, path)
    finally:
        context.close()
