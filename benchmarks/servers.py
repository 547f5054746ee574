"""Servers for the benchmarks: one `streamlit run`, or `deploy/serve.py` (workers + haproxy).

All bind 127.0.0.1 on ports the OS says are free, with HOME and XDG dirs in a temp dir, and are
stopped by the caller (SIGTERM; the launcher stops its workers and haproxy itself).
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Server:
    """A running server: its URL and the pids of the Streamlit processes behind it."""

    proc: subprocess.Popen
    url: str
    pids: list[int] = field(default_factory=list)
    started_in: float = 0.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(tmp: Path, extra: dict[str, str] | None) -> dict[str, str]:
    return dict(os.environ, XDG_CONFIG_HOME=str(tmp / "c"), XDG_CACHE_HOME=str(tmp / "k"),
                HOME=str(tmp), **(extra or {}))


def _wait_healthy(proc: subprocess.Popen, url: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as r:
                if r.read() == b"ok":
                    return
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"server for {url} did not become healthy")
        time.sleep(0.02)


def start_app(app: str | Path, tmp: Path, env: dict[str, str] | None = None) -> Server:
    """`streamlit run app` (the project's .streamlit/config.toml applies: cwd is the root)."""
    port = free_port()
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(app),
                             "--server.port", str(port), "--server.address", "127.0.0.1"],
                            cwd=ROOT, env=_env(tmp, env), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    _wait_healthy(proc, url)
    return Server(proc, url, [proc.pid], time.perf_counter() - t0)


def start_balanced(tmp: Path, workers: int) -> Server:
    """`make serve`'s launcher: `workers` Streamlit processes behind haproxy."""
    port, log = free_port(), tmp / f"serve-{time.monotonic_ns()}.log"
    t0 = time.perf_counter()
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, str(ROOT / "deploy" / "serve.py"),
                                 "--workers", str(workers), "--port", str(port),
                                 "--address", "127.0.0.1", "--restart-delay", "0"],
                                cwd=ROOT, env=_env(tmp, None), stdout=out,
                                stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 180
    while "serve: ready" not in (text := log.read_text()):
        if proc.poll() is not None or time.monotonic() > deadline:
            stop(Server(proc, ""))
            raise RuntimeError(f"deploy/serve.py did not start:\n{text}")
        time.sleep(0.1)
    pids = [int(p) for p in re.findall(r"serve: worker w\d+ pid (\d+)", text)]
    return Server(proc, f"http://127.0.0.1:{port}", pids, time.perf_counter() - t0)


def stop(server: Server) -> None:
    if server.proc.poll() is None:
        server.proc.send_signal(signal.SIGTERM)
    try:
        server.proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.proc.kill()
        server.proc.wait()


def rss_mb(pid: int, field_name: str = "VmRSS") -> float:
    """Resident memory of a process (VmRSS now, or VmHWM for its peak), in MB."""
    text = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(rf"{field_name}:\s+(\d+)", text).group(1)) / 1024


def tree_pss_mb(pid: int) -> float:
    """Proportional memory (PSS, shared pages split) of a process and all its descendants:
    what a container's memory limit must hold. Processes that vanish meanwhile count 0."""
    children: dict[int, list[int]] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                ppid = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(d.name))
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            m = re.search(r"^Pss:\s+(\d+)", Path(f"/proc/{p}/smaps_rollup").read_text(), re.M)
            total += int(m.group(1)) if m else 0
        except OSError:
            pass
        stack += children.get(p, [])
    return total / 1024
