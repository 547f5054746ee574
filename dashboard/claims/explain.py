"""Each verdict in words, in the reader's language: whose reading matches, what the other says."""

from __future__ import annotations

from dashboard.claims.compare import Evidence
from dashboard.claims.parse import Claim
from dashboard.claims.periods import Period
from dashboard.text.formatting import capitalise, cldr_locale, fmt_bn, fmt_number
from dashboard.text.i18n import join_sentences, tr
from dashboard.text.wording import pct, times

SIDES = ("CHN", "KAZ")


def period_label(period: Period | None, lang: str) -> str:
    """'2023', 'January–October 2025' ('2025年一月至十月'), in the reader's language."""
    if period is None:
        return ""
    if period.full_year:
        return str(period.year)
    names = cldr_locale(lang).months["stand-alone"]["wide"]
    return tr(lang, "claims.period.months", start=names[period.month_start],
              end=names[period.month_end], year=str(period.year))


def figure(value: float, unit: str, lang: str, computed: bool = False) -> str:
    """A claimed or read figure as the reader writes it."""
    if unit == "USD":
        return fmt_bn(value, lang=lang)
    if unit == "multiple":
        return times(value, lang) + "×"
    if unit == "percent":
        text = pct(value, lang, digits=1)
        return tr(lang, "claims.computed", value=text) if computed else text
    return fmt_number(value, 0, lang=lang)


def whose(reporter: str | None, lang: str) -> str:
    """'China's statistics', 'Kazakhstan's statistics', or the organisation/announcer named."""
    if reporter in SIDES:
        return tr(lang, f"claims.whose.{reporter}")
    return reporter or tr(lang, "claims.whose.none")


def _said(e: Evidence, unit: str, lang: str) -> str:
    return figure(e.value, unit, lang, e.computed)


def _nearest(claim: Claim, found: list[Evidence]) -> Evidence:
    return min(found, key=lambda e: abs(e.value - claim.value))


def explain(claim: Claim, found: list[Evidence], verdict: str, lang: str) -> str:
    """One paragraph: the verdict's reason, whose statistics, what the other side says."""
    unit = "percent" if claim.unit == "percent" else claim.unit
    if claim.unit in ("CNY", "KZT"):
        return tr(lang, "claims.explain.currency",
                  currency=tr(lang, f"claims.currency.{claim.unit}"))
    if claim.period is None and claim.kind != "target":
        return tr(lang, "claims.explain.no_period")
    if not found:
        return tr(lang, "claims.explain.no_data", period=period_label(claim.period, lang))
    if claim.kind == "target":
        hits = [e for e in found if e.matches] or [_nearest(claim, found)]
        key = "claims.explain.target_match" if verdict == "matches" else \
            "claims.explain.target_nearest"
        return join_sentences(lang, [tr(lang, key, target=e.note, who=e.reporter or "",
                                        value=_said(e, unit, lang), source=e.source_id)
                                     for e in hits[:3]])
    if claim.subject == "world" or claim.kind == "share":
        e = next((e for e in found if e.matches), None) or _nearest(claim, found)
        key = "claims.explain.match" if e.matches else "claims.explain.nearest"
        first = tr(lang, key, whose=whose(e.reporter, lang), value=_said(e, unit, lang),
                   source=e.source_id)
        others = [f"{x.reporter} {x.note}: {_said(x, unit, lang)} ({x.source_id})"
                  for x in found if x is not e][:4]
        return join_sentences(lang, [first] + ([tr(lang, "claims.explain.also",
                                                   readings="; ".join(others))] if others else []))
    parts = []
    matched = [e for e in found if e.matches]
    preferred = [e for e in matched if e.reporter == claim.stated] or matched
    first = preferred[0] if preferred else _nearest(claim, found)
    key = "claims.explain.match" if first.matches else "claims.explain.nearest"
    parts.append(tr(lang, key, whose=whose(first.reporter, lang), value=_said(first, unit, lang),
                    source=first.source_id))
    for side in SIDES:
        if side == first.reporter:
            continue
        mine = [e for e in found if e.reporter == side]
        if not mine:
            parts.append(capitalise(tr(lang, "claims.explain.other_none",
                                       whose=whose(side, lang))))
            continue
        e = next((e for e in mine if e.matches), None) or mine[0]
        parts.append(capitalise(tr(lang, "claims.explain.other_side", whose=whose(side, lang),
                                   value=_said(e, unit, lang), source=e.source_id)))
    if claim.stated and claim.stated != first.reporter:
        parts.append(tr(lang, "claims.explain.stated", whose=whose(claim.stated, lang)))
    return join_sentences(lang, parts)
