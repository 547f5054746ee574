"""Memory given back after readers leave.

A served process keeps each closed session for Streamlit's reconnection window
(``server.disconnectedSessionTTL``), then drops it. Python frees the objects, but cycles wait
for a full collection (the per-run one is off: it walked every idle session on every run, see
``.streamlit/config.toml``) and the C allocator keeps freed pages. A janitor thread collects
and returns free pages to the system every ``interval_s`` seconds, so a worker's memory goes
back down within the reconnection window plus one interval.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import threading

from dashboard import environment

INTERVAL_ENV = environment.DASHBOARD_GC_INTERVAL  # seconds (default 30; 0: none)
DEFAULT_INTERVAL_S = 30.0


def _malloc_trim():
    """glibc's ``malloc_trim``, or None where the C library has none (musl, macOS)."""
    name = ctypes.util.find_library("c")
    try:
        return getattr(ctypes.CDLL(name), "malloc_trim", None) if name else None
    except OSError:
        return None


_TRIM = _malloc_trim()


def give_back() -> None:
    """Collect unreachable cycles, then hand the allocator's free pages back to the system."""
    gc.collect()
    if _TRIM is not None:
        _TRIM(0)


def interval_s() -> float:
    """The janitor's interval from ``DASHBOARD_GC_INTERVAL`` (0: none); a value outside 0 or
    1 to 3600 seconds (``inf``, ``nan``, ``1e-9``) is ``environment.EnvironmentProblem``."""
    value = environment.value(INTERVAL_ENV)
    return DEFAULT_INTERVAL_S if value is None else float(value)  # type: ignore[arg-type]


def start_janitor(every_s: float | None = None) -> threading.Thread | None:
    """A daemon thread calling ``give_back`` every ``every_s`` seconds (None: none wanted)."""
    every = interval_s() if every_s is None else every_s
    if every <= 0:
        return None
    stop = threading.Event()

    def run() -> None:
        while not stop.wait(every):
            give_back()

    thread = threading.Thread(target=run, name="dashboard-memory-janitor", daemon=True)
    thread.stop = stop  # type: ignore[attr-defined]  (tests stop it)
    thread.start()
    return thread
