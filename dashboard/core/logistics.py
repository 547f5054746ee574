"""The editorial's logistics-hub claim: corridor series, border facts, disagreements, a verdict.

Pandas only (no plotly, no streamlit): the corridor page and the overview's fifth card draw on
these typed results, and every number they show is computed here from the package's logistics
tables, so a corrected figure in ``data/`` reaches every sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.core import logistics_words as w
from dashboard.core.badges import Badge, VerdictKind, logistics_badges
from dashboard.core.border import (
    BorderFact,
    BorderReading,
    clearance_facts,
    policy_steps,
    queue_episodes,
)
from dashboard.core.disagreements import Disagreement, disagreements
from dashboard.core.measures import (
    MeasureSeries,
    measure_series,
    other_way,
    scale_sentence,
)
from dashboard.text.corridor import date_label, fmt_amount, fmt_change
from dashboard.text.formatting import fmt_number
from dashboard.text.i18n import join_items, join_sentences, tr

__all__ = ["BorderFact", "BorderReading", "Disagreement", "LogisticsVerdict", "MeasureSeries",
           "chart_series", "clearance_facts", "disagreements", "fmt_amount", "fmt_change",
           "has_logistics", "logistics_verdict", "measure_series", "policy_steps",
           "primary_by_rule", "queue_episodes"]

MIDDLE_CORRIDOR = "titr_tonnes"
TRANSIT_CONTAINERS = "transit_containers"
CHINA_EUROPE_TRAINS = "china_europe_trains"
HUB_CLAIM, CUSTOMS_CLAIM = "logistics_hub", "customs_clearance"
VERDICT_MEASURES = (MIDDLE_CORRIDOR, TRANSIT_CONTAINERS, CHINA_EUROPE_TRAINS, "kz_europe_trains")
RESOURCES = ("logistics", "logistics_measures", "border_facts", "logistics_caveats")


def has_logistics(tables: dict[str, pd.DataFrame]) -> bool:
    """False for a package (DASHBOARD_DATA) without the logistics tables or the hub claim."""
    return all(r in tables for r in RESOURCES) and HUB_CLAIM in set(
        tables["editorial_claims"]["claim_id"])


def primary_by_rule(logistics: pd.DataFrame, sources: pd.DataFrame) -> pd.Series:
    """The written rule for ``primary`` (see the resource description), recomputed.

    Only full-year outturns with a value qualify; per measure, year and unit the pick is: the
    source with most full-year outturns of the measure, then a plainly stated figure, then the
    earliest publication, then the lowest source id.
    """
    out = pd.Series(False, index=logistics.index)
    ok = ((logistics["kind"] == "outturn") & (logistics["months"] == 12)
          & logistics["value"].notna()).fillna(False).astype(bool)
    cand = logistics[ok].copy()
    if cand.empty:
        return out
    published = sources.set_index("source_id")["published"]
    cand["_n"] = cand.groupby(["measure", "source_id"])["figure_id"].transform("size")
    cand["_qualified"] = cand["qualifier"] != "stated"
    cand["_published"] = cand["source_id"].map(published).fillna("9999")
    cand = cand.sort_values(["_n", "_qualified", "_published", "source_id"],
                            ascending=[False, True, True, True])
    first = cand.drop_duplicates(["measure", "year", "unit"], keep="first")
    out.loc[first.index] = True
    return out


def chart_series(tables: dict[str, pd.DataFrame]) -> tuple[MeasureSeries, ...]:
    """Every measure the brief judged fit to draw, in the measures table's order."""
    m = tables["logistics_measures"]
    return tuple(measure_series(tables, x) for x in m.loc[m["use"] != "table only", "measure"])


@dataclass(frozen=True)
class LogisticsVerdict:
    """The fifth overview card: the hub claim beside what the logistics data says and cannot."""

    claim_id: str
    claim: str
    quote: str
    headline: str  # the figure in a phrase, in the reader's language
    verdict: str
    cannot_say: tuple[str, ...]
    sources: tuple[str, ...]
    figure: str = ""  # the figure alone, big on the card: short enough for a phone
    context: str = ""  # what the figure is, under it
    badges: tuple[Badge, ...] = ()  # what the card says first

    @property
    def kind(self) -> VerdictKind:
        return self.badges[0].kind if self.badges else VerdictKind.NO_DATA


def _latest_same_period(others: pd.DataFrame) -> tuple[pd.Series, pd.Series] | None:
    """The latest part-year with the same period a year earlier (a like-for-like change)."""
    part = others[others["kind"] == "part-year"].dropna(subset=["value", "months"])
    for _, r in part.sort_values(["year", "months"], ascending=False).iterrows():
        prev = part[(part["year"] == r["year"] - 1) & (part["period"] == r["period"])
                    & (part["unit"] == r["unit"])]
        if not prev.empty:
            return prev.iloc[0], r
    return None


def logistics_verdict(tables: dict[str, pd.DataFrame], lang: str = "en") -> LogisticsVerdict:
    """The hub claim checked: Middle Corridor growth and its peak-year jump, transit containers
    over the years with full-year figures, all China–Europe trains for scale, the border facts,
    and what the sources cannot show, every sentence from the catalogue in ``lang``."""
    c = tables["editorial_claims"].set_index("claim_id").loc[HUB_CLAIM]
    parts, cannot, used = [], [], []

    def say(key: str, **params) -> str:
        return tr(lang, f"verdict.logistics.{key}", **params)

    def name(ms: MeasureSeries) -> str:
        return w.measure_name(ms.measure, ms.label, lang)

    def fig(r) -> str:
        return w.figure(r, lang)

    mc = measure_series(tables, MIDDLE_CORRIDOR)
    line = mc.line
    first, peak, last = line.iloc[0], line.loc[line["value"].idxmax()], line.iloc[-1]
    y0, yp, yl = int(first["year"]), int(peak["year"]), int(last["year"])
    # Every change is stated first year to latest year; the peak is named as the peak.
    card = _card(mc.label if lang == "en" else tr(lang, "chart.middle_corridor.name"),
                 last["value"] / first["value"], y0, yl, lang)
    jump = []
    prev = line[line["year"] == yp - 1]
    if not prev.empty:
        jump.append(say("jump", year=str(yp), change=w.change(
            (peak["value"] / prev["value"].iloc[0] - 1) * 100, lang)))
    part = mc.others[(mc.others["year"] == yp) & mc.others["part_year"]]
    rates = part["reported_change_pct"].dropna()
    if not rates.empty:
        jump.append(say("part_growth", year=str(yp), low=w.stated_change(rates.min(), lang),
                        high=w.stated_change(rates.max(), lang)))
    more = ""
    if yl > yp:
        more = say("peak", peak=fig(peak), year=str(yp),
                   jump=w.bracket(w.clauses(lang, jump), lang) if jump else "",
                   end=str(yl), change=w.change((last["value"] / peak["value"] - 1) * 100, lang))
    elif jump:
        more = w.clauses(lang, ["", jump[0] + (w.bracket(jump[1], lang) if len(jump) > 1
                                                 else "")])
    parts.append(say("corridor", measure=name(mc), whose=w.whose(first["whose_figure"], lang),
                     first=fig(first), start=str(y0), last=fig(last), end=str(yl),
                     times=fmt_number(last["value"] / first["value"], 1, lang=lang), more=more))
    used += [first["source_id"], peak["source_id"], last["source_id"]]
    used += list(part.loc[part["reported_change_pct"].notna(), "source_id"])
    scale, scale_used = scale_sentence(tables, line, lang)
    if scale:
        parts.append(scale)
        used += scale_used
    against, against_used = other_way(tables, VERDICT_MEASURES, (yp, yl) if yl > yp else None,
                                      y0, lang)
    if against:
        parts.append(say("other_way", items=w.clauses(lang, against)))
        used += against_used

    tc = measure_series(tables, TRANSIT_CONTAINERS)
    t0, t1 = tc.line.iloc[0], tc.line.iloc[-1]
    pair = _latest_same_period(tc.others[tc.others["year"] > t1["year"]])
    same = ""
    if pair is not None:
        a, b = pair
        same = say("same_period", period=w.period_name(b["period"], lang),
                   start=str(int(a["year"])), end=str(int(b["year"])),
                   change=w.change((b["value"] / a["value"] - 1) * 100, lang))
        used += [a["source_id"], b["source_id"]]
    parts.append(say("containers", measure=name(tc), first=fig(t0), start=str(int(t0["year"])),
                     last=fig(t1), end=str(int(t1["year"])), same=same))
    used += [t0["source_id"], t1["source_id"]]
    later = tc.others[(tc.others["year"] > t1["year"]) & tc.others["part_year"]]
    if not later.empty:
        spans = later.sort_values("months").groupby("year").last()
        cannot.append(say("no_full_year", measure=name(tc), year=str(int(t1["year"])),
                          spans=join_items(lang, (w.period(r["period"], y, r["months"], lang)
                                                  for y, r in spans.iterrows()))))
    units = tc.line["unit"].value_counts()
    for _, r in tc.line[tc.line["unit"] != units.index[0]].iterrows():
        cannot.append(say("other_unit", measure=name(tc), year=str(int(r["year"])),
                          unit=w.unit(r["unit"], lang), other=w.unit(units.index[0], lang)))

    ce = measure_series(tables, CHINA_EUROPE_TRAINS)
    e0, e1 = ce.line.iloc[0], ce.line.iloc[-1]
    parts.append(say("for_scale", measure=name(ce), first=fig(e0), start=str(int(e0["year"])),
                     last=fig(e1), end=str(int(e1["year"]))))
    used += [e0["source_id"], e1["source_id"]]

    pairs = [f for f in clearance_facts(tables) if f.phase("before") and f.phase("after")]
    episodes = queue_episodes(tables)
    if pairs or episodes:
        years = sorted(str(f.date)[:4] for f in pairs)
        latest = str(episodes[0].date)[:7] if episodes else ""
        parts.append(say(
            "customs", pairs=str(len(pairs)), episodes=str(len(episodes)),
            years=say("customs_years", start=years[0], end=years[-1]) if years else "",
            latest=say("customs_latest", date=latest if lang == "en" else date_label(latest, lang))
            if episodes else ""))
        used += [s for f in pairs + episodes for s in f.sources]

    cav = tables["logistics_caveats"]
    mine = cav[cav["claim_id"].isin([HUB_CLAIM, CUSTOMS_CLAIM])
               & (cav["measure"].isna() | cav["measure"].isin(VERDICT_MEASURES))]
    cannot = [w.caveat(r.caveat_id, r.statement, lang) for r in mine.itertuples()] + cannot
    used += list(mine["based_on"].dropna())
    name = mc.label if lang == "en" else tr(lang, "chart.middle_corridor.name")
    badges = logistics_badges(name, card["figure"], y0, len(cannot), lang)
    return LogisticsVerdict(HUB_CLAIM, str(c["claim"]), str(c["quote"]),
                            verdict=join_sentences(lang, parts), cannot_say=tuple(cannot),
                            badges=badges,
                            sources=tuple(dict.fromkeys(map(str, used))), **card)


def _card(measure: str, multiple: float, start: int, end: int, lang: str) -> dict[str, str]:
    """Headline, figure ('5.9×') and context of the card: growth of one measure between years."""
    times = fmt_number(multiple, 1, lang=lang)
    params = dict(measure=measure, times=times, start=str(start), end=str(end))
    return dict(headline=tr(lang, "verdict.logistics.headline", **params), figure=times + "×",
                context=tr(lang, "verdict.logistics.context", **params))
