"""Side-by-side measures against the peer apps: AppTest reruns and arrow key → settled page.

Medians only; the caller reports them and their ratios, nothing here asserts on time.
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")
GDP_PEER = str(ROOT / "benchmarks" / "apps" / "gdp_peer.py")
VIEWS = sorted(p.stem for p in (ROOT / "dashboard" / "views").glob("*.py")
               if p.stem != "__init__")

# Time of the last change anywhere in the page's main area, in the page's own clock.
OBSERVE_JS = """() => {
  window.__lastMut = performance.now();
  new MutationObserver(() => { window.__lastMut = performance.now(); })
    .observe(document.querySelector('[data-testid=stMain]') || document.body,
             {subtree: true, childList: true, attributes: true, characterData: true});
}"""
QUIET_MS = 500  # no change for this long after the key press: the page has settled


def page_reruns(n: int = 15) -> dict[str, float]:
    """Median AppTest rerun (no widget change) of every page of the dashboard, in seconds."""
    from streamlit.testing.v1 import AppTest

    out = {}
    for view in VIEWS:
        at = AppTest.from_file(APP, default_timeout=60)
        at.run()
        at.switch_page(f"views/{view}.py")
        at.run()
        if at.exception:  # a failing page reruns fast: never time one
            raise RuntimeError(f"views/{view}.py raised: {at.exception[0].message}")
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - t0)
        out[view] = statistics.median(times)
    return out


def gdp_slider_rerun(gdp_csv: Path, n: int = 20) -> float:
    """Median AppTest rerun of the GDP peer after moving its year-range slider, in seconds."""
    from streamlit.testing.v1 import AppTest

    os.environ["GDP_CSV"] = str(gdp_csv)
    at = AppTest.from_file(GDP_PEER, default_timeout=60)
    at.run()
    times = []
    for i in range(n):
        at.slider(key="years").set_value((1960 + i % 5, 2022 - i % 3))
        t0 = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def settle_ms(page, url: str, ready_js: str, presses: int = 8) -> float:
    """Median time from an arrow key on the page's first slider to the last change in the
    page (charts redrawn, metrics updated), in ms, in Chromium."""
    page.goto(url)
    page.wait_for_function(ready_js, timeout=60_000)
    page.wait_for_timeout(1000)
    page.evaluate(OBSERVE_JS)
    thumb = page.get_by_role("slider").nth(0)
    times = []
    for i in range(presses):
        thumb.focus()
        page.wait_for_timeout(QUIET_MS)
        t0 = page.evaluate("() => performance.now()")
        page.keyboard.press("ArrowRight" if i % 2 == 0 else "ArrowLeft")
        page.wait_for_function(
            f"t0 => window.__lastMut > t0 && performance.now() - window.__lastMut > {QUIET_MS}",
            arg=t0, polling=20, timeout=30_000)
        times.append(page.evaluate("() => window.__lastMut") - t0)
    return statistics.median(times)
