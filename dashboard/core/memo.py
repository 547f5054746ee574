"""Results computed once and shared: what depends only on the data and a reader's choices.

A page view of the bundled data asks for the same verdicts, tables and charts as every other
reader who made the same choices (pair, years, language, ...): computing them again for each
session is most of a page's cost. ``Memo`` keeps the latest results, bounded in number, keyed
by whatever identifies the inputs. Results are shared between threads and sessions, so they
must be treated as read-only (as the bundled tables already are).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

MAX_ENTRIES = 512  # about 60 MB at most with the bundled package's largest figures


class Memo:
    """A thread-safe, size-bounded map of results (least recently used dropped first)."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        if max_entries < 1:
            raise ValueError("max_entries must be at least 1")
        self.max_entries = max_entries
        self._lock = threading.Lock()
        self._results: OrderedDict[Hashable, Any] = OrderedDict()
        self.hits = self.misses = 0

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The stored result for ``key``, else ``compute()``'s, stored.

        Computing happens outside the lock: two sessions asking at once may both compute
        (the same result; one is kept), but no session ever waits on another's work.
        An exception is raised to the caller and nothing is stored.
        """
        with self._lock:
            if key in self._results:
                self._results.move_to_end(key)
                self.hits += 1
                return self._results[key]
            self.misses += 1
        result = compute()
        self.put(key, result)
        return result

    def put(self, key: Hashable, result: Any) -> None:
        """Store ``result`` for ``key`` (replacing what was there), within the bound."""
        with self._lock:
            self._results[key] = result
            self._results.move_to_end(key)
            while len(self._results) > self.max_entries:
                self._results.popitem(last=False)

    def __len__(self) -> int:
        return len(self._results)

    def clear(self) -> None:
        with self._lock:
            self._results.clear()


def call_key(fn: Callable, args: tuple, kwargs: dict) -> tuple:
    """A key for ``fn(*args, **kwargs)``: the function itself (module-level functions live as
    long as the process) and its hashable arguments; raises TypeError for unhashable ones."""
    key = (fn, args, tuple(sorted(kwargs.items())))
    hash(key)
    return key


def by_identity(store: Memo, inputs: tuple, key: Hashable, compute: Callable[[], Any]) -> Any:
    """``compute()`` for these input objects (tables), kept while they are the same objects.

    For functions of read-only tables: the bundled package's frames live as long as the
    process, an upload's merged frames as long as its session. The entry holds the inputs, so
    an id is never mistaken for another object's; a new object computes afresh.
    """
    full = (tuple(id(x) for x in inputs), key)
    held, result = store.get(full, lambda: (inputs, compute()))
    if len(held) != len(inputs) or any(a is not b for a, b in zip(held, inputs, strict=True)):
        result = compute()
        store.put(full, (inputs, result))
    return result
