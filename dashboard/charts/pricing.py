"""Current or constant dollars in a chart: the words and columns every dollar chart shares.

``resolve`` turns ``Options.prices/base_year/deflator`` into a checked ``core.prices.Pricing``
(None for current dollars, the default); the rest names the choice wherever a chart speaks:
title, axis, hover, alt text, source line and CSV. The conversion itself is ``core.prices``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

import pandas as pd

from dashboard.charts import theme
from dashboard.charts.kit import Options, Tables
from dashboard.charts.marks import ReadingMarks
from dashboard.core import prices
from dashboard.core.analysis import TargetStatus
from dashboard.core.prices import Pricing
from dashboard.text import formatting as f
from dashboard.text.i18n import tr
from dashboard.text.wrapping import wrap_html


def resolve(tables: Tables, o: Options, base_year: int | None = None) -> Pricing | None:
    """The options' prices checked against the package; ``base_year`` is a chart's own default
    (the doubling chart's base year) where the options name none."""
    if o.prices == "current":
        return None
    year = o.base_year if o.base_year is not None else base_year
    return prices.pricing(tables, o.deflator, year, o.lang)


def stem(p: Pricing | None) -> str:
    """The file-name part that tells a constant-dollar export from the current one."""
    return "" if p is None else f"-constant-{p.base_year}-{p.deflator.key}"


def deflator_name(p: Pricing, lang: str) -> str:
    return tr(lang, f"prices.name.{p.deflator.key}")


def partial_note(p: Pricing, lang: str, years: Iterable[int] = ()) -> str:
    """'2025: mean of 11 months' for every part-year index among ``years`` and the base."""
    return tr(lang, "common.item_separator").join(
        tr(lang, "prices.partial", year=str(y), months=str(p.deflator.partial[y]))
        for y in p.partial_years(list(years)))


def describe(p: Pricing | None, lang: str) -> str:
    """'current US$' or 'constant US$ of 2024 (US CPI-U)', the base's part-year mark included."""
    if p is None:
        return tr(lang, "prices.current")
    text = tr(lang, "prices.constant", year=str(p.base_year), deflator=deflator_name(p, lang))
    note = partial_note(p, lang)
    return tr(lang, "prices.with_note", text=text, note=note) if note else text


def title(text: str, p: Pricing | None, lang: str) -> str:
    return text if p is None else tr(lang, "prices.title", title=text, prices=describe(p, lang))


def axis(text: str, p: Pricing | None, lang: str, log: bool = False) -> str:
    """A money axis's title: ``text`` (current dollars) or the constant-dollar one."""
    return text if p is None else tr(lang, "axis.trade_bn_constant_log" if log
                                     else "axis.trade_bn_constant", prices=describe(p, lang))


def source(line: str, p: Pricing | None, lang: str, years: Iterable[int] = (),
           width: int = theme.SOURCE_COLUMNS) -> str:
    """The chart's source line and, in constant dollars, the index with its source ids and
    what it is (the CPI-U means are computed, not published by the BLS; part years named)."""
    if p is None:
        return line
    note = partial_note(p, lang, years)
    text = tr(lang, f"prices.source.{p.deflator.key}", base=str(p.base_year),
              ids=", ".join(p.deflator.source_ids))
    if note:
        text = tr(lang, "prices.with_note", text=text, note=note)
    return f"{line}<br>{wrap_html(text, width)}"


def hover(p: Pricing | None, year: int, current_usd: float, lang: str) -> str:
    """The hover line under a constant-dollar point: its current value and the index used."""
    if p is None:
        return ""
    idx = p.deflator.index.get(int(year))
    if idx is None:
        return ""
    text = tr(lang, "prices.hover", current=f.fmt_bn(current_usd, lang=lang),
              deflator=deflator_name(p, lang), index=f.fmt_number(idx, 3, lang=lang),
              base=str(p.base_year), base_index=f.fmt_number(p.base_index, 3, lang=lang))
    note = partial_note(p, lang, [int(year)])
    return tr(lang, "prices.with_note", text=text, note=note) if note else text


def columns(p: Pricing | None, years: Sequence[int], current_usd: Sequence[float | None]
            ) -> dict[str, list]:
    """The CSV columns of a constant-dollar chart: the prices, the index and base, the current
    and the constant value (US$ bn) of each row; none in current dollars."""
    if p is None:
        return {}
    idx = [p.deflator.index.get(int(y)) for y in years]
    const = [p.constant(v, int(y)) if v is not None else None
             for v, y in zip(current_usd, years, strict=True)]
    return {
        "prices": ["constant"] * len(years),
        "deflator": [p.deflator.key] * len(years),
        "deflator_source_id": [", ".join(p.deflator.source_ids)] * len(years),
        "base_year": [p.base_year] * len(years),
        "deflator_index": idx,
        "base_index": [p.base_index] * len(years),
        "deflator_months": pd.array([  # the CPI-U means: how many months each averages
            p.deflator.partial.get(int(y), prices.FULL_YEAR if y in p.deflator.index else None)
            if p.deflator.key == "cpi-u" else None for y in years], dtype="Int64"),
        "value_current_usd_bn": [None if v is None else float(v) / 1e9 for v in current_usd],
        "value_constant_usd_bn": [None if c is None else c / 1e9 for c in const],
    }


def constant_readings(s: pd.DataFrame, marks: list[ReadingMarks], targets: tuple[TargetStatus, ...],
                      p: Pricing, lang: str
                      ) -> tuple[pd.DataFrame, list[ReadingMarks], tuple[TargetStatus, ...]]:
    """The series, readings and targets in constant dollars; whatever has no index is dropped
    (a gap). Each point's hover names its current value and the index used."""
    s = prices.deflate(s, p)
    s = s.assign(hover_extra=[hover(p, int(y), v, lang)
                              for y, v in zip(s["year"], s["current_usd"], strict=True)])
    out = []
    for m in marks:
        keep = [i for i, y in enumerate(m.years) if p.factor(y) is not None]
        if not keep:
            continue
        k = [p.factor(m.years[i]) for i in keep]
        interval = None if m.interval is None else tuple(
            [side[i] * f for i, f in zip(keep, k, strict=True)] for side in m.interval)
        out.append(replace(
            m, years=[m.years[i] for i in keep],
            values=[m.values[i] * f for i, f in zip(keep, k, strict=True)],
            labels=[f"{m.labels[i]}<br>{hover(p, m.years[i], m.values[i], lang)}"
                    for i in keep],
            source_ids=[m.source_ids[i] for i in keep], interval=interval,
            current_values=[m.values[i] for i in keep]))
    kept = tuple(replace(t, value_usd=p.constant(t.value_usd, t.deadline_year))
                 for t in targets if p.factor(t.deadline_year) is not None)
    return s, out, kept


def constant_pairs(rows: pd.DataFrame, p: Pricing, columns: Sequence[str]) -> pd.DataFrame:
    """Each side of a same-year pair by that year's index; a year without one is dropped (a
    gap). The current values stay in ``<column>_current``, the index in ``deflator_index``."""
    idx = rows["year"].astype(int).map(lambda y: p.deflator.index.get(int(y)))
    out = rows[idx.notna()].copy()
    out["deflator_index"] = idx[idx.notna()].astype(float)
    for c in columns:
        out[f"{c}_current"] = out[c].astype(float)
        out[c] = out[c].astype(float) * p.base_index / out["deflator_index"]
    return out.reset_index(drop=True)


def mirror_columns(p: Pricing | None, rows: pd.DataFrame, la: str, lb: str,
                   frame: pd.DataFrame) -> pd.DataFrame:
    """The mirror CSV in constant dollars: each side's current value beside the constant one,
    with the prices, index and base named."""
    if p is None:
        return frame
    frame = frame.rename(columns={f"reported_by_{la}_usd_bn": f"reported_by_{la}_constant_usd_bn",
                                  f"reported_by_{lb}_usd_bn": f"reported_by_{lb}_constant_usd_bn",
                                  "gap_usd_bn": "gap_constant_usd_bn"})
    return frame.assign(**{
        f"reported_by_{la}_current_usd_bn": rows["value_a_current"] / 1e9,
        f"reported_by_{lb}_current_usd_bn": rows["value_b_current"] / 1e9,
        "prices": "constant", "deflator": p.deflator.key,
        "deflator_source_id": ", ".join(p.deflator.source_ids), "base_year": p.base_year,
        "deflator_index": rows["deflator_index"], "base_index": p.base_index})
