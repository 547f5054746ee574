"""Every word a reader sees, in English, 简体中文, Русский and Қазақша (Cyrillic).

Why JSON catalogues (``dashboard/text/locales/<lang>.json``) and not gettext:

* Keys are stable names (``growth.cagr_metric``), not the English sentence. Rewording the
  English never orphans a translation, as a changed gettext msgid does (it turns "fuzzy"
  and quietly ships English).
* No compile step and no binary ``.mo`` files: the file a translator edits is the file the
  app reads, and a review diff shows exactly which sentence changed in which language.
* The completeness contract (every key in all four languages, identical placeholders, no
  empty value) is a plain test over four dicts; gettext would need a toolchain for it.
* Messages are ``str.format`` templates with named placeholders, as the code already
  writes them. The one gettext feature we would miss, plurals, comes from CLDR through
  Babel: a value may be an object keyed by CLDR plural category, chosen by ``count``.

Babel (CLDR) also does numbers, dates and country names: see ``formatting.py``.
Catalogues are read once per process into read-only mappings. There is no "current
language" anywhere: every call names its language, so one session's choice cannot leak
into another's. No Streamlit here: the caller passes ``st.context.locale`` in.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from babel import Locale
from babel.plural import PluralRule

from dashboard.text import formatting as f
from dashboard.text import names

LANGUAGES: Mapping[str, str] = MappingProxyType(
    {"en": "English", "zh": "简体中文", "ru": "Русский", "kk": "Қазақша"})
DEFAULT_LANG = "en"
LOCALES_DIR = Path(__file__).resolve().parent / "locales"
NOTICE_UNKNOWN_LANG = "notice.lang_unknown"
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")

Message = str | Mapping[str, str]


class Resolution(NamedTuple):
    """The language to use and, when the request could not be honoured, a notice key."""

    lang: str
    notice: str | None


def _primary(tag: object) -> str | None:
    """'ru-RU', 'zh_Hans_CN', 'KK' → 'ru', 'zh', 'kk'; None when it names none of ours."""
    if not isinstance(tag, str):
        return None
    primary = re.split(r"[-_]", tag.strip().lower(), maxsplit=1)[0]
    return primary if primary in LANGUAGES else None


def resolve_language(query_value: str | list[str] | None,
                     browser_locale: str | None) -> Resolution:
    """``?lang=`` wins; without it the browser's locale decides; anything else is English.

    ``query_value`` is the raw ``lang`` query parameter (the last one wins when repeated);
    an empty value counts as absent. A value that is not one of ``LANGUAGES`` (exactly, in
    any letter case) gives English plus ``NOTICE_UNKNOWN_LANG`` (its ``{code}`` is the raw
    value: escape it before showing). ``browser_locale`` is a BCP 47 tag such as 'ru-KZ'.
    """
    if isinstance(query_value, list | tuple):
        query_value = query_value[-1] if query_value else None
    if query_value is not None and str(query_value).strip():
        code = str(query_value).strip().lower()
        if code in LANGUAGES:
            return Resolution(code, None)
        return Resolution(DEFAULT_LANG, NOTICE_UNKNOWN_LANG)
    return Resolution(_primary(browser_locale) or DEFAULT_LANG, None)


def _freeze(raw: object, where: str) -> Message:
    if isinstance(raw, str):
        return raw
    if isinstance(raw, dict) and raw and set(raw) <= set(PLURAL_CATEGORIES) and "other" in raw \
            and all(isinstance(v, str) for v in raw.values()):
        return MappingProxyType(dict(raw))
    raise ValueError(f"{where}: a message is a string or an object of CLDR plural forms "
                     f"({', '.join(PLURAL_CATEGORIES)}, with 'other')")


def load_catalogue(path: Path) -> Mapping[str, Message]:
    """One catalogue file as a read-only mapping; a malformed file names itself."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RuntimeError(f"message catalogue {path.name} cannot be read: {exc}") from None
    if not isinstance(raw, dict):
        raise RuntimeError(f"message catalogue {path.name}: expected a JSON object")
    try:
        return MappingProxyType({str(k): _freeze(v, f"{path.name}: {k}") for k, v in raw.items()})
    except ValueError as exc:
        raise RuntimeError(str(exc)) from None


@cache
def catalogue(lang: str) -> Mapping[str, Message]:
    """The messages of one language, read once per process (the same object every call)."""
    if lang not in LANGUAGES:
        raise KeyError(f"unknown language '{lang}'; choose from {', '.join(LANGUAGES)}")
    return load_catalogue(LOCALES_DIR / f"{lang}.json")


def placeholders(message: Message) -> set[str]:
    """Names of the ``{placeholders}`` in a message (all plural forms together)."""
    texts = [message] if isinstance(message, str) else list(message.values())
    return {name for text in texts for name in PLACEHOLDER.findall(text)}


@cache
def plural_rule(lang: str) -> PluralRule:
    """CLDR's plural rule of a language (its ``tags`` are the forms a catalogue must give)."""
    return Locale.parse(lang).plural_form


def plural_category(lang: str, count: float) -> str:
    """CLDR plural category of ``count`` in ``lang`` ('one', 'few', 'many', 'other')."""
    return plural_rule(lang)(abs(count))


def tr(lang: str, key: str, /, **params: object) -> str:
    """The message ``key`` in ``lang`` with its ``{placeholders}`` filled in.

    Numbers are formatted by the caller (``formatting``) and passed as text, with one
    exception: ``count`` selects the plural form, and when it is a number it is also
    written into ``{count}`` in the reader's format. A key missing in ``lang`` falls back
    to English (the test suite makes that impossible); a key unknown in English raises.
    """
    message = catalogue(lang).get(key)
    if message is None:
        message = catalogue(DEFAULT_LANG)[key]
    if not isinstance(message, str):
        count = params.get("count")
        if not isinstance(count, int | float):
            raise TypeError(f"message '{key}' has plural forms: pass count=<number>")
        message = message.get(plural_category(lang, count), message["other"])
        if not isinstance(count, bool):
            params["count"] = f.fmt_number(count, 0 if float(count).is_integer() else 1,
                                           lang=lang)
    try:
        return message.format_map(params)
    except KeyError as exc:
        raise KeyError(f"message '{key}' needs the parameter {exc}") from None


def join_sentences(lang: str, sentences: Iterable[str]) -> str:
    """Sentences one after another: a space between them, none in Chinese (after '。')."""
    return ("" if lang == "zh" else " ").join(s for s in sentences if s)


def join_items(lang: str, items: Iterable[str]) -> str:
    """Items of a list inside a sentence: ', ' between them ('，' in Chinese)."""
    return ("，" if lang == "zh" else ", ").join(i for i in items if i)


def data_label(lang: str, kind: str, value: object, **params: object) -> str:
    """A data value's display name ('data.product.crude_oil'), else the value unchanged.

    Data stay canonical in CSV and JSON; only what is shown is translated, and a value
    without an entry (a user's upload, a new row) is shown as it is, never guessed at.
    ``params`` fill the entry's placeholders ('data.claim.trade_2023' needs ``year``).
    """
    key = f"data.{kind}.{slug(str(value))}"
    if key in catalogue(DEFAULT_LANG):
        return tr(lang, key, **params)
    return str(value)


def slug(text: str) -> str:
    """'Merchandise trade volume, revised' → 'merchandise_trade_volume_revised'."""
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


class Translator:
    """One language's messages and number formats, to pass to the code that draws a page."""

    __slots__ = ("lang",)

    def __init__(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise KeyError(f"unknown language '{lang}'; choose from {', '.join(LANGUAGES)}")
        self.lang = lang

    def __call__(self, key: str, /, **params: object) -> str:
        return tr(self.lang, key, **params)

    def __repr__(self) -> str:
        return f"Translator({self.lang!r})"

    def has(self, key: str) -> bool:
        return key in catalogue(DEFAULT_LANG)

    def bn(self, value_usd: float | None, digits: int | None = None) -> str:
        return f.fmt_bn(value_usd, digits, lang=self.lang)

    def tn(self, value_usd: float) -> str:
        return f.fmt_tn(value_usd, lang=self.lang)

    def pct(self, value: float | None, **kwargs) -> str:
        return f.fmt_pct(value, lang=self.lang, **kwargs)

    def number(self, value: float, digits: int = 1, *, sign: bool = False) -> str:
        return f.fmt_number(value, digits, sign=sign, lang=self.lang)

    def share(self, fraction: float) -> str:
        return f.fmt_share(fraction, lang=self.lang)

    def multiple(self, value: float) -> str:
        return f.fmt_multiple(value, lang=self.lang)

    def years(self, start: int, end: int) -> str:
        return f.fmt_year_range(start, end, lang=self.lang)

    def published(self, value) -> str:
        return names.fmt_published(value, lang=self.lang)

    def country(self, code: str) -> str:
        return names.country_name(code, self.lang)

    def listing(self, items: Iterable[str]) -> str:
        return names.fmt_list(list(items), lang=self.lang)

    def sentences(self, *parts: str) -> str:
        return join_sentences(self.lang, parts)

    def data(self, kind: str, value: object, **params: object) -> str:
        return data_label(self.lang, kind, value, **params)

    @property
    def separators(self) -> str:
        return f.plotly_separators(self.lang)
