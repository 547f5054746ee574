"""Every announced target with a verdict computed from the primary series.

A source's own claim that a target was met is kept beside our verdict, never
replaced by it, so a page can show both where they differ. pandas only.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.core.official import _float, _is, _opt, _text

VERDICTS = ("met", "missed", "open", "no figure", "statement")


@dataclass(frozen=True)
class TargetHistory:
    """One target from announcement to deadline, and what the data says about it.

    verdict: met (a figure at or above the value, above it for an 'over' target, in a year
    from the announcement to the deadline), missed (the deadline year's figure falls short),
    open (no deadline, or the deadline is after the latest figure), no figure (the deadline
    year, or the base year of a relative target, has no figure), statement (a goal stated with
    no value, no base year and no deadline: nothing to judge it by). verdict_year and
    verdict_value_usd: the year met and its figure, the deadline judged and its figure, the
    latest figure (open), or the year lacking a figure (no figure, value None).
    """

    target_id: str
    announced: str
    announced_year: int
    announced_before: bool  # the source says only 'set before' announced
    announced_by: str
    value_usd: float | None  # computed for a relative target; None without a base figure
    multiple: float | None
    base_year: int | None
    exceed: bool  # 'over' the value
    deadline_year: int | None
    verdict: str
    verdict_year: int | None
    verdict_value_usd: float | None
    verdict_source_id: str | None
    reporter: str  # whose series judged it
    source_id: str
    claimed_met_year: int | None
    claim_source_id: str | None
    note: str

    @property
    def claim_matches(self) -> bool | None:
        """None where no source claims it was met; else whether our verdict says the same."""
        if self.claimed_met_year is None:
            return None
        return self.verdict == "met" and self.verdict_year == self.claimed_met_year


def _judge(value: float, exceed: bool, start: int, deadline: int | None,
           s: pd.DataFrame) -> tuple[str, int | None, float | None, str | None]:
    window = s[s["year"] >= start]
    if deadline is not None:
        window = window[window["year"] <= deadline]
    hit = window[window["value_usd"] > value] if exceed else window[window["value_usd"] >= value]
    if not hit.empty:
        r = hit.iloc[0]
        return "met", int(r["year"]), float(r["value_usd"]), str(r["source_id"])
    if s.empty:
        return "open", None, None, None
    last = s.iloc[-1]
    if deadline is None or deadline > int(last["year"]):
        return "open", int(last["year"]), float(last["value_usd"]), str(last["source_id"])
    at = s[s["year"] == deadline]
    if at.empty:
        return "no figure", deadline, None, None
    r = at.iloc[0]
    return "missed", deadline, float(r["value_usd"]), str(r["source_id"])


def target_history(tables: dict[str, pd.DataFrame], reporter: str = "CHN",
                   partner: str = "KAZ") -> list[TargetHistory]:
    """Every target, in order of announcement, judged against one reporter's primary totals."""
    trade = tables["bilateral_trade"]
    s = trade[_is(trade["reporter"], reporter) & _is(trade["partner"], partner)
              & _is(trade["flow"], "total")].sort_values("year")
    out = []
    for _, t in tables["targets"].iterrows():
        announced = str(t["announced"])
        start = int(announced[:4])
        deadline = None if _opt(t["deadline_year"]) is None else int(t["deadline_year"])
        multiple, base_year = _float(t["target_multiple"]), _opt(t["base_year"])
        value = _float(t["target_value_usd"])
        if value is None and multiple is not None and base_year is not None:
            base = s[s["year"] == int(base_year)]
            value = None if base.empty else float(base["value_usd"].iloc[0]) * multiple
        exceed = bool(_opt(t["target_exceed"]))
        if value is None and base_year is None and deadline is None:
            judged: tuple = ("statement", None, None, None)
        elif value is None:
            missing = int(base_year) if base_year is not None else deadline
            judged = ("no figure", missing, None, None)
        else:
            judged = _judge(value, exceed, start, deadline, s)
        claimed = _opt(t["source_says_met_year"])
        out.append(TargetHistory(
            str(t["target_id"]), announced, start, bool(_opt(t["announced_before"])),
            _text(t["announced_by"]), value, multiple,
            None if base_year is None else int(base_year), exceed, deadline, *judged, reporter,
            str(t["source_id"]), None if claimed is None else int(claimed),
            _opt(t["met_claim_source_id"]), _text(t["note"])))
    return sorted(out, key=lambda h: (h.announced, h.target_id))
