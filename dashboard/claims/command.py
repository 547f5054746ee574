"""``python -m dashboard check "TEXT"`` (or ``--file PATH``, or standard input).

Prints each claim found with its verdict and why, in ``--lang``; ``--json`` prints a list with
one object per claim (the keys of ``Checked.as_json``). Every failure is a ``UserError``, shown
by ``cli.main`` as one ``error:`` line.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from dashboard.claims.check import MAX_CHARS, check_text
from dashboard.claims.explain import period_label
from dashboard.data.loader import load_package
from dashboard.errors import UserError
from dashboard.text.i18n import DEFAULT_LANG, LANGUAGES, tr
from dashboard.text.plain import bounded
from dashboard.text.reasons import error


class CheckError(UserError):
    """A text that cannot be read or a bad option of ``check`` (shown in its ``--lang``)."""


def _date(raw: str) -> date:
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise error(CheckError, "check.error.as_of", value=repr(raw)) from None


def add_parser(sub) -> None:
    c = sub.add_parser("check", help="check the trade figures a sentence states",
                       description="Find the China–Kazakhstan trade figures a text states and "
                                   "compare each with both countries' statistics.")
    c.add_argument("text", nargs="?", help="the text (default: --file, else standard input)")
    c.add_argument("--file", type=Path, help="read the text from this file (UTF-8)")
    c.add_argument("--json", action="store_true", help="print a JSON list, one object a claim")
    c.add_argument("--lang", choices=list(LANGUAGES), default=DEFAULT_LANG,
                   help="language of the explanations")
    c.add_argument("--as-of", default=None, help="the date 'last year' counts from "
                   "(YYYY-MM-DD, default today)")
    c.add_argument("--data", type=Path, help="data package directory (default: bundled data)")


def _read(args) -> str:
    if args.text is not None and args.file is not None:
        raise error(CheckError, "check.error.both")
    if args.text is not None:
        return args.text
    if args.file is not None:
        try:
            raw = args.file.read_bytes()[: MAX_CHARS * 4 + 4]
        except OSError as exc:
            raise error(CheckError, "check.error.file", path=str(args.file),
                                reason=exc.strerror) from None
        return raw.decode("utf-8", errors="replace")
    if sys.stdin is None or sys.stdin.isatty():
        raise error(CheckError, "check.error.no_text")
    return sys.stdin.read(MAX_CHARS + 1)


def run(args, say=print) -> int:
    as_of = _date(args.as_of) if args.as_of else None
    text = _read(args)
    report = check_text(load_package(args.data), text, as_of=as_of, lang=args.lang)
    if args.json:
        say(json.dumps([c.as_json() for c in report.claims], ensure_ascii=False, indent=1))
        return 0
    lang = args.lang
    if report.truncated:
        say(tr(lang, "check.truncated", limit=f"{MAX_CHARS:,}"))
    if report.more:
        say(tr(lang, "check.more", count=report.more))
    if not report.claims:
        say(tr(lang, "check.none"))
        return 0
    for c in report.claims:
        claim = c.claim
        say(f"{tr(lang, f'claims.verdict.{c.verdict}')}: {bounded(claim.figure, 80)} "
            f"({period_label(claim.period, lang) or tr(lang, 'check.no_period')})")
        say(f"  {bounded(claim.text, 200)}")
        say(f"  {c.explanation}")
    return 0
