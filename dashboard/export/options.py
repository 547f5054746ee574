"""The options of ``export`` and ``publish``: ``--prices``, ``--deflator``, ``--base-year``, and
which charts each option changes.

One definition for both commands, checked by ``core.prices`` against the package: a bad word or
a base year without an index value is a one-line ``PriceError`` (a ``UserError``: exit code 2).
An option is never silently ignored: ``--deflator`` (or ``publish``'s ``--base-year``) without
``--prices constant`` is refused, an option none of the charts asked for uses is refused, and
the charts an option does not change are named in a note on stderr (``unused``).
"""

from __future__ import annotations

import argparse
import contextlib
import sys

from dashboard.core import prices
from dashboard.errors import UserError
from dashboard.text.i18n import DEFAULT_LANG, LANGUAGES, join_items, tr
from dashboard.text.plain import bounded, quoted
from dashboard.text.reasons import error

# The charts an option changes (tests/export/test_options_used.py draws every chart with and
# without each option: the others are drawn the same either way). Every chart takes --lang.
USED_BY = {
    "prices": ("growth", "yoy-growth", "flows", "mirror", "doubling-target",
               "central-asia-history"),
    "log": ("growth", "doubling-target", "central-asia-history"),
    "projection": ("doubling-target",),
}
PROJECTION = ("growth", "multiple", "target", "deadline")


class OptionError(UserError):
    """An option that would change nothing the command writes (exit code 2)."""


def add_price_options(p: argparse.ArgumentParser, base_year: bool = False) -> None:
    """``--prices`` and ``--deflator``; ``--base-year`` too where the command has none."""
    p.add_argument("--prices", default="current", help="current (default) or constant US "
                   "dollars; constant: of --base-year (default: the deflator's latest full year)")
    p.add_argument("--deflator", help=f"the price index of --prices constant: "
                   f"{' or '.join(prices.DEFLATORS)} (default {prices.DEFAULT_DEFLATOR})")
    if base_year:
        p.add_argument("--base-year", type=int, help="the base year of constant dollars "
                       "(default: the deflator's latest full year); needs --prices constant")


def _lang(args: argparse.Namespace) -> str:
    lang = getattr(args, "lang", DEFAULT_LANG)
    return lang if lang in LANGUAGES else DEFAULT_LANG


def price_fields(args: argparse.Namespace, tables) -> dict:
    """``charts.Options`` fields from the options, checked against the package."""
    lang = _lang(args)

    def checked(option: str, check):
        try:
            return check()
        except prices.PriceError as exc:  # the message repeats the value, bounded
            raise prices.PriceError(f"{option}: {exc}") from None

    mode = checked("--prices", lambda: prices.check_prices(args.prices, lang))
    deflator = checked("--deflator", lambda: prices.check_deflator(
        prices.DEFAULT_DEFLATOR if args.deflator is None else args.deflator, lang))
    if mode == "current":
        prices_only = [("--deflator", args.deflator)]
        if not hasattr(args, "growth"):  # publish: its --base-year is the prices' only
            prices_only.append(("--base-year", getattr(args, "base_year", None)))
        for option, value in prices_only:
            if value is not None:
                raise error(OptionError, "cli.error.needs_constant", option=option,
                            value=quoted(value, 40))
        return dict(prices=mode, deflator=deflator)
    year = getattr(args, "base_year", None)
    p = checked("--base-year" if year is not None else "--deflator",
                lambda: prices.pricing(tables, deflator, year, lang))
    return dict(prices=mode, base_year=p.base_year, deflator=deflator)


def given(args: argparse.Namespace) -> dict[str, tuple[str, ...]]:
    """The options the command line set, each with what it changes ('--log': ('log',))."""
    constant = str(args.prices).strip().lower() == "constant"
    out: dict[str, tuple[str, ...]] = {}
    if constant:
        out["--prices constant"] = ("prices",)
    if getattr(args, "log", False):
        out["--log"] = ("log",)
    for name in PROJECTION:
        if getattr(args, name, None) is not None:
            out[f"--{name}"] = ("projection",)
    if getattr(args, "base_year", None) is not None:  # export: the projection's base year too
        out["--base-year"] = (("prices",) if constant else ()) + (
            ("projection",) if hasattr(args, "growth") else ())
    return out


def unused(args: argparse.Namespace, names: list[str] | tuple[str, ...]) -> list[str]:
    """Notes (in ``--lang``) naming the charts asked for that an option does not change (and a
    ``--multiple`` that ``--target`` overrides); an ``OptionError`` when an option changes none
    of them."""
    lang, notes = _lang(args), []
    if getattr(args, "target", None) is not None and getattr(args, "multiple", None) is not None:
        notes.append(tr(lang, "cli.note.target_wins", multiple=f"{args.multiple:g}",
                        target=f"{args.target:g}"))
    for option, kinds in given(args).items():
        users = [n for n in names if any(n in USED_BY[k] for k in kinds)]
        others = [n for n in names if n not in users]
        if not users:
            every = dict.fromkeys(n for k in kinds for n in USED_BY[k])
            raise error(OptionError, "cli.error.unused_option", option=option,
                        charts=join_items(lang, names), users=join_items(lang, every))
        if others:
            notes.append(tr(lang, "cli.note.unused_option", option=option,
                            charts=join_items(lang, others)))
    return notes


def note(lines: list[str]) -> None:
    """Each note on stderr as one line; its 'note:' prefix stays English, like 'error:'."""
    for line in lines:
        with contextlib.suppress(OSError):
            print(f"note: {bounded(line, 600)}", file=sys.stderr, flush=True)
