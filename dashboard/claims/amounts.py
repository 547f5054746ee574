"""Numbers as people write them: amounts of money and percentages, each with its precision.

A figure's precision is one unit of its last written digit, in the unit the writer chose:
"$41 billion" is 41 ± 0.5 billion, "$41.5 billion" 41.5 ± 0.05 billion, "32 %" 32 ± 0.5 points.
Chinese amounts in 亿 or 万 are read as English would write them in billions or millions
(410亿 = 41 billion, ± 0.5 billion; 410.5亿 = 41.05 billion), and an amount written out in full
("$41,000,000,000") is precise to its last non-zero digit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

# 41 | 41.05 | 41,05 | 41,000,000,000 | 41 000 | 1 234,5
_NUM = r"\d{1,3}(?:[ \u00a0\u202f,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_SCALE = (r"(?P<scale>trillion|billion|million|триллион\w*|миллиард\w*|миллион\w*|"
          r"(?:tn|bn|bln|b|mn|mln|трлн|млрд|млн)\.?)")
_USD = (r"(?:US\$|\$|USD|U\.?S\.?\s+dollars?|dollars?|долл\.(?:\s?США)?|доллар\w*(?:\s+США)?|"
        r"(?:АҚШ\s+)?доллар\w*)")
_CNY = r"(?:yuan|RMB|CNY|юан\w*|renminbi)"
_KZT = r"(?:tenge|KZT|тенге|теңге\w*|₸)"
_CUR = rf"(?P<cur>{_USD}|{_CNY}|{_KZT})"
_B = r"(?<![\d.,A-Za-z])"  # a number starts at a word edge
_E = r"(?![\w])"

_PATTERNS = [
    # $41 bn, US$ 41.05 billion, USD 41 млрд
    re.compile(rf"(?P<cur0>US\$|\$|USD)\s?(?P<num>{_NUM})(?:\s?{_SCALE}{_E})?", re.I),
    # 41 млрд долларов, 41,05 млрд $, 100 миллиард долларға, 4 100 billion yuan
    re.compile(rf"{_B}(?P<num>{_NUM})\s?{_SCALE}\s?{_CUR}", re.I),
    # 410亿美元, 4100亿元, 5000万美元, 人民币4100亿元, 56億美元 (traditional), 45亿3000万美元
    re.compile(rf"(?P<num>{_NUM})\s?(?P<zscale>万亿|萬億|亿|億|万|萬)?"
               r"(?:(?P<wan>\d{1,4})[万萬])?\s?(?P<zcur>美元|元|人民币|人民幣)"),
]
_PERCENT = re.compile(
    rf"(?P<neg>[-−–]\s?|minus\s|минус\s)?{_B}(?P<num>{_NUM})\s?"
    r"(?P<unit>%|％|percent\b|per\s+cent\b|pct\b|процент\w*|пайыз\w*)", re.I)
_ZH_PERCENT = re.compile(r"(?P<neg>负)?百分之(?P<num>[\d.]+|[零一二三四五六七八九十两点]+)")

_SCALES = {"trillion": 1e12, "tn": 1e12, "трлн": 1e12, "триллион": 1e12, "billion": 1e9,
           "bn": 1e9, "bln": 1e9, "b": 1e9, "млрд": 1e9, "миллиард": 1e9, "million": 1e6,
           "mn": 1e6, "mln": 1e6, "млн": 1e6, "миллион": 1e6}
_ZH_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}


@dataclass(frozen=True)
class Number:
    """A figure found in the text: value, the half-width its precision allows, unit, span."""

    value: float
    half: float  # half a unit of the last written digit, in the same unit as value
    unit: str  # USD | CNY | KZT | percent
    start: int
    end: int

    @property
    def step(self) -> float:
        return 2 * self.half


def _decimal(raw: str, scaled: bool) -> Decimal:
    """'41,05' (a decimal comma), '41,000' (thousands) or '1 234,5' as a Decimal."""
    s = raw.replace("\u00a0", " ").replace("\u202f", " ")
    if re.fullmatch(r"\d{1,3}(?: \d{3})+(?:[.,]\d+)?", s):
        s = s.replace(" ", "")
    if "," in s and "." not in s:
        parts = s.split(",")
        thousands = all(len(p) == 3 for p in parts[1:]) and not scaled
        s = s.replace(",", "") if thousands else s.replace(",", ".")
    return Decimal(s.replace(",", ""))


def _half(d: Decimal) -> Decimal:
    """Half a unit of the last significant written digit: 41 → 0.5, 41.5 → 0.05, 41000 → 500."""
    exp = d.as_tuple().exponent
    if isinstance(exp, int) and exp >= 0 and d != 0:
        digits = str(int(d))
        exp = len(digits) - len(digits.rstrip("0"))
    return Decimal(5) * Decimal(10) ** (int(exp) - 1)


def _currency(raw: str) -> str:
    low = raw.lower()
    if re.fullmatch(_CNY, raw, re.I) or raw in ("元", "人民币", "人民幣"):
        return "CNY"
    if re.fullmatch(_KZT, raw, re.I) or "тенге" in low or "теңге" in low:
        return "KZT"
    return "USD"


def _scale(word: str | None) -> float:
    if not word:
        return 1.0
    low = word.lower().rstrip(".")
    for key, factor in _SCALES.items():
        if low == key or (len(key) > 4 and low.startswith(key)):
            return factor
    return 1.0


def amounts(text: str) -> list[Number]:
    """Every amount of money in the text, left to right, overlaps resolved to the first found."""
    found: list[Number] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            g = m.groupdict()
            zscale = g.get("zscale")
            scaled = bool(g.get("scale") or zscale)
            d = _decimal(m["num"], scaled)
            if zscale:  # 亿 → billions, 万 → millions (万亿 → trillions): read like English
                zscale = {"萬億": "万亿", "億": "亿", "萬": "万"}.get(zscale, zscale)
                if zscale == "亿" and g.get("wan"):  # 45亿3000万 = 45.3亿
                    d += Decimal(g["wan"]) / 10000
                factor = {"亿": (Decimal(10), 1e9), "万": (Decimal(100), 1e6),
                          "万亿": (Decimal(1), 1e12)}[zscale]
                d, mult = (d / factor[0]).normalize(), factor[1]
                if d == d.to_integral():
                    d = d.quantize(Decimal(1))
                half = float(Decimal("0.5") * Decimal(10) ** min(0, d.as_tuple().exponent))
            else:
                mult = _scale(g.get("scale"))
                half = float(_half(d)) if not scaled else float(
                    Decimal(5) * Decimal(10) ** (min(0, int(d.as_tuple().exponent)) - 1))
            cur = g.get("zcur") or g.get("cur") or g.get("cur0") or "$"
            unit = ("USD" if cur == "美元" else "CNY") if g.get("zcur") else _currency(cur)
            end = m.end() - (m.group().endswith(".") and bool(re.search(r"[a-z]\.$", m.group())))
            found.append(Number(float(d) * mult, half * mult, unit, m.start(), end))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda n: n.start)


def _zh_number(raw: str) -> Decimal:
    """'32', '三十二', '二十点五' → Decimal (the small numbers percentages use)."""
    if re.fullmatch(r"[\d.]+", raw):
        return Decimal(raw)
    whole, _, frac = raw.partition("点")
    value = 0
    if "十" in whole:
        tens, _, ones = whole.partition("十")
        value = (_ZH_DIGITS.get(tens, 1) if tens else 1) * 10 + (_ZH_DIGITS.get(ones, 0))
    else:
        value = _ZH_DIGITS.get(whole, 0)
    text = str(value) + ("." + "".join(str(_ZH_DIGITS.get(c, 0)) for c in frac) if frac else "")
    return Decimal(text)


def percentages(text: str) -> list[Number]:
    """Every percentage: '32 %', '32 percent', '32 процента', '32 пайызға', '百分之三十二'."""
    out = []
    for m in _PERCENT.finditer(text):
        d = _decimal(m["num"], scaled=True)
        exp = min(0, int(d.as_tuple().exponent))
        sign = -1 if m["neg"] and m["neg"].strip() else 1
        out.append(Number(sign * float(d), float(Decimal(5) * Decimal(10) ** (exp - 1)),
                          "percent", m.start("num") if sign > 0 else m.start(), m.end()))
    for m in _ZH_PERCENT.finditer(text):
        try:
            d = _zh_number(m["num"])
        except ArithmeticError:
            continue
        exp = min(0, int(d.as_tuple().exponent))
        out.append(Number((-1 if m["neg"] else 1) * float(d),
                          float(Decimal(5) * Decimal(10) ** (exp - 1)), "percent", m.start(),
                          m.end()))
    return sorted(out, key=lambda n: n.start)
