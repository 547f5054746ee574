"""``check_text``: every claim in a text, compared with the readings, with its verdict in words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard.claims.compare import Evidence, evidence, verdict
from dashboard.claims.explain import explain
from dashboard.claims.parse import Claim, parse

MAX_CHARS = 10_000  # longer text is cut here: the check stays well under a second
MAX_CLAIMS = 100  # and at most this many figures are checked


@dataclass(frozen=True)
class Checked:
    """One claim, the readings it was compared with, the verdict and why."""

    claim: Claim
    readings: tuple[Evidence, ...]
    verdict: str  # matches | close | differs | no_data
    explanation: str

    def as_json(self) -> dict:
        c, p = self.claim, self.claim.period
        return {
            "text": c.text,
            "figure": c.figure,
            "start": c.start,
            "end": c.end,
            "kind": c.kind,
            "flow": c.flow,
            "reporter": c.reporter,
            "statistics_stated": c.stated,
            "subject": c.subject,
            "period_start": p.start() if p else None,
            "period_end": p.end() if p else None,
            "value": c.value,
            "unit": c.unit,
            "bound": c.bound,
            "verdict": self.verdict,
            "explanation": self.explanation,
            "readings": [{"source_id": e.source_id, "reporter": e.reporter, "value": e.value,
                          "computed": e.computed, "note": e.note, "matches": e.matches}
                         for e in self.readings],
        }


@dataclass(frozen=True)
class Report:
    text: str  # the text read (cut to MAX_CHARS)
    claims: tuple[Checked, ...]
    truncated: bool  # the text was longer than MAX_CHARS
    more: int = 0  # figures found beyond MAX_CLAIMS, not checked


def check_text(tables: dict[str, pd.DataFrame], text: str, *, as_of: date | None = None,
               lang: str = "en") -> Report:
    """Find the claims in ``text`` and check each against the package's readings."""
    text = str(text)
    truncated = len(text) > MAX_CHARS
    text = text[:MAX_CHARS]
    out = []
    found_claims = parse(text, as_of or date.today())
    for claim in found_claims[:MAX_CLAIMS]:
        found = evidence(tables, claim)
        v = verdict(found) if claim.unit in ("USD", "percent", "multiple") else "no_data"
        out.append(Checked(claim, tuple(found), v, explain(claim, found, v, lang)))
    return Report(text, tuple(out), truncated, max(0, len(found_claims) - MAX_CLAIMS))
