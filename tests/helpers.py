"""Plain helpers every test folder may import (`pythonpath = ["tests"]` in pyproject.toml):
paths, Plotly's binary arrays, and the AppTest page driver. Fixtures live in conftest.py."""

import base64
import contextlib
import fcntl
import json
import os
import shutil
import signal
import time
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "package"
IMPORT_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
# The live dashboard the published bundle links to (tests/conftest.py's `bundle`).
PUBLISH_BASE_URL = "https://dash.example.org/app"


def _static_export_available() -> bool:
    from dashboard.export import render

    return render.static_available()[0]


# A test that draws in Chromium through kaleido (static export): skipped without a Chromium,
# left out of `make test-fast` (marker `render`). `pytest.param(..., marks=CHROMIUM_RENDER)`.
CHROMIUM_RENDER = [pytest.mark.render,
                   pytest.mark.skipif(not _static_export_available(),
                                      reason="no Chromium for static export")]


def needs_chromium(test):
    for mark in CHROMIUM_RENDER:
        test = mark(test)
    return test


def decode(array):
    """Plotly 7 writes numeric arrays as {'dtype', 'bdata'}: turn them back into lists."""
    if isinstance(array, dict) and "bdata" in array:
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array) if array is not None else []


# --- the pages through streamlit.testing (no browser) ----------------------------------------

PAGES = {
    "overview": ("views/overview.py", 0),
    "growth": ("views/growth.py", 4),
    "mirror": ("views/mirror.py", 1),
    "world": ("views/world.py", 4),
    "structure": ("views/structure.py", 5),
    "corridor": ("views/corridor.py", 3),
    "doubling": ("views/doubling.py", 1),
    "sources": ("views/sources.py", 0),
    "import": ("views/import_data.py", 0),
}


def open_page(page, query=None, timeout=60):
    """A fresh AppTest session on one page (a name of ``PAGES`` or a file under
    ``dashboard/``, e.g. ``views/check.py``; with the environment's data package), in one run:
    before its first run AppTest finds a page by its file name, so the page is asked for
    straight away; only a page registered under another address (the import page's
    ``/import``) costs a second run, the usual way (overview first, then switch)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=timeout)
    if query:
        at.query_params.update(query)
    path = PAGES[page][0] if page in PAGES else page
    at.switch_page(path)
    at.run()
    if page_that_ran(at) not in (None, ROOT / "dashboard" / path):
        at.switch_page(path)
        at.run()
    assert page_that_ran(at) in (None, ROOT / "dashboard" / path), (page, page_that_ran(at))
    assert not at.exception, [e.value for e in at.exception]
    return at


def page_that_ran(at):
    """The file of the page the last run showed, from AppTest's own record of the pages
    st.navigation registered (None when the app stopped before registering any: an error
    in the environment or the data is shown without navigation)."""
    info = at._registered_pages.get(at._finished_page_script_hash)
    return Path(info["script_path"]).resolve() if info and info.get("script_path") else None


def figures(at):
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def traces(fig, name):
    return [t for t in fig["data"] if t.get("name") == name]


# An upload with one good row, one script in a note and one bad value.
UPLOAD = (b"year,reporter,partner,flow,value_usd,note\n"
          b"2020,CHN,KAZ,total,21430000000,<script>alert(1)</script>\n"
          b"2014,CHN,KAZ,total,22450000000,\n"
          b"2015,CHN,KAZ,total,n/a,\n")


# --- one per run, whatever the number of pytest-xdist workers --------------------------------

def run_folder(tmp_path_factory) -> Path:
    """The temporary folder of the whole run: each xdist worker's own is a subfolder of it."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def once_per_run(tmp_path_factory, name: str, make):
    """``make(folder)`` once per pytest run (the first worker to ask makes it, the others wait
    for it and reuse it); returns what it returned (JSON-serialisable)."""
    folder = run_folder(tmp_path_factory) / name
    with open(folder.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = folder / "done.json"
        if done.exists():
            return json.loads(done.read_text(encoding="utf-8"))
        shutil.rmtree(folder, ignore_errors=True)  # a failed attempt: start again
        folder.mkdir()
        result = make(folder)
        done.write_text(json.dumps(result), encoding="utf-8")
        return result


def _alive(pid: int) -> bool:
    with contextlib.suppress(ChildProcessError):  # our own child (a run without workers)
        if os.waitpid(pid, os.WNOHANG)[0]:
            return False
    try:  # a zombie nobody has reaped yet is gone too
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def live(pids) -> list[int]:
    """The processes of ``pids`` still running (a zombie waiting to be reaped is gone)."""
    return [pid for pid in pids if _alive(pid)]


def stop_recorded(folder: Path) -> None:
    """Stop every process group recorded as ``*/process.pid`` under ``folder`` (the servers
    shared by a run's workers: the main pytest process stops them once all workers are done)."""
    for pidfile in folder.glob("*/process.pid"):
        pid = int(pidfile.read_text())
        pidfile.unlink()
        try:
            os.killpg(pid, signal.SIGTERM)
        except ProcessLookupError:
            continue
        deadline = time.monotonic() + 10
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGKILL)
