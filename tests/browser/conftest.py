"""Browser tests: the app (or the published bundle) in Debian's headless Chromium.

The launch settings live here and nowhere else. One Chromium per test process (Playwright's sync
API allows one per thread); one Streamlit server per data package for the whole run, shared by
every pytest-xdist worker (the first to need it starts it; the main process stops it).
"""

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from browsing import free_port
from helpers import FIXTURE, ROOT, once_per_run

from dashboard.data.loader import DATA_DIR

# The one name for the browser, as for static export: BROWSER_PATH, else Chromium on PATH.
BROWSER_PATH = os.environ.get("BROWSER_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
HERE = Path(__file__).resolve().parent


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for every browser test of this process."""
    if not Path(BROWSER_PATH).exists():
        pytest.skip(f"Debian's chromium is not installed at {BROWSER_PATH} (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=BROWSER_PATH, headless=True, args=LAUNCH_ARGS)
        yield b
        b.close()


def start_streamlit(folder: Path, data_dir: Path) -> str:
    """`streamlit run` on a free port with the given data package, its own home and process
    group (recorded in ``folder/process.pid``: the main pytest process stops it at the end)."""
    home = folder / "home"
    port = free_port()
    env = dict(os.environ, XDG_CONFIG_HOME=str(home / "config"),
               XDG_CACHE_HOME=str(home / "cache"), HOME=str(home), DASHBOARD_DATA=str(data_dir))
    log = folder / "streamlit.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"),
             "--server.port", str(port), "--server.address", "127.0.0.1",
             "--server.headless", "true"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    (folder / "process.pid").write_text(str(proc.pid))
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read() == b"ok":
                    return url
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            pytest.fail("streamlit did not become healthy:\n"
                        + log.read_text(encoding="utf-8", errors="replace"))
        time.sleep(0.2)


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """The app on the synthetic fixture package: behaviour tests never pin published figures."""
    return once_per_run(tmp_path_factory, "server-fixture",
                        lambda folder: start_streamlit(folder, FIXTURE))


@pytest.fixture(scope="session")
def published_server(tmp_path_factory):
    """The app on the bundled data, for rendering checks, the screenshots we look at and the
    Import page (which reads no package figure)."""
    return once_per_run(tmp_path_factory, "server-published",
                        lambda folder: start_streamlit(folder, DATA_DIR))
