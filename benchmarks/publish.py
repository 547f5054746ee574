"""Benchmark of the published bundle: build time, sizes and time to first chart when served.

Called from benchmarks/run.py (``make bench``); runs alone too:
``.venv/bin/python benchmarks/publish.py``. Builds the bundle from the bundled data
with the real command line, serves it with ``python -m http.server`` on 127.0.0.1 and
opens chart pages in Debian's Chromium.
"""

from __future__ import annotations

import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
RENDERED = ("() => { const g = document.getElementById('chart');"
            " return g && g.data && g.data.length > 0 && !!g.querySelector('.main-svg'); }")
BUILDS = 2


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build(out: Path) -> float:
    """Seconds for ``python -m dashboard publish`` (every chart × every language)."""
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "dashboard", "publish", "--out", str(out)], cwd=ROOT,
                   check=True, capture_output=True, timeout=600)
    return time.perf_counter() - t0


def first_chart_times(site: Path) -> list[float]:
    """Seconds from navigation to a drawn chart, one chart page per language, cold cache."""
    from playwright.sync_api import sync_playwright

    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind",
                               "127.0.0.1", "--directory", str(site)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url, timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        manifest = json.loads((site / "manifest.json").read_text(encoding="utf-8"))
        pages = [f["path"] for f in manifest["files"] if f["format"] == "html" and f["chart"]]
        times = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                        args=LAUNCH_ARGS)
            for path in pages:
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                t0 = time.perf_counter()
                page.goto(url + path)
                page.wait_for_function(RENDERED, timeout=60_000)
                times.append(time.perf_counter() - t0)
                context.close()
            browser.close()
        return times
    finally:
        server.terminate()
        server.wait(timeout=10)


def bench(record: Callable[..., None]) -> None:
    tmp = Path(tempfile.mkdtemp())
    try:
        times = [build(tmp / f"site{i}") for i in range(BUILDS)]
        site = tmp / "site0"
        m = statistics.median(times)
        manifest = json.loads((site / "manifest.json").read_text(encoding="utf-8"))
        langs, names = manifest["languages"], manifest["charts"]
        record(f"Publish bundle ({len(names)} charts × {len(langs)} languages)", f"{m:.1f} s",
               "< 60 s", "met" if m < 60 else "missed")
        total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        record("Bundle size, all files", f"{total / 1e6:.1f} MB")
        pages = [f for f in manifest["files"] if f["format"] == "html" and f["chart"]]
        biggest = max(pages, key=lambda f: f["bytes"])
        record("Chart page size without plotly.js, median",
               f"{statistics.median(f['bytes'] for f in pages) / 1e3:.1f} KB")
        record(f"Chart page size without plotly.js, largest ({biggest['path']})",
               f"{biggest['bytes'] / 1e3:.1f} KB", "< 100 KB",
               "met" if biggest["bytes"] < 100_000 else "missed")
        js = [f for f in manifest["files"] if f["format"] == "js"]
        record("Shared plotly.js (once per bundle)", f"{js[0]['bytes'] / 1e6:.2f} MB")
        first = first_chart_times(site)
        record("Static server: open chart page → chart drawn (cold)",
               f"{statistics.median(first):.2f} s", "", f"max {max(first):.2f} s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    def show(what: str, value: str, target: str = "", verdict: str = "") -> None:
        print(f"{what:62s} {value:>10s} {target:>8s} {verdict}")

    bench(show)
