"""The doubling goal in constant dollars: the same figures, with US price changes taken out.

The target stays the editorial's (a nominal multiple of the base year). Measured in US$ of the
base year, the base value is the same number, so the target is too; what changes is every
later year: its value in base-year dollars, the progress it makes, the pace since the base,
and the growth a deadline needs from the latest figure, in real terms beside nominal ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from dashboard.core.prices import PriceError, Pricing, has_deflator, pricing, real_change
from dashboard.data.loader import series
from dashboard.text.formatting import fmt_bn, fmt_pct
from dashboard.text.i18n import tr


@dataclass(frozen=True)
class RealTerms:
    pricing: Pricing  # base year = the projection's base year
    target_usd: float  # in US$ of the base year (the nominal target, unchanged)
    base_value: float
    year: int  # the latest year after the base with a figure and an index
    current_usd: float
    constant_usd: float
    deadline: int

    def _progress(self, value: float) -> float | None:
        need = self.target_usd - self.base_value
        return (value - self.base_value) / need if need else None

    @property
    def progress_real(self) -> float | None:
        return self._progress(self.constant_usd)

    @property
    def progress_nominal(self) -> float | None:
        return self._progress(self.current_usd)

    def _pace(self, value: float) -> float | None:
        n = self.year - self.pricing.base_year
        return (value / self.base_value) ** (1 / n) - 1 if n > 0 and value > 0 else None

    @property
    def pace_real(self) -> float | None:
        return self._pace(self.constant_usd)

    @property
    def pace_nominal(self) -> float | None:
        return self._pace(self.current_usd)

    def _needed(self, value: float) -> float | None:
        n = self.deadline - self.year
        return (self.target_usd / value) ** (1 / n) - 1 if n > 0 and value > 0 else None

    @property
    def needed_real(self) -> float | None:
        return self._needed(self.constant_usd)

    @property
    def needed_nominal(self) -> float | None:
        return self._needed(self.current_usd)


def real_terms(history: pd.DataFrame, p: Pricing, target_usd: float, deadline: int
               ) -> RealTerms | None:
    """None where the base year has no figure or no later year has a figure and an index."""
    h = history.assign(year=history["year"].astype(int)).sort_values("year")
    base = h[h["year"] == p.base_year]
    if base.empty or p.factor(p.base_year) is None:
        return None
    later = h[(h["year"] > p.base_year) & h["year"].map(lambda y: p.factor(y) is not None)]
    if later.empty:
        return None
    last = later.iloc[-1]
    year, value = int(last["year"]), float(last["value_usd"])
    return RealTerms(p, float(target_usd), float(base["value_usd"].iloc[0]), year, value,
                     p.constant(value, year) or 0.0, int(deadline))


def sentences(rt: RealTerms, lang: str) -> list[str]:
    """What the page and the chart's alt text say about the goal in constant dollars."""
    p = rt.pricing
    name = tr(lang, f"prices.name.{p.deflator.key}")
    base = str(p.base_year)

    def pct(v: float | None) -> str:
        return fmt_pct(v, sign=v is not None and v < 0, lang=lang) if v is not None else "—"

    out = [tr(lang, "doubling.real.value", base=base, deflator=name, year=str(rt.year),
              current=fmt_bn(rt.current_usd, 2, lang=lang),
              constant=fmt_bn(rt.constant_usd, 2, lang=lang),
              target=fmt_bn(rt.target_usd, 2, lang=lang))]
    if rt.progress_real is not None:
        out.append(tr(lang, "doubling.real.progress", progress=pct(rt.progress_real),
                      nominal=pct(rt.progress_nominal)))
    if rt.pace_real is not None:
        out.append(tr(lang, "doubling.real.pace", base=base, pace=pct(rt.pace_real),
                      year=str(rt.year), nominal=pct(rt.pace_nominal)))
    if rt.needed_real is not None:
        out.append(tr(lang, "doubling.real.needed", target=fmt_bn(rt.target_usd, 2, lang=lang),
                      base=base, deadline=str(rt.deadline), needed=pct(rt.needed_real),
                      year=str(rt.year), deflator=name))
    for y in p.partial_years([rt.year]):
        note = tr(lang, "prices.partial", year=str(y), months=str(p.deflator.partial[y]))
        out.append(tr(lang, "doubling.real.partial", note=note, deflator=name))
    return out


def claim_change(tables: Mapping[str, pd.DataFrame], year: int, key: str = "cpi-u",
                 reporter: str = "CHN", partner: str = "KAZ") -> tuple[float, Pricing] | None:
    """The change from ``year - 1`` to ``year`` of a pair's totals in constant dollars of
    ``year`` (the ratio is the same in any base year); None without both figures and indexes
    or without the deflator table."""
    if not has_deflator(tables):
        return None
    try:
        p = pricing(tables, key, year)
    except PriceError:
        return None
    s = series(tables["bilateral_trade"], reporter, partner)
    value = dict(zip(s["year"].astype(int), s["value_usd"].astype(float), strict=True))
    if year - 1 not in value or year not in value:
        return None
    change = real_change(p, value[year - 1], year - 1, value[year], year)
    return None if change is None else (change, p)


def claim_sentence(tables: Mapping[str, pd.DataFrame], year: int, lang: str,
                   key: str = "cpi-u") -> str:
    """The overview's one line: the claim year's growth in constant dollars (empty if none),
    with the part-year mark of an index that averages fewer than twelve months."""
    hit = claim_change(tables, year, key)
    if hit is None:
        return ""
    change, p = hit
    name = tr(lang, f"prices.name.{p.deflator.key}")
    out = [tr(lang, "overview.growth_real", base=str(p.base_year), deflator=name,
              start=str(year - 1), end=str(year), change=fmt_pct(change, lang=lang))]
    out += [tr(lang, "doubling.real.partial", deflator=name, note=tr(
        lang, "prices.partial", year=str(y), months=str(p.deflator.partial[y])))
        for y in p.partial_years([year - 1, year])]
    return " ".join(out)
