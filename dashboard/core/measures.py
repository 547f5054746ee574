"""Logistics measures as series, and what a verdict sets beside a measure's change.

A measure's chartable line is its primary full-year readings; the rest stay beside it.
``scale_sentence`` and ``other_way`` serve the rule that a change is stated first year to
latest year: the corridor beside all transit, and every reading that runs the other way.
Pandas only (no plotly, no streamlit).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.core import logistics_words as w
from dashboard.text.corridor import fmt_amount
from dashboard.text.formatting import fmt_share
from dashboard.text.i18n import tr

ALL_TRANSIT = "transit_tonnes"  # every transit tonne through Kazakhstan: the corridor's scale
# Transit readings the verdict sets beside the corridor: all transit, and transit from China
# to the EU through Kazakhstan (the corridor's own traffic, counted by customs).
TRANSIT_CONTEXT = (ALL_TRANSIT, "china_eu_transit_tonnes")


@dataclass(frozen=True)
class MeasureSeries:
    """One measure: the primary full-year line and every other reading beside it."""

    measure: str
    label: str
    description: str
    use: str  # chart | chart with caveat | context | table only
    line: pd.DataFrame  # primary full-year readings, one a year and unit, sorted by year
    others: pd.DataFrame  # every other reading; part_year marks part-years
    caveats: tuple[str, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        ids = list(self.line["source_id"]) + list(self.others["source_id"])
        return tuple(dict.fromkeys(str(i) for i in ids))


def measure_series(tables: dict[str, pd.DataFrame], measure: str) -> MeasureSeries:
    """A measure's chartable line (primary readings) and its other readings, labelled."""
    measures = tables["logistics_measures"].set_index("measure")
    if measure not in measures.index:
        raise KeyError(f"unknown logistics measure {measure!r}")
    meta = measures.loc[measure]
    rows = tables["logistics"][tables["logistics"]["measure"] == measure]
    is_primary = rows["primary"].fillna(False).astype(bool)
    line = rows[is_primary].sort_values("year").reset_index(drop=True)
    others = rows[~is_primary].sort_values(["year", "months"]).reset_index(drop=True)
    others = others.assign(part_year=(others["kind"] == "part-year").to_numpy())
    cav = tables["logistics_caveats"]
    caveats = tuple(cav.loc[cav["measure"] == measure, "statement"].astype(str))
    return MeasureSeries(measure, str(meta["label"]), str(meta["description"]), str(meta["use"]),
                         line, others, caveats)


def fmt_row(r: pd.Series) -> str:
    return fmt_amount(float(r["value"]), str(r["unit"]), str(r["qualifier"]))


def scale_sentence(tables: dict[str, pd.DataFrame], corridor: pd.DataFrame,
                   lang: str = "en") -> tuple[str, list]:
    """The corridor beside all transit through Kazakhstan, in the latest year both have."""
    if ALL_TRANSIT not in set(tables["logistics_measures"]["measure"]):
        return "", []
    ms = measure_series(tables, ALL_TRANSIT)
    allt = ms.line
    both = sorted(set(allt["year"].astype(int)) & set(corridor["year"].astype(int)))
    if not both:
        return "", []
    year = both[-1]
    a = allt[allt["year"] == year].iloc[0]
    c = corridor[corridor["year"] == year].iloc[0]
    share = c["value"] / a["value"]
    return (tr(lang, "verdict.logistics.scale", label=w.measure_name(ALL_TRANSIT, ms.label, lang),
               year=str(year), all=w.figure(a, lang), source=str(a["source_id"]),
               corridor=w.figure(c, lang),
               share=f"{share:.0%}" if lang == "en" else fmt_share(share, lang=lang)),
            [a["source_id"], c["source_id"]])


def other_way(tables: dict[str, pd.DataFrame], verdict_measures: tuple[str, ...],
              named: tuple[int, int] | None, since: int,
              lang: str = "en") -> tuple[list[str], list]:
    """Readings from ``since`` on that run against the corridor's rise: a fall between two
    consecutive full years of a measure's primary line (other than the fall from the peak,
    ``named``), a reported change below zero, and the transit readings whose source states
    a fall in its own words (kept in the reading's note, quoted as the source wrote it)."""
    out, used = [], []
    measures = tables["logistics_measures"]
    known = set(measures["measure"])

    def say(key: str, **params) -> str:
        return tr(lang, f"verdict.logistics.{key}", **params)

    for m in dict.fromkeys([*verdict_measures, *TRANSIT_CONTEXT]):
        if m not in known:
            continue
        ms = measure_series(tables, m)
        label = w.measure_name(m, ms.label, lang)
        line = ms.line[ms.line["year"] >= since - 1]
        for (_, a), (_, b) in zip(line.iloc[:-1].iterrows(), line.iloc[1:].iterrows(),
                                  strict=True):
            ya, yb = int(a["year"]), int(b["year"])
            if yb != ya + 1 or b["value"] >= a["value"] or b["unit"] != a["unit"]:
                continue
            if m == verdict_measures[0] and named is not None and (ya, yb) == named:
                continue
            out.append(say("fall", measure=label, a=w.figure(a, lang), year_a=str(ya),
                           b=w.figure(b, lang), year_b=str(yb), source=str(b["source_id"]),
                           change=w.change((b["value"] / a["value"] - 1) * 100, lang)))
            used += [a["source_id"], b["source_id"]]
        rows = pd.concat([ms.line, ms.others])
        falls = rows[(rows["year"] >= since) & (rows["reported_change_pct"] < 0)]
        for _, r in falls.iterrows():
            out.append(say("reported_fall", measure=label, figure=w.figure(r, lang),
                           period=w.period(r["period"], r["year"], r["months"], lang),
                           change=w.change(float(r["reported_change_pct"]), lang),
                           source=str(r["source_id"])))
            used.append(r["source_id"])
        if m in TRANSIT_CONTEXT and m != ALL_TRANSIT:
            for _, r in ms.line[ms.line["year"] >= since].iterrows():
                if pd.isna(r["reported_change_pct"]) and str(r["note"]).strip():
                    out.append(say("source_says", measure=label, figure=w.figure(r, lang),
                                   year=str(int(r["year"])), source=str(r["source_id"]),
                                   note=str(r["note"]).strip().rstrip(".")))
                    used.append(r["source_id"])
    return out, used
