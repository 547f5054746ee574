"""What the browser tests share besides fixtures: the pages, their readiness, free ports."""

import os
import socket

from helpers import ROOT

SHOTS = ROOT / "artifacts" / "screenshots"
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
    pg.wait_for_selector("h1", timeout=30_000)
    if charts:
        pg.wait_for_function(
            "n => [...document.querySelectorAll('.js-plotly-plot')]"
            ".filter(e => e.data && e.data.length > 0).length >= n", arg=charts, timeout=30_000)
    pg.wait_for_function(
        "() => !document.querySelector('[data-testid=stStatusWidget] [data-testid=stSpinner]')")


def no_chart_text_overlaps(pg, label) -> None:
    """On a page whose charts are drawn: no two chart texts overlap, no legend over a plot."""
    pg.wait_for_timeout(1500)  # plotly lays out text after the first paint
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
