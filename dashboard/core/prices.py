"""Current or constant dollars: one US price index, a base year, and the conversion.

A value of year Y in constant US dollars of base year B is ``value × index(B) / index(Y)``.
A year without an index has no constant value (a gap, never filled or carried over). The
CPI-U means are computed from monthly values (``deflator`` table, N47), and one that averages
fewer than twelve months is ``partial``: it is never the default base year, and wherever it is
used the words say so. The page, its link and the command line check their choices here; a
link's ``deflator`` or ``base`` without ``prices=constant`` changes nothing shown, and says so.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from dashboard.core.projection_settings import link_value
from dashboard.errors import UserError
from dashboard.text.i18n import tr
from dashboard.text.plain import quoted

PRICES = ("current", "constant")
DEFLATORS = ("cpi-u", "gdp")
DEFAULT_DEFLATOR = "cpi-u"
FULL_YEAR = 12  # months in a full-year mean
VALUE_LIMIT = 40  # characters of a user's value repeated in a message


class PriceError(UserError, ValueError):
    """A prices choice that cannot be used (an unknown word, a base year without an index)."""


@dataclass(frozen=True)
class Deflator:
    """One price index: its values by year, the years whose value is a part-year mean."""

    key: str  # "cpi-u" or "gdp"
    index: Mapping[int, float]
    partial: Mapping[int, int]  # year -> months averaged, for part-year means only
    source_ids: tuple[str, ...]

    @property
    def years(self) -> list[int]:
        return sorted(self.index)

    @property
    def full_years(self) -> list[int]:
        return [y for y in self.years if y not in self.partial]

    def default_base(self) -> int:
        """The latest year whose index is a full-year value."""
        full = self.full_years
        if not full:
            raise PriceError(f"the {self.key} index has no full-year value")
        return full[-1]


@dataclass(frozen=True)
class Pricing:
    """A resolved constant-dollar choice: the index and the base year its values are in."""

    deflator: Deflator
    base_year: int

    @property
    def base_index(self) -> float:
        return self.deflator.index[self.base_year]

    def factor(self, year: int) -> float | None:
        """What a current-dollar value of ``year`` is multiplied by; None without an index."""
        idx = self.deflator.index.get(int(year))
        return None if idx is None else self.base_index / idx

    def constant(self, value: float | None, year: int) -> float | None:
        k = self.factor(year)
        if value is None or k is None or not math.isfinite(float(value)):
            return None
        return float(value) * k

    def partial_years(self, years: Sequence[int]) -> list[int]:
        """The years among ``years`` (and the base year) whose index is a part-year mean."""
        wanted = {int(y) for y in years} | {self.base_year}
        return sorted(y for y in self.deflator.partial if y in wanted)


def check_prices(raw: object, lang: str = "en") -> str:
    text = str(raw).strip().lower()
    if text not in PRICES:
        raise PriceError(tr(lang, "prices.bad_prices", value=quoted(str(raw), VALUE_LIMIT),
                            choices=", ".join(PRICES)))
    return text


def check_deflator(raw: object, lang: str = "en") -> str:
    text = str(raw).strip().lower()
    if text not in DEFLATORS:
        raise PriceError(tr(lang, "prices.bad_deflator",
                            value=quoted(str(raw), VALUE_LIMIT),
                            choices=", ".join(DEFLATORS)))
    return text


def has_deflator(tables: Mapping[str, pd.DataFrame]) -> bool:
    table = tables.get("deflator")
    return table is not None and not table.empty


def deflator(tables: Mapping[str, pd.DataFrame], key: str = DEFAULT_DEFLATOR,
             lang: str = "en") -> Deflator:
    """The index ``key`` of the package's ``deflator`` table."""
    key = check_deflator(key, lang)
    table = tables.get("deflator")
    rows = table[table["deflator"] == key] if table is not None else None
    if rows is None or rows.empty:
        raise PriceError(tr(lang, "prices.no_deflator", deflator=tr(lang, f"prices.name.{key}")))
    months = rows["months_averaged"]
    return Deflator(
        key=key,
        index={int(y): float(v) for y, v in zip(rows["year"], rows["index"], strict=True)},
        partial={int(y): int(m) for y, m in zip(rows["year"], months, strict=True)
                 if pd.notna(m) and int(m) < FULL_YEAR},
        source_ids=tuple(dict.fromkeys(str(s) for s in rows["source_id"])))


def check_year(raw: object, lang: str = "en") -> int:
    """A whole calendar year (an int, or text that is one); anything else a PriceError."""
    if isinstance(raw, bool):
        raw = str(raw)
    text = str(raw).strip()
    if isinstance(raw, int) or (text.isascii() and text.isdigit() and len(text) == 4):
        year = int(text)
        if 1000 <= year <= 9999:
            return year
    raise PriceError(tr(lang, "prices.not_a_year", value=quoted(str(raw), VALUE_LIMIT)))


def check_base_year(raw: object, d: Deflator, lang: str = "en") -> int:
    """A base year with an index value; a clear message naming the years that have one."""
    year = check_year(raw, lang)
    if year not in d.index:
        years = d.years
        raise PriceError(tr(lang, "prices.bad_base", value=quoted(str(raw), VALUE_LIMIT),
                            deflator=tr(lang, f"prices.name.{d.key}"),
                            first=str(years[0]) if years else "-",
                            last=str(years[-1]) if years else "-"))
    return year


def pricing(tables: Mapping[str, pd.DataFrame], deflator_key: str = DEFAULT_DEFLATOR,
            base_year: object = None, lang: str = "en") -> Pricing:
    """The constant-dollar choice checked against the package: the default base year is the
    latest full year of the chosen index."""
    d = deflator(tables, deflator_key, lang)
    base = d.default_base() if base_year is None else check_base_year(base_year, d, lang)
    return Pricing(d, base)


def deflate(frame: pd.DataFrame, p: Pricing, value: str = "value_usd") -> pd.DataFrame:
    """``frame`` with ``value`` in constant dollars, the current value in ``current_usd`` and
    the index used in ``deflator_index``; rows of a year without an index are dropped (gaps)."""
    years = frame["year"].astype(int)
    idx = years.map(lambda y: p.deflator.index.get(int(y)))
    keep = idx.notna()
    out = frame[keep].copy()
    out["current_usd"] = out[value].astype(float)
    out["deflator_index"] = idx[keep].astype(float)
    out[value] = out["current_usd"] * p.base_index / out["deflator_index"]
    return out


def real_change(p: Pricing, v0: float, y0: int, v1: float, y1: int) -> float | None:
    """The change from ``y0`` to ``y1`` in constant dollars (a fraction); None without both
    indexes."""
    c0, c1 = p.constant(v0, y0), p.constant(v1, y1)
    if c0 is None or c1 is None or c0 <= 0:
        return None
    return c1 / c0 - 1.0


PARAMS = ("prices", "base", "deflator")  # the link's parameters (``?prices=constant&...``)


@dataclass(frozen=True)
class Choice:
    """What a link (or the page's controls) chose: the three ``Options`` fields."""

    prices: str = "current"
    base_year: int | None = None
    deflator: str = DEFAULT_DEFLATOR

    def to_params(self) -> dict[str, str]:
        """The link's parameters for this choice; none for current dollars (the default)."""
        if self.prices == "current":
            return {}
        p = {"prices": self.prices, "deflator": self.deflator}
        if self.base_year is not None:
            p["base"] = str(self.base_year)
        return p


def parse_params(params: Mapping[str, str | list[str]], tables: Mapping[str, pd.DataFrame],
                 lang: str = "en", *, base: bool = True) -> tuple[Choice, list[str]]:
    """The prices a link asks for; anything unusable falls back with a notice (plain text in
    ``lang``, the user's value shortened), never an error. ``base=False``: the page reads
    ``base`` itself (the doubling page's base year is the prices' base year too)."""
    notices: list[str] = []

    def get(key: str) -> str | None:
        return link_value(params, key)

    def ignored(key: str, raw: str, why: str, fallback: str) -> None:
        notices.append(tr(lang, "setting.ignored", key=key, value=quoted(raw, VALUE_LIMIT),
                          why=why, fallback=fallback))

    choice, given = Choice(), get("deflator")
    if given is not None:
        try:
            choice = Choice(deflator=check_deflator(given, lang))
        except PriceError as exc:
            ignored("deflator", given, str(exc), DEFAULT_DEFLATOR)
            given = None

    def current() -> tuple[Choice, list[str]]:  # a deflator or base asked for is then unused
        for key, raw in (("deflator", given), ("base", get("base") if base else None)):
            if raw is not None:
                notices.append(tr(lang, "prices.needs_constant", key=key,
                                  value=quoted(raw, VALUE_LIMIT)))
        return choice, notices

    raw = get("prices")
    if raw is None:
        return current()
    try:
        mode = check_prices(raw, lang)
    except PriceError as exc:
        ignored("prices", raw, str(exc), "current")
        return current()
    if mode == "current":
        return current()
    try:
        d = deflator(tables, choice.deflator, lang)
    except PriceError as exc:
        ignored("prices", raw, str(exc), "current")
        return current()
    year = None
    raw = get("base") if base else None
    if raw is not None:
        try:
            year = check_base_year(raw, d, lang)
        except PriceError as exc:
            ignored("base", raw, str(exc), str(d.default_base()))
    return Choice("constant", year, choice.deflator), notices
