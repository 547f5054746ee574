import base64
import os
import shutil
from pathlib import Path

import numpy as np
import pytest

from dashboard.data.loader import DATA_DIR, load_package

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "package"


@pytest.fixture(scope="session")
def tables():
    """The synthetic fixture package: logic tests never depend on the published figures."""
    return load_package(FIXTURE)


@pytest.fixture(scope="session")
def published():
    """The bundled package, for the pinned-figures tests only (test_published_figures.py)."""
    return load_package(DATA_DIR)


@pytest.fixture
def data_copy(tmp_path):
    """A writable copy of the bundled package: tests corrupt the copy, never data/."""
    dest = tmp_path / "data"
    shutil.copytree(DATA_DIR, dest)
    return dest


@pytest.fixture
def fixture_copy(tmp_path):
    """A writable copy of the synthetic package."""
    dest = tmp_path / "fixture"
    shutil.copytree(FIXTURE, dest)
    return dest


def decode(array):
    """Plotly 7 writes numeric arrays as {'dtype', 'bdata'}: turn them back into lists."""
    if isinstance(array, dict) and "bdata" in array:
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array) if array is not None else []


CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for every browser test: Playwright's sync API allows one
    running instance per thread, so the test files share it instead of starting their own."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        yield b
        b.close()
