"""End to end: the real app in a real headless Chromium (Debian's), as a user uses it."""

import csv
import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import FIXTURE, ROOT

from dashboard.data.loader import DATA_DIR

pytestmark = pytest.mark.e2e

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = ROOT / "artifacts" / "screenshots"
PAGES = {"": 0, "growth": 4, "mirror": 1, "world": 2, "structure": 3, "corridor": 3,
         "doubling": 1, "sources": 0, "import": 0}

if not Path(CHROMIUM).exists():
    pytest.skip(f"Debian's chromium is not installed at {CHROMIUM} (make test installs it)",
                allow_module_level=True)


def _free_port() -> int:
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


def _serve(tmp_path_factory, data_dir: Path | None = None, port: int | None = None):
    """`streamlit run` on ``port`` (else a free one) with the given data package (else the
    environment's); stopped at the end, even when tests fail."""
    home = tmp_path_factory.mktemp("home")
    port = port or _free_port()
    env = dict(os.environ, XDG_CONFIG_HOME=str(home / "config"),
               XDG_CACHE_HOME=str(home / "cache"), HOME=str(home))
    if data_dir is not None:
        env["DASHBOARD_DATA"] = str(data_dir)
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"),
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.read() == b"ok":
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
                pytest.fail(f"streamlit did not become healthy:\n{out}")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """The app on the synthetic fixture package: behaviour tests never pin published figures."""
    yield from _serve(tmp_path_factory, FIXTURE)


@pytest.fixture(scope="session")
def published_server(tmp_path_factory):
    """The app on the bundled data, for rendering checks and the screenshots we look at."""
    yield from _serve(tmp_path_factory, DATA_DIR)



@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    pg = context.new_page()
    yield pg
    context.close()


def wait_ready(pg, charts: int) -> None:
    pg.wait_for_selector("h1", timeout=30_000)
    if charts:
        pg.wait_for_function(
            "n => [...document.querySelectorAll('.js-plotly-plot')]"
            ".filter(e => e.data && e.data.length > 0).length >= n", arg=charts, timeout=30_000)
    pg.wait_for_function(
        "() => !document.querySelector('[data-testid=stStatusWidget] [data-testid=stSpinner]')")


@pytest.mark.parametrize("path", list(PAGES))
def test_page_loads_and_charts_render(published_server, page, path):
    page.goto(f"{published_server}/{path}")
    wait_ready(page, PAGES[path])
    assert page.locator("[data-testid=stException]").count() == 0
    assert page.locator("[data-testid=stAlertContentError]").count() == 0
    traces = page.evaluate("() => [...document.querySelectorAll('.js-plotly-plot')]"
                           ".map(e => e.data.length)")
    assert len(traces) == PAGES[path] and all(n > 0 for n in traces)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(800)  # let data grids paint before the screenshot
    page.screenshot(path=str(SHOTS / f"{path or 'overview'}.png"), full_page=True)


def _answer(pg) -> str:
    return pg.locator("h4").first.inner_text()


def _main_trace_ys(pg):
    return pg.evaluate("() => { const p = document.querySelector('.js-plotly-plot');"
                       " const t = p.data.find(d => (d.name || '').includes('your rate'));"
                       " return [t.name, Array.from(t.y).slice(-1)[0]]; }")


def test_keyboard_on_growth_slider_updates_answer_and_chart(server, page):
    page.goto(f"{server}/doubling")
    wait_ready(page, 1)
    before_text, before_trace = _answer(page), _main_trace_ys(page)
    assert "5.0% a year" in before_text
    thumb = page.get_by_role("slider").nth(0)
    thumb.focus()
    for _ in range(50):  # 5.0% -> 10.0% in 0.1 steps
        page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('h4').innerText.includes('10.0%')",
                           timeout=15_000)
    assert "in 2025" in _answer(page) and _answer(page) != before_text
    page.wait_for_function("() => document.querySelector('.js-plotly-plot').data"
                           ".some(d => (d.name || '').startsWith('10.0%'))", timeout=15_000)
    assert _main_trace_ys(page) != before_trace
    page.wait_for_function("() => location.search.includes('growth=0.1')", timeout=10_000)


def test_url_restores_state(server, page):
    page.goto(f"{server}/doubling?growth=0.125&deadline=2035&target=100&base=2016")
    wait_ready(page, 1)
    assert "12.5% a year" in _answer(page) and "$100.0 bn" in _answer(page)
    assert page.get_by_text("Reaching $100.0 bn by 2035 needs").count() >= 1  # answer (+ alt text)


def test_bad_url_shows_a_notice(server, page):
    page.goto(f"{server}/doubling?growth=1e308&base=abc")
    wait_ready(page, 1)
    assert page.get_by_text("Link parameter ignored").count() == 2
    assert "5.0% a year" in _answer(page)


def test_scenario_labels_follow_the_base_year(server, page):
    """Bug: the scenario labels were computed outside the fragment and kept the old year."""
    page.goto(f"{server}/doubling")
    wait_ready(page, 1)
    pills = page.locator("[data-testid=stButtonGroup]").first
    assert "The 2017 pace, 2016→2017" in pills.inner_text()
    page.get_by_role("combobox", name="Base year").click()  # only the fragment reruns
    page.get_by_role("option", name="2016", exact=True).click()
    page.wait_for_function("() => document.querySelector('[data-testid=stButtonGroup]')"
                           ".innerText.includes('The 2016 pace, 2015→2016')", timeout=15_000)
    assert "The 2017 pace" not in pills.inner_text()
    assert "The latest pace, 2016→2017" in pills.inner_text()


def _download(pg, label):
    pg.get_by_role("button", name="Export").first.click()
    with pg.expect_download(timeout=60_000) as info:
        pg.get_by_role("button", name=label).first.click()
    d = info.value
    return d.suggested_filename, Path(d.path()).read_bytes()


def test_download_png_and_csv_through_the_ui(server, page):
    page.goto(f"{server}/growth")
    wait_ready(page, 4)
    name, png = _download(page, "PNG (2×)")
    assert name == "china-kazakhstan-trade-growth-2005-2017.png"
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    page.keyboard.press("Escape")
    name, data = _download(page, "CSV (data)")
    assert name == "china-kazakhstan-trade-growth-2005-2017.csv"
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    values = {r["year"]: float(r["value_usd_bn"]) for r in rows
              if r["series"] == "China's customs (GACC)"}
    assert values["2016"] == 25.0 and values["2017"] == 30.0
    other = "Another source's reading of the same year"
    others = {r["year"]: float(r["value_usd_bn"]) for r in rows if r["series"] == other}
    assert others["2016"] == 26.0  # the rounded reading is beside the series, not in it


def test_upload_in_the_browser(server, page, tmp_path):
    f = tmp_path / "mine.csv"
    f.write_text("year,reporter,partner,flow,value_usd\n2012,CHN,KAZ,total,13000000000\n"
                 "2021,CHN,KAZ,oops,1\n", encoding="utf-8")
    page.goto(f"{server}/import")
    wait_ready(page, 0)
    page.locator("input[type=file]").set_input_files(str(f))
    page.get_by_text("Accepted rows: 1").wait_for(timeout=20_000)
    page.get_by_text("Rejected rows: 1").wait_for()


@pytest.mark.parametrize("path", list(PAGES))
def test_narrow_viewport_has_no_horizontal_overflow(published_server, browser, path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    pg = context.new_page()
    try:
        pg.goto(f"{published_server}/{path}")
        wait_ready(pg, PAGES[path])
        overflow = pg.evaluate(
            "() => { const m = document.querySelector('[data-testid=stMain]') || document.body;"
            " return [m.scrollWidth, m.clientWidth]; }")
        assert overflow[0] <= overflow[1] + 1, overflow
        SHOTS.mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(SHOTS / f"mobile-{path or 'overview'}.png"))
    finally:
        context.close()
