"""The editorial's claims beside what the data says: the overview's verdicts.

Every number is read from the tables or computed from them: a corrected figure changes the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.core import badges as b
from dashboard.core.badges import Badge, VerdictKind
from dashboard.core.doubling import progress_of
from dashboard.core.editorial import EditorialSummary, editorial_summary
from dashboard.core.projection import cagr, required_growth
from dashboard.core.projection_settings import default_deadline
from dashboard.data.loader import series, value_for
from dashboard.text.formatting import fmt_bn, fmt_multiple, fmt_number, fmt_share
from dashboard.text.i18n import data_label, join_sentences, tr
from dashboard.text.publishers import publisher_name
from dashboard.text.wording import dated, pct, pct_g, times


@dataclass(frozen=True)
class Verdict:
    claim_id: str
    claim: str
    quote: str
    headline: str  # the figure in a phrase, for alt texts and embeds
    verdict: str
    sources: tuple[str, ...]
    figure: str = ""  # the figure alone, big on the card: short enough for a phone
    context: str = ""  # what the figure is, under it: a phrase that wraps
    badges: tuple[Badge, ...] = ()  # what the card says first, the main finding first
    found: str = ""  # the data's figure, beside the editorial's
    found_label: str = ""  # whose figure that is

    @property
    def kind(self) -> VerdictKind:
        return self.badges[0].kind if self.badges else VerdictKind.NO_DATA


def _card(lang: str, claim: str, figure: str, **params: str) -> dict[str, str]:
    """The headline, the figure and its context for a claim's card, in the reader's language."""
    return dict(headline=tr(lang, f"verdict.{claim}.headline", **params), figure=figure,
                context=tr(lang, f"verdict.{claim}.context", **params))


@dataclass(frozen=True)
class WorldReading:
    change_pct: float
    published: str
    organisation: str
    measure: str
    source_id: str


@dataclass(frozen=True)
class WorldCheck:
    """The editorial's world figure against the world measures for the same year."""

    year: int
    editorial: WorldReading | None
    volume: tuple[WorldReading, ...]  # goods volume readings, oldest publication first
    value_falls: tuple[WorldReading, ...]  # value measures that fell

    @property
    def first_volume(self) -> WorldReading | None:
        return self.volume[0] if self.volume else None

    @property
    def latest_volume(self) -> WorldReading | None:
        return self.volume[-1] if len(self.volume) > 1 else None


def _reading(r) -> WorldReading:
    return WorldReading(float(r.change_pct), str(r.published), str(r.organisation),
                        str(r.measure), str(r.source_id))


def world_check(world: pd.DataFrame, year: int) -> WorldCheck:
    """World rows for one year: the editorial's own figure, volume readings, value falls."""
    w = world[(world["economy"] == "World") & (world["year"] == year)
              & world["change_pct"].notna()].sort_values("published")
    editorial = [_reading(r) for r in w[w["basis"] == "unspecified"].itertuples()]
    volume = tuple(_reading(r) for r in w[w["basis"] == "volume"].itertuples())
    falls = tuple(_reading(r) for r in w[(w["basis"] == "value")
                                         & (w["change_pct"] < 0)].itertuples())
    return WorldCheck(year, editorial[0] if editorial else None, volume, falls)


@dataclass(frozen=True)
class PrimaryFigure:
    """One side's primary reading of a year, with where it comes from in words."""

    value: float
    source_id: str
    where: str  # "in UN Comtrade" / "as reported by The Diplomat"
    how: str  # ", exports + imports" where the total is derived
    anomaly: bool = False  # flagged as far below the country's national statistics


def _primary(tables: dict[str, pd.DataFrame], year: int, reporter: str,
             partner: str, lang: str = "en") -> PrimaryFigure | None:
    s = series(tables["bilateral_trade"], reporter, partner)
    hit = s[s["year"] == year]
    if hit.empty:
        return None
    row = hit.iloc[0]
    sources = tables["sources"].set_index("source_id")
    sid = str(row["source_id"])
    publisher = str(sources.loc[sid, "publisher"]) if sid in sources.index else sid
    database = "reading_type" in row and row["reading_type"] == "database"
    where = tr(lang, "verdict.where.database" if database else "verdict.where.report",
               publisher=publisher_name(publisher, lang))
    derived = "derived" in row and bool(row["derived"]) is True
    anomaly = "anomaly" in row and bool(row["anomaly"]) is True
    return PrimaryFigure(float(row["value_usd"]), sid, where,
                         tr(lang, "verdict.how.derived") if derived else "", anomaly)


def claim_verdicts(tables: dict[str, pd.DataFrame], lang: str = "en") -> list[Verdict]:
    """The editorial's four checkable claims, each with what the data says, in ``lang``."""
    claims = tables["editorial_claims"].set_index("claim_id")
    trade = tables["bilateral_trade"]
    world = tables["world_trade"]
    out: list[Verdict] = []

    def bn(value: float) -> str:
        return fmt_bn(value, lang=lang)

    c = claims.loc["trade_2023"]
    year = int(c["year"])
    chn = _primary(tables, year, "CHN", "KAZ", lang)
    kaz = _primary(tables, year, "KAZ", "CHN", lang)
    claimed = float(c["value"])
    parts = []
    if chn is None:
        parts.append(tr(lang, "verdict.trade.no_chn", year=str(year)))
    else:
        same = abs(chn.value - claimed) < b.SAME_BN
        key = "verdict.trade.matches" if same else "verdict.trade.china"
        parts.append(tr(lang, key, where=chn.where, value=bn(chn.value), how=chn.how))
    if kaz is not None:
        parts.append(tr(lang, "verdict.trade.kaz", where=kaz.where, value=bn(kaz.value),
                        how=kaz.how))
    out.append(Verdict("trade_2023", str(c["claim"]), str(c["quote"]),
                       verdict=join_sentences(lang, parts),
                       sources=tuple(p.source_id for p in (chn, kaz) if p is not None),
                       badges=b.trade_badges(chn.value if chn else None,
                                             kaz.value if kaz else None, claimed, year, lang),
                       found=bn(chn.value) if chn else "",
                       found_label=tr(lang, "badge.found.china", year=str(year)),
                       **_card(lang, "trade", bn(claimed), value=bn(claimed), year=str(year))))

    c = claims.loc["growth_2023"]
    claimed = float(c["value"])
    prev = _primary(tables, year - 1, "CHN", "KAZ", lang)
    computed: float | None = None
    kaz_rate: float | None = None
    kaz_flagged = False
    if chn is not None and prev is not None:
        computed = (chn.value / prev.value - 1) * 100
        same = round(computed) == round(claimed)
        parts = [tr(lang, "verdict.growth.same" if same else "verdict.growth.differs",
                    where=chn.where, computed=pct(computed, lang), value=bn(chn.value),
                    previous=bn(prev.value), year=str(year - 1))]
        srcs: tuple[str, ...] = (chn.source_id, prev.source_id)
    else:
        parts, srcs = [tr(lang, "verdict.growth.no_previous", year=str(year - 1))], ()
    if kaz is not None and (kprev := _primary(tables, year - 1, "KAZ", "CHN", lang)) is not None:
        kaz_flagged, kaz_rate = kprev.anomaly or kaz.anomaly, (kaz.value / kprev.value - 1) * 100
        parts.append(tr(lang, "verdict.growth.kaz_flagged" if kaz_flagged else
                        "verdict.growth.kaz", rate=pct(kaz_rate, lang), year=str(year - 1)))
        srcs += (kaz.source_id, kprev.source_id)
    change = pct(claimed, lang, digits=0)
    out.append(Verdict("growth_2023", str(c["claim"]), str(c["quote"]),
                       verdict=join_sentences(lang, parts), sources=tuple(dict.fromkeys(srcs)),
                       badges=b.growth_badges(computed, claimed, kaz_rate, kaz_flagged, lang),
                       found="" if computed is None else pct(computed, lang),
                       found_label=tr(lang, "badge.found.china", year=str(year)),
                       **_card(lang, "growth", change, change=change)))

    c = claims.loc["world_2023"]
    check = world_check(world, int(c["year"]))
    parts = []
    first, latest = check.first_volume, check.latest_volume
    if first is not None:
        said = dict(organisation=data_label(lang, "organisation", first.organisation),
                    first=pct(first.change_pct, lang), first_date=dated(first.published, lang))
        parts.append(tr(lang, "verdict.world.volume", **said) if latest is None else
                     tr(lang, "verdict.world.volume_revised", **said,
                        revised=pct(latest.change_pct, lang),
                        revised_date=dated(latest.published, lang)))
    if check.value_falls:
        falls = sorted(abs(r.change_pct) for r in check.value_falls)
        parts.append(tr(lang, "verdict.world.value_fell", range=tr(
            lang, "common.range", low=pct_g(falls[0], lang), high=pct_g(falls[-1], lang)))
                     if len(falls) > 1 else
                     tr(lang, "verdict.world.value_fell_one", value=pct_g(falls[0], lang)))
    srcs = tuple(r.source_id for r in (*check.volume, *check.value_falls))
    change = pct(float(c["value"]), lang)
    badges, m = b.world_badges(float(c["value"]), check.volume,
                             editorial_summary(tables).published, lang)
    out.append(Verdict("world_2023", str(c["claim"]), str(c["quote"]),
                       verdict=join_sentences(lang, parts) or tr(lang, "verdict.world.none"),
                       sources=srcs, badges=badges, found=pct(m.change_pct, lang) if m else "",
                       found_label=tr(lang, "badge.found.world", date=dated(m.published, lang),
                                      organisation=data_label(lang, "organisation",
                                                              m.organisation)) if m else "",
                       **_card(lang, "world", change, change=change, year=str(check.year))))

    c = claims.loc["doubling_goal"]
    base_year = int(c["year"])
    base = value_for(trade, base_year)
    multiple = float(c["value"])
    chn = series(trade, "CHN", "KAZ")
    card = _card(lang, "doubling", fmt_multiple(multiple, lang=lang),
                 times=times(multiple, lang), year=str(base_year))
    if base is None or chn.empty:
        out.append(Verdict("doubling_goal", str(c["claim"]), str(c["quote"]),
                           verdict=tr(lang, "verdict.doubling.no_base", year=str(base_year)),
                           sources=(), badges=b.doubling_badges(False, None, None, 0, lang),
                           **card))
        return out
    latest_row = chn.iloc[-1]
    target = base * multiple
    latest, latest_year = float(latest_row["value_usd"]), int(latest_row["year"])
    m = progress_of(base, target, latest_year, latest)
    verdict = tr(lang, "verdict.doubling", times=times(multiple, lang), base=bn(base),
                 target=bn(target), latest=bn(latest), latest_year=str(latest_year),
                 base_year=str(base_year), progress=fmt_share(m.progress, lang=lang),
                 level=fmt_share(m.level, lang=lang))
    deadline, pace, needed = default_deadline(base_year), None, None
    if latest_year > base_year and latest < target:
        pace = cagr(base, base_year, latest, latest_year) * 100
        needed = required_growth(base, base_year, target, deadline) * 100
        verdict = join_sentences(lang, [verdict, tr(
            lang, "verdict.doubling.pace", base_year=str(base_year), year=str(latest_year),
            pace=pct(pace, lang, sign=False), deadline=str(deadline),
            needed=pct(needed, lang, sign=False))])
    out.append(Verdict("doubling_goal", str(c["claim"]), str(c["quote"]), verdict=verdict,
                       sources=(str(latest_row["source_id"]),),
                       badges=b.doubling_badges(latest >= target, pace, needed, deadline, lang),
                       found=fmt_number(latest / base, 2, lang=lang) + "×",
                       found_label=tr(lang, "badge.found.doubling", year=str(latest_year)),
                       **card))
    return out


def claim_quote(tables: dict[str, pd.DataFrame], metric: str) -> str | None:
    """The editorial's own words for the claim with this metric, if the data has it."""
    claims = tables["editorial_claims"]
    hit = claims[claims["metric"] == metric]["quote"].dropna()
    return str(hit.iloc[0]) if not hit.empty else None


__all__ = ["Badge", "EditorialSummary", "PrimaryFigure", "Verdict", "VerdictKind", "WorldCheck",
           "WorldReading", "claim_quote", "claim_verdicts", "editorial_summary", "world_check"]
