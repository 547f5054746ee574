"""The memory janitor: collects cycles and returns free pages, on its own thread."""

import gc
import weakref

import pytest

from dashboard.ui import janitor as memory


class Node:
    def __init__(self):
        self.me = self  # a cycle: only a full collection frees it


def test_give_back_frees_unreachable_cycles():
    node = Node()
    ref = weakref.ref(node)
    del node
    gc.disable()
    try:
        assert ref() is not None
        memory.give_back()
        assert ref() is None
    finally:
        gc.enable()


@pytest.mark.parametrize(("raw", "expected"), [
    ("", 30.0), ("5", 5.0), ("0", 0.0), ("2.5", 2.5), ("  7 ", 7.0)])
def test_interval_comes_from_the_environment(
        monkeypatch, raw, expected):
    monkeypatch.setenv(memory.INTERVAL_ENV, raw)
    assert memory.interval_s() == expected
    # bad values ("-1", "nan", "inf", "1e-9", "soon") are refused: tests/test_hostile_env.py


def test_the_janitor_runs_on_its_own_thread_until_stopped(monkeypatch):
    calls = []
    monkeypatch.setattr(memory, "give_back", lambda: calls.append(1))
    thread = memory.start_janitor(0.01)
    try:
        for _ in range(200):
            if len(calls) >= 3:
                break
            thread.join(0.01)
        assert len(calls) >= 3 and thread.daemon
    finally:
        thread.stop.set()
        thread.join(1)
    assert not thread.is_alive()
    assert memory.start_janitor(0) is None
