"""Every announced target, from announcement to deadline, with the verdict our data gives."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.charts import theme
from dashboard.charts.kit import HOVER_PLAIN, Chart, Options, Tables, source_line, who
from dashboard.charts.screen.rows import ROWS_SET
from dashboard.core.targets import TargetHistory, target_history
from dashboard.text.formatting import fmt_bn
from dashboard.text.i18n import join_items, tr
from dashboard.text.wording import dated, times
from dashboard.text.wrapping import columns, wrap

VERDICT_STYLE = {  # verdict: (colour, symbol, legend)
    "met": (theme.MET, "star", "legend.verdict.met"),
    "missed": (theme.MISSED, "x", "legend.verdict.missed"),
    "open": (theme.NEUTRAL, "circle-open", "legend.verdict.open"),
    "no figure": (theme.UNKNOWN, "diamond-open", "legend.verdict.no_figure"),
    "statement": (theme.UNKNOWN, "circle-dot", "legend.verdict.statement"),
}
VERDICT_WORD = {"met": "target.status.met", "missed": "target.status.missed",
                "open": "target.status.open", "no figure": "target.status.no_figure",
                "statement": "target.status.statement"}
NO_DEADLINE_SPAN = 3  # years drawn after announcement for a target without a deadline


@dataclass(frozen=True)
class HistoryChart(Chart):
    targets: tuple[TargetHistory, ...]


def label(t: TargetHistory, lang: str = "en") -> str:
    what = (tr(lang, "chart.history.multiple", times=times(t.multiple, lang),
               year=str(t.base_year)) if t.multiple is not None and t.base_year else
            fmt_bn(t.value_usd, lang=lang) if t.value_usd is not None else
            tr(lang, "chart.history.statement") if t.verdict == "statement" else "?")
    if t.exceed:
        what = tr(lang, "chart.history.over", what=what)
    announced = dated(t.announced, lang)
    if t.deadline_year is None:
        return tr(lang, "chart.history.label_no_deadline", what=what, announced=announced)
    return tr(lang, "chart.history.label", what=what, year=str(t.deadline_year),
              announced=announced)


LABEL_COLUMNS = 30  # a label's line: on one line, the longest squeezed a phone's plot to a strip


def _two_lines(text: str) -> str:
    """A target's label on two lines at most: its date on the second where the words fit the
    first ('$40 bn by 2015' / '(June 2011)'), else wrapped, wider where two lines do not hold."""
    cut = max(text.rfind(" ("), text.rfind("（"))
    if cut > 0 and columns(text[:cut]) <= LABEL_COLUMNS >= columns(text[cut:].strip()):
        return f"{text[:cut]}<br>{text[cut:].strip()}"
    lines = wrap(text, LABEL_COLUMNS)
    # Wider where two lines do not hold, in two even lines (the Kazakh 'over $40 bn' label, a
    # 42-column line and a short one, ran off a phone's figure on the left).
    return "<br>".join(lines) if len(lines) <= 2 else theme.balanced(text, LABEL_COLUMNS * 3 // 2)


def gap_text(gap: tuple[int, int], lang: str = "en") -> str:
    return str(gap[0]) if gap[0] == gap[1] else f"{gap[0]}–{gap[1]}"


def detail(t: TargetHistory, lang: str = "en") -> str:
    """What our data says, and what the source said, side by side where they differ.

    An event is dated only where the year before it has a figure: a target first reached
    after a gap is 'met by YEAR at the latest (no figure for A–B)'."""
    value = fmt_bn(t.verdict_value_usd, lang=lang)

    def met() -> str:
        if t.verdict_gap is None:
            return tr(lang, "target.detail.met", year=str(t.verdict_year), value=value)
        return tr(lang, "target.detail.met_by", year=str(t.verdict_year), value=value,
                  gap=gap_text(t.verdict_gap, lang))

    def no_figure() -> str:
        if t.verdict_gap is None or t.bracket is None:
            return tr(lang, "chart.history.no_figure", year=str(t.deadline_year))
        (y0, v0), (y1, v1) = t.bracket
        return tr(lang, "chart.history.no_figure_gap", year=str(t.deadline_year),
                  gap=gap_text(t.verdict_gap, lang), before_year=str(y0),
                  before=fmt_bn(v0, lang=lang), after_year=str(y1), after=fmt_bn(v1, lang=lang))

    ours = {"met": met,
            "missed": lambda: tr(lang, "target.detail.missed", year=str(t.verdict_year),
                                 value=value),
            "open": lambda: tr(lang, "target.status.open"),
            "no figure": no_figure,
            "statement": lambda: tr(lang, "target.detail.statement"),
            }.get(t.verdict, lambda: t.verdict)()
    if t.claimed_met_year is not None:
        ours += tr(lang, "chart.history.claimed", id=str(t.claim_source_id),
                   year=str(t.claimed_met_year))
        ours += "" if t.claim_matches else tr(lang, "chart.history.differs")
    return ours


def target_history_chart(tables: Tables, o: Options) -> HistoryChart:
    lang = o.lang
    ts = tuple(target_history(tables, o.reporter, o.partner))
    title = tr(lang, "chart.history.title")
    subtitle = tr(lang, "chart.history.subtitle", who=who(o.reporter, lang))
    source = source_line([*(t.source_id for t in ts), *(t.verdict_source_id for t in ts
                                                        if t.verdict_source_id)],
                         tables["sources"], lang=lang, width=theme.SOURCE_COLUMNS_NARROW)
    fig = theme.Draft()
    # On two lines: on one, a phone's plot was squeezed to a strip and the longest labels were
    # cut at the figure's left edge.
    labels = [_two_lines(label(t, lang)) for t in ts]
    details = {t.target_id: detail(t, lang) for t in ts}
    ends = [t.deadline_year if t.deadline_year is not None
            else t.announced_year + NO_DEADLINE_SPAN for t in ts]
    fig.add_trace(dict(
        type="bar", orientation="h", y=labels, base=[t.announced_year for t in ts],
        x=[max(e - t.announced_year, 0.3) for t, e in zip(ts, ends, strict=True)],
        marker=dict(color="#E5E7EB", line=dict(color=theme.NEUTRAL, width=1)),
        name=tr(lang, "legend.announcement_to_deadline"),
        customdata=[f"{lab}<br>{details[t.target_id]}" for t, lab in zip(ts, labels, strict=True)],
        hovertemplate=HOVER_PLAIN))
    for verdict, (colour, symbol, legend) in VERDICT_STYLE.items():
        hit = [(t, lab, e) for t, lab, e in zip(ts, labels, ends, strict=True)
               if t.verdict == verdict]
        if hit:
            fig.add_trace(dict(
                type="scatter", mode="markers", name=tr(lang, legend),
                x=[t.verdict_year or e for t, _, e in hit], y=[lab for _, lab, _ in hit],
                marker=dict(symbol=[symbol + ("-open" if verdict == "met" and t.verdict_gap
                                              else "") for t, _, _ in hit],
                            size=14, color=colour, line=dict(color=colour, width=2)),
                customdata=[f"{lab}<br>{details[t.target_id]}" for t, lab, _ in hit],
                hovertemplate=HOVER_PLAIN))
    gaps = [(t, lab) for t, lab in zip(ts, labels, strict=True)
            if t.verdict == "met" and t.verdict_gap is not None]
    for i, (t, lab) in enumerate(gaps):  # the span the event may lie in, not a date
        fig.add_trace(dict(
            type="scatter", mode="lines", x=[t.verdict_gap[0] - 0.5, t.verdict_year],
            y=[lab, lab], line=dict(color=theme.MET, width=4, dash="dot"),
            name=tr(lang, "legend.met_within"), showlegend=i == 0, legendgroup="met-within",
            customdata=[f"{lab}<br>{details[t.target_id]}"] * 2, hovertemplate=HOVER_PLAIN))
    claimed = [(t, lab) for t, lab in zip(ts, labels, strict=True) if t.claimed_met_year]
    if claimed:
        fig.add_trace(dict(
            type="scatter", mode="markers", name=tr(lang, "legend.source_says_met"),
            x=[t.claimed_met_year for t, _ in claimed], y=[lab for _, lab in claimed],
            marker=dict(symbol="diamond-open", size=12, color=theme.HIGHLIGHT),
            customdata=[tr(lang, "hover.source_says_met", label=lab, year=str(t.claimed_met_year))
                        for t, lab in claimed], hovertemplate=HOVER_PLAIN))
    theme.apply(fig, title=title, subtitle=subtitle, source=source,
                x_title=tr(lang, "axis.year_target_values"), y_title=None, lang=lang)
    # Each row as tall as its label: a two-line label needs some 42 px of plot, and the plot
    # gets what the title, legend and source lines (some 380 px) leave of the figure.
    base, pitch = (380, 42) if any("<br>" in lab for lab in labels) else (150, 38)
    fig.update_layout(barmode="overlay", height=max(420, base + pitch * len(ts)),
                      margin=dict(l=20), meta={ROWS_SET: True})  # labels set for a phone
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(tickformat="d")
    counts = {v: sum(t.verdict == v for t in ts) for v in VERDICT_STYLE}
    alt = tr(lang, "alt.history", count=len(ts), verdicts=join_items(lang, (
        tr(lang, "alt.history_part", count=str(n), verdict=tr(lang, VERDICT_WORD[v]))
        for v, n in counts.items() if n)))

    def rows() -> pd.DataFrame:
        return pd.DataFrame([{
            "target_id": t.target_id, "announced": t.announced, "announced_by": t.announced_by,
            "value_usd_bn": None if t.value_usd is None else t.value_usd / 1e9,
            "target_multiple": t.multiple, "base_year": t.base_year,
            "deadline_year": t.deadline_year, "verdict": t.verdict,
            "verdict_year": t.verdict_year,
            "verdict_dated": t.verdict_gap is None,
            "no_figure_from": None if t.verdict_gap is None else t.verdict_gap[0],
            "no_figure_to": None if t.verdict_gap is None else t.verdict_gap[1],
            "verdict_text": details[t.target_id],
            "verdict_value_usd_bn": None if t.verdict_value_usd is None
            else t.verdict_value_usd / 1e9, "judged_on": who(t.reporter, lang),
            "source_says_met_year": t.claimed_met_year, "source_id": t.source_id}
            for t in ts])

    return HistoryChart("target-history", title, fig.figure(), rows, "trade-targets-history",
                        source, ts, alt=alt, lang=lang)
