"""Every chart of the dashboard by name: one module per group of charts a page shows.

Pages, the export command line and the "download all" ZIP build charts through
``build``, so an exported file is the chart on screen and its CSV is the plotted data.
``theme`` is the one visual language of them all; ``kit`` the result type and helpers.

Layer rules (checked by tests/test_layers.py):
    may import: dashboard.errors, dashboard.text, dashboard.data, dashboard.core
    never imports: streamlit
"""

from __future__ import annotations

from collections.abc import Callable

from dashboard.charts import corridor
from dashboard.charts.central_asia import central_asia
from dashboard.charts.corridor import CorridorChart, NoLogistics, can_draw
from dashboard.charts.growth import GrowthChart, growth, yoy
from dashboard.charts.history import HistoryChart, target_history_chart
from dashboard.charts.kit import Chart, Options, Tables
from dashboard.charts.mirror import MirrorChart, mirror
from dashboard.charts.monthly import has_monthly, monthly, year_to_date
from dashboard.charts.product_chapter import product_chapter
from dashboard.charts.product_mix import ProductOptions, product_mix
from dashboard.charts.region_history import region_history
from dashboard.charts.structure import ChaptersChart, SharesChart, chapters_chart, shares_chart
from dashboard.charts.target import TargetChart, doubling
from dashboard.charts.trade_mix import flows, products
from dashboard.charts.world import WorldChart, china_trade, world
from dashboard.core.central_asia import has_data as central_asia_available
from dashboard.core.products import has_products as products_available

REGISTRY: dict[str, Callable[[Tables, Options], Chart]] = {
    "growth": growth,
    "yoy-growth": yoy,
    "flows": flows,
    "products": products,
    "mirror": mirror,
    "world-comparison": world,
    "china-trade": china_trade,
    "doubling-target": doubling,
    "target-history": target_history_chart,
    "shares": shares_chart,
    "hs-chapters": chapters_chart,
    "product-mix": product_mix,
    "product-chapter": product_chapter,
    "central-asia": central_asia,
    "central-asia-history": region_history,
    "middle-corridor": corridor.middle_corridor,
    "transit-containers": corridor.transit_containers,
    "china-europe-trains": corridor.china_europe_trains,
    "monthly": monthly,
    "year-to-date": year_to_date,
}
# Drawn only from a user's upload (its monthly rows): never part of the bundled package's
# charts (the command line, the published bundle), but built, exported and zipped like them
# for a session whose upload holds them.
UPLOAD_CHARTS = ("monthly", "year-to-date")
CHART_NAMES = tuple(n for n in REGISTRY if n not in UPLOAD_CHARTS)
LOGISTICS_CHARTS = tuple(corridor.CHARTS)  # drawn only when the package has the logistics tables
PRODUCT_CHARTS = ("product-mix", "product-chapter")  # drawn only with the product_trade table
CENTRAL_ASIA_CHARTS = ("central-asia", "central-asia-history")  # with the central_asia table

__all__ = ["CENTRAL_ASIA_CHARTS", "CHART_NAMES", "LOGISTICS_CHARTS", "REGISTRY", "ChaptersChart",
           "Chart",
           "CorridorChart", "GrowthChart", "HistoryChart", "MirrorChart", "NoLogistics", "Options",
           "PRODUCT_CHARTS", "ProductOptions",
           "SharesChart", "TargetChart", "UPLOAD_CHARTS", "WorldChart", "available", "build",
           "has_monthly"]


def available(tables: Tables) -> tuple[str, ...]:
    """The charts these tables can draw: the logistics charts need the logistics tables, the
    product charts the product table, the Central Asia chart the central_asia table, the
    monthly charts a session's uploaded monthly rows."""
    has_products = products_available(tables)
    has_region = central_asia_available(tables)
    return tuple(n for n in CHART_NAMES
                 if (n not in LOGISTICS_CHARTS or can_draw(tables, n))
                 and (n not in PRODUCT_CHARTS or has_products)
                 and (n not in CENTRAL_ASIA_CHARTS or has_region)) + \
        (UPLOAD_CHARTS if has_monthly(tables) else ())


def build(name: str, tables: Tables, options: Options | None = None) -> Chart:
    if name not in REGISTRY:
        raise KeyError(f"unknown chart '{name}'; choose from {', '.join(CHART_NAMES)}")
    return REGISTRY[name](tables, options or Options())
