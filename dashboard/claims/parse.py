"""Find the claims in a text: each amount, percentage and doubling with its period, flow and bound.

The text is cut into sentences; each figure takes the period its sentence names (else the one
before it), the flow word nearest before it in its clause ("exports to Kazakhstan reached $10.6
billion, imports $7.6 billion"), the bound word just before or after it, and the reporter whose
flow it is ("China's exports", "exports to Kazakhstan", "对哈出口": China). Rules only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dashboard.claims import words as w
from dashboard.claims.amounts import Number, amounts, percentages
from dashboard.claims.periods import Period, find_period, target_year

_ABBREVIATIONS = ("млрд", "млн", "трлн", "долл", "г", "гг", "тыс", "руб", "U.S", "bn", "mn", "vs")
_SENTENCE_END = re.compile(r"[.!?。！？\n]+")
_FLOW = re.compile(r"(?P<total>进出口|贸易额|贸易|turnover|\btrade\b|товарооборот\w*|"
                   r"торгов\w*|сауда\s*айналым\w*|сауда\w*)|(?P<export>" + w.EXPORT.pattern +
                   r")|(?P<import>" + w.IMPORT.pattern + ")", re.I)
_AFTER_LOWER = re.compile(r"^\s?(?:以上|多|астам|артық|асты)")
_AFTER_UPPER = re.compile(r"^\s?(?:以下|以内|кем|аспайды)")
_AFTER_APPROX = re.compile(r"^\s?(?:左右|шамасында|жуық|шамалы)")
# "a 5.1% decrease", "(1% less in nominal terms)", "на 3% меньше": the fall word follows
_AFTER_FALL = re.compile(r"^\s?(?:decreas\w*|declin\w*|drop\w*|fall\w*|less\b|lower\b|"
                         r"меньше|ниже)", re.I)
_OTHER = {"CHN": "KAZ", "KAZ": "CHN"}
CONTEXT = 200


@dataclass(frozen=True)
class Claim:
    """One figure a text states, read with everything needed to check it."""

    text: str  # the sentence it is in
    figure: str  # the figure's own words
    start: int  # offsets of the figure in the whole text
    end: int
    kind: str  # value | growth | share | target
    flow: str  # total | export | import, seen from ``reporter``
    reporter: str | None  # CHN | KAZ: the country whose flow it is, None if unstated
    stated: str | None  # CHN | KAZ: whose statistics the sentence says it quotes
    subject: str  # bilateral | world
    period: Period | None
    value: float  # US$ (or the stated currency) for a value; percent; multiple
    half: float  # half a unit of the last written digit (the claim's own precision)
    unit: str  # USD | CNY | KZT | percent | multiple
    bound: str  # lower | upper | approx | ''
    deadline: int | None = None


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs; 'млрд.' and '41.05' do not end a sentence."""
    out, begin = [], 0
    for m in _SENTENCE_END.finditer(text):
        before = re.search(r"([\w.]+)$", text[begin:m.start()])
        word = before[1] if before else ""
        is_abbrev = (m.group() == "." and (word in _ABBREVIATIONS or len(word) == 1)
                     and text[m.end():m.end() + 1] in (" ", "\u00a0"))
        # 41.05, U.S., e.g.: a full stop with no space after it does not end a sentence
        decimal = m.group() == "." and text[m.end():m.end() + 1].isalnum()
        if is_abbrev or decimal:
            continue
        out.append((begin, text[begin:m.end()]))
        begin = m.end()
    if text[begin:].strip():
        out.append((begin, text[begin:]))
    return [(o + len(s) - len(s.lstrip()), s.strip()) for o, s in out if s.strip()]


def _clause_start(sentence: str, pos: int) -> int:
    cut = [m.end() for m in re.finditer(r"[,;:，；：、—]", sentence[:pos])]
    return cut[-1] if cut else 0


def _reporter(sentence: str, flow_start: int, flow_end: int) -> str | None:
    """Whose flow an export/import word is: partner after 'to/from/в/对', owner before it."""
    after = sentence[flow_end:flow_end + 30]
    hits = sorted((m.start(), code) for code, p in (("CHN", w.CHN), ("KAZ", w.KAZ))
                  for m in p.finditer(after))
    if hits:
        pos, code = hits[0]
        gap = after[:pos]
        if w.TOWARDS.search(gap) or w.PARTNER_CASE.match(after[pos:]):
            return _OTHER[code]
        if len(gap.strip()) == 0:  # 'экспорт Казахстана'
            return code
    before = sentence[max(0, flow_start - 30):flow_start]
    hits = sorted((m.start(), code) for code, p in (("CHN", w.CHN), ("KAZ", w.KAZ))
                  for m in p.finditer(before))
    if hits:
        pos, code = hits[-1]
        if w.TOWARDS.search(before[:pos]) or w.PARTNER_CASE.match(before[pos:]):
            return _OTHER[code]
        return code
    return None


def _flow(sentence: str, pos: int, end: int) -> tuple[str, str | None]:
    clause = _clause_start(sentence, pos)
    found = list(_FLOW.finditer(sentence, clause, pos))
    if not found:
        nxt = re.search(r"[,;:，；：、]", sentence[end:])
        stop = end + nxt.start() if nxt else len(sentence)
        found = list(_FLOW.finditer(sentence, end, stop))[:1]
    if not found:
        return "total", None
    m = found[-1]
    flow = m.lastgroup or "total"
    if flow == "total":
        return "total", None
    return flow, _reporter(sentence, m.start(), m.end())


def _bound(sentence: str, pos: int, end: int) -> str:
    before = sentence[max(0, pos - 22):pos]
    after = sentence[end:end + 12]
    if _AFTER_APPROX.search(after):
        return "approx"
    if _AFTER_LOWER.search(after):
        return "lower"
    if _AFTER_UPPER.search(after):
        return "upper"
    for bound, pattern in (("approx", w.APPROX), ("upper", w.UPPER), ("lower", w.LOWER)):
        tail = re.search(rf"(?:{pattern.pattern})(?:\s+(?:by|of|the|на|до))?\s*"
                         r"(?:US\$|\$|USD|达到|达|為|为)?\s*$", before, re.I)
        if tail:
            return bound
    return ""


def _stated(sentence: str) -> str | None:
    chn, kaz = bool(w.STATED_CHN.search(sentence)), bool(w.STATED_KAZ.search(sentence))
    return "CHN" if chn and not kaz else "KAZ" if kaz and not chn else None


def _claim(sentence: str, offset: int, n: Number, period: Period | None) -> Claim:
    pos, end = n.start - offset, n.end - offset
    flow, reporter = _flow(sentence, pos, end)
    stated = _stated(sentence)
    bound = _bound(sentence, pos, end)
    value = n.value
    world = bool(w.WORLD.search(sentence, _clause_start(sentence, pos), end))
    deadline = None
    if n.unit == "percent":
        near = sentence[max(0, pos - 40):end + 12]
        kind = "share" if w.SHARE.search(near) and not world else "growth"
        lead = sentence[_clause_start(sentence, pos):pos]
        fell = w.FALL.search(lead or sentence[:pos]) or _AFTER_FALL.search(sentence[end:])
        if value > 0 and kind == "growth" and fell:
            value = -value
    else:
        deadline = target_year(sentence)
        kind = "target" if w.TARGET.search(sentence) or deadline else "value"
    if kind == "target":
        period = Period(deadline) if deadline else None
    return Claim(sentence, sentence[pos:end], n.start, n.end, kind, flow,
                 reporter or (stated if flow != "total" else None), stated,
                 "world" if world and n.unit == "percent" else "bilateral", period, value,
                 n.half, n.unit, bound, deadline)


def parse(text: str, as_of: date) -> list[Claim]:
    """Every claim in ``text``, in the order they appear."""
    claims: list[Claim] = []
    previous: Period | None = None
    for offset, sentence in sentences(text):
        period = find_period(sentence, as_of, previous) or previous
        previous = period
        numbers = sorted([*amounts(sentence), *percentages(sentence)], key=lambda n: n.start)
        for n in numbers:
            # A figure is read within its sentence, at most CONTEXT characters either side:
            # a 10 KB text with no full stop stays linear.
            lo = max(0, n.start - CONTEXT)
            shifted = Number(n.value, n.half, n.unit, n.start + offset, n.end + offset)
            claims.append(_claim(sentence[lo:n.end + CONTEXT], offset + lo, shifted, period))
        if m := w.DOUBLE.search(sentence):
            claims.append(Claim(sentence, m.group(), offset + m.start(), offset + m.end(),
                                "target", "total", None, _stated(sentence), "bilateral",
                                None, 2.0, 0.0, "multiple", "", target_year(sentence)))
    return sorted(claims, key=lambda c: c.start)
