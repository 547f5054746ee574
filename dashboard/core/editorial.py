"""The overview's introduction: the editorial's headline claims in one sentence.

Every number is read from the claims table, so a corrected claim changes the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.text.formatting import fmt_bn
from dashboard.text.i18n import tr
from dashboard.text.publishers import publisher_name
from dashboard.text.wording import dated, pct, times


@dataclass(frozen=True)
class EditorialSummary:
    """The editorial's headline claims in one sentence, every number read from the claims.

    ``published`` is the source's date as stored; ``intro`` is Markdown in the reader's
    language.
    """

    publisher: str
    published: str
    url: str
    intro: str


def editorial_summary(tables: dict[str, pd.DataFrame], lang: str = "en") -> EditorialSummary:
    claims = tables["editorial_claims"].set_index("claim_id")
    sources = tables["sources"].set_index("source_id")
    sid = str(claims["source_id"].iloc[0])
    src = sources.loc[sid] if sid in sources.index else None
    publisher = str(src["publisher"]).split(" (")[0] if src is not None else sid
    published = str(src["published"]) if src is not None else ""
    url = str(src["url"]) if src is not None and pd.notna(src["url"]) else ""

    def value(cid: str) -> float | None:
        return float(claims.loc[cid, "value"]) if cid in claims.index else None

    def year(cid: str) -> str:
        return str(int(claims.loc[cid, "year"])) if cid in claims.index else ""

    parts = []
    trade, growth = value("trade_2023"), value("growth_2023")
    if trade is not None:
        parts.append(tr(lang, "overview.summary.trade_growth_md", value=fmt_bn(trade, lang=lang),
                        year=year("trade_2023"),
                        growth=pct(growth, lang, digits=0, sign=False))
                     if growth is not None else
                     tr(lang, "overview.summary.trade_md", value=fmt_bn(trade, lang=lang),
                        year=year("trade_2023")))
    world = value("world_2023")
    if world is not None:
        parts.append(tr(lang, "overview.summary.world_md", change=pct(world, lang)))
    multiple = value("doubling_goal")
    if multiple is not None:
        parts.append(tr(lang, "overview.summary.multiple_md", times=times(multiple, lang)))
    intro = tr(lang, "overview.summary_md", publisher=publisher_name(publisher, lang),
               published=dated(published, lang),
               claims=tr(lang, "overview.summary.joiner").join(parts))
    return EditorialSummary(publisher, published, url, intro)
