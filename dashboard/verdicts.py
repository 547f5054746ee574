"""The editorial's claims beside what the data says: the overview's verdicts.

Every number in a verdict is read from the tables or computed from them, so a
corrected figure in ``data/`` changes the sentence, never contradicts it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .data import series, value_for
from .formatting import fmt_bn, fmt_pct


@dataclass(frozen=True)
class Verdict:
    claim_id: str
    claim: str
    quote: str
    headline: str
    verdict: str
    sources: tuple[str, ...]


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
             partner: str) -> PrimaryFigure | None:
    s = series(tables["bilateral_trade"], reporter, partner)
    hit = s[s["year"] == year]
    if hit.empty:
        return None
    row = hit.iloc[0]
    sources = tables["sources"].set_index("source_id")
    sid = str(row["source_id"])
    publisher = str(sources.loc[sid, "publisher"]) if sid in sources.index else sid
    database = "reading_type" in row and row["reading_type"] == "database"
    where = f"in {publisher}" if database else f"as reported by {publisher}"
    derived = "derived" in row and bool(row["derived"]) is True
    anomaly = "anomaly" in row and bool(row["anomaly"]) is True
    return PrimaryFigure(float(row["value_usd"]), sid, where,
                         ", exports + imports" if derived else "", anomaly)


def claim_verdicts(tables: dict[str, pd.DataFrame]) -> list[Verdict]:
    """The editorial's four checkable claims, each with what the data says."""
    claims = tables["editorial_claims"].set_index("claim_id")
    trade = tables["bilateral_trade"]
    world = tables["world_trade"]
    out: list[Verdict] = []

    c = claims.loc["trade_2023"]
    year = int(c["year"])
    chn, kaz = _primary(tables, year, "CHN", "KAZ"), _primary(tables, year, "KAZ", "CHN")
    claimed = float(c["value"])
    if chn is None:
        verdict = f"No figure of China's for {year}."
    elif abs(chn.value - claimed) < 0.5e9:
        verdict = f"Matches China's figure {chn.where}: {fmt_bn(chn.value)}{chn.how}."
    else:
        verdict = f"China's figure {chn.where} is {fmt_bn(chn.value)}{chn.how}."
    if kaz is not None:
        verdict += f" Kazakhstan's figure {kaz.where}: {fmt_bn(kaz.value)}{kaz.how}."
    out.append(Verdict("trade_2023", str(c["claim"]), str(c["quote"]),
                       f"{fmt_bn(claimed)} in {year}", verdict,
                       tuple(p.source_id for p in (chn, kaz) if p is not None)))

    c = claims.loc["growth_2023"]
    claimed = float(c["value"])
    prev = _primary(tables, year - 1, "CHN", "KAZ")
    if chn is not None and prev is not None:
        computed = (chn.value / prev.value - 1) * 100
        same = round(computed) == round(claimed)
        verdict = (f"China's figures {chn.where} give {fmt_pct(computed, is_fraction=False)} "
                   f"({fmt_bn(chn.value)} against {fmt_bn(prev.value)} in {year - 1})"
                   + ("; the editorial's figure is that, rounded." if same else
                      "; the editorial's figure differs."))
        srcs = (chn.source_id, prev.source_id)
    else:
        verdict, srcs = f"No figure of China's for {year - 1} to check against.", ()
    if kaz is not None and (kprev := _primary(tables, year - 1, "KAZ", "CHN")) is not None:
        verdict += (f" Kazakhstan's figures give "
                    f"{fmt_pct((kaz.value / kprev.value - 1) * 100, is_fraction=False)}"
                    + (f", but its {year - 1} figure is flagged as far below Kazakhstan's "
                       "national statistics, so that rate says little."
                       if kprev.anomaly or kaz.anomaly else "."))
        srcs += (kaz.source_id, kprev.source_id)
    out.append(Verdict("growth_2023", str(c["claim"]), str(c["quote"]),
                       fmt_pct(claimed, is_fraction=False, digits=0) + " year on year",
                       verdict, tuple(dict.fromkeys(srcs))))

    c = claims.loc["world_2023"]
    check = world_check(world, int(c["year"]))
    parts = []
    first, latest = check.first_volume, check.latest_volume
    if first is not None:
        parts.append(f"{first.organisation}'s goods volume: "
                     f"{fmt_pct(first.change_pct, is_fraction=False)} ({first.published})"
                     + (f", revised to {fmt_pct(latest.change_pct, is_fraction=False)} "
                        f"({latest.published})" if latest is not None else "") + ".")
    if check.value_falls:
        falls = sorted(abs(r.change_pct) for r in check.value_falls)
        parts.append(f"Value measures fell {falls[0]:g}% to {falls[-1]:g}%."
                     if len(falls) > 1 else f"A value measure fell {falls[0]:g}%.")
    srcs = tuple(r.source_id for r in (*check.volume, *check.value_falls))
    out.append(Verdict("world_2023", str(c["claim"]), str(c["quote"]),
                       f"World {fmt_pct(float(c['value']), is_fraction=False)} in {check.year}",
                       " ".join(parts) or "No world figure in the data.", srcs))

    c = claims.loc["doubling_goal"]
    base_year = int(c["year"])
    base = value_for(trade, base_year)
    multiple = float(c["value"])
    chn = series(trade, "CHN", "KAZ")
    headline = f"{multiple:g}× the {base_year} value"
    if base is None or chn.empty:
        out.append(Verdict("doubling_goal", str(c["claim"]), str(c["quote"]), headline,
                           f"No figure of China's customs for {base_year}, so the target "
                           "cannot be computed.", ()))
        return out
    latest = chn.iloc[-1]
    target = base * multiple
    verdict = (f"No deadline and no official dollar figure: {multiple:g} × {fmt_bn(base)} = "
               f"{fmt_bn(target)} (computed). Latest: {fmt_bn(float(latest['value_usd']))} in "
               f"{int(latest['year'])}, {float(latest['value_usd']) / target:.0%} of the way.")
    out.append(Verdict("doubling_goal", str(c["claim"]), str(c["quote"]), headline, verdict,
                       (str(latest["source_id"]),)))
    return out


@dataclass(frozen=True)
class EditorialSummary:
    """The editorial's headline claims in one sentence, every number read from the claims."""

    publisher: str
    published: str
    url: str
    intro: str


def editorial_summary(tables: dict[str, pd.DataFrame]) -> EditorialSummary:
    claims = tables["editorial_claims"].set_index("claim_id")
    sources = tables["sources"].set_index("source_id")
    sid = str(claims["source_id"].iloc[0])
    src = sources.loc[sid] if sid in sources.index else None
    publisher = str(src["publisher"]).split(" (")[0] if src is not None else sid
    published = str(src["published"]) if src is not None else ""
    url = str(src["url"]) if src is not None and pd.notna(src["url"]) else ""

    def value(cid: str) -> float | None:
        return float(claims.loc[cid, "value"]) if cid in claims.index else None

    def year(cid: str) -> int | None:
        return int(claims.loc[cid, "year"]) if cid in claims.index else None

    parts = []
    trade, growth = value("trade_2023"), value("growth_2023")
    if trade is not None:
        parts.append(f"trade between China and Kazakhstan reached **{fmt_bn(trade)} in "
                     f"{year('trade_2023')}**" + (f", up {fmt_pct(growth, is_fraction=False, digits=0, sign=False)}"  # noqa: E501
                                                   if growth is not None else ""))
    world = value("world_2023")
    if world is not None:
        parts.append(f"global trade changed by {fmt_pct(world, is_fraction=False)}")
    multiple = value("doubling_goal")
    if multiple is not None:
        parts.append(f"the two countries aim to multiply their trade by {multiple:g} "
                     "\"at an early date\"")
    intro = (f"An editorial by **{publisher}** ({published}) said that " + "; that ".join(parts)
             + ". Each card below quotes the editorial and sets it beside the figures in this "
             "dashboard's sourced data.")
    return EditorialSummary(publisher, published, url, intro)


def claim_quote(tables: dict[str, pd.DataFrame], metric: str) -> str | None:
    """The editorial's own words for the claim with this metric, if the data has it."""
    claims = tables["editorial_claims"]
    hit = claims[claims["metric"] == metric]["quote"].dropna()
    return str(hit.iloc[0]) if not hit.empty else None
