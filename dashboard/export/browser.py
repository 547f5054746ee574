"""The export browser: the private headless Chromium that kaleido draws PNG, SVG and PDF in.

Kaleido's own global server has no time limit on the browser start (a ``BROWSER_PATH`` that
is not a working Chromium hangs the caller forever), keeps the browser's ~800 MB process tree
for the life of the process, and lets Chromium write crash-report files into the user's
``~/.config/chromium``. This wrapper starts the browser on first use within ``START_TIMEOUT``
seconds, gives it a throw-away directory for profile, config and cache (removed when the
browser stops), stops it after ``IDLE_SECONDS`` without work and starts it again on the next
export. Renders run concurrently on the browser's own event-loop thread. Kaleido reloads its
page (and parses plotly.js again) after every image; that took two thirds of an export's CPU
and saves nothing the next image needs, so a tab is reloaded only every ``RELOAD_EVERY``
images (``chromium.py``). The start has two
deadlines: the browser must answer within ``START_TIMEOUT`` (something that is not a
Chromium never does), then gets ``READY_TIMEOUT`` to load its pages (slow on a busy machine).
"""

from __future__ import annotations

import asyncio
import atexit
import concurrent.futures
import contextlib
import logging
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

from dashboard.errors import UserError
from dashboard.export.chromium import kaleido_class, private_chromium
from dashboard.export.proctree import descendants, kill_group
from dashboard.text.plain import bounded

START_TIMEOUT = 10.0  # seconds for the browser to answer at all (a fake one never does)
READY_TIMEOUT = 60.0  # further seconds for a browser that answered to load its pages
CALL_TIMEOUT = 120.0  # seconds for one call (a whole batch of images)
CLOSE_TIMEOUT = 4.0  # seconds for a polite close before the process group is killed
IDLE_SECONDS = 120.0  # stop the browser after this long without an export
RETRY_AFTER = 30.0  # seconds a failed start is remembered instead of retried
TABS = 2  # batches (the ZIP) render on both cores; single exports use one tab


class BrowserFailed(UserError, RuntimeError):
    """The browser could not start or did not answer; the message is one line."""


class ExportBrowser:
    """One browser per process, started on demand and stopped when idle or on shutdown()."""

    def __init__(self, idle_seconds: float = IDLE_SECONDS,
                 start_timeout: float = START_TIMEOUT) -> None:
        self.idle_seconds = idle_seconds
        self.start_timeout = start_timeout
        self._lock = threading.RLock()
        self._kaleido = self._loop = self._thread = self._home = self._path = None
        self._busy = 0
        self._last_used = 0.0
        self._timer: threading.Timer | None = None
        self._failed: tuple[str, float, str] | None = None
        atexit.register(self.shutdown)

    def call(self, path: str, method: str, *args, timeout: float = CALL_TIMEOUT, **kwargs):
        """Run ``Kaleido.<method>(*args, **kwargs)`` in the browser at ``path``."""
        with self._lock:
            self._start(path)
            self._busy += 1
            loop, k = self._loop, self._kaleido
        try:
            future = asyncio.run_coroutine_threadsafe(getattr(k, method)(*args, **kwargs), loop)
            try:
                return future.result(timeout)
            except concurrent.futures.TimeoutError:
                future.cancel()
                with self._lock:
                    self._teardown(polite=False)  # a wedged browser is not reused
                raise BrowserFailed(f"the browser did not finish within {timeout:.0f} s") from None
        finally:
            with self._lock:
                self._busy -= 1
                self._last_used = time.monotonic()
                self._arm_idle_timer()

    def running(self) -> bool:
        with self._lock:
            return self._kaleido is not None and self._alive()

    def process_ids(self) -> list[int]:
        """The browser's process tree (launcher and every Chromium process), for checks."""
        k = self._kaleido
        proc = getattr(k, "subprocess", None) if k is not None else None
        return descendants(proc.pid) if proc is not None and proc.poll() is None else []

    def shutdown(self, polite: bool = True) -> None:
        """Stop the browser and remove its directory; ``polite=False`` kills it at once."""
        with self._lock:
            self._teardown(polite=polite)

    def _alive(self) -> bool:
        proc = getattr(self._kaleido, "subprocess", None)
        return proc is not None and proc.poll() is None

    def _start(self, path: str) -> None:
        if self._kaleido is not None:
            if self._path == path and self._alive():
                return
            self._teardown(polite=False)  # crashed, or another browser was asked for
        if self._failed and self._failed[0] == path \
                and time.monotonic() - self._failed[1] < RETRY_AFTER:
            raise BrowserFailed(self._failed[2])
        import kaleido

        for name in ("choreographer", "kaleido"):  # their warnings are ours to report
            logging.getLogger(name).setLevel(logging.CRITICAL)
        home = Path(tempfile.mkdtemp(prefix="dashboard-browser-", dir=_short_tmp()))
        index = home / "index.html"  # kaleido's page, here rather than in another temp dir
        index.write_text(kaleido.PageGenerator(mathjax=False).generate_index(), encoding="utf-8")
        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, name="export-browser", daemon=True)
        thread.start()
        self._loop, self._thread, self._home, self._path = loop, thread, home, path

        async def open_browser() -> BaseException | None:
            try:
                k = kaleido_class()(n=TABS, timeout=60, page_generator=str(index), path=path,
                                     browser_cls=private_chromium(), home=str(home))
                self._kaleido = k  # set before open() so a start that times out can be killed
                await k.open()
            except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread
                return exc
            return None

        future = asyncio.run_coroutine_threadsafe(open_browser(), loop)
        error = self._await_start(future)
        if error is None:
            self._failed = None
            return
        self._teardown(polite=False)
        if not isinstance(error, Exception | concurrent.futures.CancelledError):
            raise error  # KeyboardInterrupt, SystemExit: the caller decides
        message = _start_failure(path, error, self.start_timeout)
        self._failed = (path, time.monotonic(), message)
        raise BrowserFailed(message)

    def _await_start(self, future) -> BaseException | None:
        """The start's error, if any; TimeoutError when the browser never answers at all."""
        deadline = time.monotonic() + self.start_timeout
        try:
            while not (future.done() or getattr(self._kaleido, "tabs", None)):  # no answer yet
                if time.monotonic() > deadline:
                    return TimeoutError()
                time.sleep(0.05)
            return future.result(READY_TIMEOUT)  # it answered: let it load its pages
        except concurrent.futures.TimeoutError:
            return _NotReady()
        except BaseException as exc:  # KeyboardInterrupt while waiting
            return exc

    def _teardown(self, polite: bool) -> None:
        k, loop, thread, home = self._kaleido, self._loop, self._thread, self._home
        self._kaleido = self._loop = self._thread = self._home = self._path = None
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if k is not None and loop is not None and polite and getattr(k, "subprocess", None):
            with contextlib.suppress(Exception):  # the kill below is the fallback
                asyncio.run_coroutine_threadsafe(k.close(), loop).result(CLOSE_TIMEOUT)
        proc = getattr(k, "subprocess", None) if k is not None else None
        if proc is not None:
            kill_group(proc)
            channel = getattr(k, "_channel", None)  # choreographer's pipe to the browser
            if channel is not None:
                channel.close()  # a killed browser says no goodbye: wake the pipe's reader
        if loop is not None:
            with contextlib.suppress(Exception):  # the loop is stopped regardless
                asyncio.run_coroutine_threadsafe(_cancel_tasks(), loop).result(2)
            loop.call_soon_threadsafe(loop.stop)
            if thread is not None:
                thread.join(2)
            if thread is None or not thread.is_alive():
                loop.close()
        if home is not None:
            shutil.rmtree(home, ignore_errors=True)

    def _arm_idle_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        if self._kaleido is None:
            return
        self._timer = threading.Timer(self.idle_seconds, self._stop_if_idle)
        self._timer.daemon = True
        self._timer.start()

    def _stop_if_idle(self) -> None:
        with self._lock:
            idle = time.monotonic() - self._last_used >= self.idle_seconds * 0.99
            if self._busy == 0 and idle and self._kaleido is not None:
                self._teardown(polite=True)


def _short_tmp() -> str:
    """The temp dir, unless too long for Chromium's socket path there (108 bytes): then /tmp."""
    base = tempfile.gettempdir()
    return base if len(base) <= 30 or not os.access("/tmp", os.W_OK) else "/tmp"


class _NotReady(Exception):
    """The browser answered but did not load its pages within READY_TIMEOUT."""


def _start_failure(path: str, exc: BaseException, timeout: float) -> str:
    hint = "is it a working Chromium?"
    if isinstance(exc, _NotReady):
        return (f"the browser at {path} started but did not load its pages within "
                f"{READY_TIMEOUT:g} s (the machine may be overloaded)")
    if isinstance(exc, concurrent.futures.TimeoutError | TimeoutError):
        return f"the browser at {path} did not start within {timeout:g} s ({hint})"
    if type(exc).__name__ == "BrowserFailedError":
        return f"the browser at {path} exited right after starting ({hint})"
    detail = bounded(exc.args[0] if exc.args else exc, 120)
    return f"the browser at {path} could not start ({type(exc).__name__}: {detail}; {hint})"


async def _cancel_tasks() -> None:
    tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    for task in tasks:
        task.cancel()
    if tasks:
        await asyncio.wait(tasks, timeout=1)
