"""Command line: ``python -m dashboard export`` or ``publish`` writes charts without the app;
``check`` checks the trade figures a sentence states (``dashboard.claims``).

Every failure is one ``error: ...`` line and exit code 2 (the README's promise): bad options, a
dead browser, a closed pipe (``| head -1``), Ctrl-C: no traceback, no half-written file.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
from dataclasses import replace
from pathlib import Path

from dashboard import charts, environment
from dashboard.charts.target import default_projection
from dashboard.claims import command as check
from dashboard.core import projection_settings as settings
from dashboard.data.loader import load_package, series
from dashboard.errors import Reason, UserError
from dashboard.export import render as export
from dashboard.export.options import add_price_options, note, price_fields, unused
from dashboard.publish import bundle as publish
from dashboard.text.i18n import DEFAULT_LANG, LANGUAGES, tr
from dashboard.text.plain import bounded, one_line, quoted
from dashboard.text.reasons import error, render

MESSAGE_LIMIT = 600  # characters of one error line


class CliError(UserError):
    """A one-line message for stderr and a non-zero exit (from ``error``: in ``--lang``)."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a bad command line is one ``error:`` line (not usage text) and exit 2."""

    def error(self, message: str):
        raise CliError(f"{message} (see --help)")


# Options whose value may be negative: argparse takes '-inf' or '-1e-3' for an option name.
_VALUE_OPTIONS = ("--base-year", "--growth", "--multiple", "--target", "--deadline")


def _number_like(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _attach_negative_values(argv: list[str]) -> list[str]:
    """Rewrite ``--growth -inf`` as ``--growth=-inf`` so the value is read as a value."""
    out: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        names = [o for o in _VALUE_OPTIONS if len(arg) > 2 and o.startswith(arg)]
        nxt = argv[i + 1] if i + 1 < len(argv) else None
        if len(names) == 1 and nxt is not None and nxt.startswith("-") and _number_like(nxt):
            out.append(f"{arg}={nxt}")
            i += 2
            continue
        out.append(arg)
        i += 1
    return out


def _directory(raw: str) -> Path:
    if not raw.strip():
        raise argparse.ArgumentTypeError("expected a directory, got an empty name")
    return Path(raw)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m dashboard",
                description="China–Kazakhstan trade dashboard tools.")
    sub = p.add_subparsers(dest="command", required=True)
    e = sub.add_parser("export", help="write charts to files",
                       description="Write every requested chart in every requested format.")
    e.add_argument("--out", type=_directory, help="directory to write into (created if missing)")
    e.add_argument("--formats", default=",".join(export.FORMATS),
                   help=f"comma-separated, from {','.join(export.FORMATS)} (default: all)")
    e.add_argument("--charts", nargs="+", metavar="NAME", help="chart names (default: all)")
    e.add_argument("--list", action="store_true", help="print the chart names and exit")
    e.add_argument("--data", type=_directory, help="data package directory (default: bundled data)")
    e.add_argument("--base-year", type=int, help="projection base year (default 2023)")
    e.add_argument("--growth", type=float, help="projection growth, a fraction (0.069 = 6.9%%)")
    e.add_argument("--multiple", type=float, help="target as a multiple of the base year")
    e.add_argument("--target", type=float, help="target as an amount in US$ bn (overrides "
                   "--multiple)")
    e.add_argument("--deadline", type=int, help="deadline year for the required-growth answer")
    e.add_argument("--log", action="store_true", help="logarithmic value axes")
    add_price_options(e)
    e.add_argument("--lang", choices=list(LANGUAGES), default=DEFAULT_LANG,
                   help=tr(DEFAULT_LANG, "cli.opt.lang", languages="|".join(LANGUAGES),
                           default=DEFAULT_LANG))
    publish.add_parser(sub)
    check.add_parser(sub)
    return p


def _formats(raw: str) -> list[str]:
    fmts = [f.strip().lower() for f in raw.split(",") if f.strip()]
    bad = [f for f in fmts if f not in export.FORMATS]
    if bad or not fmts:
        raise error(CliError, "cli.error.formats", names=", ".join(bad) or Reason("cli.error.none"),
                          choices=",".join(export.FORMATS))
    return list(dict.fromkeys(fmts))


def _options(args, tables) -> charts.Options:
    """Projection options, checked by the same rules as the page and its shared links."""
    history = series(tables["bilateral_trade"])
    years = sorted(int(y) for y in history["year"])
    s = default_projection(tables)
    lang = args.lang
    priced = price_fields(args, tables)  # first: --base-year is the prices' base year too

    def checked(option: str, raw, check):
        try:
            return check(raw)
        except settings.SettingError as exc:
            raise error(CliError, "cli.error.option", option=option, value=str(raw),
                              reason=str(exc)) from None

    if args.base_year is not None:
        who = "China's customs" if lang == DEFAULT_LANG else tr(lang, "who.chn")
        base = checked("--base-year", args.base_year,
                       lambda v: settings.check_base_year(v, years, who, lang))
        s = replace(s, base_year=base, deadline=max(s.deadline, base + 1))
    if args.growth is not None:
        s = replace(s, growth=checked("--growth", args.growth,
                                      lambda v: settings.check_growth(v, lang=lang)))
    if args.multiple is not None:
        s = replace(s, multiple=checked("--multiple", args.multiple,
                                        lambda v: settings.check_multiple(v, lang=lang)))
    if args.target is not None:
        s = replace(s, target_usd=checked("--target", args.target,
                                          lambda v: settings.check_target_bn(v, lang=lang)))
    if args.deadline is not None:
        s = replace(s, deadline=checked("--deadline", args.deadline,
                                        lambda v: settings.check_deadline(v, s.base_year,
                                                                          lang=lang)))
    return charts.Options(log=args.log, projection=replace(s, log=args.log), lang=lang, **priced)


def run_export(args) -> int:
    if args.list:
        for name in charts.CHART_NAMES:
            _say(name)
        return 0
    if args.out is None:
        raise error(CliError, "cli.error.out_required")
    fmts = _formats(args.formats)
    names = _chart_names(args.charts)
    static = [f for f in fmts if f in export.STATIC_FORMATS]
    if static:
        ok, why = export.static_available(args.lang)
        if not ok:
            raise CliError(why)
    tables = load_package(args.data)
    if not args.charts:  # all the charts this package can draw (logistics ones need its tables)
        names = list(charts.available(tables))
    options = _options(args, tables)
    note(unused(args, names))  # an option no chart asked for uses is an error, never ignored
    out: Path = args.out
    export.output_directory(out)
    specs = [charts.build(n, tables, options) for n in names]
    # Render everything first, write afterwards: an error leaves nothing half-done.
    files = [(out / export.filename(s, f), export.render(s, f)) for s in specs for f in fmts]
    for path, data in files:
        try:
            export.write_atomic(path, data)
        except OSError as exc:
            raise error(CliError, "cli.error.write", path=quoted(path, 200),
                              reason=exc.strerror) from None
        _say(tr(args.lang, "cli.wrote", path=one_line(path), count=len(data)))
    return 0


def _chart_names(given: list[str] | None) -> list[str]:
    """The requested charts, each once, in the order given; every chart when none is given."""
    if given is None:
        return list(charts.CHART_NAMES)
    names = list(dict.fromkeys(n.strip() for n in given if n.strip()))
    choices = ", ".join(charts.CHART_NAMES)
    if not names:
        raise error(CliError, "cli.error.no_chart", choices=choices)
    unknown = [n for n in names if n not in charts.CHART_NAMES]
    if unknown:
        shown = ", ".join(quoted(n, 40) for n in unknown[:5])
        raise error(CliError, "cli.error.charts", names=shown, choices=choices)
    return names


def _say(line: str) -> None:
    """Print a progress line; if the reader has gone (``| head -1``), carry on silently."""
    try:
        print(line, flush=True)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # later prints and the exit flush go nowhere
        os.close(devnull)


class _Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C."""


def _on_sigterm(signum, frame):
    raise _Terminated


def main(argv: list[str] | None = None) -> int:
    handlers = {}
    if threading.current_thread() is threading.main_thread():  # signals reach only main
        handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
        signal.signal(signal.SIGTERM, _on_sigterm)
    lang = DEFAULT_LANG  # until the command line is read; then its --lang, where it has one
    try:
        environment.check_all()
        args = _parser().parse_args(_attach_negative_values(
            list(sys.argv[1:] if argv is None else argv)))
        lang = publish.first_lang(getattr(args, "lang", DEFAULT_LANG))  # publish: a list
        if args.command == "export":
            return run_export(args)
        if args.command == "publish":
            return publish.run(args)
        if args.command == "check":
            return check.run(args, say=_say)
        return 1
    except UserError as exc:  # the one place the command line catches errors meant for a person
        _error(render(exc.reason, lang) if exc.reason else str(exc))
        return 2
    except KeyboardInterrupt as exc:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not interrupt cleanup
        export.shutdown(polite=False)
        _error(tr(lang, "cli.terminated" if isinstance(exc, _Terminated) else "cli.interrupted"))
        return 143 if isinstance(exc, _Terminated) else 130
    finally:
        export.shutdown()
        for signum, handler in handlers.items():
            signal.signal(signum, handler)


def _error(message: str) -> None:
    """One line on stderr; its 'error:' prefix stays English for scripts that look for it."""
    with contextlib.suppress(OSError):  # stderr closed too: the exit code still tells
        print(f"error: {bounded(message, MESSAGE_LIMIT)}", file=sys.stderr, flush=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
