"""The projection settings: one definition of their limits and checks.

The doubling page's widgets, its shareable link and the export command line all
take the same settings; each reads its limits and validation from here, so the
three can never drift apart. The page falls back with a notice where the command
line stops with an error: both get the same one-line reason from ``check_*``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace

from dashboard.errors import UserError
from dashboard.text.formatting import fmt_multiple, fmt_number, fmt_pct, signed
from dashboard.text.i18n import tr
from dashboard.text.plain import quoted

PRESET_KEYS = ("pace_base", "pace_latest", "cagr10")


@dataclass(frozen=True)
class Limits:
    growth_min: float = -0.20
    growth_max: float = 0.50
    multiple_min: float = 1.1
    multiple_max: float = 5.0
    target_min_bn: float = 1.0
    target_max_bn: float = 1000.0
    deadline_span: int = 50  # latest deadline offered, in years after the base year
    default_deadline: int = 2030


LIMITS = Limits()


@dataclass(frozen=True)
class Settings:
    base_year: int = 2023
    growth: float = 0.069
    multiple: float = 2.0
    target_usd: float | None = None  # absolute target; None means use ``multiple``
    deadline: int = 2030
    scenarios: tuple[str, ...] = PRESET_KEYS
    log: bool = False

    def to_params(self) -> dict[str, str]:
        """Query parameters that restore this view."""
        p = {"base": str(self.base_year), "growth": f"{self.growth:.4g}",
             "deadline": str(self.deadline), "scenarios": ",".join(self.scenarios) or "none"}
        if self.target_usd is None:
            p["multiple"] = f"{self.multiple:g}"
        else:
            p["target"] = f"{self.target_usd / 1e9:g}"
        if self.log:
            p["log"] = "1"
        return p


class SettingError(UserError, ValueError):
    """A setting outside its limits; the message is one line a person can act on."""


def _finite(value: float, what: str, lang: str = "en") -> float:
    if not isinstance(value, int | float) or not math.isfinite(value):
        raise SettingError(tr(lang, "setting.not_finite", what=tr(lang, f"setting.what.{what}")))
    return float(value) + 0.0  # -0 is 0: never "−0.0 %" on a page or "-0.0pct" in a file name


def _g(value: float, lang: str) -> str:
    """A number as typed ('0.069', '-0.2'), with the reader's decimal comma ('0,069')."""
    text = f"{value:g}"
    if lang == "en" or "e" in text:
        return text
    return fmt_number(value, len(text.partition(".")[2]), lang=lang)


def check_base_year(year: float, years: list[int], who: str | None = None,
                    lang: str = "en") -> int:
    if _finite(year, "base_year", lang) != int(year) or int(year) not in years:
        raise SettingError(tr(lang, "setting.base_year", year=f"{year:g}",
                              who=who or tr(lang, "setting.chosen_reporter"),
                              years=", ".join(map(str, years))))
    return int(year)


def check_growth(fraction: float, limits: Limits = LIMITS, lang: str = "en",
                 in_percent: bool = False) -> float:
    """A growth rate as a fraction; out of limits, the message says them as fractions (the
    command line's ``--growth 0.069``) or, ``in_percent``, as a page does ('−50.0%')."""
    g = _finite(fraction, "growth", lang)
    if not limits.growth_min <= g <= limits.growth_max:
        if in_percent:
            raise SettingError(tr(lang, "setting.growth_pct", **{
                k: fmt_pct(v, sign=False, lang=lang)
                for k, v in (("value", g), ("min", limits.growth_min),
                             ("max", limits.growth_max))}))
        raise SettingError(tr(lang, "setting.growth", value=_g(g, lang),
                              min=_g(limits.growth_min, lang), max=_g(limits.growth_max, lang)))
    return round(g, 4) + 0.0  # -0.00001 rounds to -0


def check_multiple(multiple: float, limits: Limits = LIMITS, lang: str = "en") -> float:
    m = _finite(multiple, "multiple", lang)
    if not limits.multiple_min <= m <= limits.multiple_max:
        raise SettingError(tr(lang, "setting.multiple", value=_g(m, lang),
                              min=_g(limits.multiple_min, lang),
                              max=_g(limits.multiple_max, lang)))
    return round(m, 2)


def check_target_bn(target_bn: float, limits: Limits = LIMITS, lang: str = "en") -> float:
    """An absolute target in US$ bn, returned in dollars."""
    t = _finite(target_bn, "target", lang)
    if not limits.target_min_bn <= t <= limits.target_max_bn:
        raise SettingError(tr(lang, "setting.target", value=_g(t, lang),
                              min=_g(limits.target_min_bn, lang),
                              max=_g(limits.target_max_bn, lang)))
    return t * 1e9


def deadline_range(base_year: int, limits: Limits = LIMITS) -> tuple[int, int]:
    return base_year + 1, base_year + limits.deadline_span


def check_deadline(year: float, base_year: int, limits: Limits = LIMITS,
                   lang: str = "en") -> int:
    lo, hi = deadline_range(base_year, limits)
    y = _finite(year, "deadline", lang)
    if y != int(y) or not lo <= y <= hi:
        raise SettingError(tr(lang, "setting.deadline", value=signed(f"{y:g}"),
                              min=str(lo), max=str(hi)))
    return int(y)


def default_deadline(base_year: int, limits: Limits = LIMITS) -> int:
    lo, hi = deadline_range(base_year, limits)
    return min(max(limits.default_deadline, lo), hi)


TRUE_WORDS = ("1", "true", "yes", "on")
FALSE_WORDS = ("0", "false", "no", "off")
MAX_NOTICE_VALUE = 40  # characters of a user's value repeated in a notice
MAX_UNKNOWN_LISTED = 5


def said(raw: str | None, limit: int = MAX_NOTICE_VALUE) -> str:
    """A user's value in a notice, bounded and quoted as typed, hidden characters spelled out
    (``plain.quoted``): ``'\\$5'`` keeps its one backslash (``repr`` doubled them)."""
    return quoted("" if raw is None else raw, limit)


def link_value(params: Mapping[str, str | list[str]], key: str) -> str | None:
    """One link parameter as text: the last of a repeated one, stripped; None when absent."""
    v = params.get(key)
    if isinstance(v, list):
        v = v[-1] if v else None
    return None if v is None else str(v).strip()


def parse_params(params: Mapping[str, str | list[str]], base_years: list[int],
                 default: Settings, who: str | None = None,
                 limits: Limits = LIMITS, lang: str = "en") -> tuple[Settings, list[str]]:
    """Settings from a shared link; anything unusable falls back to the default with a notice.

    Notices are plain text in ``lang`` that repeat the user's value shortened: pages must
    show them as text, never as Markdown.
    """
    s = default
    notices: list[str] = []

    def get(key: str) -> str | None:
        return link_value(params, key)

    def read(key: str, check, fallback: str):
        raw = get(key)
        if raw is None:
            return None
        try:
            return check(float(raw))
        except ValueError as exc:  # float() and SettingError
            why = str(exc) if isinstance(exc, SettingError) else tr(lang, "setting.not_a_number")
            notices.append(tr(lang, "setting.ignored", key=key, value=said(raw),
                              why=why, fallback=fallback))
            return None

    times = f"{default.multiple:g}" if lang == "en" else fmt_multiple(default.multiple,
                                                                      lang=lang)[:-1]
    base = read("base", lambda v: check_base_year(v, base_years, who, lang),
                str(default.base_year))
    if base is not None:
        s = replace(s, base_year=base)
    # "6.9" in a link is read as percent, "0.069" as a fraction; a notice says percent
    growth = read("growth", lambda v: check_growth(v / 100 if abs(v) > 1 else v, limits, lang,
                                                   in_percent=True),
                  fmt_pct(default.growth, sign=False, lang=lang))
    if growth is not None:
        s = replace(s, growth=growth)
    target = read("target", lambda v: check_target_bn(v, limits, lang),
                  tr(lang, "setting.fallback_multiple", times=times))
    if target is not None:
        s = replace(s, target_usd=target)
        if get("multiple") is not None:  # both in one link: say which one is used
            notices.append(tr(lang, "setting.target_wins", value=said(get("multiple")),
                              target=said(get("target"))))
    if s.target_usd is None:
        multiple = read("multiple", lambda v: check_multiple(v, limits, lang), f"{times}×")
        if multiple is not None:
            s = replace(s, multiple=multiple)
    fallback_deadline = default_deadline(s.base_year, limits)
    deadline = read("deadline", lambda v: check_deadline(v, s.base_year, limits, lang),
                    str(fallback_deadline))
    s = replace(s, deadline=deadline if deadline is not None else (
        s.deadline if deadline_range(s.base_year, limits)[0] <= s.deadline
        <= deadline_range(s.base_year, limits)[1] else fallback_deadline))
    raw = get("scenarios")
    if raw is not None:
        keys = [k.strip() for k in raw.split(",") if k.strip() and k.strip() != "none"]
        bad = [k for k in keys if k not in PRESET_KEYS]
        if bad:
            notices.append(tr(lang, "setting.scenarios", names=_listed(bad, 40, lang),
                              known=", ".join(PRESET_KEYS)))
        s = replace(s, scenarios=tuple(k for k in PRESET_KEYS if k in keys))
    raw = get("log")
    if raw is not None:
        if raw.lower() in TRUE_WORDS or raw.lower() in FALSE_WORDS:
            s = replace(s, log=raw.lower() in TRUE_WORDS)
        else:
            notices.append(tr(lang, "setting.log", value=said(raw),
                              words=", ".join(TRUE_WORDS + FALSE_WORDS),
                              fallback="1" if default.log else "0"))
    known = {"base", "growth", "target", "multiple", "deadline", "scenarios", "log", "lang",
             "prices", "deflator"}  # the prices' own (core.prices.parse_params)
    unknown = [k for k in params if k not in known]
    if unknown:
        notices.append(tr(lang, "setting.unknown_params", names=_listed(unknown, 20, lang)))
    return s, notices


def _listed(values: list[str], limit: int, lang: str) -> str:
    """The first few of a user's values, each shortened and quoted, and how many more."""
    shown = ", ".join(said(v, limit) for v in values[:MAX_UNKNOWN_LISTED])
    more = len(values) - MAX_UNKNOWN_LISTED
    return tr(lang, "setting.and_more", names=shown, count=str(more)) if more > 0 else shown
