"""A user's monthly figures: each month's value, and year to date against the same months of
the year before.

Drawn only from an upload (the session's ``monthly_trade`` table, ``importing.session``):
monthly figures are part-year values, kept apart from every annual series; a year-to-date
figure is a sum of the months January to the last consecutive month the file gives, said to
be one, and is compared only with the sum of the same months of the year before.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from dashboard.charts import theme
from dashboard.charts.kit import (
    HOVER,
    Chart,
    Options,
    Tables,
    country,
    money,
    point,
    reporter_source,
    trade_axes,
    who,
)
from dashboard.text.formatting import fmt_bn
from dashboard.text.i18n import join_sentences, tr
from dashboard.text.wording import pct

TABLE = "monthly_trade"
FLOWS = ("total", "export", "import")
FLOW_COLOURS = {"total": theme.USER_COLOUR, "export": "#009E73", "import": "#E69F00"}


def has_monthly(tables: Tables) -> bool:
    m = tables.get(TABLE)
    return m is not None and not m.empty


def _rows(tables: Tables, o: Options) -> tuple[pd.DataFrame, str, str]:
    """The pair's all-commodity monthly rows (the options' pair, else the file's first)."""
    m = tables.get(TABLE)
    if m is None or m.empty:
        return pd.DataFrame(columns=["year", "month_start", "month_end", "flow", "value_usd",
                                     "previous_year_usd", "change_pct", "measure",
                                     "source_id"]), o.reporter, o.partner
    m = m[m["commodity_code"] == "TOTAL"] if (m["commodity_code"] == "TOTAL").any() else m
    pairs = list(dict.fromkeys(zip(m["reporter"], m["partner"], strict=True)))
    reporter, partner = (o.reporter, o.partner) if (o.reporter, o.partner) in pairs \
        else pairs[0]
    m = m[(m["reporter"] == reporter) & (m["partner"] == partner)]
    if m["commodity_code"].nunique() > 1:  # products only: the largest, one at a time
        m = m[m["commodity_code"] == m.groupby("commodity_code")["value_usd"].sum().idxmax()]
    return m, reporter, partner


def _flow_name(flow: str, lang: str) -> str:
    return tr(lang, f"legend.monthly.{flow}")


def _months(lang: str, end: int) -> str:
    return tr(lang, "chart.year_to_date.months", end=str(end))


def _frame(fig: theme.Draft, tables: Tables, chart: str, rows: pd.DataFrame, reporter: str,
           partner: str, x: str, lang: str) -> tuple[str, str]:
    """Title, subtitle, source line and axes of a monthly chart (``kit.trade_axes``): the
    user's pair and whose statistics, the file as the source. Returns (title, source)."""
    title = tr(lang, f"chart.{chart}.title", reporter=country(reporter, lang),
               partner=country(partner, lang))
    source = reporter_source(tables, rows["source_id"], reporter, lang)
    trade_axes(fig, title=title, subtitle=tr(lang, f"chart.{chart}.subtitle",
                                             who=who(reporter, lang)),
               source=source, log=False, lang=lang, x=x)
    return title, source


def monthly(tables: Tables, o: Options) -> Chart:
    lang = o.lang
    m, reporter, partner = _rows(tables, o)
    months = m[m["measure"] == "month"].sort_values(["flow", "year", "month_start"])
    fig = theme.Draft()
    for flow in FLOWS:
        f = months[months["flow"] == flow]
        if f.empty:
            continue
        xs, ys, hover, last = [], [], [], None
        for y, mo, v, shown in zip(f["year"], f["month_start"], f["value_usd"],
                                   money(f["value_usd"], lang), strict=True):
            k = int(y) * 12 + int(mo) - 1
            if last is not None and k - last > 1:  # a month without a figure breaks the line
                xs.append(date((last + 1) // 12, (last + 1) % 12 + 1, 1).isoformat())
                ys.append(None)
                hover.append("")
            xs.append(date(int(y), int(mo), 1).isoformat())
            ys.append(shown)
            hover.append(point(lang, xs[-1][:7], fmt_bn(v, lang=lang),
                               tr(lang, "hover.month_part")))
            last = k
        fig.add_trace(dict(
            type="scatter", mode="lines+markers", name=_flow_name(flow, lang), x=xs, y=ys,
            connectgaps=False, line=dict(color=FLOW_COLOURS[flow], width=2.4),
            marker=dict(color=FLOW_COLOURS[flow], size=7), customdata=hover,
            hovertemplate=HOVER))
    title, source = _frame(fig, tables, "monthly", months, reporter, partner, "month", lang)
    fig.update_xaxes(type="date", tickformat="%Y-%m")
    latest = months.sort_values(["year", "month_start"]).tail(1)
    alt = tr(lang, "alt.none") if latest.empty else tr(
        lang, "alt.monthly", count=len(months),
        first=f"{int(months['year'].min())}", last=f"{int(months['year'].max())}",
        month=f"{int(latest['year'].iloc[0])}-{int(latest['month_start'].iloc[0]):02d}",
        value=fmt_bn(float(latest["value_usd"].iloc[0]), lang=lang))

    def rows() -> pd.DataFrame:
        return pd.DataFrame({
            "series": tr(lang, "chart.monthly.series"), "year": months["year"].astype(int),
            "month": months["month_start"].astype(int), "reporter": reporter,
            "partner": partner, "flow": months["flow"],
            "value_usd_bn": months["value_usd"].astype(float) / 1e9,
            "part_year": True, "source_id": months["source_id"]})

    return Chart("monthly", title, fig.figure(), rows,
                 f"{reporter}-{partner}-monthly-trade-your-data".lower(), source, alt=alt,
                 lang=lang)


def year_to_date(tables: Tables, o: Options) -> Chart:
    lang = o.lang
    m, reporter, partner = _rows(tables, o)
    ytd = m[m["measure"] != "month"].sort_values(["flow", "year"])
    fig = theme.Draft()
    for flow in FLOWS:
        f = ytd[ytd["flow"] == flow]
        if f.empty:
            continue
        xs = [tr(lang, "chart.year_to_date.period", year=str(int(y)), end=str(int(e)))
              for y, e in zip(f["year"], f["month_end"], strict=True)]
        fig.add_trace(dict(
            type="bar", name=tr(lang, "legend.ytd.this", flow=_flow_name(flow, lang)), x=xs,
            y=money(f["value_usd"], lang), marker=dict(color=FLOW_COLOURS[flow]),
            offsetgroup=f"{flow}-this",
            customdata=[point(lang, x, fmt_bn(v, lang=lang), _months(lang, int(e)))
                        for x, v, e in zip(xs, f["value_usd"], f["month_end"], strict=True)],
            hovertemplate=HOVER))
        before = f[f["previous_year_usd"].notna()]
        if before.empty:
            continue
        bx = [x for x, ok in zip(xs, f["previous_year_usd"].notna(), strict=True) if ok]
        fig.add_trace(dict(
            type="bar", name=tr(lang, "legend.ytd.before", flow=_flow_name(flow, lang)), x=bx,
            y=money(before["previous_year_usd"], lang), offsetgroup=f"{flow}-before",
            marker=dict(color="white", line=dict(color=FLOW_COLOURS[flow], width=2),
                        pattern=dict(shape="/", fgcolor=FLOW_COLOURS[flow], size=6)),
            customdata=[point(lang, x, fmt_bn(v, lang=lang), tr(
                lang, "hover.ytd_before", year=str(int(y) - 1), months=_months(lang, int(e)),
                change=pct(c, lang)))
                for x, v, y, e, c in zip(bx, before["previous_year_usd"], before["year"],
                                         before["month_end"], before["change_pct"],
                                         strict=True)],
            hovertemplate=HOVER))
    title, source = _frame(fig, tables, "year_to_date", ytd, reporter, partner, "year_to_date",
                           lang)
    fig.update_layout(barmode="group")
    alt = join_sentences(lang, [_alt(r, lang) for _, r in ytd.iterrows()]) or \
        tr(lang, "alt.year_to_date_none")

    def rows() -> pd.DataFrame:
        return pd.DataFrame({
            "measure": "sum of months (year to date)", "year": ytd["year"].astype(int),
            "month_start": ytd["month_start"].astype(int),
            "month_end": ytd["month_end"].astype(int), "reporter": reporter,
            "partner": partner, "flow": ytd["flow"],
            "value_usd_bn": ytd["value_usd"].astype(float) / 1e9,
            "previous_year": ytd["year"].astype(int) - 1,
            "previous_year_usd_bn": ytd["previous_year_usd"].astype(float) / 1e9,
            "change_pct": ytd["change_pct"].astype(float), "part_year": True,
            "source_id": ytd["source_id"]})

    return Chart("year-to-date", title, fig.figure(), rows,
                 f"{reporter}-{partner}-year-to-date-your-data".lower(), source, alt=alt,
                 lang=lang)


def _alt(r: pd.Series, lang: str) -> str:
    common = dict(flow=_flow_name(str(r["flow"]), lang), year=str(int(r["year"])),
                  months=_months(lang, int(r["month_end"])),
                  value=fmt_bn(float(r["value_usd"]), lang=lang),
                  previous=str(int(r["year"]) - 1))
    if pd.isna(r["previous_year_usd"]):
        return tr(lang, "alt.year_to_date_alone", **common)
    return tr(lang, "alt.year_to_date", **common, change=pct(float(r["change_pct"]), lang),
              previous_value=fmt_bn(float(r["previous_year_usd"]), lang=lang))
