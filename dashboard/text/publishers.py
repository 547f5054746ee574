"""A source's publisher as the reader sees it: names from the catalogue, connectives translated.

The data write a publisher as it publishes ("Tengrinews (citing Interfax-Kazakhstan)",
"aolaikelin.cn mirror of China Daily"). Names stay as published unless the catalogue has an
entry for them (``data.organisation.<slug>``: 《中国日报》 for China Daily in Chinese); the
words that join two names, "citing", "quoting", "reported by", "via", "mirror of", come from
the catalogue (``source.link.*``). Anything else is shown as the data write it.
"""

from __future__ import annotations

import re

from dashboard.text.i18n import DEFAULT_LANG, catalogue, slug, tr

LINKS = ("citing", "quoting", "reported by", "via", "mirror of")
_WORDS = "|".join(re.escape(w) for w in LINKS)
# 'A (citing B)' · 'A, citing B' · 'A citing B' · 'A mirror of B'
_BRACKETED = re.compile(rf"^(?P<head>.+?) \((?P<link>{_WORDS}) (?P<tail>[^()]+)\)$")
_PLAIN = re.compile(rf"^(?P<head>.+?),? (?P<link>{_WORDS}) (?P<tail>[^()]+)$")


def organisation(name: str, lang: str) -> str:
    """One organisation's name: the catalogue's, else as published."""
    key = f"data.organisation.{slug(name)}"
    return tr(lang, key) if lang != DEFAULT_LANG and key in catalogue(DEFAULT_LANG) else name


def publisher_name(publisher: object, lang: str) -> str:
    """'China Daily (citing Xinhua)' → '《中国日报》（援引Xinhua）' in Chinese; English as is."""
    text = str(publisher)
    if lang == DEFAULT_LANG:
        return text
    whole = f"data.organisation.{slug(text)}"
    if whole in catalogue(DEFAULT_LANG):
        return tr(lang, whole)
    hit = _BRACKETED.match(text) or _PLAIN.match(text)
    if hit is None:
        return organisation(text, lang)
    return tr(lang, f"source.link.{slug(hit['link'])}", publisher=organisation(hit["head"], lang),
              other=organisation(hit["tail"], lang))
