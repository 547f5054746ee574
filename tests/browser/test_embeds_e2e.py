"""Issue 23: the live app's chart-only view (``?chart=``) in a 680 px article column, in an
iframe as tall as the "Share / embed" snippet makes it: the plot keeps half the figure, the
source line fits, and the link back to the dashboard is inside the frame. One load a chart."""

import pytest

from dashboard import charts
from dashboard.charts.screen import on_screen
from dashboard.data.loader import DATA_DIR, load_package
from dashboard.export.render import figure_height
from dashboard.ui.sharing import EMBED_CHROME_PX

pytestmark = pytest.mark.e2e
INSIDE = """() => { const p = document.querySelector('.js-plotly-plot');
  const r = p.getBoundingClientRect();
  const areas = [...p.querySelectorAll('.nsewdrag')].map(e => e.getBoundingClientRect());
  const src = [...p.querySelectorAll('.annotation')].find(a => /Source/.test(a.textContent));
  const s = src.getBoundingClientRect();
  const link = [...document.querySelectorAll('a')].find(a => /dashboard/i.test(a.textContent));
  return {width: r.width, height: r.height, srcLeft: s.left - r.left, srcRight: s.right - r.left,
          plot: Math.max(...areas.map(a => a.bottom)) - Math.min(...areas.map(a => a.top)),
          link: link ? link.getBoundingClientRect().bottom : null}; }"""


@pytest.mark.parametrize("name", ["mirror", "growth"])
def test_a_live_embed_in_a_680px_column(published_server, browser, tmp_path, name):
    spec = charts.build(name, load_package(DATA_DIR))
    height = figure_height(on_screen(spec.figure)[0]) + EMBED_CHROME_PX  # as the snippet says
    article = tmp_path / "article.html"
    article.write_text(
        f'<div style="width:680px;margin:0 auto"><h1>An article</h1><iframe src="'
        f'{published_server}/?chart={name}&embed=true" style="width:100%;height:{height}px;'
        'border:0"></iframe></div>', encoding="utf-8")
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    pg = context.new_page()
    try:
        pg.goto(article.as_uri())
        pg.frame_locator("iframe").locator(".js-plotly-plot .main-svg").first.wait_for(
            timeout=60_000)
        frame = pg.frames[1]
        frame.wait_for_function("() => [...document.querySelectorAll('a')].some(a => "
                                "/dashboard/i.test(a.textContent))", timeout=30_000)
        pg.wait_for_timeout(800)
        got = frame.evaluate(INSIDE)
        assert got["width"] <= 680 and got["plot"] >= got["height"] / 2, got
        assert got["srcLeft"] >= -1 and got["srcRight"] <= got["width"] + 1, got
        assert got["link"] is not None and got["link"] <= height, (got, height)
    finally:
        context.close()
