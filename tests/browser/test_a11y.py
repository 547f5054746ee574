"""Accessibility in a real browser: keyboard-only use (the axe-core audit of every page, and
chart text on phones and tablets, run in test_e2e_i18n.py, on the page views it loads anyway)."""

import pytest
from browsing import wait_ready

pytestmark = pytest.mark.e2e

# Merged into test_e2e.py's test_page_loads_and_charts_render (the same 1280 px page view):
# test_no_serious_accessibility_violations, test_every_chart_has_a_text_alternative.


def test_doubling_page_by_keyboard_alone(server, browser):
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


# test_no_chart_text_overlaps_on_phones_and_tablets (360 px and 768 px, one page view each)
# is merged into test_e2e_i18n.py's 390 px page view, turned to those widths.
