"""Flagged readings, and every value computed from one: the one place a flag is decided.

A reading is flagged in one of two ways, never from a hand-kept list of years:

1. **A per-row note with a source** (``bilateral_trade``): a row whose ``anomaly`` column is
   true carries its ``anomaly_note``; the flag cites the row's own source and the other
   readings of the same reporter, partner and year (``other_readings``) the note rests on.
2. **The break rule** (``world_totals`` and ``commodity_trade``), applied to each reporter's
   own series (one reporter, partner, flow and HS chapter), year by year:

   A run of one to ``max_run`` (3) consecutive years is flagged when the series has a
   reading in the year just before the run and in the year just after it, and every reading
   in the run lies on the same side of both those bracketing readings and

   - more than ``bracket_factor`` times below the lower of the two (or above the higher), and
   - more than ``path_factor`` times below (or above) the constant-growth path between them
     (the geometric interpolation: a steady trend between the two is never a break), and
   - the higher bracketing reading is at least ``floor_usd`` (a series of a few thousand
     dollars swings by itself).

   Stated factors: ``WORLD_TOTALS_RULE`` (a country's trade with the whole world moves
   slowly): path factor 1.5, no bracket factor, no floor. ``CHAPTER_RULE`` (one HS chapter
   can swing on one contract): 5 times beyond both bracketing readings, with a floor of
   US$10 million.

A value computed from a flagged reading carries the flag of every reading it rests on:
a year-on-year change both years' flags, a CAGR or a projection scenario the flags of every
year from its first to its last year (it crosses them), a share the flags of its numerator
and denominator. ``span`` and ``reasons`` do that for every page, chart and export.
pandas only: no plotly, no streamlit.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from dashboard.core.official import _is, _opt, _text
from dashboard.text.formatting import fmt_bn, fmt_number
from dashboard.text.i18n import tr

NOTE, BREAK = "note", "break"


@dataclass(frozen=True)
class BreakRule:
    """The stated factors of the break rule (see the module's docstring)."""

    path_factor: float
    bracket_factor: float
    floor_usd: float
    max_run: int = 3


WORLD_TOTALS_RULE = BreakRule(path_factor=1.5, bracket_factor=1.0, floor_usd=0.0)
CHAPTER_RULE = BreakRule(path_factor=1.0, bracket_factor=5.0, floor_usd=10e6)


@dataclass(frozen=True)
class Flag:
    """Why one reading must be read with care, and what the flag rests on.

    rule: 'note' (the row's own note, ``note``) or 'break' (the break rule: the run
    ``run_start``–``run_end`` lies ``side`` 'below' or 'above' the readings of ``before`` and
    ``after``, (year, value) each, by more than ``factor``).
    """

    rule: str
    table: str
    reporter: str
    year: int
    source_ids: tuple[str, ...]
    note: str = ""
    run_start: int | None = None
    run_end: int | None = None
    side: str = ""  # below | above
    before: tuple[int, float] | None = None
    after: tuple[int, float] | None = None
    factor: float | None = None
    test: str = ""  # break rule: 'path' (the steady trend) or 'bracket' (both neighbours)

    def reason(self, lang: str = "en") -> str:
        """The flag's reason in words, in ``lang`` (a note stays in its data language)."""
        if self.rule == NOTE:  # the note is English data: other languages say what it means
            ids = ", ".join(self.source_ids)
            return (tr(lang, "flag.note", note=self.note, ids=ids) if lang == "en" else
                    tr(lang, "flag.note_translated", ids=ids))
        assert self.before is not None and self.after is not None
        run = (str(self.run_start) if self.run_start == self.run_end
               else f"{self.run_start}–{self.run_end}")
        return tr(lang, f"flag.break.{self.side}.{self.test}", run=run,
                  before_year=str(self.before[0]),
                  before=money(self.before[1], lang), after_year=str(self.after[0]),
                  after=money(self.after[1], lang),
                  factor=fmt_number(self.factor or 1.0,
                                    0 if float(self.factor or 1.0).is_integer() else 1,
                                    lang=lang),
                  ids=", ".join(self.source_ids))


def money(value_usd: float, lang: str = "en") -> str:
    """A flagged amount: billions from US$1 bn, millions below (three significant digits)."""
    if abs(value_usd) >= 1e9:
        return fmt_bn(value_usd, lang=lang)
    m = value_usd / 1e6
    digits = max(1, 2 - math.floor(math.log10(abs(m)))) if m else 1
    return tr(lang, "flag.money_m", value=fmt_number(m, digits, lang=lang))


def reasons(flags: Iterable[Flag], lang: str = "en") -> str:
    """Every distinct reason of these flags, once each, in ``lang`` ('' without a flag)."""
    return " ".join(dict.fromkeys(f.reason(lang) for f in flags))


def span(flags: Mapping[int, Flag], start: int, end: int) -> tuple[Flag, ...]:
    """The flags a value computed from ``start`` to ``end`` carries: every flagged year it
    rests on or crosses, both ends included."""
    return tuple(flags[y] for y in sorted(flags) if start <= y <= end)


# --- 1. per-row notes (bilateral_trade) -----------------------------------------------------

def series_flags(s: pd.DataFrame, other: pd.DataFrame | None = None) -> dict[int, Flag]:
    """The flags of one reporter's series (rows of ``bilateral_trade``), by year.

    A row is flagged by its own ``anomaly`` column and note; ``other`` (``other_readings``)
    adds the sources of the same side's other readings of that year to the flag's sources.
    A series without the columns (an upload) has no flag.
    """
    if s.empty or "anomaly" not in s.columns:
        return {}
    out: dict[int, Flag] = {}
    for _, r in s.iterrows():
        if not bool(_opt(r["anomaly"])):
            continue
        year, reporter = int(r["year"]), str(r["reporter"])
        ids = [str(r["source_id"])]
        if other is not None:
            same = other[_is(other["reporter"], reporter) & _is(other["partner"], r["partner"])
                         & (other["year"] == year)]
            ids += [str(x) for x in same["source_id"]]
        out[year] = Flag(NOTE, "bilateral_trade", reporter, year,
                         tuple(dict.fromkeys(ids)), note=_text(r.get("anomaly_note")))
    return out


def bilateral_flags(tables: Mapping[str, pd.DataFrame], reporter: str = "CHN",
                    partner: str = "KAZ", flow: str = "total") -> dict[int, Flag]:
    """``series_flags`` of one reporter's series in the package's ``bilateral_trade``."""
    t = tables["bilateral_trade"]
    s = t[_is(t["reporter"], reporter) & _is(t["partner"], partner) & _is(t["flow"], flow)]
    return series_flags(s.sort_values("year"), tables.get("other_readings"))


# --- 2. the break rule (world_totals, commodity_trade) -------------------------------------

@dataclass(frozen=True)
class Break:
    """A run of years that breaks from the readings on both sides of it."""

    start: int
    end: int
    side: str  # below | above
    before: tuple[int, float]
    after: tuple[int, float]


def breaks(values: Mapping[int, float], rule: BreakRule) -> list[Break]:
    """Every run of one series (year → value) that the break rule flags, shortest first."""
    out = []
    for start in sorted(values):
        for length in range(1, rule.max_run + 1):
            run = range(start, start + length)
            if any(y not in values for y in run):
                break
            a, b = start - 1, start + length
            if a not in values or b not in values:
                continue
            va, vb = values[a], values[b]
            if max(va, vb) < rule.floor_usd or va <= 0 or vb <= 0:
                continue
            path = [va * (vb / va) ** ((k + 1) / (length + 1)) for k in range(length)]
            vs = [values[y] for y in run]
            below = all(v * rule.bracket_factor < min(va, vb) and v * rule.path_factor < p
                        for v, p in zip(vs, path, strict=True))
            above = all(v > max(va, vb) * rule.bracket_factor and v > p * rule.path_factor
                        for v, p in zip(vs, path, strict=True))
            if below or above:
                out.append(Break(start, start + length - 1, "below" if below else "above",
                                 (a, va), (b, vb)))
    return out


def _break_flags(df: pd.DataFrame, table: str, keys: list[str], rule: BreakRule,
                 factor: float, test: str) -> dict[tuple, Flag]:
    out: dict[tuple, Flag] = {}
    for key, g in df.groupby(keys, sort=True):
        values = dict(zip(g["year"].astype(int), g["value_usd"].astype(float), strict=True))
        ids = dict(zip(g["year"].astype(int), g["source_id"].astype(str), strict=True))
        for b in sorted(breaks(values, rule), key=lambda b: b.start - b.end):
            for year in range(b.start, b.end + 1):
                k = (year, *key)
                if k in out:  # the longest run through a year names it
                    continue
                out[k] = Flag(BREAK, table, str(key[0]), year,
                              tuple(dict.fromkeys([ids[year], ids[b.before[0]],
                                                   ids[b.after[0]]])),
                              run_start=b.start, run_end=b.end, side=b.side, before=b.before,
                              after=b.after, factor=factor, test=test)
    return out


def world_total_flags(tables: Mapping[str, pd.DataFrame]) -> dict[tuple[int, str, str], Flag]:
    """Flags of ``world_totals`` by (year, reporter, flow), from the break rule."""
    w = tables.get("world_totals")
    if w is None or w.empty:
        return {}
    return _break_flags(w, "world_totals", ["reporter", "flow"], WORLD_TOTALS_RULE,
                        WORLD_TOTALS_RULE.path_factor, "path")  # type: ignore[return-value]


def commodity_flags(tables: Mapping[str, pd.DataFrame]
                    ) -> dict[tuple[int, str, str, str, str], Flag]:
    """Flags of ``commodity_trade`` by (year, reporter, partner, flow, cmd_code)."""
    c = tables.get("commodity_trade")
    if c is None or c.empty:
        return {}
    c = c.assign(cmd_code=c["cmd_code"].astype(str))
    return _break_flags(c, "commodity_trade", ["reporter", "partner", "flow", "cmd_code"],
                        CHAPTER_RULE, CHAPTER_RULE.bracket_factor, "bracket")  # type: ignore[return-value]
