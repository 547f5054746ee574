"""A data package's errors as catalogue keys with parameters (issue 24).

Each ``DataError`` of the loader carries its message twice: ``str()`` in English (the command
line without ``--lang``, logs, tests) and ``reason``, the same message as a key of
``error.data.*`` with its parameters, which a page or ``--lang`` renders in the reader's
language (``text.reasons.render``). Where the problem is (file, line, column) is a reason of
its own; file names, column names and the package's own values are shown as written.
"""

from __future__ import annotations

from pathlib import Path

from dashboard.errors import DataError, Reason
from dashboard.text.reasons import english


def at(path: Path | str, line: int | None = None, column: str | None = None) -> Reason | str:
    """'file, line N, column 'x'': where a problem is (a file alone: its name)."""
    name = Path(path).name if isinstance(path, Path) else str(path)
    if line is None:
        return name
    if column is None:
        return Reason("error.data.at.line", {"file": name, "line": line})
    return Reason("error.data.at.cell", {"file": name, "line": line, "column": str(column)})


def data_error(key: str, where: Reason | str, /, **params: object) -> DataError:
    """A ``DataError`` for ``error.data.<key>`` at ``where`` (a reason, or a folder as text)."""
    message, reason = english(f"error.data.{key}", where=where, **params)
    return DataError(message, reason=reason)


def expected(key: str, **params: object) -> Reason:
    """What a cell should hold ('a whole number', 'one of a, b'), for ``bad_cell``."""
    return Reason(f"error.data.expected.{key}", params)


def got(value: object, shown: str | None) -> Reason | str:
    """What a cell holds as a message shows it; an empty cell in words."""
    return Reason("error.data.empty_cell") if shown is None else shown
