"""An upload's products, World rows and monthly rows reach the pages' charts and exports as the
user's data (importing.session, charts.monthly), on the synthetic package and fixture files."""

import io
import zipfile

import pandas as pd
import pytest
from helpers import FIXTURE, IMPORT_FIXTURES

from dashboard import charts
from dashboard.core import products
from dashboard.core.shares import shares
from dashboard.data.loader import load_package
from dashboard.export import archive
from dashboard.export.render import to_csv
from dashboard.importing import read_import
from dashboard.importing.session import session_tables, user_products, user_world

MONTHLY = "monthly-chn-kaz-synthetic.csv"
CHAPTERS = "chapters-world-chn-kaz-synthetic.csv"


@pytest.fixture(scope="module")
def bundled():
    return load_package(FIXTURE)


def merged(bundled, name, prefer="bundled"):
    r = read_import(IMPORT_FIXTURES / name)
    source = pd.DataFrame([r.totals.attrs["source"]]).astype("string")
    return r, session_tables(bundled, r.rows, r.totals, source, prefer)


def test_products_become_chapters_headings_and_totals_of_the_users_pair():
    r = read_import(IMPORT_FIXTURES / CHAPTERS)
    p = user_products(r.rows)
    assert set(p["level"]) == {"total", "chapter", "heading"}
    assert set(zip(p["reporter"], p["partner"], strict=True)) == {("CHN", "KAZ")}
    assert p["source_id"].eq(r.source_id).all() and not p["computed"].any()
    heading = p[p["level"] == "heading"]
    assert heading["hs_code"].tolist() == ["8471", "8471"]
    assert "WLD" not in set(p["partner"])
    w = user_world(r.rows)
    assert sorted(w["value_usd"].tolist()) == [2.5e12, 2.6e12, 3.0e12, 3.2e12]


def test_monthly_rows_never_become_products_world_or_annual_totals():
    r = read_import(IMPORT_FIXTURES / MONTHLY)
    assert user_products(r.rows).empty and user_world(r.rows).empty and r.totals.empty


def test_a_product_without_the_files_total_is_left_out():
    r = read_import(IMPORT_FIXTURES / CHAPTERS)
    rows = r.rows[~((r.rows["commodity_code"] == "TOTAL") & (r.rows["year"] == 2022))]
    assert set(user_products(rows)["year"]) == {2023}


def test_the_users_product_pair_is_charted_as_theirs(bundled):
    r, t = merged(bundled, CHAPTERS)
    assert products.pairs(t) == [("CHN", "KAZ", True), ("KAZ", "CHN", False)]
    spec = charts.build("product-mix", t, charts.Options(reporter="CHN", partner="KAZ"))
    assert spec.stem == "china-kazakhstan-trade-by-hs-chapter-with-your-data"
    assert spec.title.startswith("Your file: ")
    assert "(includes your uploaded data)" in spec.figure.layout.title.subtitle.text.replace(
        "<br>", " ")
    assert f"Your uploaded file “{CHAPTERS}” ({r.source_id})" in spec.source.replace("<br>", " ")
    rows = spec.data
    top = rows[(rows["flow"] == "export")].iloc[0]
    assert (top["hs_chapter"], top["last_year"]) == ("84", 2023)
    assert top["last_share_pct"] == pytest.approx(5.0 / 24.0 * 100)
    assert top["first_share_pct"] == pytest.approx(4.0 / 16.0 * 100)
    assert set(rows["source_id"]) == {r.source_id}
    assert r.source_id.encode() in to_csv(rows)
    chapter = charts.build("product-chapter", t, charts.ProductOptions(
        reporter="CHN", partner="KAZ", chapter="84", flow="export"))
    assert chapter.stem == "china-kazakhstan-hs-84-export-with-your-data"
    assert set(chapter.data["hs_heading"]) == {"8471", "rest"}
    assert chapter.title.startswith("Your file: HS 84")
    # The bundled pair is still the package's, never under the user's label.
    ours = charts.build("product-mix", t, charts.Options(reporter="KAZ", partner="CHN"))
    assert not ours.stem.endswith("your-data") and "uploaded" not in ours.source
    assert "your" not in ours.title.lower()
    assert "uploaded" not in ours.figure.layout.title.subtitle.text


def test_world_rows_give_shares_from_the_files_two_figures_only(bundled):
    r, t = merged(bundled, CHAPTERS)
    assert not any(s.source_ids[0].startswith("U-") for s in shares(t))  # bundled preferred
    r, t = merged(bundled, CHAPTERS, "uploaded")
    mine = [s for s in shares(t) if s.economy == "CHN"]
    assert [s.year for s in mine] == [2022, 2023]
    assert all(s.source_ids == (r.source_id,) for s in mine)
    assert mine[1].share_pct == pytest.approx(41e9 / 5.8e12 * 100)
    kaz = [s for s in shares(t) if s.economy == "KAZ"]
    assert kaz and not any(r.source_id in s.source_ids for s in kaz)
    spec = charts.build("shares", t)
    assert spec.stem.endswith("-with-your-data")
    names = [tr.name for tr in spec.figure.data if tr.name]
    assert any("includes your uploaded data" in n for n in names)
    assert any("includes your uploaded data" not in n for n in names)
    assert CHAPTERS in spec.source


def test_a_share_never_divides_the_users_figure_by_the_packages(bundled):
    r = read_import(IMPORT_FIXTURES / CHAPTERS)
    rows = r.rows[~((r.rows["partner"] == "KAZ") & (r.rows["year"] == 2022))]
    totals = r.totals[r.totals["year"] != 2022]
    source = pd.DataFrame([r.totals.attrs["source"]]).astype("string")
    t = session_tables(bundled, rows, totals, source, "uploaded")
    assert [s.year for s in shares(t) if s.economy == "CHN"] == [2023]


def test_monthly_and_year_to_date_charts_from_the_users_months(bundled):
    r, t = merged(bundled, MONTHLY)
    assert charts.available(t)[-2:] == ("monthly", "year-to-date")
    assert "monthly" not in charts.available(bundled) and "monthly" not in charts.CHART_NAMES
    m = charts.build("monthly", t)
    assert m.title == "Your file: China's trade with Kazakhstan, month by month"
    assert len(m.data) == 30 and m.data["part_year"].all()
    assert f"“{MONTHLY}”" in m.source
    y = charts.build("year-to-date", t)
    rows = y.data.set_index(["flow", "year"])
    latest = rows.loc[("export", 2025)]
    assert (latest["month_start"], latest["month_end"]) == (1, 3)
    this = sum(2.4e9 + k * 0.05e9 for k in (1, 2, 3))
    before = sum(2.0e9 + k * 0.05e9 for k in (1, 2, 3))
    assert latest["value_usd_bn"] == pytest.approx(this / 1e9)
    assert latest["previous_year_usd_bn"] == pytest.approx(before / 1e9)
    assert latest["change_pct"] == pytest.approx((this / before - 1) * 100)
    assert pd.isna(rows.loc[("export", 2024), "previous_year_usd_bn"])  # no 2023 months
    assert set(y.data["measure"]) == {"sum of months (year to date)"}
    assert "sum of months 1–3" in y.alt and "+19.0%" in y.alt
    names = [tr.name for tr in y.figure.data]
    assert "Exports: sum of months" in names and "Exports: same months a year before" in names
    # Never in the annual series: the upload's totals are empty, the growth chart unchanged.
    assert charts.build("growth", t).stem == charts.build("growth", bundled).stem


def test_a_month_without_a_figure_breaks_the_monthly_line(bundled):
    r, t = merged(bundled, MONTHLY)
    months = t["monthly_trade"]
    ordered = months[months["measure"] == "month"].sort_values(["year", "month_start"])
    first = ordered.iloc[len(ordered) // 2]  # a month in the middle of the run
    holed = dict(t, monthly_trade=months[~((months["year"] == first["year"])
                                           & (months["month_start"] == first["month_start"]))])
    whole = [tr for tr in charts.build("monthly", t).figure.data if tr.mode == "lines+markers"]
    assert all(None not in list(tr.y) for tr in whole)  # the fixture's months run on
    broken = [tr for tr in charts.build("monthly", holed).figure.data
              if tr.mode == "lines+markers" and None in list(tr.y)]
    gap = f"{int(first['year'])}-{int(first['month_start']):02d}-01"
    assert broken and all(list(tr.x)[list(tr.y).index(None)] == gap for tr in broken)


@pytest.mark.parametrize("lang", ["zh", "ru", "kk"])
def test_monthly_charts_speak_every_language(bundled, lang):
    _, t = merged(bundled, MONTHLY)
    for name in charts.UPLOAD_CHARTS:
        spec = charts.build(name, t, charts.Options(lang=lang))
        assert spec.lang == lang and "Your file" not in spec.title and spec.alt


def test_the_zip_of_an_upload_session_holds_the_monthly_charts(bundled):
    _, t = merged(bundled, MONTHLY)
    specs = [charts.build(n, t) for n in ("monthly", "year-to-date")]
    data = archive.build_zip(specs, {}, formats=("csv",))
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert "charts/chn-kaz-year-to-date-your-data.csv" in names
    text = zipfile.ZipFile(io.BytesIO(data)).read(
        "charts/chn-kaz-year-to-date-your-data.csv").decode("utf-8")
    assert "sum of months (year to date)" in text


def test_both_reporters_of_an_upload_give_the_mirror_chart_as_theirs(bundled):
    r, t = merged(bundled, "comtrade-plus-mirror-synthetic.csv", "uploaded")
    spec = charts.build("mirror", t, charts.Options(reporter="CHN", partner="KAZ"))
    assert spec.stem.endswith("-mirror-statistics-with-your-data")
    # each side's own bars (the legend's plain swatches; "flagged" and "approximate" are shared)
    names = [tr.name for tr in spec.figure.data
             if tr.type == "bar" and tr.legendgroup in ("a", "b")]
    assert all("includes your uploaded data" in n for n in names), names
    rows = spec.data.set_index("year")
    assert rows.loc[2021, "source_id_chn"] == rows.loc[2021, "source_id_kaz"] == r.source_id
    ours = charts.build("mirror", bundled, charts.Options(reporter="CHN", partner="KAZ"))
    assert not any("uploaded" in tr.name for tr in ours.figure.data if tr.name)


def test_the_doubling_chart_names_a_series_with_the_users_figures(bundled):
    _, t = merged(bundled, "comtrade-plus-mirror-synthetic.csv", "uploaded")
    spec = charts.build("doubling-target", t)
    assert spec.stem.endswith("-with-your-data")
    assert any("includes your uploaded data" in (tr.name or "") for tr in spec.figure.data)
    assert not charts.build("doubling-target", bundled).stem.endswith("-with-your-data")


@pytest.mark.parametrize(("name", "chart"), [(CHAPTERS, "product-mix"), (CHAPTERS, "shares"),
                                             (MONTHLY, "year-to-date")])
def test_a_charts_csv_carries_the_users_rows_and_file(bundled, name, chart):
    from dashboard.export.render import render

    r, t = merged(bundled, name, "uploaded")
    text = render(charts.build(chart, t), "csv").decode("utf-8")
    assert r.source_id in text and f"Your uploaded file “{name}”" in text
