"""What the browser tests share besides fixtures: the pages, their readiness, free ports."""

import os
import socket

from helpers import ROOT

SHOTS = ROOT / "artifacts" / "screenshots"
# Screenshots are for people to look at, not checks: `make screenshots` (SCREENSHOTS=1) takes
# them, `make test` does not (a 1,400 px page's full-page shot grew the window and laid every
# chart out again: about a quarter of the view's CPU).
SCREENSHOTS = os.environ.get("SCREENSHOTS", "") not in ("", "0")
# Each page and the number of charts it draws.
PAGES = {"": 0, "growth": 4, "mirror": 1, "world": 4, "structure": 5, "corridor": 3,
         "doubling": 1, "sources": 0, "import": 0}
MAIN_OVERFLOW = ("() => { const m = document.querySelector('[data-testid=stMain]')"
                 " || document.body; return [m.scrollWidth, m.clientWidth]; }")
# Chart text boxes that overlap (rotated axis titles aside), per chart.
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
LEGEND_OVER_PLOT = (
    "() => [...document.querySelectorAll('.js-plotly-plot')].some(p => {"
    " const l = p.querySelector('.legend'), g = p.querySelector('.gridlayer');"
    " if (!l || !g) return false; const a = l.getBoundingClientRect(),"
    " b = g.getBoundingClientRect(); return a.bottom > b.top + 2 &&"
    " a.top < b.bottom - 2 && a.right > b.left + 2 && a.left < b.right - 2; })")


def wait_ready(pg, charts: int) -> None:
    """The page drawn: its title, its ``charts`` charts with data, no run going on."""
    pg.wait_for_selector("h1", timeout=30_000)
    if charts:
        pg.wait_for_function(
            "n => [...document.querySelectorAll('.js-plotly-plot')]"
            ".filter(e => e.data && e.data.length > 0).length >= n", arg=charts, timeout=30_000)
    pg.wait_for_function(
        "() => !document.querySelector('[data-testid=stStatusWidget] [data-testid=stSpinner]')")


# What moves while a page settles: the main block's height, every chart text and legend box,
# every data grid's canvas (Plotly lays out text after its first paint and again on a resize;
# grids paint late).
LAYOUT = """() => JSON.stringify([
  (document.querySelector('[data-testid=stMain]') || document.body).scrollHeight,
  [...document.querySelectorAll('.js-plotly-plot .main-svg text, .js-plotly-plot .legend,'
                                + ' [data-testid=stDataFrame] canvas, h1, h2, h3, p')]
    .map(e => { const b = e.getBoundingClientRect();
                return [e.textContent.length, b.x, b.y, b.width, b.height].map(Math.round); })])"""


def settled(pg, quiet_ms: int = 500, limit_ms: int = 8000) -> None:
    """Wait until the page's layout (``LAYOUT``) has not changed for ``quiet_ms``: as long as
    the page needs and no longer (a fixed pause is too long on a quiet machine and can be too
    short on a busy one). Gives up quietly after ``limit_ms``: the checks then see the page
    as it is."""
    last, still, waited = pg.evaluate(LAYOUT), 0, 0
    while still < quiet_ms and waited < limit_ms:
        pg.wait_for_timeout(100)
        waited += 100
        now = pg.evaluate(LAYOUT)
        still = still + 100 if now == last else 0
        last = now


def no_chart_text_overlaps(pg, label, settle: bool = True) -> None:
    """On a page whose charts are drawn: no two chart texts overlap, no legend over a plot
    (``settle=False``: the caller has just waited for the layout to settle)."""
    if settle:
        settled(pg)  # plotly lays out text after the first paint
    overlaps = pg.evaluate(OVERLAPS)
    assert not overlaps, (label, overlaps[:5])
    assert not pg.evaluate(LEGEND_OVER_PLOT), label


def free_port() -> int:
    """A free local port; within E2E_PORTS (e.g. '8730-8749') when that is set."""
    low, _, high = os.environ.get("E2E_PORTS", "0-0").partition("-")
    for port in range(int(low), int(high or low) + 1):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return s.getsockname()[1]
    raise RuntimeError(f"no free port in E2E_PORTS={os.environ['E2E_PORTS']}")


# Every chart's box, title, source line, legend and plot area (the union of its subplots).
MEASURE = """() => [...document.querySelectorAll('.js-plotly-plot')].map(p => {
  const r = p.getBoundingClientRect();
  const box = e => { if (!e) return null; const b = e.getBoundingClientRect();
                     return {left: b.left - r.left, right: b.right - r.left,
                             top: b.top - r.top, bottom: b.bottom - r.top}; };
  const source = [...p.querySelectorAll('.annotation')].find(a =>
      /Source|来源|Источник|Дерек/.test(a.textContent || ''));
  const areas = [...p.querySelectorAll('.nsewdrag')].map(e => e.getBoundingClientRect());
  const plotBox = areas.length ? {top: Math.min(...areas.map(a => a.top)),
                                  bottom: Math.max(...areas.map(a => a.bottom))} : null;
  // Tick labels and bar labels (a bar's own text, a text trace's) that leave the figure.
  const outside = [...p.querySelectorAll('g[class$=tick] > text, text.bartext, .textpoint text')]
    .filter(t => t.textContent.trim()).map(t => [t.textContent.trim().slice(0, 30), box(t)])
    .filter(([, b]) => b.right > b.left && (b.left < -1 || b.right > r.width + 1
                                            || b.top < -1 || b.bottom > r.height + 1));
  // Chart text (bar labels, text traces, annotations but the source line) within 4 px of a
  // zero line or an axis line: '−1.1%' against the zero line reads '⊢1.1%' (issue 23). A
  // text's box is its visible characters' (a leading en space keeps a label off a line).
  const ink = t => {
    const s = t.textContent, ctm = t.getScreenCTM(), xs = [], ys = [];
    for (let i = 0; i < t.getNumberOfChars(); i++) {
      if (!(s[i] || '').trim()) continue;
      let e; try { e = t.getExtentOfChar(i); } catch (err) { continue; }
      for (const [x, y] of [[e.x, e.y], [e.x + e.width, e.y], [e.x, e.y + e.height],
                            [e.x + e.width, e.y + e.height]]) {
        const q = new DOMPoint(x, y).matrixTransform(ctm); xs.push(q.x); ys.push(q.y);
      }
    }
    return xs.length ? {left: Math.min(...xs), right: Math.max(...xs),
                        top: Math.min(...ys), bottom: Math.max(...ys)} : null;
  };
  const lines = [...p.querySelectorAll('.zerolinelayer path, path.xlines-above, '
      + 'path.ylines-above, path.xlines-below, path.ylines-below')]
    .filter(e => (e.getAttribute('d') || '').length > 4 && getComputedStyle(e).stroke !== 'none'
                 && parseFloat(getComputedStyle(e).strokeWidth || '0') > 0)
    .map(e => e.getBoundingClientRect());
  const onLines = [...p.querySelectorAll('text.bartext, .textpoint text, .annotation text')]
    .filter(t => t.textContent.trim() && !(source && source.contains(t)))
    .map(t => [t.textContent.trim().slice(0, 30), ink(t)])
    .filter(([, a]) => a && lines.some(b => a.left - 4 < b.right && a.right + 4 > b.left
                                            && a.top - 4 < b.bottom && a.bottom + 4 > b.top))
    .map(([t]) => t);
  return {width: r.width, height: r.height, title: box(p.querySelector('.gtitle')),
          source: box(source), legend: box(p.querySelector('.legend .bg')),
          plot: plotBox ? plotBox.bottom - plotBox.top : null,
          text: (p.querySelector('.gtitle') || {}).textContent, outside, onLines};
})"""
# Reviewed: violations that come from Streamlit's own components, not from our content.
# Each entry: rule id -> why it is accepted. Anything else serious or critical fails the test.
STREAMLIT_OWN = {
    "scrollable-region-focusable": "Streamlit's data grid (glide-data-grid) canvas scroller: "
                                   "keyboard users reach the grid through its own focus cell.",
    "aria-hidden-focus": "Streamlit's hidden file-uploader input and toolbar buttons.",
}


def axe(page):
    """An axe-core audit of the page as loaded (WCAG 2.1 A and AA)."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe().run(page, options={"resultTypes": ["violations"],
                                    "runOnly": {"type": "tag",
                                                "values": ["wcag2a", "wcag2aa", "wcag21aa"]}})


# On a phone Streamlit folds the top navigation into its own sidebar, whose list holds
# <div>s: violations on nodes inside it are Streamlit's, anything else is ours.
STREAMLIT_NAV = "[data-testid=stSidebarNav]"
INSIDE_NAV = ("([sel, nav]) => { const e = document.querySelector(sel);"
              " return !!(e && e.closest(nav)); }")


def serious(pg, results) -> list:
    """The serious and critical violations that are ours (not Streamlit's own)."""
    out = []
    for v in results.response["violations"]:
        if v["impact"] not in ("serious", "critical") or v["id"] in STREAMLIT_OWN:
            continue
        nodes = [n["target"] for n in v["nodes"] if not (
            len(n["target"]) == 1 and pg.evaluate(INSIDE_NAV, [n["target"][0], STREAMLIT_NAV]))]
        if nodes:
            out.append((v["id"], v["impact"], v["help"], nodes[:3]))
    return out


def charts_fit(pg, charts: int, width: int, label) -> None:
    """Every chart of the page: title and source line inside the figure, no tick label nor
    bar label leaving it, no bar label, text trace nor annotation within 4 px of a zero or
    axis line, the legend above the source line, on a phone the plot at least half the
    figure's height, and no two chart texts overlapping (nor a legend over a plot)."""
    settled(pg)  # Plotly lays out text after its first paint: measure the last layout
    found = pg.evaluate(MEASURE)
    assert len(found) == charts, (label, len(found))
    for chart in found:
        for part in ("title", "source"):
            box = chart[part]
            assert box is not None, (label, part, chart)
            assert box["left"] >= -1 and box["right"] <= chart["width"] + 1, (label, part, chart)
        assert not chart["outside"], (label, "outside the figure", chart["text"],
                                      chart["outside"][:5])
        assert not chart["onLines"], (label, "on a zero or axis line", chart["text"],
                                      chart["onLines"][:5])
        if chart["legend"] and chart["legend"]["bottom"] > chart["legend"]["top"] + 1:
            assert chart["legend"]["bottom"] <= chart["source"]["top"] + 2, (label, chart)
        if width < 500:
            assert chart["plot"] >= chart["height"] / 2, (label, chart)
    no_chart_text_overlaps(pg, label, settle=False)  # settled above
