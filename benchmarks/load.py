"""A bounded load generator of fresh Streamlit sessions, speaking Streamlit's own protocol.

One page view is what a returning visitor's browser does for a fresh session (its static files
already cached): GET the page's HTML, GET /_stcore/host-config, open the websocket
/_stcore/stream, ask for the page (a BackMsg rerun_script, as the frontend does), and read
ForwardMsgs until script_finished. A view counts only if the script finished successfully and
the page was found. Cookies from the balancer are sent back, as a browser would, so the
websocket reaches the worker that served the HTML. 127.0.0.1 only; every run is bounded in
count and in time.
"""

from __future__ import annotations

import asyncio
import math
import random
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

VIEW_TIMEOUT = 60.0


@dataclass
class LoadResult:
    """Page views of one run: latencies of the successful ones, failures counted."""

    label: str
    concurrency: int
    seconds: float
    latencies: list[float] = field(default_factory=list)
    failures: int = 0
    errors: set[str] = field(default_factory=set)  # what the failures were, once each

    @property
    def views_per_s(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    @property
    def p95(self) -> float:
        xs = sorted(self.latencies)
        return xs[min(len(xs) - 1, math.ceil(0.95 * len(xs)) - 1)] if xs else math.nan

    @property
    def median(self) -> float:
        return statistics.median(self.latencies) if self.latencies else math.nan


async def _http_get(host: str, port: int, path: str, cookies: dict[str, str]) -> int:
    """GET path with HTTP/1.1 (connection closed after); stores Set-Cookie; returns status."""
    reader, writer = await asyncio.open_connection(host, port)
    head = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n"
    if cookies:
        head += "Cookie: " + "; ".join(f"{k}={v}" for k, v in cookies.items()) + "\r\n"
    writer.write((head + "\r\n").encode())
    await writer.drain()
    raw = await reader.read()
    writer.close()
    header = raw.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    for line in header[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "set-cookie":
            k, _, v = value.strip().split(";", 1)[0].partition("=")
            cookies[k] = v
    return int(header[0].split()[1])


async def open_session(url: str, page: str):
    """A fresh session on `page`, left open: returns (websocket, seconds to script_finished)."""
    u = urlsplit(url)
    host, port = u.hostname or "127.0.0.1", u.port or 80
    cookies: dict[str, str] = {}
    t0 = time.perf_counter()
    for path in (f"/{page}", "/_stcore/host-config"):
        status = await _http_get(host, port, path, cookies)
        if status != 200:
            raise RuntimeError(f"GET {path}: HTTP {status}")
    cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
    ws = await connect(f"ws://{host}:{port}/_stcore/stream", subprotocols=["streamlit"],
                       max_size=None, open_timeout=None,  # page_view's timeout bounds it
                       additional_headers={"Cookie": cookie} if cookie else None)
    try:
        msg = BackMsg()
        msg.rerun_script.page_name = page
        msg.rerun_script.widget_states.SetInParent()
        await ws.send(msg.SerializeToString())
        while True:
            fwd = ForwardMsg()
            fwd.ParseFromString(await ws.recv())
            kind = fwd.WhichOneof("type")
            if kind == "page_not_found":
                raise RuntimeError(f"page not found: {page!r}")
            if kind == "script_finished":
                if fwd.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                    raise RuntimeError(f"script finished with status {fwd.script_finished}")
                return ws, time.perf_counter() - t0
    except BaseException:
        await ws.close()
        raise


async def page_view(url: str, page: str) -> float:
    ws, seconds = await asyncio.wait_for(open_session(url, page), VIEW_TIMEOUT)
    await ws.close()
    return seconds


async def _run(label: str, url: str, pages: Sequence[str], concurrency: int, total: int,
               time_limit: float) -> LoadResult:
    result = LoadResult(label, concurrency, 0.0)
    issued = 0
    t0 = time.perf_counter()
    deadline = t0 + time_limit

    async def user() -> None:
        nonlocal issued
        while issued < total and time.perf_counter() < deadline:
            page = pages[issued % len(pages)]
            issued += 1
            try:
                result.latencies.append(await page_view(url, page))
            except Exception as exc:  # refused, timed out, closed mid-view, failed script
                result.failures += 1
                result.errors.add(f"{type(exc).__name__}: {exc}"[:200])

    await asyncio.gather(*(user() for _ in range(concurrency)))
    result.seconds = time.perf_counter() - t0
    return result


def run_load(label: str, url: str, pages: Sequence[str], concurrency: int, total: int,
             time_limit: float = 60.0) -> LoadResult:
    """`total` page views by `concurrency` simultaneous users; stops starting views at the
    time limit (a started view still ends within VIEW_TIMEOUT)."""
    return asyncio.run(_run(label, url, pages, concurrency, total, time_limit))


def warm(url: str, pages: Sequence[str]) -> None:
    """One view of every page, so caches are as any later visitor finds them."""
    async def go() -> None:
        for p in pages:
            await page_view(url, p)
    asyncio.run(go())


def write_gdp_csv(path: Path, countries: int = 266, first: int = 1960, last: int = 2022) -> None:
    """Synthetic values in the shape of the GDP template's World Bank table (with gaps)."""
    rng = random.Random(13)
    codes = ["DEU", "FRA", "GBR", "BRA", "MEX", "JPN"]
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    i = 0
    while len(codes) < countries:
        code = letters[i // 676 % 26] + letters[i // 26 % 26] + letters[i % 26]
        if code not in codes:
            codes.append(code)
        i += 97  # spread the codes over the alphabet
    lines = ["Country Code," + ",".join(str(y) for y in range(first, last + 1))]
    for code in codes:
        value, row = rng.uniform(1e8, 5e11), []
        for year in range(first, last + 1):
            value *= 1 + rng.gauss(0.03, 0.05)
            gap = year < first + 10 and rng.random() < 0.3
            row.append("" if gap else f"{value:.1f}")
        lines.append(code + "," + ",".join(row))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
