"""`make serve`: two workers behind haproxy, sticky sessions, failover, clean stop.

Drives the real command in headless Chromium through the balancer: two sessions on two
workers each download a CSV and upload a file (both only work if every request reaches the
session's worker), then one worker is killed and haproxy's health check takes it out.
"""

import csv
import io
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest
from browsing import free_port
from helpers import ROOT

pytestmark = pytest.mark.e2e

RESTART_DELAY = 20  # long enough to see the dead worker DOWN (3 checks 2 s apart) and its
# sessions move first; it then needs two good checks and a Streamlit start to be UP again

if shutil.which("haproxy") is None:
    pytest.skip("Debian's haproxy is not installed (make test installs it)",
                allow_module_level=True)
if shutil.which("make") is None:
    pytest.skip("make is not installed", allow_module_level=True)


class Served:
    """The running `make serve`: its output lines, URL, worker pids and stats socket."""

    def __init__(self, proc: subprocess.Popen, port: int):
        self.proc, self.url, self.lines = proc, f"http://127.0.0.1:{port}", []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_line(self, needle: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            hit = next((x for x in self.lines if needle in x), None)
            if hit:
                return hit
            if self.proc.poll() is not None and not self.reader.is_alive():
                break
            time.sleep(0.1)
        pytest.fail(f"no {needle!r} from make serve:\n" + "\n".join(self.lines))

    def field(self, prefix: str, after: str) -> str:
        line = self.wait_line(prefix, 5)
        return line.split(after, 1)[1].split()[0].rstrip(",")

    def status(self) -> dict[str, str]:
        """Server name → UP/DOWN, from haproxy's stats socket."""
        sock = self.field("serve: haproxy pid", "stats socket ")
        with socket.socket(socket.AF_UNIX) as s:
            s.settimeout(5)
            s.connect(sock)
            s.sendall(b"show stat\n")
            data = b"".join(iter(lambda: s.recv(65536), b""))
        rows = csv.DictReader(io.StringIO(data.decode().lstrip("# ")))
        return {r["svname"]: r["status"] for r in rows
                if r["pxname"] == "streamlit" and r["svname"] != "BACKEND"}

    def wait_status(self, name: str, want: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while (got := self.status().get(name)) != want:
            assert time.monotonic() < deadline, f"{name} stayed {got}, expected {want}"
            time.sleep(0.2)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    env.update(XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"),
               HOME=str(home))
    proc = subprocess.Popen(
        ["make", "--no-print-directory", "serve", "WORKERS=2", f"PORT={port}",
         "ADDRESS=127.0.0.1", f"RESTART_DELAY={RESTART_DELAY}"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True)  # its own process group: Ctrl-C is a SIGINT to the group
    s = Served(proc, port)
    try:
        s.wait_line("serve: ready on", timeout=180)
        yield s
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)



def _open(browser, url: str, path: str = ""):
    """A fresh browser session on `path`; returns (context, page, worker from the cookie)."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = ctx.new_page()
    page.goto(f"{url}/{path}")
    page.wait_for_selector("h1", timeout=30_000)
    assert page.locator("[data-testid=stException]").count() == 0
    return ctx, page, _worker(ctx)


def _worker(ctx) -> str:
    return {c["name"]: c["value"] for c in ctx.cookies()}.get("SERVERID", "")


def _download_and_upload(page, url: str, tmp_path: Path, tag: str) -> None:
    page.goto(f"{url}/sources")
    page.wait_for_selector("h1", timeout=30_000)
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="sources.csv").click()
    d = info.value
    assert d.url.startswith(url + "/")  # served by the balancer, from the session's worker
    got = list(csv.DictReader(io.StringIO(Path(d.path()).read_text(encoding="utf-8"))))
    with (ROOT / "data" / "sources.csv").open(encoding="utf-8") as f:
        want = list(csv.DictReader(f))
    assert [r["source_id"] for r in got] == [r["source_id"] for r in want] and len(want) > 0

    f = tmp_path / f"upload-{tag}.csv"
    f.write_text("year,reporter,partner,flow,value_usd\n2020,CHN,KAZ,total,21430000000\n"
                 "2021,CHN,KAZ,oops,1\n", encoding="utf-8")
    page.goto(f"{url}/import")
    page.wait_for_selector("h1", timeout=30_000)
    page.locator("input[type=file]").set_input_files(str(f))
    page.get_by_text("Accepted rows: 1").wait_for(timeout=30_000)
    page.get_by_text("Rejected rows: 1").wait_for(timeout=10_000)


def test_sticky_sessions_failover_and_clean_stop(served, browser, tmp_path):
    for name in ("w1", "w2"):  # a loaded machine can show a transient 'UP 1/3' at first
        served.wait_status(name, "UP", timeout=60)
    pids = {name: int(served.field(f"serve: worker {name} pid", "pid "))
            for name in ("w1", "w2")}
    lb_pid = int(served.field("serve: haproxy pid", "pid "))

    # Fresh sessions until two sit on different workers (the balancer picks, not us).
    sessions = {}
    for _ in range(6):
        ctx, page, worker = _open(browser, served.url)
        assert worker in pids, f"no SERVERID cookie from haproxy: {ctx.cookies()}"
        if worker in sessions:
            ctx.close()
        else:
            sessions[worker] = (ctx, page)
        if len(sessions) == 2:
            break
    assert set(sessions) == {"w1", "w2"}

    for worker, (ctx, page) in sessions.items():
        _download_and_upload(page, served.url, tmp_path, worker)
        assert _worker(ctx) == worker  # every request stayed on the session's worker

    # Kill w1 outright: the health check takes it out, new sessions land on w2.
    os.kill(pids["w1"], signal.SIGKILL)
    served.wait_status("w1", "DOWN", timeout=20)
    for _ in range(2):
        ctx, page, worker = _open(browser, served.url, "growth")
        assert worker == "w2"
        ctx.close()
    ctx, page = sessions["w1"]  # the orphaned session's browser reloads: redispatched to w2
    page.goto(f"{served.url}/sources")
    page.wait_for_selector("h1", timeout=30_000)
    assert _worker(ctx) == "w2"
    for ctx, _ in sessions.values():
        ctx.close()

    # The launcher restarts the dead worker and haproxy takes it back.
    served.wait_line("serve: worker w1 restarted as pid", timeout=RESTART_DELAY + 20)
    served.wait_status("w1", "UP", timeout=60)
    new_pid = int(served.field("serve: worker w1 restarted", "pid "))

    # Ctrl-C (SIGINT to the process group) stops haproxy and every worker.
    os.killpg(served.proc.pid, signal.SIGINT)
    served.proc.wait(timeout=30)
    served.wait_line("serve: stopped", timeout=5)
    sock_dir = Path(served.field("serve: haproxy pid", "stats socket ")).parent
    assert not sock_dir.exists()
    for pid in (pids["w2"], new_pid, lb_pid):
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
