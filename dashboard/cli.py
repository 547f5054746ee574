"""Command line: ``python -m dashboard export --out DIR ...`` writes charts without the app."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path

from . import catalog, export
from .data import DataError, load_package, series
from .doubling import GROWTH_MAX, GROWTH_MIN, MULTIPLE_MAX, MULTIPLE_MIN, default_settings


class CliError(Exception):
    """A one-line message for stderr and a non-zero exit."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m dashboard",
                                description="China–Kazakhstan trade dashboard tools.")
    sub = p.add_subparsers(dest="command", required=True)
    e = sub.add_parser("export", help="write charts to files",
                       description="Write every requested chart in every requested format.")
    e.add_argument("--out", type=Path, help="directory to write into (created if missing)")
    e.add_argument("--formats", default=",".join(export.FORMATS),
                   help=f"comma-separated, from {','.join(export.FORMATS)} (default: all)")
    e.add_argument("--charts", nargs="+", metavar="NAME", help="chart names (default: all)")
    e.add_argument("--list", action="store_true", help="print the chart names and exit")
    e.add_argument("--data", type=Path, help="data package directory (default: bundled data)")
    e.add_argument("--base-year", type=int, help="projection base year (default 2023)")
    e.add_argument("--growth", type=float, help="projection growth, a fraction (0.069 = 6.9%%)")
    e.add_argument("--multiple", type=float, help="target as a multiple of the base year")
    e.add_argument("--target", type=float, help="target as an amount in US$ bn (overrides "
                   "--multiple)")
    e.add_argument("--deadline", type=int, help="deadline year for the required-growth answer")
    e.add_argument("--log", action="store_true", help="logarithmic value axes")
    return p


def _formats(raw: str) -> list[str]:
    fmts = [f.strip().lower() for f in raw.split(",") if f.strip()]
    bad = [f for f in fmts if f not in export.FORMATS]
    if bad or not fmts:
        raise CliError(f"unknown format(s) {', '.join(bad) or '(none)'}; "
                       f"choose from {','.join(export.FORMATS)}")
    return list(dict.fromkeys(fmts))


def _options(args, tables) -> catalog.Options:
    history = series(tables["bilateral_trade"])
    years = sorted(int(y) for y in history["year"])
    s = default_settings(history)
    if args.base_year is not None:
        if args.base_year not in years:
            raise CliError(f"--base-year {args.base_year} has no China-reported total; "
                           f"choose from {', '.join(map(str, years))}")
        s = replace(s, base_year=args.base_year, deadline=max(s.deadline, args.base_year + 1))
    if args.growth is not None:
        if not GROWTH_MIN <= args.growth <= GROWTH_MAX:  # also rejects NaN
            raise CliError(f"--growth {args.growth} is outside {GROWTH_MIN} to {GROWTH_MAX} "
                           "(a fraction: 0.069 means 6.9% a year)")
        s = replace(s, growth=args.growth)
    if args.multiple is not None:
        if not MULTIPLE_MIN <= args.multiple <= MULTIPLE_MAX:
            raise CliError(f"--multiple {args.multiple} is outside {MULTIPLE_MIN} to "
                           f"{MULTIPLE_MAX}")
        s = replace(s, multiple=args.multiple)
    if args.target is not None:
        if not 1 <= args.target <= 1000:
            raise CliError(f"--target {args.target} is outside 1 to 1000 (US$ bn)")
        s = replace(s, target_usd=args.target * 1e9)
    if args.deadline is not None:
        if not s.base_year < args.deadline <= s.base_year + 50:
            raise CliError(f"--deadline {args.deadline} must be after the base year "
                           f"{s.base_year} and at most {s.base_year + 50}")
        s = replace(s, deadline=args.deadline)
    s = replace(s, log=args.log)
    return catalog.Options(log=args.log, projection=s)


def run_export(args) -> int:
    if args.list:
        for name in catalog.CHART_NAMES:
            print(name)
        return 0
    if args.out is None:
        raise CliError("--out DIR is required (or use --list)")
    fmts = _formats(args.formats)
    names = args.charts or list(catalog.CHART_NAMES)
    unknown = [n for n in names if n not in catalog.CHART_NAMES]
    if unknown:
        raise CliError(f"unknown chart(s) {', '.join(unknown)}; "
                       f"choose from {', '.join(catalog.CHART_NAMES)} (see --list)")
    static = [f for f in fmts if f in export.STATIC_FORMATS]
    if static:
        ok, why = export.static_available()
        if not ok:
            raise CliError(why)
    tables = load_package(args.data)
    options = _options(args, tables)
    out: Path = args.out
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CliError(f"cannot create --out {out}: {exc.strerror}") from None
    if not os.access(out, os.W_OK):
        raise CliError(f"cannot write to --out {out}: permission denied")
    specs = [catalog.build(n, tables, options) for n in names]
    # Render everything first, write afterwards: an error leaves nothing half-done.
    files = [(out / export.filename(s, f), export.render(s, f)) for s in specs for f in fmts]
    for path, data in files:
        try:
            export.write_atomic(path, data)
        except OSError as exc:
            raise CliError(f"cannot write {path}: {exc.strerror}") from None
        print(f"wrote {path} ({len(data):,} bytes)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "export":
            return run_export(args)
    except (CliError, DataError, export.ExportUnavailable) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        export.shutdown()
    return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
