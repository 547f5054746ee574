"""Compound-growth projections for the doubling target.

Growth rates are fractions (0.32 = 32 % a year); values are US dollars. Every
function rejects nonsense input (NaN, infinities, non-positive values where they
make no sense) with a ``ValueError`` naming the argument, because the page feeds
them from URL parameters and sliders and must turn bad input into a message.
"""

from __future__ import annotations

import math
from numbers import Real

import numpy as np
import pandas as pd


def _number(name: str, value, *, positive: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, Real):
        raise ValueError(f"{name} must be a number, got {value!r}")
    value = float(value)
    if math.isnan(value):
        raise ValueError(f"{name} must be a number, got NaN")
    if math.isinf(value):
        raise ValueError(f"{name} must be finite, got {value}")
    if positive and value <= 0:
        raise ValueError(f"{name} must be greater than zero, got {value:g}")
    return value


def _year(name: str, value) -> int:
    if isinstance(value, bool):
        raise ValueError(f"{name} must be a whole year, got {value!r}")
    if isinstance(value, Real) and not isinstance(value, int):
        v = float(value)
        if not math.isfinite(v) or v != int(v):
            raise ValueError(f"{name} must be a whole year, got {value!r}")
        value = int(v)
    if not isinstance(value, int | np.integer):
        raise ValueError(f"{name} must be a whole year, got {value!r}")
    return int(value)


def _growth(value) -> float:
    g = _number("growth", value)
    if g <= -1:
        raise ValueError(f"growth must be above -1 (a fall of 100 %), got {g:g}")
    return g


def project(base_value, base_year, growth, end_year) -> pd.DataFrame:
    """Path compounding once a year, one row per calendar year, base year included."""
    base_value = _number("base_value", base_value, positive=True)
    base_year = _year("base_year", base_year)
    end_year = _year("end_year", end_year)
    g = _growth(growth)
    if end_year < base_year:
        raise ValueError(f"end_year ({end_year}) must not be before base_year ({base_year})")
    steps = np.arange(end_year - base_year + 1)
    with np.errstate(over="ignore"):
        values = base_value * np.power(1.0 + g, steps)
    return pd.DataFrame({"year": steps + base_year, "value": values})


def year_reaching(base_value, base_year, growth, target) -> int | None:
    """First calendar year whose projected value is >= target, or None if never.

    A growth rate so small that the horizon is not even a finite float (e.g. 1e-313)
    is treated as never as well.
    """
    base_value = _number("base_value", base_value, positive=True)
    base_year = _year("base_year", base_year)
    g = _growth(growth)
    target = _number("target", target, positive=True)
    if base_value >= target:
        return base_year
    if g <= 0:
        return None
    horizon = math.log(target / base_value) / math.log1p(g)
    if not math.isfinite(horizon):
        return None
    n = math.ceil(horizon)
    if 1.0 + g > 1.0 and n < 10**6:
        # Guard against rounding at exact hits: the year must agree with project().
        while n > 0 and base_value * (1.0 + g) ** (n - 1) >= target:
            n -= 1
        while base_value * (1.0 + g) ** n < target:
            n += 1
    return base_year + n


def required_growth(base_value, base_year, target, target_year) -> float:
    """Constant annual rate that lands exactly on target in target_year."""
    base_value = _number("base_value", base_value, positive=True)
    target = _number("target", target, positive=True)
    base_year = _year("base_year", base_year)
    target_year = _year("target_year", target_year)
    if target_year <= base_year:
        raise ValueError(
            f"target_year ({target_year}) must be after base_year ({base_year}): "
            "there is no time left to grow"
        )
    return (target / base_value) ** (1.0 / (target_year - base_year)) - 1.0


def cagr(start_value, start_year, end_value, end_year) -> float:
    """Compound annual growth rate between two observations."""
    start_value = _number("start_value", start_value, positive=True)
    end_value = _number("end_value", end_value, positive=True)
    start_year = _year("start_year", start_year)
    end_year = _year("end_year", end_year)
    if end_year <= start_year:
        raise ValueError(f"end_year ({end_year}) must be after start_year ({start_year})")
    return (end_value / start_value) ** (1.0 / (end_year - start_year)) - 1.0
