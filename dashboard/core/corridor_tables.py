"""The corridor page's tables, in the reader's language: clearance times, truck queues, policy
steps and where sources disagree.

Pandas only, so the page stays a thin list of widgets and these are tested directly. Every
cell is a figure or a text from the package; only the column names and the words around a
figure (units, 'about', kinds of reading) come from the catalogues.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.core.border import BorderFact
from dashboard.core.data_text import data_text
from dashboard.core.disagreements import Disagreement
from dashboard.core.logistics import clearance_facts, disagreements, policy_steps, queue_episodes
from dashboard.text.corridor import amount, date_label, period_name, phase, reason
from dashboard.text.formatting import fmt_pct, stated_decimals
from dashboard.text.i18n import catalogue, data_label, slug, tr


def _rows(tables: dict[str, pd.DataFrame], fact: BorderFact) -> pd.DataFrame:
    """The border_facts rows of one fact, in the order the core read them."""
    bf = tables["border_facts"]
    return bf[(bf["group_id"] == fact.group_id) & (bf["topic"] == fact.topic)]


def _figure(r, lang: str) -> str:
    return amount(r["value"], r["unit"], lang, str(r["qualifier"]), r["value_high"])


def _period(tables: dict[str, pd.DataFrame], r, lang: str) -> str:
    """A border fact's period: the package's own translation, else a known period name."""
    return period_shown(tables, r["period"], lang, ("border_facts",))


def _with_period(tables: dict[str, pd.DataFrame], r, lang: str) -> str:
    return tr(lang, "corridor.figure_period", figure=_figure(r, lang),
              period=_period(tables, r, lang))


def _col(lang: str, name: str) -> str:
    return tr(lang, f"corridor.col.{name}")


def _joined(lang: str, items) -> str:
    return tr(lang, "common.item_separator").join(dict.fromkeys(str(i) for i in items))


def clearance_table(tables: dict[str, pd.DataFrame], lang: str) -> pd.DataFrame:
    """One row per crossing and statement: the time before, the time after (or a single
    reading), whose figure and the source, newest first."""
    out = []
    for f in clearance_facts(tables):
        rows = _rows(tables, f)
        before, after = rows[rows["phase"] == "before"], rows[rows["phase"] != "before"]
        out.append({
            _col(lang, "date"): date_label(f.date, lang),
            _col(lang, "crossing"): data_label(lang, "place", f.place),
            _col(lang, "mode"): data_label(lang, "mode", f.mode),
            _col(lang, "measured"): _joined(lang, (data_label(lang, "what", x)
                                                   for x in rows["what"])),
            _col(lang, "before"): _joined(lang, (_with_period(tables, r, lang)
                                                 for _, r in before.iterrows())),
            _col(lang, "after"): _joined(lang, (_with_period(tables, r, lang)
                                                for _, r in after.iterrows())),
            _col(lang, "whose"): _joined(lang, (data_label(lang, "whose", x)
                                                for x in rows["whose_figure"])),
            _col(lang, "source"): ", ".join(f.sources)})
    return pd.DataFrame(out)


def queue_table(tables: dict[str, pd.DataFrame], lang: str) -> pd.DataFrame:
    """Every truck-queue reading, target and cap, dated, newest episode first."""
    out = []
    for f in queue_episodes(tables):
        for _, r in _rows(tables, f).iterrows():
            out.append({
                _col(lang, "date"): date_label(r["date"] if pd.notna(r["date"]) else f.date,
                                               lang),
                _col(lang, "crossing"): data_label(lang, "place", f.place),
                _col(lang, "kind"): phase(str(r["phase"]), lang),
                _col(lang, "measured"): data_label(lang, "what", r["what"]),
                _col(lang, "figure"): _figure(r, lang),
                _col(lang, "period"): _period(tables, r, lang),
                _col(lang, "whose"): data_label(lang, "whose", r["whose_figure"]),
                _col(lang, "source"): str(r["source_id"])})
    return pd.DataFrame(out)


@dataclass(frozen=True)
class PolicyStep:
    date: str
    place: str
    what: str
    sources: tuple[str, ...]


def policy_list(tables: dict[str, pd.DataFrame], lang: str) -> list[PolicyStep]:
    """Customs-facilitation steps announced, newest first (they carry no figures)."""
    return [PolicyStep(date_label(f.date, lang), data_label(lang, "place", f.place),
                       _joined(lang, (data_label(lang, "what", r.what) for r in f.readings)),
                       f.sources)
            for f in policy_steps(tables)]


def kind(text: str, lang: str) -> str:
    """A reading's kind (outturn, part-year, forecast, target …) in words."""
    key = f"corridor.kind.{slug(text)}"
    return tr(lang, key) if key in catalogue("en") else text


def disagreement_heading(d: Disagreement, lang: str) -> str:
    # English: the package's own label; else the measure's or the crossing's name, if known
    named = f"data.logistics_measure.{slug(d.measure)}" in catalogue("en")
    what = (d.label if lang == "en" else data_label(lang, "logistics_measure", d.measure)
            if named else data_label(lang, "place", d.label))
    return tr(lang, "corridor.disagree.item", what=what, year=str(d.year),
              reasons=_joined(lang, (reason(x, lang) for x in d.reasons)))


def period_shown(tables: dict[str, pd.DataFrame] | None, period: object, lang: str,
                 resources: tuple[str, ...] = ("logistics", "border_facts")) -> str:
    """A reading's period as the reader sees it (tables, the corridor charts' markers): the
    package's translation from the first of ``resources`` that has one, else a known period
    name, else as stored."""
    found = (data_text(tables, resource, "period", period, lang) if tables else None
             for resource in resources)
    return next((p for p in found if p), None) or period_name(period, lang)


def disagreement_table(d: Disagreement, lang: str,
                       tables: dict[str, pd.DataFrame] | None = None) -> pd.DataFrame:
    """The readings that disagree, each with its figure, whose it is and its source."""
    r = d.readings
    change = [fmt_pct(float(c), is_fraction=False, digits=stated_decimals(c), lang=lang)
              if pd.notna(c)
              else ""
              for c in r["reported_change_pct"]]
    return pd.DataFrame({
        _col(lang, "period"): [period_shown(tables, p, lang) for p in r["period"]],
        _col(lang, "kind"): [kind(str(k), lang) for k in r["kind"]],
        _col(lang, "figure"): [amount(v, u, lang, str(q)) for v, u, q in
                               zip(r["value"], r["unit"], r["qualifier"], strict=True)],
        _col(lang, "change"): change,
        _col(lang, "scope"): r["scope"].astype(str).tolist(),
        _col(lang, "whose"): [data_label(lang, "whose", x) for x in r["whose_figure"]],
        _col(lang, "source"): r["source_id"].astype(str).tolist()})


def disagreement_views(tables: dict[str, pd.DataFrame],
                       lang: str) -> tuple[tuple[str, pd.DataFrame], ...]:
    """Every place sources disagree, as the page shows it: a heading and a table each."""
    return tuple((disagreement_heading(d, lang), disagreement_table(d, lang, tables))
                 for d in disagreements(tables))
