"""Readings drawn beside a trade series: other full-year figures, bounds, unstated sides."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.charts import theme
from dashboard.charts.kit import Options, Tables
from dashboard.core.official import readings
from dashboard.text.formatting import fmt_bn
from dashboard.text.i18n import data_label, tr
from dashboard.text.publishers import publisher_name


@dataclass(frozen=True)
class ReadingMarks:
    """Readings drawn beside the series, each kind in its own trace."""

    name: str
    symbol: str
    colour: str
    years: list[int]
    values: list[float]  # US dollars
    labels: list[str]
    source_ids: list[str]
    interval: tuple[list[float], list[float]] | None = None  # derived: what the rounding allows
    current_values: list[float] | None = None  # in constant dollars: ``values`` before

    @property
    def current(self) -> list[float]:
        """The values in current US dollars, whichever prices the chart is in."""
        return self.values if self.current_values is None else self.current_values


def reading_marks(tables: Tables, o: Options, start: int, end: int) -> list[ReadingMarks]:
    """Other full-year readings, lower bounds and side-not-stated figures, never in the line."""
    r = readings(tables, o.reporter, o.partner)
    lang = o.lang
    labels = dict(zip(tables["sources"]["source_id"], tables["sources"]["publisher"],
                      strict=True))
    kinds = (
        ("legend.other_reading", "line-ew-open", theme.NEUTRAL,
         [x for x in r.others if x.full_year and x.value_usd is not None and not x.derived]),
        ("legend.derived_reading", "diamond-tall-open", theme.UNKNOWN,
         [x for x in r.others if x.full_year and x.value_usd is not None and x.derived]),
        ("legend.lower_bound", "triangle-up-open", theme.NEUTRAL,
         [x for x in r.others if x.full_year and x.is_bound]),
        ("legend.side_not_stated", "x-thin-open", theme.UNKNOWN,
         [x for x in r.side_not_stated if x.full_year]),
    )
    out = []
    for key, symbol, colour, items in kinds:
        items = [x for x in items if start <= x.year <= end]
        if items:
            derived = key == "legend.derived_reading"  # ours: never shown as the source's figure
            lows = [x.value_low_usd or x.value_usd or 0.0 for x in items]
            highs = [x.value_high_usd or x.value_usd or 0.0 for x in items]
            out.append(ReadingMarks(
                tr(lang, key), symbol, colour, [x.year for x in items],
                [x.value_usd if x.value_usd is not None else x.lower_bound_usd for x in items],
                [tr(lang, "hover.reading_derived" if derived else "hover.reading_bound"
                    if x.is_bound else "hover.reading", id=x.source_id, low=fmt_bn(lo, lang=lang),
                    publisher=publisher_name(labels.get(x.source_id, x.source_id), lang),
                    high=fmt_bn(hi, lang=lang),
                    side=data_label(lang, "attribution", x.attribution))
                 for x, lo, hi in zip(items, lows, highs, strict=True)],
                [x.source_id for x in items], (lows, highs) if derived else None))
    return out


def basis(row, lang: str = "en") -> str:
    """How a primary figure came about, for the hover: database or report, derived or not."""
    parts = [tr(lang, "hover.basis.database" if row.get("reading_type") == "database"
                else "hover.basis.report")]
    if pd.notna(row.get("derived")) and bool(row.get("derived")):
        parts.append(tr(lang, "hover.basis.derived"))
    if pd.notna(row.get("anomaly")) and bool(row.get("anomaly")):
        parts.append(tr(lang, "hover.basis.anomaly"))
    side = data_label(lang, "attribution", row.get("attribution", "stated"))
    return "".join([*parts, tr(lang, "hover.basis.side", side=side)])
