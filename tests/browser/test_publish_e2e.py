"""The published bundle in a real headless Chromium, served by a plain static file server."""

import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from browsing import free_port
from helpers import PUBLISH_BASE_URL as LIVE

from dashboard import charts
from dashboard.core.projection import year_reaching
from dashboard.text.i18n import LANGUAGES

pytestmark = pytest.mark.e2e

CHARTS = ("growth", "mirror", "doubling-target")  # the charts followed from each index
RENDERED = ("() => { const g = document.getElementById('chart');"
            " return g && g.data && g.data.length > 0 && !!g.querySelector('.main-svg'); }")
ANSWER = ("() => [...document.querySelectorAll('.annotation-text')].map(e => e.textContent)"
          ".find(t => /trade (reaches|never)|товарооборот/.test(t)) || ''")

# `bundle` (tests/conftest.py): the run's one bundle of the synthetic package, every chart.


def _static_server(folder: Path):
    """``python -m http.server`` on 127.0.0.1 serving one folder; yields its address."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind",
                             "127.0.0.1", "--directory", str(folder)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(url, timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("the static server did not start")
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def site(bundle):
    """The bundle and nothing else, as a static host or CDN would serve it."""
    yield from _static_server(bundle)


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory):
    """Someone else's site (another origin) that embeds a chart; tests write its pages."""
    folder = tmp_path_factory.mktemp("newsroom")
    url = next(gen := _static_server(folder))
    yield folder, url
    gen.close()



@pytest.fixture
def page(browser, site, newsroom):
    """A page whose every request must stay inside the bundle: anything else is blocked."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside: list[str] = []

    def guard(route):
        if route.request.url.startswith((site, newsroom[1], "data:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    pg = context.new_page()
    pg.outside = outside
    yield pg
    context.close()
    assert outside == [], f"requests left the bundle: {outside}"


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_each_language_index_and_its_charts_render(site, page, lang):
    page.goto(f"{site}{lang}/index.html")
    assert page.locator("li.chart").count() == len(charts.CHART_NAMES)
    assert page.evaluate("() => document.documentElement.lang") == lang
    thumb = page.locator("img.thumb").first
    thumb.scroll_into_view_if_needed()
    page.wait_for_function("e => e.complete && e.naturalWidth > 0", arg=thumb.element_handle())
    snippet = page.locator("#embed-growth").input_value()
    assert f'src="{site}{lang}/growth.html"' in snippet  # served: the full address
    for name in CHARTS:
        page.goto(f"{site}{lang}/index.html")
        page.locator(f"#{name} h2 a").click()
        page.wait_for_function(RENDERED, timeout=30_000)
        assert page.url == f"{site}{lang}/{name}.html"
        footer = page.locator("footer").inner_text()
        assert "0.0.1-fixture" in footer and "2026" in footer
        live = page.locator(f'footer a[href^="{LIVE}"]').get_attribute("href")
        assert live.endswith(f"?lang={lang}")


def _slider_answer(page) -> tuple[str, str]:
    rate = page.evaluate("() => { const s = document.getElementById('chart')._fullLayout"
                         ".sliders[0]; return s.steps[s.active].label; }")
    return rate, page.evaluate(ANSWER)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_doubling_slider_changes_the_reached_year(site, page, lang):
    page.goto(f"{site}{lang}/doubling-target.html")
    page.wait_for_function(RENDERED, timeout=30_000)
    label, before = _slider_answer(page)
    assert label.startswith("5,0" if lang == "ru" else "5.0") and "2032" in before
    rail = page.locator(".slider-rail-rect").first.bounding_box()
    page.mouse.click(rail["x"] + rail["width"] * 0.99, rail["y"] + rail["height"] / 2)
    page.wait_for_function(f"b => ({ANSWER})() !== b", arg=before, timeout=10_000)
    label, after = _slider_answer(page)
    rate = float(re.sub(r"[^\d,.]", "", label).replace(",", ".")) / 100
    assert rate >= 0.29  # the far end of the rail (the last step or the one before it)
    year = year_reaching(30e9, 2017, rate, 60e9)  # the fixture's 2017 total and its double
    assert str(year) in after and "2032" not in after
    star = page.evaluate("() => document.getElementById('chart').data.at(-1).x")
    assert list(star) == [year]


def test_an_iframe_snippet_resizes_and_shows_the_chart(site, newsroom, page):
    page.goto(f"{site}en/index.html")
    snippet = page.locator("#embed-mirror").input_value()
    folder, host = newsroom  # someone else's page: another origin than the bundle's
    (folder / "article.html").write_text(f"<h1>An article</h1>{snippet}<p>More text</p>",
                                         encoding="utf-8")
    page.goto(f"{host}article.html")
    frame = page.frame_locator("iframe")
    frame.locator("#chart .main-svg").first.wait_for(timeout=30_000)
    page.wait_for_function("() => document.querySelector('iframe').style.height !== '750px'",
                           timeout=10_000)
    height = page.evaluate("() => document.querySelector('iframe').getBoundingClientRect()"
                           ".height")
    inner = page.evaluate("() => document.querySelector('iframe').contentDocument === null")
    assert 620 < height < 1600 and inner  # another origin: sized by its message alone


# Inside an embedded chart page: the figure, its plot area, its source line, the page's height.
INSIDE = """() => { const p = document.querySelector('.js-plotly-plot');
  const r = p.getBoundingClientRect();
  const areas = [...p.querySelectorAll('.nsewdrag')].map(e => e.getBoundingClientRect());
  const src = [...p.querySelectorAll('.annotation')].find(a => /Source/.test(a.textContent));
  const s = src.getBoundingClientRect();
  return {width: r.width, height: r.height, srcLeft: s.left - r.left, srcRight: s.right - r.left,
          srcBottom: s.bottom - r.top,
          plot: Math.max(...areas.map(a => a.bottom)) - Math.min(...areas.map(a => a.top)),
          page: Math.ceil(document.body.getBoundingClientRect().height)}; }"""


@pytest.mark.parametrize("name", ["mirror", "growth"])
def test_an_embed_in_a_680px_article_column_keeps_its_plot_source_and_links(
        site, newsroom, page, name):
    """Issue 23: in a 680 px column the plot kept a strip, the source line was cut and the
    iframe's height hid the link back. One load per chart, every check in it."""
    page.goto(f"{site}en/index.html")
    snippet = page.locator(f"#embed-{name}").input_value()
    folder, host = newsroom
    (folder / f"column-{name}.html").write_text(
        f'<div style="width:680px;margin:0 auto"><h1>An article</h1>{snippet}<p>More</p></div>',
        encoding="utf-8")
    page.goto(f"{host}column-{name}.html")
    page.frame_locator("iframe").locator("#chart .main-svg").first.wait_for(timeout=30_000)
    page.wait_for_timeout(800)  # the chart lays out, the page says its height
    frame = page.frames[1]
    got = frame.evaluate(INSIDE)
    assert got["width"] <= 680 and got["plot"] >= got["height"] / 2, got
    assert got["srcLeft"] >= -1 and got["srcRight"] <= got["width"] + 1, got
    assert got["srcBottom"] <= got["height"] + 1, got
    height = page.evaluate("() => document.querySelector('iframe').getBoundingClientRect()"
                           ".height")
    assert height >= got["page"] - 2, (height, got)  # nothing under the chart is cut off
    links = frame.evaluate("() => [...document.querySelectorAll('footer a')].map(a => "
                           "a.getBoundingClientRect().bottom)")
    assert links and max(links) <= height, (links, height)


def test_the_bundle_opens_from_disk(bundle, browser):
    context = browser.new_context()
    pg = context.new_page()
    try:
        pg.goto((bundle / "index.html").as_uri())
        pg.locator('a[href="zh/index.html"]').click()
        snippet = pg.locator("#embed-growth").input_value()
        assert 'src="growth.html"' in snippet  # from disk: left relative
        pg.locator("#growth h2 a").click()
        pg.wait_for_function(RENDERED, timeout=30_000)
        assert pg.url.startswith("file://") and pg.url.endswith("/zh/growth.html")
    finally:
        context.close()
