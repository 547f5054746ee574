"""What the pages show of the data, in the reader's language: column labels, data values,
dates, the translation beside an editorial quote and the mirror page's tables.

Data stay canonical: CSV downloads keep the column names and values of ``data/``; only
what is drawn on screen is relabelled here. No Streamlit, so it is tested directly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import pandas as pd

from dashboard.core.enumerations import shown_enumerations
from dashboard.core.flags import bilateral_flags, commodity_flags, world_total_flags
from dashboard.core.official import AnomalyYear, SamePeriodPair, _is
from dashboard.text import formatting as f
from dashboard.text.i18n import DEFAULT_LANG, Translator, catalogue, data_label, tr
from dashboard.text.names import country_name
from dashboard.text.plain import md_escape

# Columns whose values have display names (``data.<kind>.<slug>``), by the kind they hold.
VALUE_KINDS: Mapping[str, str] = {
    "flow": "flow", "product": "product", "period": "period", "measure": "measure",
    "organisation": "organisation", "economy": "economy", "basis": "basis",
    "attribution": "attribution", "reading_type": "reading_type", "direction": "direction",
    "announced_by": "announced_by", "partner": "partner", "kind": "kind", "mode": "mode",
    "unit": "unit", "place": "place", "what": "what", "whose_figure": "whose"}


def has(key: str) -> bool:
    return key in catalogue(DEFAULT_LANG)


# A chart table's column per country: 'reported_by_chn_usd_bn', 'source_id_kaz'.
PER_COUNTRY = re.compile(r"^(reported_by|approximate|source_id)_([a-z]{3})(_current|_constant)?"
                         r"(_usd_bn)?$")


def column_labels(columns: Iterable[str], lang: str) -> dict[str, str]:
    """On-screen labels of the columns that have one (``col.<name>``, or ``col.<stem>_country…``
    with the country named for a per-country column); others keep their name."""
    out = {}
    for c in columns:
        m = PER_COUNTRY.match(str(c))
        if has(f"col.{c}"):
            out[c] = tr(lang, f"col.{c}")
        elif m and has(key := f"col.{m[1]}_country{m[3] or ''}{m[4] or ''}"):
            out[c] = tr(lang, key, country=country_name(m[2].upper(), lang))
    return out


def shown_table(tables: Mapping[str, pd.DataFrame], name: str, lang: str) -> pd.DataFrame:
    """One table of the package as a page shows it: ``shown_values`` of ``tables[name]``, with
    the break rule's ``flag`` and ``flag_reason`` where it applies (flags.py), and its
    enumerated values in ``lang`` (enumerations.py)."""
    shown = shown_values(with_flags(name, tables[name], tables, lang), lang)
    return shown_enumerations(name, shown, tables, lang)


def blank_missing(frame: pd.DataFrame) -> pd.DataFrame:
    """Empty text cells shown empty (a table otherwise prints 'None'); numbers keep their type."""
    text = [c for c in frame.columns if isinstance(frame[c].dtype, pd.StringDtype)
            or (frame[c].dtype == object  # text, not a year column with gaps
                and all(isinstance(v, str) for v in frame[c].dropna()))]
    return frame.assign(**{c: frame[c].astype(object).where(frame[c].notna(), "")
                           for c in text}) if text else frame


def true_false(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns holding only True/False (and blanks) as yes/no columns: a table shows
    them as check boxes, not as the English words 'True' and 'False'."""
    flags = [c for c in frame.columns if frame[c].dtype == object and frame[c].notna().any()
             and all(pd.api.types.is_bool(v) for v in frame[c].dropna())]
    return frame.assign(**{c: frame[c].astype("boolean") for c in flags}) if flags else frame


def shown_values(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The frame with its data values' display names in ``lang`` (English: as stored).

    Only values with a catalogue entry change; anything else (a user's upload, a new row)
    is shown as it is. HS chapter descriptions follow their chapter code.
    """
    if lang == DEFAULT_LANG:
        return frame
    out = frame.copy()
    for col, kind in VALUE_KINDS.items():
        if col in out.columns:
            out[col] = out[col].map(lambda v, k=kind: v if pd.isna(v) else data_label(lang, k, v))
    if {"cmd_code", "cmd_desc"} <= set(out.columns):
        out["cmd_desc"] = [d if pd.isna(c) or not has(f"data.hs_chapter.{c}")
                           else data_label(lang, "hs_chapter", c)
                           for c, d in zip(out["cmd_code"], out["cmd_desc"], strict=True)]
    return out


def known_text(value: object, prefix: str, lang: str) -> str:
    """A core's English wording that a catalogue has under ``prefix`` (the import formats),
    in ``lang``; any other text unchanged."""
    en = catalogue(DEFAULT_LANG)
    return next((tr(lang, k) for k in en if k.startswith(prefix) and en[k] == value), str(value))




def translates(template: str, quote: str) -> bool:
    """Whether an English message is this very quote, its placeholders standing for figures."""
    parts = re.split(r"\{[a-z][a-z0-9_]*\}", template)
    return re.fullmatch("(.+?)".join(map(re.escape, parts)), str(quote).strip()) is not None


def quote_translation(claims: pd.DataFrame, lang: str, *, claim_id: str | None = None,
                      metric: str | None = None) -> str | None:
    """Our translation of the editorial's words for one claim (by id or by metric), its
    figures read from the claim.

    None in English (the quote is the original), where no translation exists, and where
    the quote in the data is not the one translated (``data.quote.*`` in English is the
    quote with its figures as placeholders): a changed quote never gets a stale translation.
    The quote itself always stays verbatim in English beside it.
    """
    hit = claims[claims["claim_id"] == claim_id] if claim_id else claims[claims["metric"] == metric]
    if lang == DEFAULT_LANG or hit.empty:
        return None
    row = hit.iloc[0]
    key = f"data.quote.{row['claim_id']}"
    if not has(key) or not translates(str(catalogue(DEFAULT_LANG)[key]), row["quote"]):
        return None
    params: dict[str, object] = {}
    if pd.notna(row.get("year")):
        params["year"] = f.fmt_year(row["year"])
    value = row.get("value")
    if pd.notna(value):
        value = float(value)
        params["value"] = f.fmt_bn(value, lang=lang)
        params["change"] = f.fmt_pct(abs(value), is_fraction=False, digits=f.stated_decimals(value),
                                     sign=False, lang=lang)
        params["count"] = f.fmt_number(value, f.stated_decimals(value), lang=lang)
    try:
        return tr(lang, key, **params)
    except KeyError:  # the claim lacks a figure the translation needs: show none
        return None


def quote_caption(claims: pd.DataFrame, lang: str, **which: str) -> str | None:
    """'Our translation: «…»' for a caption (Markdown-escaped), or None where none is shown."""
    text = quote_translation(claims, lang, **which)
    if text is None:
        return None
    return md_escape(tr(lang, "common.translated_quote", label=tr(lang, "common.our_translation"),
                         text=text))


def claim_caption(tables: Mapping[str, pd.DataFrame], lang: str, **which: str) -> str | None:
    """``quote_caption`` of the package's editorial claims."""
    return quote_caption(tables["editorial_claims"], lang, **which)


def labelled_mirror(rows: pd.DataFrame, a: str, b: str, lang: str) -> pd.DataFrame:
    """Each side's total and the gap per year, labelled in ``lang``, money in its unit."""
    t, unit = Translator(lang), f.money_unit(lang)
    return pd.DataFrame({
        t("mirror.col.year"): rows["year"],
        t("mirror.col.reports", country=a): rows["value_a"] / unit,
        t("mirror.col.reports", country=b): rows["value_b"] / unit,
        t("mirror.col.gap_bn"): rows["gap_usd"] / unit,
        t("mirror.col.gap_pct"): rows["gap_pct"],
        t("mirror.col.source", country=a): rows["source_a"],
        t("mirror.col.source", country=b): rows["source_b"]})


def anomaly_table(anomalies: list[AnomalyYear], lang: str) -> pd.DataFrame:
    """Both readings of each flagged year: the database total and the national statistics."""
    t, unit = Translator(lang), f.money_unit(lang)
    rows = []
    for an in anomalies:
        if an.database_total_usd is not None:
            rows.append((an.year, t("mirror.reading.database"), an.database_total_usd / unit,
                         next(p.source_id for p in an.database if p.derived)))
        rows += [(an.year, t("mirror.reading.national", period=t.data("period", r.period)),
                  r.value_usd / unit, r.source_id)
                 for r in an.national if r.value_usd is not None]
    return pd.DataFrame(rows, columns=[t("mirror.col.year"), t("mirror.col.reading"),
                                       t("mirror.col.value_bn"), t("mirror.col.source_one")])


def same_period_table(pairs: list[SamePeriodPair], a: str, b: str,
                      lang: str) -> pd.DataFrame:
    """The same months from both sides, one row per pair with values (bounds are left out)."""
    t, unit = Translator(lang), f.money_unit(lang)
    return pd.DataFrame([{
        t("mirror.col.period"): t("mirror.period_year", period=t.data("period", p.period),
                                  year=f.fmt_year(p.year)),
        t("mirror.col.reports", country=a): p.a.value_usd / unit,
        t("mirror.col.reports", country=b): p.b.value_usd / unit,
        t("mirror.col.against", a=a, b=b): t.pct(p.gap_pct, is_fraction=False, digits=0),
        t("mirror.col.sources"): f"{p.a.source_id}, {p.b.source_id}"}
        for p in pairs if p.a.value_usd and p.b.value_usd])


FLAG_COLUMNS = ["table", "year", "reporter", "partner", "flow", "cmd_code", "value_usd", "rule",
                "reason", "source_ids"]


def flag_table(tables: Mapping[str, pd.DataFrame], lang: str = "en") -> pd.DataFrame:
    """Every flagged reading of the package, one a row, with its rule and reason."""
    rows = []
    t = tables["bilateral_trade"]
    flagged = t[t["anomaly"].fillna(False).astype(bool)] if "anomaly" in t.columns else t[:0]
    for (reporter, partner, flow), _ in flagged.groupby(["reporter", "partner", "flow"]):
        s = t[_is(t["reporter"], reporter) & _is(t["partner"], partner) & _is(t["flow"], flow)]
        values = dict(zip(s["year"].astype(int), s["value_usd"].astype(float), strict=True))
        for year, flag in bilateral_flags(tables, reporter, partner, flow).items():
            rows.append(("bilateral_trade", year, reporter, partner, flow, "", values[year],
                         flag))
    w = tables.get("world_totals")
    if w is not None:
        wv = {(int(r.year), r.reporter, r.flow): float(r.value_usd) for r in w.itertuples()}
        for (year, reporter, flow), flag in world_total_flags(tables).items():
            rows.append(("world_totals", year, reporter, "WLD", flow, "",
                         wv[(year, reporter, flow)], flag))
    c = tables.get("commodity_trade")
    if c is not None:
        cv = {(int(r.year), r.reporter, r.partner, r.flow, str(r.cmd_code)): float(r.value_usd)
              for r in c.itertuples()}
        for key, flag in commodity_flags(tables).items():
            rows.append(("commodity_trade", *key, cv[key], flag))
    return pd.DataFrame([(*r[:7], r[7].rule, r[7].reason(lang), ", ".join(r[7].source_ids))
                         for r in rows], columns=FLAG_COLUMNS)


def shown_flag_table(tables: Mapping[str, pd.DataFrame], lang: str) -> pd.DataFrame:
    """``flag_table`` as the page shows it: flows and rules in ``lang`` (the CSV keeps them)."""
    return shown_enumerations("flags", shown_values(flag_table(tables, lang), lang), tables, lang)


def with_flags(name: str, df: pd.DataFrame, tables: Mapping[str, pd.DataFrame],
               lang: str = "en") -> pd.DataFrame:
    """A package table with ``flag`` and ``flag_reason`` columns where the rule flags rows
    (``world_totals``, ``commodity_trade``); other tables as they are."""
    if name == "world_totals":
        flags = world_total_flags(tables)
        keys = [(int(r.year), r.reporter, r.flow) for r in df.itertuples()]
    elif name == "commodity_trade":
        flags = commodity_flags(tables)  # type: ignore[assignment]
        keys = [(int(r.year), r.reporter, r.partner, r.flow, str(r.cmd_code))
                for r in df.itertuples()]
    else:
        return df
    hit = [flags.get(k) for k in keys]  # type: ignore[call-overload]
    return df.assign(flag=[x is not None for x in hit],
                     flag_reason=[x.reason(lang) if x is not None else "" for x in hit])
