"""What each sells the other (issue 25): product_trade, its checks, the product charts, the page."""

import json

import pytest
from helpers import FIXTURE, decode, open_page

from dashboard import charts
from dashboard.core import products
from dashboard.data.loader import DataError, load_package

LANGS = ("en", "zh", "ru", "kk")


def _chapter(tables, flow, year, code):
    p = tables["product_trade"]
    hit = p[(p["flow"] == flow) & (p["year"] == year) & (p["hs_code"] == code)]
    return None if hit.empty else float(hit["value_usd"].iloc[0])


def test_top_chapters_of_the_last_year_come_from_the_rows(tables):
    first, last, mix = products.mix(tables, flow="export")
    assert (first, last) == (2019, 2024)
    assert [m.hs_code for m in mix] == ["27", "26", "74", "28"]
    total = _chapter(tables, "export", 2024, "TOTAL")
    for m in mix:
        assert m.end_usd == _chapter(tables, "export", 2024, m.hs_code)
        assert m.end_share_pct == pytest.approx(m.end_usd / total * 100)
    assert mix[0].start_usd == _chapter(tables, "export", 2019, "27")
    assert mix[3].start_usd is None  # 28 has no 2019 row: no marker, never zero


@pytest.mark.parametrize("fields", [dict(reporter="USA"), dict(start=2024, end=2015)])
def test_a_choice_without_product_rows_says_so_in_the_title(tables, fields):
    spec = charts.build("product-mix", tables, charts.Options(**fields))
    assert spec.title.startswith("No product figures for ") and spec.data.empty
    assert not any(len(t.x or ()) for t in spec.figure.data)


def test_missing_chapters_are_gaps_never_zero(tables):
    assert products.gaps(tables, flow="import")[2021] == ("84", "85", "87")
    first, last, mix = products.mix(tables, flow="import", end=2021)
    assert last == 2021
    gap = [m for m in mix if m.gap]
    assert [m.hs_code for m in gap] == ["84", "85", "87"]  # largest in 2019 first
    assert all(m.end_usd is None and m.end_share_pct is None for m in gap)
    assert products.incomplete_years(tables) == [2021]
    assert products.missing_run(tables, [2021]) == ["84", "74", "85", "87"]


def test_chart_rows_match_the_csv_and_gaps_are_marked(tables):
    spec = charts.build("product-mix", tables, charts.Options(end=2021))
    rows = spec.data
    for _, r in rows.iterrows():
        if r["gap_in_last_year"]:
            assert r["last_value_usd"] is None or r["last_value_usd"] != r["last_value_usd"]
        else:
            assert r["last_value_usd"] == _chapter(tables, r["flow"], 2021, r["hs_chapter"])
    fig = spec.figure.to_dict()
    gaps = [t for t in fig["data"] if t.get("name") == "No row in the data (a gap, not zero)"]
    assert sorted(y for t in gaps for y in t["y"]) == [  # copper sold, machinery bought
        "74 Copper", "84 Machinery", "85 Electrical machinery", "87 Vehicles"]
    assert all(x == 0 for t in gaps for x in decode(t["x"]))  # a marker at the axis, no bar
    bars = [t for t in fig["data"] if t["type"] == "bar"]
    assert not any(y.startswith(("84", "85", "87")) for t in bars[1:] for y in t["y"])
    assert [b["label"] for b in fig["layout"]["updatemenus"][0]["buttons"]] == [
        "Kazakhstan sells China", "China sells Kazakhstan"]


def test_chapter_chart_splits_headings_and_keeps_the_chapter_total(tables):
    spec = charts.build("product-chapter", tables,
                        charts.ProductOptions(chapter="84", flow="import"))
    rows = spec.data
    for year, part in rows.groupby("year"):
        assert part["value_usd"].sum() == _chapter(tables, "import", year, "84")
    assert 2021 not in set(rows["year"])
    gap = [t for t in spec.figure.to_dict()["data"] if t["type"] == "scatter"]
    assert decode(gap[0]["x"]) == [2021]
    default = charts.build("product-chapter", tables)
    assert set(default.data["hs_chapter"]) == {"27"}  # largest export chapter over the years
    assert {"2709", "2711"} <= set(default.data["hs_heading"])


@pytest.mark.parametrize("lang", LANGS)
def test_product_charts_speak_every_language(tables, lang):
    for name in ("product-mix", "product-chapter"):
        spec = charts.build(name, tables, charts.Options(lang=lang))
        assert spec.alt and spec.title and spec.lang == lang
        assert not spec.data.empty


def test_published_product_view_shows_hs27_and_china_top_chapters(published):
    first, last, exports = products.mix(published, flow="export")
    _, _, imports = products.mix(published, flow="import")
    assert last == 2024
    assert "27" in [m.hs_code for m in exports]
    assert [m.hs_code for m in imports[:3]] == ["84", "85", "87"]
    p = published["product_trade"]
    heads = p[(p["level"] == "heading") & (p["year"] == 2024) & (p["flow"] == "export")]
    assert exports[1].end_usd == heads[heads["hs_code"].str.startswith("27")]["value_usd"].sum()
    years = products.incomplete_years(published)
    assert years == [2020, 2021, 2022]
    run = products.missing_run(published, years)
    assert (min(run), max(run)) == ("73", "97")
    for flow in products.FLOWS:
        for year in years:
            assert _chapter(published, flow, year, "84") is None  # a gap, not a zero row


def test_a_chapter_that_is_not_the_sum_of_its_headings_is_refused(fixture_copy):
    path = fixture_copy / "product_trade.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("2024,KAZ,CHN,export,chapter,27,1400000000",
                                 "2024,KAZ,CHN,export,chapter,27,1500000000"), encoding="utf-8")
    with pytest.raises(DataError, match="not the sum of its headings"):
        load_package(fixture_copy)


def test_a_heading_marked_computed_is_refused(fixture_copy):
    path = fixture_copy / "product_trade.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("heading,2709,800000000,false", "heading,2709,800000000,true"),
                    encoding="utf-8")
    with pytest.raises(DataError, match="computed must be false"):
        load_package(fixture_copy)


def test_fixture_has_the_product_rows():
    assert load_package(FIXTURE)["product_trade"]["level"].isin(["heading"]).any()


@pytest.mark.parametrize("lang", LANGS)
def test_shares_and_products_page_in_every_language(monkeypatch, lang):
    monkeypatch.setenv("DASHBOARD_DATA", str(FIXTURE))
    at = open_page("structure", {"lang": lang})
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    titles = [s["layout"]["title"]["text"] for s in specs]
    assert any("2024" in t and "HS" in t for t in titles), titles
    captions = " ".join(c.value for c in at.caption)
    assert "2021" in captions and "74" in captions and "87" in captions
    at.radio(key="product-flow").set_value("import").run()
    assert not at.exception
    chapter = at.selectbox(key="product-chapter-import")
    assert chapter.value == "84"


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_bar_labels_stand_in_a_column_past_every_bar_and_diamond(tables, lang):
    """A diamond just past a bar's end sat over its label (issue 23): the labels stand in one
    column past the farthest bar or diamond of both flows, after a gap, each with its bar's
    figures as before."""
    from dashboard.charts.product_mix import LABEL_GAP

    fig = charts.build("product-mix", tables, charts.Options(lang=lang)).figure
    flows = [fig.data[i:i + 4] for i in range(0, len(fig.data), 4)]
    far = max(x for bars, _, diamonds, _ in flows for x in [*bars.x, *diamonds.x])
    for bars, labels, diamonds, _ in flows:
        assert bars.type == "bar" and bars.text is None and labels.mode == "text"
        assert diamonds.mode == "markers" and labels.visible == bars.visible
        assert list(labels.x) == [far] * len(bars.x) and list(labels.y) == list(bars.y)
        assert all(t.startswith(LABEL_GAP) for t in labels.text)
    assert far == pytest.approx(62.5)  # the fixture's 2019 share of chapter 27
    if lang == "en":
        assert flows[0][1].text[0] == LABEL_GAP + "35.0% · $1.4 bn"
