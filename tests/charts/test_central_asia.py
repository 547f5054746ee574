"""Kazakhstan in Central Asia (issue 25): the table, rankings, mirror gaps, chart and page."""

import json

import pytest
from helpers import FIXTURE, decode, open_page

from dashboard import charts
from dashboard.core import central_asia as ca
from dashboard.data.loader import DATA_DIR, DataError, load_package
from dashboard.text.i18n import tr

LANGS = ("en", "zh", "ru", "kk")


def _row(tables, row_id):
    c = tables["central_asia"]
    return c[c["row_id"] == row_id].iloc[0]


def test_fixture_schema_matches_the_bundled_one():
    def schema(root):
        d = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
        return next(r for r in d["resources"] if r["name"] == "central_asia")

    assert schema(FIXTURE) == schema(DATA_DIR)


def test_rankings_2024_and_2025_come_from_the_rows(tables):
    assert ca.years(tables) == [2016, 2017]  # 2015 lacks Turkmenistan: a gap, not ranked
    r24 = ca.ranking(tables, 2016)
    assert [r.country for r in r24] == ["KAZ", "KGZ", "UZB", "TKM", "TJK"]
    # a lower bound (CA006) never ranks; of two stated readings the more precise one does
    assert [r.row_id for r in r24] == ["CA001", "CA002", "CA003", "CA004", "CA007"]
    total = sum(float(_row(tables, r.row_id)["value_usd"]) for r in r24)
    for r in r24:
        assert r.value_usd == float(_row(tables, r.row_id)["value_usd"])
        assert r.share_pct == pytest.approx(r.value_usd / total * 100)
    r25 = ca.ranking(tables, 2017)
    assert [r.country for r in r25] == ["KAZ", "KGZ", "UZB", "TJK", "TKM"]
    assert "CA017" not in [r.row_id for r in r25]  # unstated basis never ranks
    assert ca.ranking(tables, 2015) == []


def test_region_total_is_the_stated_dollar_figure(tables):
    row = ca.region_total(tables, 2016)
    assert row["row_id"] == "CA009"  # not the yuan row, not the outlet's conversion


def test_mirror_gaps_from_the_partners_own_statistics(tables):
    pairs = {(m.country, m.year, m.months): m for m in ca.mirrors(tables)}
    assert set(pairs) == {("UZB", 2016, 12), ("KGZ", 2017, 3), ("TJK", 2017, 12)}
    uzb = pairs["UZB", 2016, 12]
    assert (uzb.china_row, uzb.partner_row) == ("CA003", "CA008")
    assert uzb.gap_usd == 15e9 - 12e9
    assert uzb.partner_pct_of_china == pytest.approx(80.0)
    kgz = pairs["KGZ", 2017, 3]  # a part-year meets only the same months
    assert kgz.partner_pct_of_china == pytest.approx(25.0)
    tjk = pairs["TJK", 2017, 12]
    assert tjk.partner_bound == "approx" and not tjk.partner_period_stated


def test_chart_csv_rows_equal_the_data(tables):
    spec = charts.build("central-asia", tables, charts.Options())
    rows = spec.data
    assert len(rows) == 5 * 2 + 3 * 2
    for _, r in rows.iterrows():
        assert r["value_usd"] == float(_row(tables, r["row_id"])["value_usd"])
        assert r["source_id"] == _row(tables, r["row_id"])["source_id"]
    kaz = rows[(rows["part"] == "ranking") & (rows["country"] == "KAZ")]
    assert kaz["rank"].tolist() == [1, 1]
    fig = spec.figure.to_dict()
    bars = [t for t in fig["data"] if t["type"] == "bar"]
    assert [decode(t["x"]) for t in bars[:1]] == [[5.05, 10.0, 15.0, 20.0, 40.0]]
    assert bars[0]["marker"]["color"][-1] == "#0072B2"  # Kazakhstan highlighted
    assert "central-asia" in charts.available(tables)


def test_without_the_table_the_chart_is_not_offered(fixture_copy):
    d = json.loads((fixture_copy / "datapackage.json").read_text(encoding="utf-8"))
    d["resources"] = [r for r in d["resources"] if r["name"] != "central_asia"]
    (fixture_copy / "datapackage.json").write_text(json.dumps(d), encoding="utf-8")
    assert "central-asia" not in charts.available(load_package(fixture_copy))


def test_a_yuan_value_in_dollars_is_refused(fixture_copy):
    path = fixture_copy / "central_asia.csv"
    text = path.read_text(encoding="utf-8").replace("6000,hundred million (亿),CNY,,",
                                                    "6000,hundred million (亿),CNY,600000000000,")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match="central_asia.csv, line 11.*never converted"):
        load_package(fixture_copy)


@pytest.mark.parametrize("lang", LANGS)
def test_world_page_shows_the_central_asia_chart_in_each_language(monkeypatch, lang):
    monkeypatch.setenv("DASHBOARD_DATA", str(FIXTURE))
    at = open_page("world", {"lang": lang})
    assert tr(lang, "world.central_asia_heading") in [s.value for s in at.subheader]
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    mine = [s for s in specs if any(t.get("name") == tr(lang, "chart.central_asia.china_figure")
                                    for t in s["data"])]
    assert len(mine) == 1
    alts = charts.build("central-asia", load_package(FIXTURE), charts.Options(lang=lang)).alt
    assert tr(lang, "chart.central_asia.full_year", year="2016") in alts
