"""The prices options of ``export`` and ``publish``: ``--prices``, ``--deflator``, ``--base-year``.

One definition for both commands, checked by ``core.prices`` against the package: a bad word or
a base year without an index value is a one-line ``PriceError`` (a ``UserError``: exit code 2).
"""

from __future__ import annotations

import argparse

from dashboard.core import prices
from dashboard.text.i18n import DEFAULT_LANG, LANGUAGES


def add_price_options(p: argparse.ArgumentParser, base_year: bool = False) -> None:
    """``--prices`` and ``--deflator``; ``--base-year`` too where the command has none."""
    p.add_argument("--prices", default="current", help="current (default) or constant US "
                   "dollars; constant: of --base-year (default: the deflator's latest full year)")
    p.add_argument("--deflator", default=prices.DEFAULT_DEFLATOR,
                   help=f"the price index of --prices constant: {' or '.join(prices.DEFLATORS)} "
                   f"(default {prices.DEFAULT_DEFLATOR})")
    if base_year:
        p.add_argument("--base-year", type=int, help="the base year of constant dollars "
                       "(default: the deflator's latest full year)")


def price_fields(args: argparse.Namespace, tables) -> dict:
    """``charts.Options`` fields from the options, checked against the package."""
    lang = getattr(args, "lang", DEFAULT_LANG)
    lang = lang if lang in LANGUAGES else DEFAULT_LANG

    def checked(option: str, check):
        try:
            return check()
        except prices.PriceError as exc:  # the message repeats the value, bounded
            raise prices.PriceError(f"{option}: {exc}") from None

    mode = checked("--prices", lambda: prices.check_prices(args.prices, lang))
    deflator = checked("--deflator", lambda: prices.check_deflator(args.deflator, lang))
    if mode == "current":
        return dict(prices=mode, deflator=deflator)
    year = getattr(args, "base_year", None)
    p = checked("--base-year" if year is not None else "--deflator",
                lambda: prices.pricing(tables, deflator, year, lang))
    return dict(prices=mode, base_year=p.base_year, deflator=deflator)
