import fcntl
import os
import shutil
from pathlib import Path

import pytest
from helpers import FIXTURE, PUBLISH_BASE_URL, once_per_run, run_folder, stop_recorded

from dashboard.data import csvtable, loader
from dashboard.data.loader import DATA_DIR


def _group(config, item, name: str) -> None:
    """Send ``item`` to the worker that runs its xdist group (``--dist loadgroup``).

    pytest-xdist 3.8 marks a group by appending ``@name`` to ``item._nodeid``, which pytest 9.2
    no longer reads (a node's id is ``item._id``): its ``xdist_group`` marker does nothing there.
    This does what it means to, on either version."""
    item.add_marker(pytest.mark.xdist_group(name))
    if not getattr(config.option, "loadgroup", False) or "@" in item.nodeid:  # set on workers
        return
    try:
        from _pytest.nodeid import NodeId
    except ImportError:  # pytest < 9.2: pytest-xdist appends the group itself
        return
    item._id = NodeId.parse(f"{item.nodeid}@{name}")


# Module fixtures that take seconds to build (every chart in every language): the tests that
# use one run on one worker, so it is built once per run, not once per worker.
SHARED_FIXTURES = {"built"}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    # One worker builds the bundle (every chart drawn in Chromium) and runs the tests that read
    # it, then the serial tests, back to back: a serial test never waits for a bundle build.
    for item in items:
        shared = SHARED_FIXTURES.intersection(getattr(item, "fixturenames", ()))
        if "bundle" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.render)
            _group(config, item, "bundle-and-serial")
        elif _is_serial(item):
            _group(config, item, "bundle-and-serial")
        elif shared:
            _group(config, item, min(shared))


@pytest.fixture(scope="session")
def tables():
    """The synthetic fixture package: logic tests never depend on the published figures."""
    return loader.load_package(FIXTURE)


@pytest.fixture(scope="session")
def published():
    """The bundled package, for the pinned-figures tests only (data/test_published_figures.py)."""
    return loader.load_package(DATA_DIR)


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
def short_tmp():
    """A TMPDIR short enough for Chromium's socket path (pytest's tmp_path is not)."""
    import tempfile

    path = Path(tempfile.mkdtemp(prefix="t", dir="/tmp"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


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


# --- tests marked `serial` run alone, even under pytest-xdist ---------------------------------
# Every other test holds a shared lock of the run while it runs, a serial test the exclusive one
# (a turnstile keeps the shared holders from starving it). The serial tests share one xdist group
# with the bundle's tests, so they run back to back on one worker (the exclusive lock is kept from
# one to the next) and never wait for a bundle build on another worker.

_held = {"mode": None, "files": None}


def _is_serial(item) -> bool:
    return item is not None and item.get_closest_marker("serial") is not None


def _release() -> None:
    if _held["mode"] is not None:
        fcntl.flock(_held["files"][1], fcntl.LOCK_UN)
        _held["mode"] = None


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return
    want = fcntl.LOCK_EX if _is_serial(item) else fcntl.LOCK_SH
    if _held["mode"] == want:
        return
    _release()
    if _held["files"] is None:
        folder = run_folder(item.config._tmp_path_factory)
        _held["files"] = (open(folder / "serial.gate", "a"),  # noqa: SIM115 (kept open)
                          open(folder / "serial.lock", "a"))  # noqa: SIM115
    gate, lock = _held["files"]
    fcntl.flock(gate, fcntl.LOCK_EX)
    if want == fcntl.LOCK_SH:
        fcntl.flock(gate, fcntl.LOCK_UN)
    fcntl.flock(lock, want)
    if want == fcntl.LOCK_EX:
        fcntl.flock(gate, fcntl.LOCK_UN)
    _held["mode"] = want


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):
    if not (_is_serial(item) and _is_serial(nextitem)):
        _release()


# --- one validation per package content per worker ---------------------------------------------
# Many tests load the same unchanged package (the fixture, data/); validating it again gives the
# same tables. Loads are memoised by the bytes of every file in the folder (a test that edits a
# copy gets a new key) and each caller gets its own copies of the frames, so no test can change
# another's tables. Failures are never memoised: every broken package is loaded for real.
def _memoise_loads():
    import hashlib

    real = loader.load_package
    done: dict[tuple[str, str], dict] = {}

    def load_package(root=None):
        folder = loader.data_root(root)
        try:
            digest = hashlib.sha1()
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
        except OSError:
            return real(root)
        key = (str(folder.resolve()), digest.hexdigest())
        if key not in done:
            done[key] = real(root)
        return {name: table.copy() for name, table in done[key].items()}

    load_package.__doc__ = real.__doc__
    loader.load_package = load_package


def _memoise_table_reads():
    """The same for one table: a test that edits one file of a copy (a nasty cell, a broken
    row) gets a real read of that file and of the package's rules, and the memo's copies of
    the files it left alone (keyed by their bytes and schema, as above)."""
    import hashlib
    import json

    real = csvtable.read_table
    done: dict[str, tuple] = {}

    def read_table(root, resource, need_rows):
        try:
            path = csvtable.resource_file(root, resource["path"], resource["name"])
            body = path.read_bytes()
        except Exception:  # noqa: BLE001 - the real read names what is wrong
            return real(root, resource, need_rows)
        key = hashlib.sha1(json.dumps([path.name, resource, need_rows], sort_keys=True,
                                      default=str).encode() + b"\0" + body).hexdigest()
        if key not in done:
            done[key] = real(root, resource, need_rows)
        table, lines = done[key]
        return table.copy(), list(lines)

    read_table.__doc__ = real.__doc__
    csvtable.read_table = read_table


_memoise_loads()
_memoise_table_reads()


# --- one scan of the installed packages per worker ----------------------------------------------
# Every new AppTest scans each installed distribution's metadata for Streamlit "v2" component
# manifests (streamlit.components.v2.manifest_scanner): about 0.25 s of CPU, half of a page's
# run, the same answer every time (nothing is installed while tests run). A served app scans
# once at start; here once per worker.
def _memoise_component_scan():
    import functools

    from streamlit.components.v2 import manifest_scanner

    real = manifest_scanner.scan_component_manifests

    @functools.cache
    def scanned() -> tuple:
        return tuple(real())

    def scan_component_manifests(max_workers=None):
        return list(scanned())

    scan_component_manifests.__doc__ = real.__doc__
    manifest_scanner.scan_component_manifests = scan_component_manifests


_memoise_component_scan()
