"""A session's tables: the bundled package with everything an upload holds merged in, once.

Totals go into ``bilateral_trade`` (``results.combine``: one reading per key, the user's
preference deciding where both give one). Products (HS chapters and headings with the file's
TOTAL), trade with the World and monthly rows are whole blocks, never mixed figure by figure:

* ``product_trade``: the user's rows of a reporter–partner pair replace the bundled rows of that
  pair where the user prefers the upload or the package has none for it;
* ``world_totals``: the same, per reporter;
* ``monthly_trade``: the user's monthly rows and year-to-date sums (``tables.monthly_view``);
  part-year figures, a table of their own, never in an annual series.

Every user row keeps the upload's source id (``U-...``): a chart knows the user's data by it.
"""

from __future__ import annotations

import pandas as pd

from dashboard.importing.countries import WORLD
from dashboard.importing.formats import TOTAL
from dashboard.importing.results import annual, combine
from dashboard.importing.tables import monthly_view

LEVELS = {2: "chapter", 4: "heading"}  # HS code length → product_trade level
PRODUCT_COLUMNS = ["year", "reporter", "partner", "flow", "level", "hs_code", "value_usd",
                   "computed", "source_id"]
WORLD_COLUMNS = ["year", "reporter", "flow", "value_usd", "classification", "source_id"]
FLOWS = ("export", "import")


def _keys(frame: pd.DataFrame, keys: list[str]) -> list[tuple]:
    return [tuple(k) for k in frame[keys].astype(str).values.tolist()]


def _mask(frame: pd.DataFrame, keys: list[str], wanted: set) -> pd.Series:
    """Rows whose ``keys`` (as text) are among ``wanted``: a boolean Series, empty or not."""
    return pd.Series([k in wanted for k in _keys(frame, keys)], index=frame.index, dtype=bool)


def _is_hs(classification: pd.Series) -> pd.Series:
    """HS codes only (H0–H6, HS, or none said): a 2-digit SITC code is no HS chapter."""
    c = classification.fillna("HS").astype(str).str.upper()
    return c.str.match(r"^(H\d|HS)")


def user_products(rows: pd.DataFrame) -> pd.DataFrame:
    """The file's whole-year HS chapters (2 digits) and headings (4 digits) of a country pair,
    in the ``product_trade`` schema, with the file's TOTAL of the same year, pair and flow as
    their denominator. A product row without that TOTAL is left out: a product is never
    shown as a share of a total the file does not give."""
    r = annual(rows)
    r = r[(r["partner"] != WORLD) & r["flow"].isin(FLOWS) & _is_hs(r["classification"])]
    code = r["commodity_code"].astype(str)
    level = code.str.len().map(LEVELS).where(code.str.isdigit())
    level = level.where(code != TOTAL, "total")
    r = r.assign(level=level, hs_code=code).dropna(subset=["level", "value_usd"])
    key = ["year", "reporter", "partner", "flow"]
    totals = set(_keys(r[r["level"] == "total"], key))
    r = r[_mask(r, key, totals)]
    if not (r["level"] != "total").any():
        return pd.DataFrame(columns=PRODUCT_COLUMNS)
    out = r.assign(computed=False)[PRODUCT_COLUMNS].drop_duplicates(
        ["year", "reporter", "partner", "flow", "hs_code"])
    return out.astype({"year": "Int64", "value_usd": "Float64", "computed": "boolean"})


def user_world(rows: pd.DataFrame) -> pd.DataFrame:
    """The file's whole-year all-commodity exports to and imports from the World, in the
    ``world_totals`` schema: the denominators of the shares."""
    r = annual(rows)
    r = r[(r["partner"] == WORLD) & (r["commodity_code"] == TOTAL) & r["flow"].isin(FLOWS)]
    out = r.dropna(subset=["value_usd"])[WORLD_COLUMNS].drop_duplicates(
        ["year", "reporter", "flow"])
    return out.astype({"year": "Int64", "value_usd": "Float64"}).reset_index(drop=True)


def _replace(bundled: pd.DataFrame | None, user: pd.DataFrame, keys: list[str],
             prefer: str) -> tuple[pd.DataFrame | None, list[tuple]]:
    """The bundled table with the user's blocks (one per value of ``keys``) in place of the
    bundled ones where the user prefers them or the package has none. Returns the table and
    the blocks taken from the upload."""
    if user.empty:
        return bundled, []
    blocks = list(dict.fromkeys(_keys(user, keys)))
    have = set() if bundled is None or bundled.empty else set(_keys(bundled, keys))
    taken = [b for b in blocks if prefer == "uploaded" or b not in have]
    if not taken:
        return bundled, []
    mine = user[_mask(user, keys, set(taken))]
    if bundled is None:
        return mine.reset_index(drop=True), taken
    keep = bundled[~_mask(bundled, keys, set(taken))]
    table = pd.concat([keep, mine.astype({c: t for c, t in keep.dtypes.items()
                                          if c in mine.columns})], ignore_index=True)
    return table, taken


def session_tables(bundled: dict[str, pd.DataFrame], rows: pd.DataFrame | None,
                   totals: pd.DataFrame,
                   source: pd.DataFrame, prefer: str = "bundled") -> dict[str, pd.DataFrame]:
    """The bundled tables with one upload merged in (see the module's docstring). ``rows``:
    every accepted row of the file (None: the totals only); ``totals``: its totals in the
    bilateral_trade schema; ``source``: its entry for the sources table."""
    merged = dict(bundled)
    merged["bilateral_trade"], _ = combine(bundled["bilateral_trade"], totals, prefer=prefer)
    merged["sources"] = pd.concat([bundled["sources"], source], ignore_index=True)
    if rows is None:
        return merged
    products, _ = _replace(bundled.get("product_trade"), user_products(rows),
                           ["reporter", "partner"], prefer)
    if products is not None:
        merged["product_trade"] = products
    world, _ = _replace(bundled.get("world_totals"), user_world(rows), ["reporter"], prefer)
    if world is not None:
        merged["world_totals"] = world
    monthly = monthly_view(rows)
    if not monthly.empty:
        merged["monthly_trade"] = monthly
    return merged
