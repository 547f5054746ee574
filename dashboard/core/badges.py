"""What a claim's card says first: a verdict kind (typed), its symbol and its words.

The overview shows each claim's badges before any prose; the kind is decided here from the
numbers, never read back out of a sentence, and the symbol carries it without colour.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

import pandas as pd

from dashboard.text.formatting import fmt_bn
from dashboard.text.i18n import tr
from dashboard.text.wording import dated, pct

SAME_BN = 0.5e9  # a claim in whole billions matches a figure within half a billion
KAZ_DIFFERS_PCT = 5.0  # Kazakhstan's figure "differs" when further than this from China's


class VerdictKind(StrEnum):
    MATCHES = "matches"  # the data's primary figure is the claim (rounded as the claim is)
    MATCHES_LATER = "matches_later"  # the claim matches a figure published after the editorial
    DIFFERS = "differs"  # a side's figures are not the claim
    FLAGGED = "flagged"  # a figure the data flags, so its rate says little
    NO_DEADLINE = "no_deadline"  # a goal without a date
    BEHIND = "behind"  # slower than a deadline would need
    ON_PACE = "on_pace"  # fast enough, or reached
    PARTLY = "partly"  # supported in part; the data cannot say the rest
    NO_DATA = "no_data"  # nothing in the data to check against


SYMBOLS = {VerdictKind.MATCHES: "✓", VerdictKind.MATCHES_LATER: "✓", VerdictKind.DIFFERS: "≠",
           VerdictKind.FLAGGED: "⚠", VerdictKind.NO_DEADLINE: "–", VerdictKind.BEHIND: "↘",
           VerdictKind.ON_PACE: "↗", VerdictKind.PARTLY: "◐", VerdictKind.NO_DATA: "?"}


@dataclass(frozen=True)
class Badge:
    """One finding of a claim's card: its kind and its words in the reader's language."""

    kind: VerdictKind
    text: str

    @property
    def symbol(self) -> str:
        return SYMBOLS[self.kind]

    @property
    def label(self) -> str:
        return f"{self.symbol} {self.text}"


def _b(kind: VerdictKind, lang: str, key: str, **params: object) -> Badge:
    return Badge(kind, tr(lang, f"badge.{key}", **params))


def trade_badges(chn: float | None, kaz: float | None, claimed: float, year: int,
                 lang: str = "en") -> tuple[Badge, ...]:
    """China's total against the claim, then Kazakhstan's against China's when it differs."""
    if chn is None:
        return (_b(VerdictKind.NO_DATA, lang, "no_chn", year=str(year)),)
    out = [_b(VerdictKind.MATCHES, lang, "matches_china") if abs(chn - claimed) < SAME_BN else
           _b(VerdictKind.DIFFERS, lang, "differs_china",
              diff=pct((chn / claimed - 1) * 100, lang, digits=0))]
    if kaz is not None and abs(kaz / chn - 1) * 100 > KAZ_DIFFERS_PCT:
        out.append(_b(VerdictKind.DIFFERS, lang, "kaz_lower" if kaz < chn else "kaz_higher",
                      diff=pct(abs(kaz / chn - 1) * 100, lang, digits=0, sign=False),
                      value=fmt_bn(kaz, digits=1, lang=lang)))
    return tuple(out)


def growth_badges(computed: float | None, claimed: float, kaz_rate: float | None,
                  kaz_flagged: bool, lang: str = "en") -> tuple[Badge, ...]:
    """China's computed growth against the claim (as rounded), then Kazakhstan's rate."""
    if computed is None:
        return (_b(VerdictKind.NO_DATA, lang, "no_previous"),)
    out = [_b(VerdictKind.MATCHES, lang, "matches_china") if round(computed) == round(claimed)
           else _b(VerdictKind.DIFFERS, lang, "differs_china_rate", rate=pct(computed, lang))]
    if kaz_rate is not None:
        rate = pct(kaz_rate, lang)
        if kaz_flagged:
            out.append(_b(VerdictKind.FLAGGED, lang, "kaz_flagged", rate=rate))
        elif round(kaz_rate) != round(claimed):
            out.append(_b(VerdictKind.DIFFERS, lang, "kaz_rate", rate=rate))
    return tuple(out)


def world_badges(claimed: float, volume, editorial_published: str,
                 lang: str = "en") -> tuple[tuple[Badge, ...], object | None]:
    """The claim against the world volume readings (oldest first): the latest that matches,
    and whether it was published after the editorial. Returns the badges and that reading."""
    matching = [r for r in volume if round(r.change_pct, 1) == round(claimed, 1)]
    if not volume:
        return (_b(VerdictKind.NO_DATA, lang, "no_world"),), None
    if not matching:
        return (_b(VerdictKind.DIFFERS, lang, "differs_world"),), volume[-1]
    m = matching[-1]
    after = bool(editorial_published) and str(m.published) > editorial_published
    return ((_b(VerdictKind.MATCHES_LATER, lang, "matches_later", date=dated(m.published, lang))
             if after else _b(VerdictKind.MATCHES, lang, "matches_world")),), m


def doubling_badges(reached: bool, pace: float | None, needed: float | None, deadline: int,
                    lang: str = "en") -> tuple[Badge, ...]:
    """A goal without a date; then whether the pace so far would reach it by ``deadline``."""
    out = [_b(VerdictKind.NO_DEADLINE, lang, "no_deadline")]
    if reached:
        out.append(_b(VerdictKind.ON_PACE, lang, "reached"))
    elif pace is not None and needed is not None:
        kind = VerdictKind.ON_PACE if pace >= needed else VerdictKind.BEHIND
        out.append(_b(kind, lang, "on_pace" if kind is VerdictKind.ON_PACE else "behind",
                      pace=pct(pace, lang, sign=False), needed=pct(needed, lang, sign=False),
                      deadline=str(deadline)))
    return tuple(out)


def logistics_badges(measure: str, times: str, start: int, cannot_say: int,
                     lang: str = "en") -> tuple[Badge, ...]:
    """The hub claim: growth of the corridor, and (when so) that the data cannot say the rest."""
    kind = VerdictKind.PARTLY if cannot_say else VerdictKind.ON_PACE
    out = [_b(kind, lang, "corridor_partly" if cannot_say else "corridor_grew", measure=measure,
              times=times, start=str(start))]
    if cannot_say:
        out.append(_b(VerdictKind.NO_DATA, lang, "cannot_say", count=cannot_say))
    return tuple(out)


def short_publisher(publisher: str) -> str:
    """'WTO (reported by TASS)' -> 'WTO'; 'United Nations Statistics Division, UN Comtrade
    Database (Comtrade Plus API)' -> 'UN Comtrade Database': the name a reader knows."""
    name = re.sub(r"\s*\([^)]*\)", "", str(publisher)).strip()
    return name.split(", ")[-1] if name else str(publisher)


def short_sources(ids, sources: pd.DataFrame, most: int = 3) -> tuple[tuple[str, ...], int]:
    """One short line's worth: distinct short publisher names in order (at most ``most``),
    and how many more there are."""
    src = sources.set_index("source_id")["publisher"]
    names = list(dict.fromkeys(short_publisher(src[s]) for s in dict.fromkeys(ids)
                               if s in src.index))
    return tuple(names[:most]), max(0, len(names) - most)


__all__ = ["SYMBOLS", "Badge", "VerdictKind", "doubling_badges", "growth_badges",
           "logistics_badges", "short_publisher", "short_sources", "trade_badges",
           "world_badges"]
