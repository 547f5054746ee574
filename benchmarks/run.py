"""Benchmarks: medians of repeated runs, printed and written into docs/.

The table goes between the ``bench`` markers of docs/performance.md, the capacity
paragraph between the ``capacity`` markers of docs/deploy.md.

Run with `make bench`. Not part of the test suite: timings depend on the machine, so targets
are reported as numbers and ratios, never asserted.
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import servers  # benchmarks/, this script's folder, is on sys.path
import side_by_side
from side_by_side import METHOD, Summary, capacity_text, load_table

ROOT = Path(__file__).resolve().parent.parent
DOCS = {"bench": ROOT / "docs" / "performance.md", "capacity": ROOT / "docs" / "deploy.md"}
sys.path.insert(0, str(ROOT))
APP = str(ROOT / "dashboard" / "app.py")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
PAGES = {"overview": ("", 0), "growth": ("growth", 4), "mirror": ("mirror", 1),
         "world": ("world", 2), "doubling": ("doubling", 1), "sources": ("sources", 0)}
TRIVIAL_APP = """
import streamlit as st
x = st.slider("x", 0, 100, 10, key="x")
st.write(f"value {x}")
"""

NAMES_JS = ("() => ((document.querySelector('.js-plotly-plot') || {}).data || [])"
            ".map(d => d.name).join('|')")

rows: list[tuple[str, str, str, str]] = []


def med(xs):
    return statistics.median(xs)


def record(what: str, value: str, target: str = "", verdict: str = "") -> None:
    rows.append((what, value, target, verdict))
    print(f"{what:55s} {value:>14s} {target:>12s} {verdict}")


def start_server(tmp: Path) -> tuple[subprocess.Popen, str, float]:
    server = servers.start_app(APP, tmp)
    return server.proc, server.url, server.started_in


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    proc.wait(timeout=10)


def rss_peak_mb(pid: int) -> float:
    text = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+)", text).group(1)) / 1024


def bench_server_and_browser() -> None:
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp())
    starts = []
    for _ in range(3):
        proc, url, dt = start_server(tmp)
        starts.append(dt)
        stop(proc)
    record("Server cold start (streamlit run → healthy)", f"{med(starts):.2f} s")

    proc, url, _ = start_server(tmp)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                        args=LAUNCH_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(url)  # warm the server's caches once, as any user before you would
            page.wait_for_selector("h1")
            for name, (path, charts) in PAGES.items():
                times = []
                for _ in range(3):
                    page.goto("about:blank")
                    t0 = time.perf_counter()
                    page.goto(f"{url}/{path}")
                    if charts:
                        page.wait_for_function(
                            "() => [...document.querySelectorAll('.js-plotly-plot')]"
                            ".some(e => e.data && e.data.length && e.querySelector('.main-svg'))",
                            timeout=60_000)
                    else:
                        page.wait_for_selector("h1")
                    times.append(time.perf_counter() - t0)
                what = "first chart rendered" if charts else "page heading rendered"
                m = med(times)
                record(f"Navigation → {what}: {name}", f"{m:.2f} s", "≤ 2.5 s",
                       "met" if m <= 2.5 else "missed")
            # keypress → chart updated
            page.goto(f"{url}/doubling")
            page.wait_for_function("() => document.querySelector('.js-plotly-plot')?.data")
            thumb = page.get_by_role("slider").nth(0)
            thumb.focus()
            times = []
            for i in range(10):
                key = "ArrowRight" if i % 2 == 0 else "ArrowLeft"
                before = page.evaluate(NAMES_JS)
                t0 = time.perf_counter()
                page.keyboard.press(key)
                page.wait_for_function(f"b => ({NAMES_JS})() !== b", arg=before,
                                       timeout=15_000)
                times.append(time.perf_counter() - t0)
                thumb.focus()
            m = med(times)
            record("Keypress on growth slider → chart updated (Chromium)", f"{m * 1000:.0f} ms",
                   "≤ 300 ms", "met" if m <= 0.3 else "missed")
            for path, _ in PAGES.values():
                page.goto(f"{url}/{path}")
                page.wait_for_selector("h1")
                page.wait_for_timeout(500)
            browser.close()
        peak = rss_peak_mb(proc.pid)
        record("Server peak RSS after visiting every page", f"{peak:.0f} MB", "≤ 300 MB",
               "met" if peak <= 300 else "missed")
    finally:
        stop(proc)


def bench_rerun() -> None:
    from streamlit.testing.v1 import AppTest

    def loop(at, key, values, n=30):
        times = []
        for i in range(n):
            at.slider(key=key).set_value(values[i % len(values)])
            t0 = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - t0)
        return med(times)

    trivial = AppTest.from_string(TRIVIAL_APP, default_timeout=60)
    trivial.run()
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    app.switch_page("views/doubling.py")
    app.run()
    t_trivial = loop(trivial, "x", [20, 30, 40, 50])
    t_app = loop(app, "dbl-growth", [5.0, 10.0, 15.0, 7.5])
    ratio = t_app / t_trivial
    record("Slider rerun, trivial one-slider app (AppTest)", f"{t_trivial * 1000:.1f} ms")
    record("Slider rerun, doubling-target page (AppTest)", f"{t_app * 1000:.1f} ms")
    record("Ratio doubling page / trivial app", f"{ratio:.1f}×", "≤ 3×",
           "met" if ratio <= 3 else "missed")


def bench_export() -> None:
    first = subprocess.run(
        [sys.executable, "-c", (
            "import time; t=time.perf_counter();"
            "from dashboard import charts, export; from dashboard.data import load_package;"
            "s=charts.build('growth', load_package()); t1=time.perf_counter();"
            "export.render(s,'png'); print(time.perf_counter()-t1)")],
        cwd=ROOT, capture_output=True, text=True, check=True)
    record("First PNG export in a fresh process", f"{float(first.stdout.split()[-1]):.2f} s")

    from dashboard import charts
    from dashboard.data.loader import load_package
    from dashboard.export import archive
    from dashboard.export import render as export

    tables = load_package()
    specs = [charts.build(n, tables) for n in charts.CHART_NAMES]
    export.render(specs[0], "png")  # warm
    for fmt in ("png", "svg", "pdf", "html"):
        times = []
        for _ in range(3):
            for s in specs:
                t0 = time.perf_counter()
                export.render(s, fmt)
                times.append(time.perf_counter() - t0)
        m = med(times)
        target = "≤ 0.3 s" if fmt != "html" else ""
        verdict = ("met" if m <= 0.3 else "missed") if target else ""
        record(f"Warm {fmt.upper()} export, per chart", f"{m * 1000:.0f} ms", target, verdict)
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        specs = [charts.build(n, tables) for n in charts.CHART_NAMES]
        archive.build_zip(specs, archive.package_files())
        times.append(time.perf_counter() - t0)
    m = med(times)
    record(f"Full ZIP ({len(charts.CHART_NAMES)} charts × 5 formats + data)", f"{m:.2f} s",
           "≤ 5 s",
           "met" if m <= 5 else "missed")
    export.shutdown()


def bench_publish() -> None:
    """The static bundle: build time, sizes, time to first chart (benchmarks/publish.py)."""
    from publish import bench  # this folder is on sys.path when run as a script

    bench(record)


def write_docs(summary: Summary, load_start: float) -> None:
    """The measured table into docs/performance.md, the capacity into docs/deploy.md."""
    machine = (f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python "
               f"{platform.python_version()}")
    lines = [f"Measured {datetime.now(UTC):%Y-%m-%d} on {machine} with `make bench` "
             f"(medians of repeated runs). Load average of the machine (1 min): "
             f"{load_start:.1f} at the start, {os.getloadavg()[0]:.1f} at the end; other work "
             "on the machine slows every figure, so compare ratios within one run.", "",
             "| Measure | Median | Target | |", "|---|---|---|---|"]
    lines += [f"| {w} | {v} | {t} | {r} |" for w, v, t, r in rows]
    lines += ["", "Fresh sessions through Streamlit's websocket protocol "
              f"({side_by_side.VIEWS_PER_SESSION} page views per simulated user, our app "
              "cycling its seven pages):", "", *load_table(summary.loads), "", *METHOD]
    blocks = (("bench", "\n".join(lines)), ("capacity", capacity_text(summary, load_start)))
    for name, body in blocks:
        doc = DOCS[name]
        text = doc.read_text(encoding="utf-8")
        block = f"<!-- {name}:start -->\n{body}\n<!-- {name}:end -->"
        marked = rf"<!-- {name}:start -->.*<!-- {name}:end -->"
        if not re.search(marked, text, flags=re.S):
            sys.exit(f"error: {doc} lacks the {name} markers")
        doc.write_text(re.sub(marked, lambda _, b=block: b, text, flags=re.S), encoding="utf-8")


if __name__ == "__main__":
    load_start = os.getloadavg()[0]
    if "--side-by-side-only" not in sys.argv:
        bench_rerun()
        bench_export()
        bench_server_and_browser()
        bench_publish()
    summary = side_by_side.run(record, Path(tempfile.mkdtemp()))
    print("\n".join(load_table(summary.loads)))
    print(capacity_text(summary, load_start))
    if not {"--no-docs", "--no-readme"} & set(sys.argv):
        write_docs(summary, load_start)
