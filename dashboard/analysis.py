"""Derived figures: growth, mirror gaps, target status and the editorial's verdicts.

Everything here is computed from the package's tables, never typed in, so a
corrected figure in ``data/`` flows through to every sentence on every page.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .data import series, value_for
from .projection import cagr
from .theme import fmt_bn, fmt_pct


def yoy_growth(s: pd.DataFrame) -> pd.DataFrame:
    """Year-on-year change where two consecutive years exist (gaps give no bar)."""
    s = s.sort_values("year").reset_index(drop=True)
    prev = s.shift(1)
    consecutive = (s["year"] - prev["year"]) == 1
    out = pd.DataFrame({
        "year": s["year"].astype(int),
        "computed_change_pct": ((s["value_usd"] / prev["value_usd"] - 1) * 100).where(consecutive),
        "previous_value_usd": prev["value_usd"].where(consecutive),
        "value_usd": s["value_usd"],
        "reported_change_pct": s["reported_change_pct"],
        "source_id": s["source_id"],
    })
    return out


def cagr_between(s: pd.DataFrame, start_year: int, end_year: int) -> float | None:
    """CAGR between two years that both have a figure; None where either is a gap."""
    start = s[s["year"] == start_year]
    end = s[s["year"] == end_year]
    if start.empty or end.empty or end_year <= start_year:
        return None
    return cagr(float(start["value_usd"].iloc[0]), start_year, float(end["value_usd"].iloc[0]),
                end_year)


def mirror_table(trade: pd.DataFrame, a: str = "CHN", b: str = "KAZ",
                 flow: str = "total") -> pd.DataFrame:
    """Each side's reported total for the years both exist, and the gap between them."""
    left = series(trade, a, b, flow)[["year", "value_usd", "source_id", "approximate"]]
    right = series(trade, b, a, flow)[["year", "value_usd", "source_id", "approximate"]]
    both = left.merge(right, on="year", suffixes=(f"_{a.lower()}", f"_{b.lower()}"))
    va, vb = both[f"value_usd_{a.lower()}"], both[f"value_usd_{b.lower()}"]
    both["gap_usd"] = va - vb
    both["gap_pct"] = (va / vb - 1) * 100
    both["year"] = both["year"].astype(int)
    return both


@dataclass(frozen=True)
class TargetStatus:
    target_id: str
    label: str
    value_usd: float
    deadline_year: int | None
    status: str  # met | missed | open | unknown
    detail: str
    source_id: str


def target_value(target: pd.Series, trade: pd.DataFrame) -> float | None:
    """Dollar value of a target; a relative goal is computed from its base year."""
    if pd.notna(target["target_value_usd"]):
        return float(target["target_value_usd"])
    if pd.notna(target["target_multiple"]) and pd.notna(target["base_year"]):
        base = value_for(trade, int(target["base_year"]))
        return None if base is None else base * float(target["target_multiple"])
    return None


def target_statuses(targets: pd.DataFrame, trade: pd.DataFrame, reporter: str = "CHN",
                    partner: str = "KAZ") -> list[TargetStatus]:
    """Met, missed, open or unknown for each target, judged only by years with a figure."""
    s = series(trade, reporter, partner)
    latest = int(s["year"].max()) if not s.empty else None
    out = []
    for _, t in targets.iterrows():
        value = target_value(t, trade)
        if value is None:
            continue
        deadline = None if pd.isna(t["deadline_year"]) else int(t["deadline_year"])
        announced_year = int(str(t["announced"])[:4])
        window = s[s["year"] >= announced_year]
        if deadline is not None:
            window = window[window["year"] <= deadline]
        reached = window[window["value_usd"] >= value]
        if not reached.empty:
            yr = int(reached["year"].iloc[0])
            status, detail = "met", f"met in {yr} ({fmt_bn(float(reached['value_usd'].iloc[0]))})"
        elif deadline is None or (latest is not None and deadline > latest):
            status = "open"
            last = fmt_bn(float(s["value_usd"].iloc[-1])) if latest else "n/a"
            detail = f"open: latest figure {last} in {latest}"
        elif not s[s["year"] == deadline].empty:
            v = float(s[s["year"] == deadline]["value_usd"].iloc[0])
            status, detail = "missed", f"missed: {fmt_bn(v)} in {deadline}"
        else:
            status = "unknown"
            detail = (f"not reached in any year with a figure; no sourced figure for {deadline}")
        label = (f"{fmt_bn(value)} by {deadline}" if deadline else f"{fmt_bn(value)}, no deadline")
        if pd.notna(t["target_multiple"]):
            label = f"{float(t['target_multiple']):g}× {int(t['base_year'])} = " + label
        out.append(TargetStatus(str(t["target_id"]), label, value, deadline, status, detail,
                                str(t["source_id"])))
    return out


@dataclass(frozen=True)
class Verdict:
    claim_id: str
    claim: str
    quote: str
    headline: str
    verdict: str
    sources: tuple[str, ...]


def _world_row(world: pd.DataFrame, measure_start: str, published: str) -> pd.Series | None:
    rows = world[(world["economy"] == "World") & world["measure"].str.startswith(measure_start)
                 & (world["published"] == published)]
    return None if rows.empty else rows.iloc[0]


def claim_verdicts(tables: dict[str, pd.DataFrame]) -> list[Verdict]:
    """The editorial's four checkable claims, each with what the data says."""
    claims = tables["editorial_claims"].set_index("claim_id")
    trade = tables["bilateral_trade"]
    world = tables["world_trade"]
    out: list[Verdict] = []

    c = claims.loc["trade_2023"]
    year = int(c["year"])
    chn = value_for(trade, year, "CHN", "KAZ")
    kaz = value_for(trade, year, "KAZ", "CHN")
    matches = chn is not None and abs(chn - float(c["value"])) < 0.5e9
    verdict = ("Matches China's customs figure" if matches else
               f"China's customs: {fmt_bn(chn)}") + (
        f"; Kazakhstan's statistics give {fmt_bn(kaz)}" if kaz is not None else "") + "."
    srcs = tuple(series(trade, "CHN", "KAZ").query("year == @year")["source_id"]) + tuple(
        series(trade, "KAZ", "CHN").query("year == @year")["source_id"])
    out.append(Verdict("trade_2023", str(c["claim"]), str(c["quote"]),
                       f"{fmt_bn(float(c['value']))} in {year}", verdict, srcs))

    c = claims.loc["growth_2023"]
    s = series(trade, "CHN", "KAZ")
    g = yoy_growth(s).set_index("year")
    computed = g.loc[year, "computed_change_pct"] if year in g.index else None
    prev = value_for(trade, year - 1)
    verdict = (f"China's totals give {fmt_pct(computed, is_fraction=False)} "
               f"({fmt_bn(chn)} / {fmt_bn(prev)}); the source reports "
               f"{fmt_pct(float(g.loc[year, 'reported_change_pct']), is_fraction=False, digits=0)}"
               " rounded.") if computed is not None and pd.notna(computed) else (
        "No figure for the previous year to check against.")
    kaz_g = series(trade, "KAZ", "CHN").query("year == @year")
    if not kaz_g.empty and pd.notna(kaz_g["reported_change_pct"].iloc[0]):
        verdict += (" Kazakhstan's statistics report "
                    f"{fmt_pct(float(kaz_g['reported_change_pct'].iloc[0]), is_fraction=False, digits=0)}.")  # noqa: E501
    out.append(Verdict("growth_2023", str(c["claim"]), str(c["quote"]),
                       fmt_pct(float(c["value"]), is_fraction=False, digits=0) + " year on year",
                       verdict, tuple(s.query("year in [@year, @year - 1]")["source_id"])))

    c = claims.loc["world_2023"]
    apr = _world_row(world, "Merchandise trade volume", "2024-04")
    octo = _world_row(world, "Merchandise trade volume, revised", "2024-10")
    values = world[(world["economy"] == "World") & (world["basis"] == "value")
                   & (world["year"] == year) & (world["change_pct"] < 0)]
    parts = []
    if apr is not None and octo is not None:
        parts.append(
            f"The WTO's merchandise volume: {fmt_pct(float(apr['change_pct']), is_fraction=False)}"
            f" (April 2024), revised to {fmt_pct(float(octo['change_pct']), is_fraction=False)}"
            " (October 2024, after the editorial).")
    if not values.empty:
        lo, hi = values["change_pct"].max(), values["change_pct"].min()
        parts.append(f"Value measures fell {abs(lo):g}–{abs(hi):g}%.")
    srcs = tuple(x["source_id"] for x in (apr, octo) if x is not None) + tuple(values["source_id"])
    out.append(Verdict("world_2023", str(c["claim"]), str(c["quote"]),
                       f"World {fmt_pct(float(c['value']), is_fraction=False)} in {year}",
                       " ".join(parts) or "No world figure in the data.", srcs))

    c = claims.loc["doubling_goal"]
    base_year = int(c["year"])
    base = value_for(trade, base_year)
    latest = series(trade, "CHN", "KAZ").iloc[-1]
    target = base * float(c["value"]) if base is not None else None
    verdict = (f"No deadline and no official dollar figure: 2 × {fmt_bn(base)} = "
               f"{fmt_bn(target)} (computed). Latest: {fmt_bn(float(latest['value_usd']))} in "
               f"{int(latest['year'])}, {float(latest['value_usd']) / target:.0%} of the way.")
    out.append(Verdict("doubling_goal", str(c["claim"]), str(c["quote"]),
                       f"{float(c['value']):g}× the {base_year} value", verdict,
                       (str(latest["source_id"]),)))
    return out


_SHORT = ((" trade in US dollars", ""), ("Merchandise", "goods"), ("Goods", "goods"),
          ("commercial services", "services"), ("Commercial services", "services"),
          (" trade", ""), (" (value)", ", value"))


def _short(measure: str) -> str:
    """'Merchandise trade volume, revised' -> 'goods volume, revised': labels that fit a phone."""
    for old, new in _SHORT:
        measure = measure.replace(old, new)
    return measure


def world_comparison(tables: dict[str, pd.DataFrame], year: int = 2023) -> pd.DataFrame:
    """Every growth figure for one year on one scale: bilateral trade beside world measures."""
    trade, world = tables["bilateral_trade"], tables["world_trade"]
    s = series(trade, "CHN", "KAZ")
    g = yoy_growth(s).set_index("year")
    rows = []
    if year in g.index:
        rep = g.loc[year, "reported_change_pct"]
        if pd.notna(rep):
            rows.append(dict(label="<b>China–Kazakhstan</b><br>as reported (the editorial)",
                             change_pct=float(rep), basis="value", group="bilateral",
                             organisation="China's customs (via news reports)",
                             published="", source_id=str(g.loc[year, "source_id"]),
                             editorial=True))
        comp = g.loc[year, "computed_change_pct"]
        if pd.notna(comp):
            rows.append(dict(label=f"<b>China–Kazakhstan</b><br>computed {year - 1}→{year}",
                             change_pct=float(comp), basis="value", group="bilateral",
                             organisation="computed from China's totals", published="",
                             source_id=str(g.loc[year, "source_id"]), editorial=False))
    w = world[world["year"] == year]
    for _, r in w.iterrows():
        editorial = r["organisation"] == "China Daily"
        label = ("<b>World, per the editorial</b><br>no source named" if editorial else
                 f"{r['organisation']}: {_short(str(r['measure']))}<br>{r['economy']}, "
                 f"published {r['published']}")
        rows.append(dict(label=label, change_pct=float(r["change_pct"]), basis=str(r["basis"]),
                         group=str(r["economy"]).lower(), organisation=str(r["organisation"]),
                         published=str(r["published"]), source_id=str(r["source_id"]),
                         editorial=editorial))
    return pd.DataFrame(rows)
