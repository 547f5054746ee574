import fcntl
import os
import shutil
from pathlib import Path

import pytest
from helpers import FIXTURE, PUBLISH_BASE_URL, once_per_run, run_folder, stop_recorded

from dashboard.data.loader import DATA_DIR, load_package


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    for item in items:  # the bundle draws every chart in Chromium; one worker builds it and
        if "bundle" in getattr(item, "fixturenames", ()):  # runs its tests, the others go on
            item.add_marker(pytest.mark.render)
            item.add_marker(pytest.mark.xdist_group("bundle"))


@pytest.fixture(scope="session")
def tables():
    """The synthetic fixture package: logic tests never depend on the published figures."""
    return load_package(FIXTURE)


@pytest.fixture(scope="session")
def published():
    """The bundled package, for the pinned-figures tests only (data/test_published_figures.py)."""
    return load_package(DATA_DIR)


@pytest.fixture(scope="session")
def bundle(tmp_path_factory):
    """The published bundle of the synthetic package (every chart, every language), built once
    per run through the command line, in process, for the publish tests and the browser's."""
    from dashboard import cli
    from dashboard.export import render as export

    if not export.static_available()[0]:
        pytest.skip("no Chromium for static export")

    def build(folder):
        out = folder / "site"
        argv = ["publish", "--out", str(out), "--data", str(FIXTURE),
                "--base-url", PUBLISH_BASE_URL]
        assert cli.main(argv) == 0
        return str(out)

    return Path(once_per_run(tmp_path_factory, "bundle", build))


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


def pytest_unconfigure(config):
    """Servers shared by the whole run (tests/browser/conftest.py) outlive the xdist worker
    that started them: the main process stops them when every worker is done."""
    if hasattr(config, "workerinput"):
        return
    factory = getattr(config, "_tmp_path_factory", None)
    if factory is not None and getattr(factory, "_basetemp", None) is not None:
        stop_recorded(factory.getbasetemp())


@pytest.fixture(autouse=True)
def _serial_tests_run_alone(request, tmp_path_factory):
    """Tests marked ``serial`` (timing-sensitive) run alone, even under pytest-xdist: every
    other test holds a shared lock of the run while it runs, a serial test the exclusive one
    (a turnstile keeps the workers from starving it)."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        yield
        return
    serial = request.node.get_closest_marker("serial") is not None
    folder = run_folder(tmp_path_factory)
    with open(folder / "serial.gate", "a") as gate, open(folder / "serial.lock", "a") as lock:
        fcntl.flock(gate, fcntl.LOCK_EX)
        if not serial:
            fcntl.flock(gate, fcntl.LOCK_UN)
        fcntl.flock(lock, fcntl.LOCK_EX if serial else fcntl.LOCK_SH)
        if serial:
            fcntl.flock(gate, fcntl.LOCK_UN)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
