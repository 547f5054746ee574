"""Command line: ``python -m dashboard export --out DIR ...`` writes charts without the app."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path

from . import charts, export, publish, settings
from .charts.target import default_projection
from .data import DataError, load_package, series
from .i18n import DEFAULT_LANG, LANGUAGES, tr


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
    e.add_argument("--lang", choices=list(LANGUAGES), default=DEFAULT_LANG,
                   help=tr(DEFAULT_LANG, "cli.opt.lang", languages="|".join(LANGUAGES),
                           default=DEFAULT_LANG))
    publish.add_parser(sub)
    return p


def _formats(raw: str) -> list[str]:
    fmts = [f.strip().lower() for f in raw.split(",") if f.strip()]
    bad = [f for f in fmts if f not in export.FORMATS]
    if bad or not fmts:
        raise CliError(f"unknown format(s) {', '.join(bad) or '(none)'}; "
                       f"choose from {','.join(export.FORMATS)}")
    return list(dict.fromkeys(fmts))


def _options(args, tables) -> charts.Options:
    """Projection options, checked by the same rules as the page and its shared links."""
    history = series(tables["bilateral_trade"])
    years = sorted(int(y) for y in history["year"])
    s = default_projection(tables)
    lang = args.lang

    def checked(option: str, raw, check):
        try:
            return check(raw)
        except settings.SettingError as exc:
            raise CliError(f"{option} {raw}: {exc}") from None

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
    s = replace(s, log=args.log)
    return charts.Options(log=args.log, projection=s, lang=lang)


def run_export(args) -> int:
    if args.list:
        for name in charts.CHART_NAMES:
            print(name)
        return 0
    if args.out is None:
        raise CliError("--out DIR is required (or use --list)")
    fmts = _formats(args.formats)
    names = args.charts or list(charts.CHART_NAMES)
    unknown = [n for n in names if n not in charts.CHART_NAMES]
    if unknown:
        raise CliError(f"unknown chart(s) {', '.join(unknown)}; "
                       f"choose from {', '.join(charts.CHART_NAMES)} (see --list)")
    static = [f for f in fmts if f in export.STATIC_FORMATS]
    if static:
        ok, why = export.static_available(args.lang)
        if not ok:
            raise CliError(why)
    tables = load_package(args.data)
    if not args.charts:  # all the charts this package can draw (logistics ones need its tables)
        names = list(charts.available(tables))
    options = _options(args, tables)
    out: Path = args.out
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CliError(f"cannot create --out {out}: {exc.strerror}") from None
    if not os.access(out, os.W_OK):
        raise CliError(f"cannot write to --out {out}: permission denied")
    specs = [charts.build(n, tables, options) for n in names]
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
        if args.command == "publish":
            return publish.run(args)
    except (CliError, DataError, export.ExportUnavailable) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        export.shutdown()
    return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
