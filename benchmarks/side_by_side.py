"""Issue 13's measures, side by side on one machine in one run: our app against a trivial
one-slider, one-chart app and a peer of Streamlit's GDP template; 1 process against 2 workers
behind haproxy; what one idle session costs in memory. Reported as values and ratios against
the issue's targets (`record(what, value, target, verdict)`), never asserted.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import compare
import servers
from load import LoadResult, open_session, run_load, warm, write_gdp_csv

ROOT = Path(__file__).resolve().parent.parent
TRIVIAL = ROOT / "benchmarks" / "apps" / "trivial_chart.py"
OUR_PAGES = ["", "growth", "mirror", "world", "doubling", "sources", "import"]
LEVELS = (20, 40)        # concurrent fresh sessions
VIEWS_PER_SESSION = 2    # each simulated user loads this many fresh sessions, one after another
TIME_LIMIT = 45.0        # seconds per run; no new view starts after it
IDLE_SESSIONS = 40
SESSION_TTL_S = 10  # the memory measure's reconnection window (Streamlit's default: 120 s)
JANITOR_S = 5       # and its memory janitor's interval (the app's default: 30 s)
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
PLOTLY_READY = ("() => [...document.querySelectorAll('.js-plotly-plot')]"
                ".some(e => e.data && e.data.length && e.querySelector('.main-svg'))")
VEGA_READY = ("() => !!document.querySelector("
              "'[data-testid=stVegaLiteChart] canvas, [data-testid=stVegaLiteChart] svg')")
OURS, TRIV, GDP, BAL = ("our app, 1 process", "trivial one-chart app", "GDP-template peer",
                        "our app, 2 workers + haproxy")
# Every app runs with the project's .streamlit/config.toml (no file watcher, no full garbage
# collection after each run): the same server settings, so ratios compare page cost. These two
# show what those settings are worth: Streamlit's defaults for the watcher and the collector.
STREAMLIT_DEFAULTS = {"STREAMLIT_SERVER_FILE_WATCHER_TYPE": "auto",
                      "STREAMLIT_RUNNER_POST_SCRIPT_GC": "true"}
TRIV_DEF, OURS_DEF = ("trivial one-chart app, Streamlit's default settings",
                      "our app, 1 process, Streamlit's default settings")

Record = Callable[..., None]


@dataclass
class Summary:
    """What docs/deploy.md quotes: capacity and memory of one worker."""

    loads: list[LoadResult]
    peak_mb: dict[str, float]  # peak RSS per process under load, by app label
    idle_worker_mb: float
    per_session_mb: float
    expired_mb: float  # the worker once the idle sessions expired and the janitor ran
    export_mb: float

    def by(self, label: str, concurrency: int) -> LoadResult:
        return next(r for r in self.loads if (r.label, r.concurrency) == (label, concurrency))


def _verdict(ok: bool) -> str:
    return "met" if ok else "missed"


def reruns(record: Record, gdp_csv: Path) -> None:
    gdp = compare.gdp_slider_rerun(gdp_csv)
    record("AppTest slider rerun, GDP-template peer", f"{gdp * 1000:.1f} ms")
    for view, t in compare.page_reruns().items():
        ratio = t / gdp
        record(f"AppTest rerun, {view} page (× GDP peer's)", f"{t * 1000:.1f} ms, {ratio:.2f}×",
               "≤ 0.5×", _verdict(ratio <= 0.5))


def loads(record: Record, tmp: Path, gdp_csv: Path) -> tuple[list[LoadResult], dict]:
    apps = [(TRIV, lambda: servers.start_app(TRIVIAL, tmp), [""]),
            (GDP, lambda: servers.start_app(compare.GDP_PEER, tmp, {"GDP_CSV": str(gdp_csv)}),
             [""]),
            (OURS, lambda: servers.start_app(compare.APP, tmp), OUR_PAGES),
            (TRIV_DEF, lambda: servers.start_app(TRIVIAL, tmp, STREAMLIT_DEFAULTS), [""]),
            (OURS_DEF, lambda: servers.start_app(compare.APP, tmp, STREAMLIT_DEFAULTS),
             OUR_PAGES),
            (BAL, lambda: servers.start_balanced(tmp, 2), OUR_PAGES)]
    results: list[LoadResult] = []
    peaks: dict[str, float] = {}
    running: list[tuple[str, servers.Server, list[str]]] = []
    try:
        for label, start, pages in apps:  # all up at once, idle until their turn
            running.append((label, start(), pages))
            warm(running[-1][1].url, pages * len(running[-1][1].pids))  # alternate workers
        for c in LEVELS:  # apps take turns at each level, so a busy neighbour hits all alike
            for label, server, pages in running:
                r = run_load(label, server.url, pages, c, VIEWS_PER_SESSION * c, TIME_LIMIT)
                results.append(r)
                print(f"  load: {label}, {c} sessions: {r.views_per_s:.2f} views/s, "
                      f"p95 {r.p95:.2f} s, {r.failures} failed {sorted(r.errors)[:3]}",
                      flush=True)
        for label, server, _ in running:
            peaks[label] = max(servers.rss_mb(pid, "VmHWM") for pid in server.pids)
            record(f"Peak RSS per process under load, {label}", f"{peaks[label]:.0f} MB")
    finally:
        for _, server, _ in running:
            servers.stop(server)
    by = {(r.label, r.concurrency): r.views_per_s for r in results}
    for c in LEVELS:
        ours = by[(OURS, c)]
        for peer, target in ((TRIV, 0.8), (GDP, 1.5)):
            ratio = ours / by[(peer, c)] if by[(peer, c)] else float("nan")
            record(f"Page views/s at {c} sessions, our app ÷ {peer}", f"{ratio:.2f}×",
                   f"≥ {target}×", _verdict(ratio >= target))
        ratio = by[(OURS_DEF, c)] / by[(TRIV_DEF, c)] if by[(TRIV_DEF, c)] else float("nan")
        record(f"Page views/s at {c} sessions, both with Streamlit's default settings, our app"
               " ÷ trivial", f"{ratio:.2f}×")
        ratio = by[(BAL, c)] / ours if ours else float("nan")
        record(f"Page views/s at {c} sessions, 2 workers ÷ 1 process", f"{ratio:.2f}×")
    return results, peaks


def idle_memory(record: Record, tmp: Path) -> tuple[float, float, float]:
    """RSS growth of a warmed worker per idle session held open (sessions cycle the pages)."""
    server = servers.start_app(compare.APP, tmp, {
        "STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL": str(SESSION_TTL_S),
        "DASHBOARD_GC_INTERVAL": str(JANITOR_S), "MALLOC_ARENA_MAX": "2"})
    try:
        warm(server.url, OUR_PAGES)
        pid = server.pids[0]
        before = servers.rss_mb(pid)

        async def hold() -> float:
            held = [(await open_session(server.url, OUR_PAGES[i % len(OUR_PAGES)]))[0]
                    for i in range(IDLE_SESSIONS)]
            await asyncio.sleep(1)
            during = servers.rss_mb(pid)
            for ws in held:
                await ws.close()
            return during

        during = asyncio.run(hold())
        time.sleep(2)
        after = servers.rss_mb(pid)
        time.sleep(SESSION_TTL_S + 2 * JANITOR_S)  # sessions dropped, then a janitor pass
        gone = servers.rss_mb(pid)
    finally:
        servers.stop(server)
    record("Worker RSS, warmed (every page once), no session open", f"{before:.0f} MB")
    record(f"Memory per idle session ({IDLE_SESSIONS} held open)",
           f"{(during - before) / IDLE_SESSIONS:.2f} MB")
    record(f"Worker RSS 2 s after those {IDLE_SESSIONS} sessions closed", f"{after:.0f} MB")
    record(f"Worker RSS once they expired ({SESSION_TTL_S} s reconnection window, janitor "
           f"every {JANITOR_S} s)", f"{gone:.0f} MB")
    return before, (during - before) / IDLE_SESSIONS, gone


def export_memory(record: Record, tmp: Path) -> float:
    """Peak memory of `python -m dashboard export` (24 images through kaleido's Chromium):
    what a worker adds while a user downloads images or the ZIP."""
    proc = subprocess.Popen([sys.executable, "-m", "dashboard", "export", "--out",
                             str(tmp / "export"), "--formats", "png,svg,pdf"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0.0
    while proc.poll() is None:
        peak = max(peak, servers.tree_pss_mb(proc.pid))
        time.sleep(0.05)
    record("Peak memory (PSS) of a batch image export, with its Chromium", f"{peak:.0f} MB")
    return peak


def settle(record: Record, tmp: Path, gdp_csv: Path) -> None:
    from playwright.sync_api import sync_playwright

    ours = servers.start_app(compare.APP, tmp)
    gdp = servers.start_app(compare.GDP_PEER, tmp, {"GDP_CSV": str(gdp_csv)})
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                        args=LAUNCH_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            peer = compare.settle_ms(page, gdp.url, VEGA_READY)
            mine = {path: compare.settle_ms(page, f"{ours.url}/{path}", PLOTLY_READY)
                    for path in ("doubling", "growth")}
            browser.close()
    finally:
        servers.stop(ours)
        servers.stop(gdp)
    record("Arrow key → settled page, GDP-template peer (Chromium)", f"{peer:.0f} ms")
    for path, ms in mine.items():
        ratio = ms / peer
        record(f"Arrow key → settled page, {path} (× GDP peer's)", f"{ms:.0f} ms, {ratio:.2f}×",
               "≤ 1.0×", _verdict(ratio <= 1.0))


def run(record: Record, tmp: Path) -> Summary:
    gdp_csv = tmp / "gdp.csv"
    write_gdp_csv(gdp_csv)
    reruns(record, gdp_csv)
    settle(record, tmp, gdp_csv)
    idle_mb, per_session_mb, expired_mb = idle_memory(record, tmp)
    export_mb = export_memory(record, tmp)
    results, peaks = loads(record, tmp, gdp_csv)
    return Summary(results, peaks, idle_mb, per_session_mb, expired_mb, export_mb)


METHOD = [
    "- *Page view*: a fresh session as a returning visitor's browser opens it (GET the page "
    "and `/_stcore/host-config`, open the websocket, request the page, read until "
    "`script_finished`); simulated users each open one after another; views/s = successful "
    "views ÷ wall time; the load generator (`benchmarks/load.py`) runs on the same machine.",
    "- *Peers*: `benchmarks/apps/trivial_chart.py` (one slider, one Plotly chart) and "
    "`benchmarks/apps/gdp_peer.py` (the GDP template's work on 266 × 63 synthetic values).",
    "- *Arrow key → settled page*: Chromium, from the key press on the page's first slider to "
    "the last change in the page's main area (a MutationObserver; settled after 500 ms "
    "without change).",
    "- *Per idle session*: growth of a warmed worker's RSS with sessions held open, divided by "
    "their number.",
]


def load_table(results: list[LoadResult]) -> list[str]:
    lines = ["| App | Concurrent sessions | Page views/s | p95 | Median | Failed |",
             "|---|---|---|---|---|---|"]
    lines += [f"| {r.label} | {r.concurrency} | {r.views_per_s:.2f} | {r.p95:.2f} s | "
              f"{r.median:.2f} s | {r.failures} |" for r in results]
    return lines


def capacity_text(s: Summary, load_start: float) -> str:
    """The Deploy section's measured capacity and memory, from this run."""
    one, two = s.by(OURS, 40), s.by(BAL, 40)
    return (f"Measured with `make bench` on {os.cpu_count()} cores ({datetime.now(UTC):%Y-%m-%d}"
            f", load average {load_start:.1f} from other work at the start): one worker "
            f"served **{one.views_per_s:.1f} fresh page views per second** at 40 "
            f"concurrent sessions (p95 {one.p95:.1f} s), two workers behind haproxy "
            f"**{two.views_per_s:.1f}** (p95 {two.p95:.1f} s). A warmed worker with no session "
            f"holds **{s.idle_worker_mb:.0f} MB**; each idle session adds about "
            f"**{s.per_session_mb:.2f} MB** and, once closed sessions expired and the memory "
            f"janitor ran, the worker was back at {s.expired_mb:.0f} MB; a worker peaked at "
            f"{s.peak_mb[OURS]:.0f} MB under "
            f"that load; a batch image export adds Chromium, {s.export_mb:.0f} MB for the "
            "whole process tree at its peak.")
