"""The one family of errors shown to a person: a file, an option or a link they can fix.

Everything a user can get wrong (a data package, an uploaded file, a command-line option, a
link parameter, a publish request) raises a ``UserError`` subclass with a message written for a
person, and the file, line and column where known. They are caught in exactly two places: once in
the command line (``cli.main``: one ``error: ...`` line, exit code 2) and once in the app
(``app.py``: a plain-text message in place of the page), so a new subclass is handled everywhere
the day it is written. Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, eq=True)
class Reason:
    """A message for a person as a catalogue key and its parameters, so each reader gets it in
    their own language (``dashboard.text.reasons.render``). A parameter is a number, a plain
    text (a user's value: already one line and bounded) or another ``Reason``."""

    key: str
    params: Mapping[str, object] = field(default_factory=dict)

    __hash__ = None  # type: ignore[assignment]  # params is a dict


class UserError(Exception):
    """A problem the person can fix, in words they can act on; ``str()`` is the message (in
    English, for the command line and logs) and ``reason``, where set, the same message as a
    catalogue key for a page to show in the reader's language."""

    def __init__(self, message: str = "", *, file: str | None = None, line: int | None = None,
                 column: str | int | None = None, reason: Reason | None = None):
        super().__init__(message)
        self.file, self.line, self.column = file, line, column
        self.reason = reason

    def where(self) -> str:
        """``file, line N, column C`` as far as known (empty when nothing is)."""
        parts = [self.file or ""]
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.column is not None:
            parts.append(f"column {self.column}")
        return ", ".join(p for p in parts if p)


class DataError(UserError):
    """A data file or descriptor does not match what the dashboard needs
    (public as ``dashboard.data.DataError``)."""
