"""The corridor page, its three charts, its tables and the overview's fifth card (issue 18).

Charts and tables run on the synthetic fixture package, plus readings added here in memory
where the fixture has none of a kind (lower bounds, targets, statements, a second unit).
"""

import json
import re
import shutil

import helpers
import pandas as pd
import plotly.graph_objects as go
import pytest
from helpers import FIXTURE

from dashboard import charts, cli
from dashboard.charts import NoLogistics, Options
from dashboard.core.corridor_tables import (
    clearance_table,
    disagreement_heading,
    disagreement_table,
    queue_table,
)
from dashboard.core.logistics import RESOURCES, disagreements, logistics_verdict
from dashboard.data.loader import DataError, load_package
from dashboard.text.corridor import amount
from dashboard.text.formatting import stated_decimals
from dashboard.text.plain import md_escape


def trace(fig, name):
    hits = [t for t in fig.data if t.name == name]
    assert len(hits) == 1, [t.name for t in fig.data]
    return hits[0]


def line(fig):
    """The primary line: always the first trace, drawn without markers."""
    assert fig.data[0].mode == "lines" and fig.data[0].showlegend is False
    return fig.data[0]


def plain(text: str) -> str:
    """What a reader sees of escaped Markdown."""
    return re.sub(r"\\(.)", r"\1", text)


def with_readings(tables, *rows):
    """The tables with extra logistics readings (each row names its cells)."""
    lg = tables["logistics"]
    base = dict(months=12, kind="outturn", qualifier="stated", unit="tonnes", scope="s",
                reported_change_pct=None, whose_figure="Other Wire", primary=False,
                source_id="L01", note=None, period="full year")
    extra = pd.DataFrame([{**base, "figure_id": f"X{i:02d}", **r} for i, r in enumerate(rows)])
    out = dict(tables)
    out["logistics"] = pd.concat([lg, extra[lg.columns]], ignore_index=True).astype(lg.dtypes)
    return out


# --- charts on the fixture ----------------------------------------------------------------

def test_middle_corridor_line_part_year_and_csv(tables):
    spec = charts.build("middle-corridor", tables)
    assert isinstance(spec, charts.CorridorChart)
    fig = spec.figure
    assert list(line(fig).x) == [2015, 2016, 2017]
    assert list(line(fig).y) == pytest.approx([1.0, 1.5, 3.0])  # million tonnes
    part = trace(fig, "Part of a year (period labelled)")
    assert list(part.y) == pytest.approx([1.2]) and list(part.text) == ["Jan–Jun"]
    # right of its own year's tick, its label to the right: never read as the year before
    assert list(part.x) == pytest.approx([2017.33]) and part.mode == "markers+text"
    assert part.textposition == "middle right"
    assert 1.2 not in list(line(fig).y)  # a part-year is never joined to the line
    assert trace(fig, "Corridor Ministry").marker.symbol == ("circle",) * 3
    assert fig.layout.yaxis.title.text == "Cargo, million tonnes"
    assert fig.layout.title.text == "Middle Corridor (Trans-Caspian route) cargo, 2015–2017"
    assert "Corridor Ministry (L01)" in spec.source and spec.source.startswith("Sources:")
    data = spec.data
    assert data["role"].tolist() == ["primary", "primary", "primary", "part-year"]  # by year
    assert data["value"].tolist() == [1e6, 1.5e6, 3e6, 1.2e6]
    assert data["value_plotted"].tolist() == pytest.approx([1.0, 1.5, 3.0, 1.2])
    assert set(data["unit_plotted"]) == {"million tonnes"} and set(data["source_id"]) == {"L01"}
    assert spec.stem == "middle-corridor-cargo-2015-2017"
    assert spec.alt == (
        "Middle Corridor cargo: the line (Corridor Ministry) runs from 1,000,000 tonnes in 2015 "
        "to 3,000,000 tonnes in 2017; its highest year is 2017 (3,000,000 tonnes). 1 other "
        "reading sits beside the line, not joined to it.")


def test_transit_containers_line_is_not_bridged_over_a_missing_year(tables):
    spec = charts.build("transit-containers", tables)
    ln = line(spec.figure)
    assert list(ln.x) == [2015, 2016, 2017] and list(ln.y) == [100.0, None, 200.0]
    assert ln.connectgaps is False
    assert spec.figure.layout.yaxis.title.text == "Containers, thousand TEU"


def test_trains_chart_is_context_not_a_count_through_kazakhstan(tables):
    spec = charts.build("china-europe-trains", tables)
    layout = spec.figure.layout
    assert "China's national total on all routes" in layout.title.text.replace("<br>", " ")
    assert layout.title.subtitle.text.startswith("Not a count of trains through Kazakhstan")
    assert layout.yaxis.title.text == "Trains a year"
    assert list(line(spec.figure).y) == [1000.0, 2000.0]
    assert spec.alt.endswith("They are China's national total on every route, not trains "
                             "through Kazakhstan.")


def test_bounds_targets_statements_and_a_second_unit(tables):
    t = with_readings(
        tables,
        dict(measure="titr_tonnes", year=2016, value=1.4e6, qualifier="more than"),
        dict(measure="titr_tonnes", year=2016, value=1.6e6),
        dict(measure="titr_tonnes", year=2018, value=5e6, kind="target",
             period="full year (target)"),
        dict(measure="titr_tonnes", year=2017, value=9e6, kind="statement", period="statement"),
        dict(measure="transit_containers", year=2016, value=150000.0, unit="containers",
             primary=True))
    fig = charts.build("middle-corridor", t).figure
    bound = trace(fig, "“More than”: a lower bound")
    assert list(bound.y) == pytest.approx([1.4]) and bound.marker.symbol == ("triangle-up-open",)
    assert list(bound.x) == pytest.approx([2016.29])  # clear of the plain reading beside it
    other = trace(fig, "Other sources, full year")
    assert list(other.y) == pytest.approx([1.6]) and other.marker.symbol == ("circle-open",)
    target = trace(fig, "Forecast or target, not an outturn")
    assert list(target.y) == pytest.approx([5.0]) and list(target.text) == ["full year (target)"]
    assert target.marker.symbol == ("x-thin-open",)
    assert max(line(fig).x) == 2017  # a target never extends the line
    assert 9.0 not in [y for tr in fig.data for y in (tr.y or ())]  # a statement is not drawn
    data = charts.build("middle-corridor", t).data
    assert "statement" not in set(data["kind"]) and "target" in set(data["kind"])

    spec = charts.build("transit-containers", t)
    boxes = trace(spec.figure, "Stated in containers")
    assert list(boxes.y) == [150.0] and boxes.mode == "markers"  # the legend says the unit once
    assert list(line(spec.figure).y) == [100.0, None, 200.0]  # TEU line, not joined to it
    row = spec.data[spec.data["role"] == "other unit"].iloc[0]
    assert row["unit"] == "containers" and row["unit_plotted"] == "thousand containers"
    for name in charts.LOGISTICS_CHARTS:
        go.Figure(charts.build(name, t, Options(lang="zh")).figure.to_dict())  # strict


def test_a_period_only_the_data_know_is_labelled_from_its_translation(tables):
    """A marker's period the catalogues do not name comes from the package's translations
    (it was drawn in English on a Kazakh chart); English keeps the stored text."""
    t = dict(tables)
    logistics = t["logistics"].copy()
    logistics.loc[logistics["period"] == "Jan–Jun", "period"] = "before the rush"
    t["logistics"] = logistics
    t["translations"] = pd.concat([t["translations"], pd.DataFrame([dict(
        resource="logistics", field="period", value="before the rush", zh="高峰前",
        ru="до наплыва", kk="толқынға дейін")])], ignore_index=True)
    shown = {lang: [x for tr_ in charts.build("middle-corridor", t, Options(lang=lang))
                    .figure.data for x in (tr_.text or []) if x] for lang in ("en", "kk")}
    assert shown == {"en": ["before the rush"], "kk": ["толқынға дейін"]}


def test_chart_words_and_scales_follow_the_language(tables):
    zh = charts.build("middle-corridor", tables, Options(lang="zh"))
    assert list(line(zh.figure).y) == pytest.approx([100.0, 150.0, 300.0])  # 万吨
    assert zh.figure.layout.yaxis.title.text == "货运量（万吨）"
    assert list(trace(zh.figure, "非全年数据（标注时期）").text) == ["1—6月"]
    assert zh.figure.layout.title.text == "中间走廊（跨里海国际运输路线）货运量（2015—2017年）"
    assert zh.source.startswith("来源：") and zh.source.endswith("由中哈贸易数据看板整理。")
    ru = charts.build("china-europe-trains", tables, Options(lang="ru"))
    assert ru.figure.layout.separators == ",\u00a0"
    assert "2017\u00a0г. — 2\u00a0000 поездов" in ru.alt
    assert ru.data["value_plotted"].tolist() == [1000.0, 2000.0]  # the CSV is language-free


def test_no_logistics_tables_no_corridor_charts(tables):
    bare = {k: v for k, v in tables.items() if k not in RESOURCES}
    assert charts.available(bare) == tuple(n for n in charts.CHART_NAMES
                                           if n not in charts.LOGISTICS_CHARTS)
    assert set(charts.LOGISTICS_CHARTS) <= set(charts.available(tables))
    with pytest.raises(NoLogistics, match="needs the logistics tables") as err:
        charts.build("middle-corridor", bare)
    assert isinstance(err.value, DataError)


# --- words and tables ---------------------------------------------------------------------

@pytest.mark.parametrize(("args", "expected"), [
    (("en", 4.25, "hours"), "4.25 hours"),
    (("en", 1, "hours"), "1 hour"),
    (("en", 6, "hours", "stated", 10), "6–10 hours"),
    (("en", 0.5, "days", "about"), "about 0.5 days"),
    (("en", 4484000, "tonnes"), "4,484,000 tonnes"),
    (("en", 3, "widgets"), "3 widgets"),
    (("en", 63, "percent", "more than"), "more than 63%"),
    (("en", None, "tonnes"), "no figure"),
    (("ru", 4, "days", "more than"), "более 4 сут."),
    (("ru", 1500, "trucks", "about"), "около 1\u00a0500 грузовиков"),
    (("ru", 800, "trucks per day", "at least"), "не менее 800 грузовиков в сутки"),
    (("zh", 4484000, "tonnes"), "4,484,000吨"),
    (("kk", 30, "minutes", "less than"), "30 мин. мөлшерінен аз"),  # not "or less"
])
def test_amounts_keep_every_decimal_in_every_language(args, expected):
    lang, value, unit, *rest = args
    assert amount(value, unit, lang, *rest) == expected


def test_decimals_and_markdown_escape():
    assert [stated_decimals(v) for v in (4.25, 4484000, 0.5, 1.485, -1.1)] == [2, 0, 1, 3, 1]
    escaped = md_escape("[Log in](//example.invalid) :red[x] **b**")
    assert plain(escaped) == "[Log in](//example.invalid) :red[x] **b**"
    assert not re.search(r"(?<!\\)[\[\]*:]", escaped)


def test_clearance_and_queue_tables(tables):
    c = clearance_table(tables, "en")
    assert c.to_dict("records") == [{
        "Date": "2016", "Crossing": "Fixture Gate", "Mode": "rail",
        "What was measured": "train processing time", "Before": "10 hours (before 2016)",
        "After, or a single reading": "5 hours (2016)", "Whose figure": "Corridor Ministry",
        "Source": "L01"}]
    q = queue_table(tables, "ru")
    assert q.iloc[0].to_dict() == {
        "Дата": "март 2017\u202fг.", "Пункт пропуска": "Fixture Gate",
        "Вид": "сообщённое значение", "Что измерено": "очередь грузовиков",
        "Значение": "около 30 км",
        "Период": "март 2017\u00a0г.", "Чьи данные": "Corridor Ministry", "Источник": "L01"}


def test_disagreements_are_tabled_from_the_data(tables):
    assert disagreements(tables) == []
    t = with_readings(tables, dict(measure="titr_tonnes", year=2016, value=1.6e6, source_id="S08"),
                      dict(measure="titr_tonnes", year=2016, value=1.4e6, qualifier="more than"))
    (d,) = disagreements(t)
    assert disagreement_heading(d, "en") == "Corridor cargo, 2016: full-year figures differ"
    table = disagreement_table(d, "en")
    assert table["Figure"].tolist() == ["more than 1,400,000 tonnes", "1,500,000 tonnes",
                                        "1,600,000 tonnes"]
    assert table["Source"].tolist() == ["L01", "L01", "S08"]
    # other languages name the measure from the catalogue (English keeps the package's label)
    assert disagreement_heading(d, "zh") == ("中间走廊（跨里海国际运输路线）货运量，"
                                            "2016年：全年数值不一致")


# --- the pages ----------------------------------------------------------------------------

def open_page(monkeypatch, data, path, query=None):
    monkeypatch.setenv("DASHBOARD_DATA", str(data))
    at = helpers.open_page(path or "overview", query)
    assert not at.error, [e.value for e in at.error]
    return at


def test_corridor_page_on_the_fixture(monkeypatch):
    at = open_page(monkeypatch, FIXTURE, "views/corridor.py")
    assert at.title[0].value == "Kazakhstan as a logistics hub: the corridor figures"
    figs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    # On screen titles wrap for a phone (charts/screen.py): compare the words, not the breaks.
    assert [f["layout"]["title"]["text"].replace("<br>", " ").split(",")[0] for f in figs] == [
        "Middle Corridor (Trans-Caspian route) cargo", "Transit containers through Kazakhstan",
        "Context: all China–Europe trains"]
    captions = [plain(c.value) for c in at.caption]
    assert any(c.startswith("Middle Corridor cargo: the line (Corridor Ministry)")
               for c in captions)
    assert "⚠ No synthetic source counts trains through the fixture country." not in captions
    frames = [d.value for d in at.dataframe][len(figs):]  # after each chart's own table
    assert frames[0]["Before"].tolist() == ["10 hours (before 2016)"]
    assert frames[1]["Figure"].tolist() == ["about 30 km"]
    assert len(frames[2]) == len(load_package(FIXTURE)["logistics"])  # the full table
    assert "Sources — L01: Corridor Ministry, February 2018" in captions
    assert [i.value for i in at.info] == [
        "The sources in this data package do not disagree on any figure."]
    labels = [b.proto.label for b in at.get("download_button")]
    assert "logistics.csv" in labels and labels.count("CSV (data)") == 3
    assert not re.search(r"\d", at.markdown[0].value)  # no number typed into the prose


def test_corridor_page_in_russian(monkeypatch):
    at = open_page(monkeypatch, FIXTURE, "views/corridor.py", {"lang": "ru"})
    assert at.title[0].value == ("Казахстан как логистический хаб: данные о транспортных "
                                 "коридорах")
    fig = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert fig["layout"]["title"]["text"].replace("<br>", " ") == (
        "Грузы по Среднему коридору (Транскаспийский международный транспортный маршрут), "
        "2015–2017\u00a0гг.")
    assert at.dataframe[len(at.get("plotly_chart"))].value.columns[0] == "Дата"


def test_overview_fifth_card_says_what_the_data_cannot(monkeypatch):
    at = open_page(monkeypatch, FIXTURE, None)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Corridor cargo, 2015 to 2017"] == "3.0×"
    assert "Logistics hub" in [c.value for c in at.caption]
    assert "What the data cannot say" in [e.label for e in at.expander]
    text = [plain(m.value) for m in at.markdown]
    assert "- No synthetic source counts trains through the fixture country." in text
    assert any("What the data cannot say: 1 point, below" in t for t in text)
    assert any(t.startswith("Corridor cargo (Corridor Ministry): 1 million t in 2015")
               for t in text)


@pytest.mark.parametrize(("lang", "figure", "context"), [
    ("en", "3.0×", "Corridor cargo, 2015 to 2017"),
    ("ru", "3,0×", "Грузы по Среднему коридору, 2015–2017\u00a0гг."),
    ("zh", "3.0×", "中间走廊货运量，2015年至2017年"),
])
def test_the_fifth_card_figure_is_short_and_in_the_readers_language(lang, figure, context):
    v = logistics_verdict(load_package(FIXTURE), lang=lang)
    assert (v.figure, v.context) == (figure, context)
    assert figure.removesuffix("×") in v.headline and v.headline != v.context


@pytest.fixture
def no_logistics(fixture_copy):
    """The fixture package without its four logistics resources."""
    descriptor = fixture_copy / "datapackage.json"
    d = json.loads(descriptor.read_text(encoding="utf-8"))
    d["resources"] = [r for r in d["resources"] if r["name"] not in RESOURCES]
    descriptor.write_text(json.dumps(d, indent=1), encoding="utf-8")
    for name in RESOURCES:
        (fixture_copy / f"{name}.csv").unlink()
    return fixture_copy


def test_a_package_without_logistics_says_so(monkeypatch, no_logistics):
    at = open_page(monkeypatch, no_logistics, "views/corridor.py")
    assert not at.get("plotly_chart")
    assert [i.value for i in at.info] == [
        "This data package has no logistics tables (or no logistics claim), so this page has "
        "nothing to show. The other pages are not affected."]
    overview = open_page(monkeypatch, no_logistics, None)
    assert len(overview.metric) == 8  # the editorial's figure and the data's, four cards
    assert "Logistics hub" not in [c.value for c in overview.caption]


def test_cli_exports_what_the_package_can_draw(no_logistics, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DASHBOARD_DATA", str(no_logistics))
    code = cli.main(["export", "--out", str(tmp_path / "all"), "--formats", "csv"])
    assert code == 0, capsys.readouterr().err
    assert len(list((tmp_path / "all").glob("*.csv"))) == len(charts.CHART_NAMES) - 3
    capsys.readouterr()
    code = cli.main(["export", "--out", str(tmp_path / "one"), "--formats", "csv", "--charts",
                     "middle-corridor"])
    assert code == 2
    assert capsys.readouterr().err.startswith(
        "error: chart 'middle-corridor' needs the logistics tables")
    shutil.rmtree(tmp_path / "one", ignore_errors=True)
