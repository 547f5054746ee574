"""The doubling target's logic: scenarios from the data and plain-language answers.

Kept apart from the page so that presets and sentences are tested directly and
reused by the export command line. Settings and their limits live in
``settings.py``; this module turns them into paths and sentences.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from dashboard.core.doubling_paths import (
    SCENARIO_COLOURS,
    ScenarioPath,
    drawn,
    path_label,
    required_path,
)
from dashboard.core.flags import Flag, reasons, series_flags, span
from dashboard.core.projection import cagr, project, required_growth, year_reaching
from dashboard.core.projection_settings import LIMITS, PRESET_KEYS, Settings, default_deadline
from dashboard.data.loader import series
from dashboard.text.formatting import fmt_bn, fmt_pct, fmt_share
from dashboard.text.i18n import data_label, join_sentences, tr
from dashboard.text.wording import dated, times


@dataclass(frozen=True)
class Scenario:
    """A rate computed from the data. ``flags``: the flagged readings its years rest on or
    cross; such a scenario is never offered by default, and its label says so."""

    key: str
    label: str
    growth: float
    explanation: str
    flags: tuple[Flag, ...] = ()


@dataclass(frozen=True)
class Progress:
    """One year after the base measured against the target, two ways that must not be
    confused: ``progress`` (the headline) is the share of the increase needed that has been
    made, (value − base) ÷ (target − base); ``level`` is the value ÷ the target."""

    year: int
    value_usd: float
    progress: float  # fraction; negative where the value fell below the base
    level: float  # fraction
    flags: tuple[Flag, ...] = ()


def progress_of(base_value: float, target: float, year: int, value: float,
                flags: tuple[Flag, ...] = ()) -> Progress:
    need = target - base_value
    return Progress(year, value, (value - base_value) / need if need else 1.0, value / target,
                    flags)


@dataclass
class Answer:
    settings: Settings
    who: str  # whose statistics the actual figures are, e.g. "China's customs (GACC)"
    base_value: float
    target_usd: float
    target_label: str
    paths: list[ScenarioPath] = field(default_factory=list)  # one per scenario, in order
    drawn: list[ScenarioPath] = field(default_factory=list)  # and the deadline's; once a rate
    sentences: list[str] = field(default_factory=list)
    required: float | None = None
    required_sentence: str = ""
    progress: list[str] = field(default_factory=list)
    measured: list[Progress] = field(default_factory=list)
    pace_since_base: float | None = None  # CAGR from the base year to the latest figure
    pace_year: int | None = None  # that latest year


def _who(who: str | None, lang: str) -> str:
    return who if who is not None else tr(lang, "who.chn")


def pair_presets(tables: Mapping[str, pd.DataFrame], reporter: str, partner: str,
                 base_year: int, who: str | None = None, lang: str = "en") -> list[Scenario]:
    """``presets`` of a pair's series in the package (what the doubling page offers)."""
    return presets(series(tables["bilateral_trade"], reporter, partner), base_year, who, lang)


def presets(history: pd.DataFrame, base_year: int, who: str | None = None,
            lang: str = "en") -> list[Scenario]:
    """Scenario growth rates computed from the data, never typed in.

    ``who`` names whose statistics ``history`` is, in ``lang`` (China's customs by default).
    """
    who = _who(who, lang)
    out = []
    value = dict(zip(history["year"].astype(int), history["value_usd"].astype(float),
                     strict=True))
    years = set(value)
    if not years:
        return out

    def growth(a: int, b: int) -> float:
        return cagr(value[a], a, value[b], b)

    flags = series_flags(history)

    def marked(key: str, label: str, g: float, explanation: str, a: int, b: int) -> Scenario:
        crossed = span(flags, a, b)
        if crossed:
            label = tr(lang, "scenario.flagged_label", label=label)
            explanation = tr(lang, "scenario.flagged_explanation", explanation=explanation,
                             reasons=reasons(crossed, lang))
        return Scenario(key, label, g, explanation, crossed)

    if base_year in years and base_year - 1 in years:
        g = growth(base_year - 1, base_year)
        period = f"{base_year - 1}→{base_year}"
        out.append(marked("pace_base", tr(lang, "scenario.pace_base", year=str(base_year),
                                          period=period), g,
                          tr(lang, "scenario.growth_of_totals", period=period, who=who),
                          base_year - 1, base_year))
    latest = max(years)
    if latest - 1 in years and (latest != base_year or not out):
        g = growth(latest - 1, latest)
        period = f"{latest - 1}→{latest}"
        out.append(marked("pace_latest", tr(lang, "scenario.pace_latest", period=period), g,
                          tr(lang, "scenario.growth_of_totals", period=period, who=who),
                          latest - 1, latest))
    earlier = sorted(y for y in years if y <= latest - 10)
    if earlier:
        start = earlier[-1]
        n_years = latest - start
        period = f"{start}→{latest}"
        note = "" if n_years == 10 else tr(lang, "scenario.cagr10_note", count=n_years,
                                        year=str(latest - 10))
        out.append(marked("cagr10", tr(lang, "scenario.cagr10", period=period),
                          growth(start, latest),
                          tr(lang, "scenario.cagr10_explanation", period=period, note=note),
                          start, latest))
    return out


def answer(history: pd.DataFrame, settings: Settings, who: str | None = None,
           target_label: str | None = None, lang: str = "en") -> Answer:
    """Everything the page says and draws for one set of controls, in ``lang``."""
    s = settings
    who = _who(who, lang)
    base_row = history[history["year"] == s.base_year]
    base_value = float(base_row["value_usd"].iloc[0])
    target = s.target_usd if s.target_usd is not None else base_value * s.multiple
    target_text = fmt_bn(target, 1, lang=lang)
    if target_label is None:
        target_label = (target_text if s.target_usd is not None else
                        tr(lang, "target.label.multiple", times=times(s.multiple, lang),
                           base_year=str(s.base_year), value=target_text))
    a = Answer(s, who, base_value, target, target_label)
    all_presets = {p.key: p for p in presets(history, s.base_year, who, lang)}
    scenarios = [Scenario("custom", tr(lang, "scenario.custom"), s.growth,
                          tr(lang, "scenario.custom_explanation"))]
    scenarios += [all_presets[k] for k in s.scenarios if k in all_presets]
    reach = {sc.key: year_reaching(base_value, s.base_year, sc.growth, target)
             for sc in scenarios}
    finite = [y for y in reach.values() if y is not None]
    end = min(max([s.deadline, s.base_year + 5, *finite]) + 1, s.base_year + 60)
    for sc in scenarios:
        y = reach[sc.key]
        label = path_label(sc.growth, sc.label, lang)
        path = project(base_value, s.base_year, sc.growth, end)
        a.paths.append(ScenarioPath(
            sc.key, label, sc.growth, tuple(int(v) for v in path["year"]),
            tuple(float(v) for v in path["value"]), y if y is not None and y <= end else None,
            SCENARIO_COLOURS[sc.key], sc.key == "custom", sc.flags, sc.label))
        if y is None:
            sentence = tr(lang, "answer.never", path=label, target=target_text)
        elif y == s.base_year:
            sentence = tr(lang, "answer.already_met", path=label, year=str(y))
        else:
            sentence = tr(lang, "answer.reaches", path=label, target=target_text, year=str(y))
        if sc.flags:
            sentence = join_sentences(lang, [sentence, tr(
                lang, "answer.flagged", reasons=reasons(sc.flags, lang))])
        a.sentences.append(sentence)
    goal = "doubling" if s.target_usd is None and s.multiple == 2 else "reaching"
    if base_value >= target:
        a.required_sentence = tr(lang, f"answer.no_growth.{goal}", target=target_text)
    else:
        a.required = required_growth(base_value, s.base_year, target, s.deadline)
        a.required_sentence = tr(lang, f"answer.required.{goal}", target=target_text,
                                 deadline=str(s.deadline), base_year=str(s.base_year), who=who,
                                 rate=fmt_pct(a.required, sign=False, lang=lang))
    needed = [] if a.required is None else [required_path(
        base_value, s.base_year, a.required, s.deadline, end, lang)]
    a.drawn = drawn([*a.paths, *needed], lang)
    flags = series_flags(history)
    after = history[history["year"] > s.base_year]
    for year, value in zip(after["year"].astype(int), after["value_usd"].astype(float),
                           strict=True):
        m = progress_of(base_value, target, year, value, span(flags, s.base_year, year))
        a.measured.append(m)
        line = tr(lang, "doubling.progress", year=str(year), who=who,
                  value=fmt_bn(value, 1, lang=lang), base_year=str(s.base_year),
                  progress=fmt_share(m.progress, lang=lang), level=fmt_share(m.level, lang=lang))
        if m.flags:
            line = join_sentences(lang, [line, reasons(m.flags, lang)])
        a.progress.append(line)
    if a.measured:
        last = a.measured[-1]
        a.pace_year = last.year
        a.pace_since_base = cagr(base_value, s.base_year, last.value_usd, last.year)
    return a


def default_settings(history: pd.DataFrame, base_year: int = 2023) -> Settings:
    """Defaults from the data: base 2023 (the editorial's year), growth at the latest pace."""
    years = sorted(history["year"].astype(int))
    if base_year not in years:
        base_year = years[-1]
    latest = [p for p in presets(history, base_year) if p.key == "pace_latest" and not p.flags]
    growth = round(latest[0].growth, 3) if latest else 0.05
    growth = min(max(growth, LIMITS.growth_min), LIMITS.growth_max)
    clean = {p.key for p in presets(history, base_year) if not p.flags}
    return Settings(base_year=base_year, growth=growth, deadline=default_deadline(base_year),
                    scenarios=tuple(k for k in PRESET_KEYS if k in clean))


def target_choices(targets: pd.DataFrame, lang: str = "en") -> dict[float, str]:
    """Announced absolute targets as choices: '$40 bn, by 2030 (heads of state, 2022-11)'.

    Standing targets come first, the latest announced first, so the default choice is never
    an expired one ("$40 bn by 2015"): standing means no deadline, or one not before the
    latest announcement's year."""
    out: dict[float, str] = {}
    t = targets.dropna(subset=["target_value_usd"])
    now = pd.to_numeric(t["announced"].astype(str).str[:4], errors="coerce")
    standing = t["deadline_year"].isna() | (t["deadline_year"] >= now.max())
    t = t.assign(_standing=standing.astype(bool), _announced=t["announced"].astype(str))
    for r in t.sort_values(["_standing", "_announced"], ascending=False).itertuples():
        when = (tr(lang, "doubling.when.none") if pd.isna(r.deadline_year) else
                tr(lang, "doubling.when.by", year=str(int(r.deadline_year))))
        out.setdefault(float(r.target_value_usd), tr(
            lang, "doubling.target_option", value=fmt_bn(float(r.target_value_usd), lang=lang),
            when=when, by=data_label(lang, "announced_by", r.announced_by),
            announced=dated(str(r.announced), lang)))
    return out
