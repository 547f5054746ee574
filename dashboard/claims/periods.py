"""Periods as people write them: a year, "last year", months, quarters, halves, first N months.

``find_period`` reads one sentence and returns (year, month_start, month_end) or None. A year
with no months is the full year; months with no year take the sentence's year, else the year
of the text's previous period (``parse`` carries it), else the ``as_of`` year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)(?!\s?(?:%|％|bn|млрд|亿))")
_LAST_YEAR = re.compile(r"last\s+year|previous\s+year|в\s+прошлом\s+году|за\s+прошлый\s+год|"
                        r"прошлого\s+года|去年|上一年|былтыр|өткен\s+жыл\w*", re.I)
_THIS_YEAR = re.compile(r"this\s+year|в\s+этом\s+году|今年|биыл", re.I)

# Month stems in English, Russian (all cases) and Kazakh, numbered.
_MONTHS = {
    1: ("jan", "январ", "қаңтар"), 2: ("feb", "феврал", "ақпан"), 3: ("mar", "март", "наурыз"),
    4: ("apr", "апрел", "сәуір"), 5: ("may", "ма[йяе]", "мамыр"), 6: ("jun", "июн", "маусым"),
    7: ("jul", "июл", "шілде"), 8: ("aug", "август", "тамыз"), 9: ("sep", "сентябр", "қыркүйек"),
    10: ("oct", "октябр", "қазан"), 11: ("nov", "ноябр", "қараша"),
    12: ("dec", "декабр", "желтоқсан"),
}
_MONTH_WORD = "|".join(f"(?P<m{n}_{{i}}>{'|'.join(stems)})" for n, stems in _MONTHS.items())
_DASH = r"\s?(?:[-–—‒]|to|through|по|до|\s)\s?"


def _month_re(i: int) -> str:
    return rf"(?:{_MONTH_WORD.format(i=i)})\w*"


_MONTH_RANGE = re.compile(rf"\b{_month_re(1)}\.?{_DASH}{_month_re(2)}\.?", re.I)
_ZH_MONTHS = re.compile(r"(?<!\d)(\d{1,2})\s?[-–—~至到]\s?(\d{1,2})\s?月")
_FIRST_N = re.compile(
    r"(?:first|за|in\s+the\s+first|алғашқы|бірінші|алдыңғы|前)\s?(\d{1,2}|ten|nine|eleven|"
    r"eight|seven|six|five|four|three|two|десять|девять|одиннадцать|восемь|семь|шесть|пять|"
    r"четыре|три|два|[一二三四五六七八九十]{1,2})\s?(?:months|месяц\w*|ай\w*|个?月)", re.I)
_QUARTER = re.compile(
    r"\b(?:Q([1-4])|([1-4])Q|(first|second|third|fourth)\s+quarter|"
    r"(I{1,3}|IV|перв\w*|втор\w*|трет\w*|четв[её]рт\w*|бірінші|екінші|үшінші|төртінші)\s+"
    r"(?:квартал\w*|тоқсан\w*))|([一二三四])季度|第([一二三四])季度", re.I)
_HALF = re.compile(r"first\s+half|H1|перв\w+\s+полугоди\w*|1-?м\s+полугодии|"
                   r"бірінші\s+жартыжылдық\w*|жарты\s+жыл\w*|上半年", re.I)
_WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "два": 2, "три": 3, "четыре": 4, "пять": 5,
                 "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10,
                 "одиннадцать": 11}
_ZH = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
       "十一": 11}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "i": 1, "ii": 2, "iii": 3,
             "iv": 4, "перв": 1, "втор": 2, "трет": 3, "четв": 4, "бірінші": 1, "екінші": 2,
             "үшінші": 3, "төртінші": 4, "一": 1, "二": 2, "三": 3, "四": 4}
_DEADLINE = re.compile(r"(?:\b(?:by|до|к)\s|到|至)\s?((?:19|20)\d\d)|((?:19|20)\d\d)\s?"
                       r"(?:жылға|年前(?![\d一二三四五六七八九十]))", re.I)


@dataclass(frozen=True)
class Period:
    year: int
    month_start: int = 1
    month_end: int = 12

    @property
    def full_year(self) -> bool:
        return (self.month_start, self.month_end) == (1, 12)

    def start(self) -> str:
        return f"{self.year:04d}-{self.month_start:02d}"

    def end(self) -> str:
        return f"{self.year:04d}-{self.month_end:02d}"


def _month_of(m: re.Match, i: int) -> int:
    return next(n for n in _MONTHS if m.group(f"m{n}_{i}"))


def _count(raw: str) -> int | None:
    raw = raw.lower()
    if raw.isdigit():
        return int(raw)
    return _WORD_NUMBERS.get(raw) or _ZH.get(raw)


def _quarter(m: re.Match) -> int | None:
    raw = next((g for g in m.groups() if g), "").lower()
    if raw.isdigit():
        return int(raw)
    return next((q for k, q in _ORDINALS.items() if raw.startswith(k)), None)


def months(text: str) -> tuple[int, int] | None:
    """The months a sentence names (1, 10 for January–October), or None for none."""
    if m := _MONTH_RANGE.search(text):
        a, b = _month_of(m, 1), _month_of(m, 2)
        if a <= b:
            return a, b
    if m := _ZH_MONTHS.search(text):
        a, b = int(m[1]), int(m[2])
        if 1 <= a <= b <= 12:
            return a, b
    if m := _FIRST_N.search(text):
        n = _count(m[1])
        if n and 1 <= n <= 12:
            return 1, n
    if m := _HALF.search(text):
        return 1, 6
    if m := _QUARTER.search(text):
        q = _quarter(m)
        if q:
            return 3 * q - 2, 3 * q
    return None


def find_period(text: str, as_of: date, previous: Period | None = None) -> Period | None:
    """The period one sentence speaks of (see the module docstring)."""
    year = None
    if m := _YEAR.search(text):
        year = int(m[1])
    elif _LAST_YEAR.search(text):
        year = as_of.year - 1
    elif _THIS_YEAR.search(text):
        year = as_of.year
    span = months(text)
    if year is None and span is None:
        return None
    if year is None:
        year = previous.year if previous is not None else as_of.year
    return Period(year, *(span or (1, 12)))


def target_year(text: str) -> int | None:
    """'by 2030', 'к 2030 году', '2030 жылға қарай', '到2030年': a deadline, if stated."""
    m = _DEADLINE.search(text)
    return int(m[1] or m[2]) if m else None
