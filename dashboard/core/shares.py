"""Views that rest on the database extract alone: shares of world trade, HS chapters.

Each result says whose statistics it uses, because China's and Kazakhstan's figures
for the same trade differ. pandas only: no plotly, no streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.core.flags import Flag, bilateral_flags, commodity_flags, world_total_flags
from dashboard.core.official import _is, _text

UPLOAD_PREFIX = "U-"  # a user's upload's source ids (importing.reader)


@dataclass(frozen=True)
class Share:
    """One country's share of another's trade, with whose figures it rests on."""

    year: int
    economy: str  # whose trade is the whole (the denominator)
    partner: str  # whose share of it is measured
    figures_of: str  # the reporter whose statistics give both numerator and denominator
    bilateral_usd: float
    world_usd: float
    source_ids: tuple[str, ...]
    anomaly: bool  # the share rests on a flagged reading (numerator or denominator)
    flags: tuple[Flag, ...] = ()  # those readings' flags

    @property
    def share_pct(self) -> float:
        return self.bilateral_usd / self.world_usd * 100


def shares(tables: dict[str, pd.DataFrame]) -> list[Share]:
    """China's share of Kazakhstan's trade (Kazakhstan's figures) and the reverse (China's).

    Both numerator and denominator are one reporter's database figures: its total with the
    partner (export + import) over its total with the world (export + import). Years where
    either is missing give no share. A user's upload (source ids ``U-...``, reading type
    ``upload``) gives a share only from its own two figures, never one of theirs over one of
    the package's.
    """
    trade, world = tables["bilateral_trade"], tables["world_totals"]
    world_flags = world_total_flags(tables)
    out = []
    for economy, partner in (("KAZ", "CHN"), ("CHN", "KAZ")):
        notes = bilateral_flags(tables, economy, partner)
        bil = trade[_is(trade["reporter"], economy) & _is(trade["partner"], partner)
                    & _is(trade["flow"], "total")]
        kind = bil["reading_type"].astype("string").fillna("")
        wld = world[_is(world["reporter"], economy)]
        for year, w in wld.groupby("year", sort=True):
            user = w["source_id"].astype(str).str.startswith(UPLOAD_PREFIX)
            if user.any() and not user.all():
                continue
            b = bil[(bil["year"] == year) & (kind == ("upload" if user.all() else "database"))]
            if b.empty or set(w["flow"]) != {"export", "import"}:
                continue
            row = b.iloc[0]
            flags = tuple(f for f in (notes.get(int(year)),
                                      *(world_flags.get((int(year), economy, flow))
                                        for flow in ("export", "import"))) if f is not None)
            out.append(Share(int(year), economy, partner, economy, float(row["value_usd"]),
                             float(w["value_usd"].sum()),
                             tuple(dict.fromkeys([str(row["source_id"]),
                                                  *w["source_id"].astype(str)])),
                             bool(flags), flags))
    return out


@dataclass(frozen=True)
class ChapterValue:
    """One HS chapter, one year, as one side reports the same goods."""

    year: int
    cmd_code: str
    cmd_desc: str
    reporter: str
    flow: str  # from the reporter's side: export for the seller, import for the buyer
    value_usd: float
    classification: str
    source_id: str
    flag: Flag | None = None  # set by the break rule (flags.py)


def hs_chapters(tables: dict[str, pd.DataFrame], seller: str = "KAZ",
                buyer: str = "CHN") -> list[ChapterValue]:
    """The seller's sales to the buyer by chapter: the seller's exports and the buyer's imports.

    Selected chapters only, never the whole trade; missing rows stay missing.
    """
    c = tables["commodity_trade"]
    sel = c[(_is(c["reporter"], seller) & _is(c["partner"], buyer) & _is(c["flow"], "export"))
            | (_is(c["reporter"], buyer) & _is(c["partner"], seller)
               & _is(c["flow"], "import"))]
    sel = sel.sort_values(["cmd_code", "year", "reporter"])
    flags = commodity_flags(tables)
    return [ChapterValue(int(r["year"]), str(r["cmd_code"]), str(r["cmd_desc"]),
                         str(r["reporter"]), str(r["flow"]), float(r["value_usd"]),
                         _text(r["classification"]), str(r["source_id"]),
                         flags.get((int(r["year"]), str(r["reporter"]), str(r["partner"]),
                                    str(r["flow"]), str(r["cmd_code"]))))
            for _, r in sel.iterrows()]
