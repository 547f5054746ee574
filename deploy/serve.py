"""`make serve`: several Streamlit workers behind haproxy, with sticky sessions.

Streamlit keeps each session (widgets, uploads, download links, media) in the memory of the
process that opened it, so a balancer must send every request of a browser to that process: an
haproxy cookie does that, including for the websocket and its reconnects. This launcher only
starts and stops processes (stdlib only); the balancing, health checks and failover are
haproxy's. Everything it writes (the haproxy config and stats socket) lives in a temporary
directory removed on exit; the cookie secret shared by the workers is generated at each start
and passed through the environment, never written to disk.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dashboard" / "app.py"
HEALTH = "/_stcore/health"


@dataclass
class Worker:
    """One Streamlit process on an internal port; `proc` is None while it is down."""

    name: str
    port: int
    proc: subprocess.Popen | None = None
    restart_at: float | None = None


def haproxy_config(workers: list[Worker], address: str, port: int, sock: Path,
                   stats_port: int = 0) -> str:
    """The whole haproxy configuration: sticky cookie, health checks, websocket timeouts."""
    servers = "\n".join(f"    server {w.name} 127.0.0.1:{w.port} cookie {w.name} check"
                        for w in workers)
    stats = (f"\nlisten stats\n    bind 127.0.0.1:{stats_port}\n    stats enable\n"
             "    stats uri /\n    stats refresh 5s\n") if stats_port else ""
    return f"""\
global
    maxconn 4096
    stats socket {sock} mode 600 level admin
    hard-stop-after 5s

defaults
    mode http
    option forwardfor
    # A request whose server is down (or refuses) goes to another server.
    option redispatch
    retries 2
    timeout connect 3s
    timeout client 60s
    timeout server 60s
    timeout http-request 10s
    timeout queue 30s
    # An overloaded worker answers its health check late (seconds, when its event loop waits
    # for the GIL): only a dead one (refused at once) or a hung one (~45 s) is taken out, so
    # a burst never marks every worker DOWN.
    timeout check 15s
    # Streamlit's websocket stays open for the whole visit.
    timeout tunnel 1h
    timeout client-fin 5s

frontend dashboard
    bind {address}:{port}
    default_backend streamlit

backend streamlit
    # New sessions go to the worker with the fewest open connections (websockets are long).
    balance leastconn
    # Sticky sessions: downloads, uploads, media and reconnects reach the session's worker.
    cookie SERVERID insert indirect nocache httponly attr SameSite=Lax
    option httpchk
    http-check send meth GET uri {HEALTH}
    http-check expect string ok
    default-server inter 2s fall 3 rise 2
{servers}
{stats}"""


def free_ports(n: int) -> list[int]:
    """n distinct ports the OS says are free on 127.0.0.1 (held open until all are chosen)."""
    socks = []
    try:
        for _ in range(n):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            socks.append(s)
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def _die_with_parent() -> None:
    """Linux: a worker gets SIGTERM if the launcher is killed outright (no orphans)."""
    with contextlib.suppress(OSError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def start_worker(w: Worker, secret: str, public_port: int) -> None:
    # Two malloc arenas: script threads otherwise spread freed memory over many (RSS
    # stayed higher after sessions left); the caller's own setting wins.
    env = {"MALLOC_ARENA_MAX": "2", **os.environ, "STREAMLIT_SERVER_COOKIE_SECRET": secret}
    w.proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(APP), "--server.port", str(w.port),
         "--server.address", "127.0.0.1", "--server.headless", "true",
         "--browser.serverPort", str(public_port), "--logger.hideWelcomeMessage", "true"],
        cwd=ROOT, env=env, preexec_fn=_die_with_parent)
    w.restart_at = None


def healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{HEALTH}", timeout=2) as r:
            return r.read() == b"ok"
    except OSError:
        return False


def wait_healthy(workers: list[Worker], timeout: float, stopping: list) -> bool:
    deadline = time.monotonic() + timeout
    pending = list(workers)
    while pending and not stopping and time.monotonic() < deadline:
        if any(w.proc is None or w.proc.poll() is not None for w in pending):
            return False
        pending = [w for w in pending if not healthy(w.port)]
        if pending:
            time.sleep(0.2)
    return not pending


def listening(address: str, port: int, timeout: float) -> bool:
    """True once something accepts connections on the public port (haproxy has bound it)."""
    host = "127.0.0.1" if address in ("0.0.0.0", "") else address.strip("[]")
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection((host, port), timeout=1).close()
            return True
        except OSError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.05)


def stop(procs: list[subprocess.Popen], grace: float = 10) -> None:
    """SIGTERM every process, then SIGKILL whatever is still alive after `grace` seconds."""
    for p in procs:
        if p.poll() is None:
            p.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + grace
    for p in procs:
        try:
            p.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                    help="Streamlit processes (default: number of cores)")
    ap.add_argument("--port", type=int, default=8501, help="public port (default 8501)")
    ap.add_argument("--address", default="0.0.0.0",
                    help="public address haproxy binds (default all interfaces)")
    ap.add_argument("--stats-port", type=int, default=0,
                    help="haproxy stats page on 127.0.0.1:PORT (default off)")
    ap.add_argument("--restart-delay", type=float, default=10,
                    help="seconds before a dead worker is restarted; 0 never restarts")
    args = ap.parse_args(argv)
    if args.workers < 1 or not 0 < args.port < 65536:
        ap.error("--workers must be at least 1 and --port between 1 and 65535")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    haproxy = shutil.which("haproxy")
    if haproxy is None:
        print("haproxy is missing: run 'sudo apt-get install -y haproxy' "
              "(make serve installs it when run as root).", file=sys.stderr)
        return 1
    if listening(args.address, args.port, timeout=0):
        print(f"serve: port {args.port} is already in use; choose another with PORT=...",
              file=sys.stderr)
        return 1
    stopping = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stopping.append(True))

    tmp = Path(tempfile.mkdtemp(prefix="dashboard-serve-"))
    secret = secrets.token_urlsafe(32)
    workers = [Worker(f"w{i + 1}", p) for i, p in enumerate(free_ports(args.workers))]
    sock = tmp / "haproxy.sock"
    cfg = tmp / "haproxy.cfg"
    cfg.write_text(haproxy_config(workers, args.address, args.port, sock, args.stats_port))
    lb: subprocess.Popen | None = None
    try:
        for w in workers:
            start_worker(w, secret, args.port)
        if not wait_healthy(workers, 120, stopping) or stopping:
            print("serve: a worker did not become healthy; stopping.", file=sys.stderr)
            return 0 if stopping else 1
        lb = subprocess.Popen([haproxy, "-db", "-f", str(cfg)], preexec_fn=_die_with_parent)
        if not listening(args.address, args.port, timeout=15) or lb.poll() is not None:
            print(f"serve: haproxy did not start on {args.address}:{args.port}.",
                  file=sys.stderr)
            return 1
        for w in workers:
            print(f"serve: worker {w.name} pid {w.proc.pid} on 127.0.0.1:{w.port}", flush=True)
        print(f"serve: haproxy pid {lb.pid}, stats socket {sock}", flush=True)
        print(f"serve: ready on http://{args.address}:{args.port} with {len(workers)} workers "
              "(Ctrl-C stops everything)", flush=True)
        while not stopping:
            if lb.poll() is not None:
                print(f"serve: haproxy exited with code {lb.returncode}; stopping.",
                      file=sys.stderr)
                return 1
            now = time.monotonic()
            for w in workers:
                if w.proc is not None and w.proc.poll() is not None:
                    print(f"serve: worker {w.name} (pid {w.proc.pid}) exited with code "
                          f"{w.proc.returncode}; haproxy routes around it.", file=sys.stderr,
                          flush=True)
                    w.proc = None
                    if args.restart_delay > 0:
                        w.restart_at = now + args.restart_delay
                elif w.proc is None and w.restart_at is not None and now >= w.restart_at:
                    start_worker(w, secret, args.port)
                    print(f"serve: worker {w.name} restarted as pid {w.proc.pid}", flush=True)
            time.sleep(0.25)
        return 0
    finally:
        stop([p for p in [lb, *(w.proc for w in workers)] if p is not None])
        shutil.rmtree(tmp, ignore_errors=True)
        print("serve: stopped", flush=True)


if __name__ == "__main__":
    sys.exit(main())
