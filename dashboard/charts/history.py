"""Every announced target, from announcement to deadline, with the verdict our data gives."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .. import theme
from ..formatting import fmt_bn
from ..official_targets import TargetHistory, target_history
from .kit import Chart, Options, Tables, source_line, who

VERDICT_STYLE = {  # verdict: (colour, symbol, legend)
    "met": (theme.MET, "star", "Met (our data)"),
    "missed": (theme.MISSED, "x", "Missed (our data)"),
    "open": (theme.NEUTRAL, "circle-open", "Open"),
    "no figure": (theme.UNKNOWN, "diamond-open", "No figure for the deadline year"),
}
NO_DEADLINE_SPAN = 3  # years drawn after announcement for a target without a deadline


@dataclass(frozen=True)
class HistoryChart(Chart):
    targets: tuple[TargetHistory, ...]
    alt: str


def label(t: TargetHistory) -> str:
    what = (f"{t.multiple:g}× {t.base_year}" if t.multiple is not None and t.base_year else
            fmt_bn(t.value_usd) if t.value_usd is not None else "?")
    over = "over " if t.exceed else ""
    by = f" by {t.deadline_year}" if t.deadline_year is not None else ", no deadline"
    return f"{over}{what}{by} ({t.announced})"


def detail(t: TargetHistory) -> str:
    """What our data says, and what the source said, side by side where they differ."""
    ours = {"met": f"met in {t.verdict_year} ({fmt_bn(t.verdict_value_usd)})",
            "missed": f"missed: {fmt_bn(t.verdict_value_usd)} in {t.verdict_year}",
            "open": "open",
            "no figure": f"no figure for {t.deadline_year}"}.get(t.verdict, t.verdict)
    if t.claimed_met_year is not None:
        agree = t.verdict == "met" and t.verdict_year == t.claimed_met_year
        ours += (f"; the source ({t.claim_source_id}) says met in {t.claimed_met_year}"
                 + ("" if agree else " — our data differs"))
    return ours


def target_history_chart(tables: Tables, o: Options) -> HistoryChart:
    ts = tuple(target_history(tables, o.reporter, o.partner))
    title = "Every announced trade target, and what the figures say"
    subtitle = (f"Each bar runs from announcement to deadline; the marker is our verdict on the "
                f"totals of {who(o.reporter)}; diamonds mark where a source said it was met")
    source = source_line([*(t.source_id for t in ts), *(t.verdict_source_id for t in ts
                                                        if t.verdict_source_id)],
                         tables["sources"], lead="Sources:")
    fig = theme.Draft()
    labels = [label(t) for t in ts]
    ends = [t.deadline_year if t.deadline_year is not None
            else t.announced_year + NO_DEADLINE_SPAN for t in ts]
    fig.add_trace(dict(
        type="bar", orientation="h", y=labels, base=[t.announced_year for t in ts],
        x=[max(e - t.announced_year, 0.3) for t, e in zip(ts, ends, strict=True)],
        marker=dict(color="#E5E7EB", line=dict(color=theme.NEUTRAL, width=1)),
        name="From announcement to deadline", customdata=[detail(t) for t in ts],
        hovertemplate="%{y}<br>%{customdata}<extra></extra>"))
    for verdict, (colour, symbol, legend) in VERDICT_STYLE.items():
        hit = [(t, lab, e) for t, lab, e in zip(ts, labels, ends, strict=True)
               if t.verdict == verdict]
        if hit:
            fig.add_trace(dict(
                type="scatter", mode="markers", name=legend,
                x=[t.verdict_year or e for t, _, e in hit], y=[lab for _, lab, _ in hit],
                marker=dict(symbol=symbol, size=14, color=colour, line=dict(color=colour, width=2)),
                customdata=[detail(t) for t, _, _ in hit],
                hovertemplate="%{y}<br>%{customdata}<extra></extra>"))
    claimed = [(t, lab) for t, lab in zip(ts, labels, strict=True) if t.claimed_met_year]
    if claimed:
        fig.add_trace(dict(
            type="scatter", mode="markers", name="A source says met",
            x=[t.claimed_met_year for t, _ in claimed], y=[lab for _, lab in claimed],
            marker=dict(symbol="diamond-open", size=12, color=theme.HIGHLIGHT),
            hovertemplate="%{y}: a source says met in %{x}<extra></extra>"))
    theme.apply(fig, title=title, subtitle=subtitle, source=source,
                x_title="Year (each target's value in US$ is in its label)", y_title=None)
    fig.update_layout(barmode="overlay", height=max(420, 150 + 38 * len(ts)),
                      margin=dict(l=20))
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(tickformat="d")
    counts = {v: sum(t.verdict == v for t in ts) for v in VERDICT_STYLE}
    alt = (f"{len(ts)} announced targets: " + ", ".join(f"{n} {v}" for v, n in counts.items()
                                                       if n) + ".")

    def rows() -> pd.DataFrame:
        return pd.DataFrame([{
            "target_id": t.target_id, "announced": t.announced, "announced_by": t.announced_by,
            "value_usd_bn": None if t.value_usd is None else t.value_usd / 1e9,
            "target_multiple": t.multiple, "base_year": t.base_year,
            "deadline_year": t.deadline_year, "verdict": t.verdict,
            "verdict_year": t.verdict_year,
            "verdict_value_usd_bn": None if t.verdict_value_usd is None
            else t.verdict_value_usd / 1e9, "judged_on": who(t.reporter),
            "source_says_met_year": t.claimed_met_year, "source_id": t.source_id}
            for t in ts])

    return HistoryChart("target-history", title, fig.figure(), rows, "trade-targets-history",
                        source, ts, alt)
