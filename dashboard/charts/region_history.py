"""China's trade with the five Central Asian states over the years, as China's figures state it.

The line is China's stated US-dollar total of each year that has one (``core.central_asia``,
``region_readings``): a numeric year axis, years without a figure left as gaps (no bridge).
Beside it, each in its own marker: a figure whose side is only inferred, a lower bound, and an
outlet's conversion of a yuan figure. Yuan figures themselves are never drawn among dollars.
Current or constant dollars as the options say (``pricing``).
"""

from __future__ import annotations

import pandas as pd

from dashboard.charts import pricing, theme
from dashboard.charts.kit import (
    HOVER,
    Chart,
    Options,
    Tables,
    add_series,
    labelled,
    money,
    point,
    source_line,
    trade_axes,
)
from dashboard.core.central_asia import region_readings
from dashboard.core.prices import deflate
from dashboard.text.formatting import fmt_bn, fmt_year_range
from dashboard.text.i18n import tr

MARKS = {  # kind: (legend key, symbol)
    "inferred": ("legend.region.inferred", "circle-open"),
    "lower": ("legend.lower_bound", "triangle-up-open"),
    "converted": ("legend.region.converted", "square-open"),
}
COLOUR = theme.COUNTRY_COLOURS["CHN"]


def region_history(tables: Tables, o: Options) -> Chart:
    lang = o.lang
    r = labelled(region_readings(tables), tables["sources"])
    p = pricing.resolve(tables, o)
    years = r["year"].astype(int).tolist()
    table = r  # every reading, in current dollars: the CSV names the gaps
    if p is not None:  # constant dollars: a year without an index is a gap
        r = deflate(r, p)
        r = r.assign(hover_extra=[pricing.hover(p, y, v, lang) for y, v in
                                  zip(r["year"], r["current_usd"], strict=True)])
    line = r[r["kind"] == "series"]
    start, end = (min(years), max(years)) if years else (0, 0)
    title = pricing.title(tr(lang, "chart.region_history.title",
                             period=fmt_year_range(start, end, lang=lang)), p, lang)
    subtitle = tr(lang, "chart.region_history.subtitle")
    source = pricing.source(source_line(r["source_id"], tables["sources"], lang=lang), p, lang,
                            r["year"].astype(int).tolist())
    fig = theme.Draft()
    add_series(fig, line, name=tr(lang, "legend.region.stated"), colour=COLOUR, bridge=False,
               lang=lang)
    for kind, (key, symbol) in MARKS.items():
        d = r[r["kind"] == kind]
        if d.empty:
            continue
        extra = d["hover_extra"] if "hover_extra" in d else [""] * len(d)
        fig.add_trace(dict(
            type="scatter", mode="markers", x=d["year"].astype(int).tolist(),
            y=money(d["value_usd"], lang), name=tr(lang, key),
            marker=dict(symbol=symbol, size=12, color=theme.NEUTRAL,
                        line=dict(color=theme.NEUTRAL, width=2)),
            customdata=[point(lang, int(y), fmt_bn(v, lang=lang), tr(lang, key),
                              tr(lang, "hover.source", source=s), more)
                        for y, v, s, more in zip(d["year"], d["value_usd"], d["source_label"],
                                                 extra, strict=True)],
            hovertemplate=HOVER))
    trade_axes(fig, title=title, subtitle=subtitle, source=source, log=o.log, lang=lang,
               y_title=lambda text: pricing.axis(text, p, lang, o.log))
    fig.update_xaxes(type="linear", tickformat="d", range=[start - 1, end + 1])
    alt = tr(lang, "alt.none") if line.empty else tr(
        lang, "alt.region_history", first=fmt_bn(line["value_usd"].iloc[0], lang=lang),
        start=str(int(line["year"].iloc[0])), last=fmt_bn(line["value_usd"].iloc[-1], lang=lang),
        end=str(int(line["year"].iloc[-1])))
    if p is not None:
        alt = tr(lang, "prices.alt", alt=alt, prices=pricing.describe(p, lang))

    def rows() -> pd.DataFrame:
        t = table
        dollars = t["value_usd"].astype(float).tolist()
        value = ({"value_usd_bn": [v / 1e9 for v in dollars]} if p is None
                 else pricing.columns(p, years, dollars))
        return pd.DataFrame({"series": t["kind"].tolist(), "year": years, "partner": "CA5",
                             **value, "approximate": t["approximate"].tolist(),
                             "source_id": t["source_id"].tolist(), "row_id": t["row_id"].tolist(),
                             "source": t["source_label"].tolist()})

    return Chart("central-asia-history", title, fig.figure(), rows,
                 f"china-central-asia-trade-{start}-{end}" + pricing.stem(p), source, alt=alt,
                 lang=lang)
