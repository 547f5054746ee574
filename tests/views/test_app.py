"""The pages, driven through streamlit.testing (no browser)."""


import json

import pytest
from helpers import FIXTURE, PAGES, UPLOAD, decode, figures, open_page, traces

from dashboard import charts as catalog
from dashboard.export import render
from dashboard.text.i18n import tr


@pytest.fixture(autouse=True)
def fixture_package(monkeypatch):
    """Pages run on the synthetic package: updating data/ never breaks these tests."""
    monkeypatch.setenv("DASHBOARD_DATA", str(FIXTURE))


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_loads_with_its_charts_and_export_controls(shown, page):
    at = shown(page)
    assert not at.error, [e.value for e in at.error]
    charts = at.get("plotly_chart")
    assert len(charts) == PAGES[page][1]
    labels = [b.proto.label for b in at.get("download_button")]
    for fmt in ("PNG (2×)", "SVG", "PDF", "HTML (interactive)", "CSV (data)"):
        assert labels.count(fmt) == len(charts), (page, fmt)
    # Issue 23: a first image takes seconds with only a spinner on its button: said beforehand.
    if render.static_available()[0] and not render.warm():
        first = tr("en", "export.first_static")
        assert [c.value for c in at.caption].count(first) == len(charts), page
    assert at.title[0].value


def test_overview_shows_the_five_claims(shown):
    at = shown("overview")
    metrics = [(m.label, m.value) for m in at.metric]
    # The editorial's figure beside the data's (issue 23), each alone and big (fits a phone).
    assert [v for label, v in metrics if label == "The editorial"] == ["$30 bn", "+20%",
                                                                       "−2.5%", "2×"]
    assert ("Corridor cargo, 2015 to 2017", "3.0×") in metrics
    captions = [c.value for c in at.caption]
    for context in ("Fixture-year trade", "Fixture-year growth", "World trade", "Doubling goal",
                    "Logistics hub", "bilateral trade in 2017", "year on year",
                    "world trade in 2017", "the 2017 value"):
        assert context in captions
    text = " ".join(m.value for m in at.markdown)
    assert "Matches China's figure in Fixture Database: $30 bn, exports + imports." in text
    assert "China's figures in Fixture Database give +20.0% ($30 bn against $25 bn" in text
    assert "revised to −2.5% (2018-10)" in text
    assert "**Fixture Daily** (2018-07-03)" in text and "**$30 bn in 2017**, up 20%" in text


def test_growth_year_range_and_log_switch_change_the_figure():
    at = open_page("growth")
    before = figures(at)[0]
    assert before["layout"]["yaxis"]["type"] == "linear"
    at.select_slider(key="growth-years").set_value((2013, 2016))
    at.segmented_control(key="growth-scale").set_value("Log")
    at.run()
    after = figures(at)[0]
    markers = [t for t in traces(after, "China's customs (GACC)") if t["mode"] == "markers"][0]
    assert min(decode(markers["x"])) == 2013 and max(decode(markers["x"])) == 2016
    assert after["layout"]["yaxis"]["type"] == "log"
    title = after["layout"]["title"]["text"].replace("<br>", " ")  # on screen, wrapped for a phone
    assert title == "China–Kazakhstan trade, 2013–2016"
    assert any(m.label == "CAGR 2013–2016" for m in at.metric)


def test_mirror_page_states_the_gap(shown):
    at = shown("mirror")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Gap in 2017"] == "$6 bn"
    assert metrics["China's figure is higher by"] == "+25.0%"
    same = [d.value for d in at.dataframe if "Period" in d.value.columns][0]
    assert same.to_dict("records") == [{
        "Period": "January–October 2017", "China reports (US$ bn)": 25.0,
        "Kazakhstan reports (US$ bn)": 20.0, "China's figure against Kazakhstan's": "+25%",
        "Sources": "S04, S04"}]
    assert "Synthetic anomaly: far below the national figure." in [w.value for w in at.warning]
    anomaly = [d.value for d in at.dataframe if "Reading" in d.value.columns][0]
    assert anomaly["US$ bn"].tolist() == [20.0, 27.0]
    assert any("CIF" in m.value for m in at.markdown)


def test_world_page_notes_the_revision(shown):
    at = shown("world")
    info = " ".join(i.value for i in at.info)
    assert "published 2018-10, after the editorial (2018-07-03)" in info
    assert "The figure available first was −1.5% (2018-04)." in info
    # only signs of numbers get the minus sign: dates keep their hyphens
    assert "2018−10" not in info and "2018−07−03" not in info
    text = " ".join(m.value for m in at.markdown)
    assert "(−4% to −6% among those that fell)" in text


def _answer(at):
    return next(m.value for m in at.markdown if m.value.startswith("#### "))


def test_doubling_slider_changes_answer_figure_and_url():
    at = open_page("doubling")
    assert _answer(at) == "#### At 5.0% a year (your rate), trade reaches $60.0 bn in 2032."
    fig_before = figures(at)[0]
    at.slider(key="dbl-growth").set_value(10.0)
    at.run()
    assert _answer(at) == "#### At 10.0% a year (your rate), trade reaches $60.0 bn in 2025."
    fig_after = figures(at)[0]
    main = traces(fig_after, "10.0% a year (your rate)")
    assert main and not traces(fig_before, "10.0% a year (your rate)")
    assert at.query_params["growth"] == "0.1"
    assert at.query_params["base"] == "2017" and at.query_params["multiple"] == "2"


def test_doubling_announced_target_from_a_link():
    at = open_page("doubling", {"target": "45"})
    assert at.selectbox(key="dbl-target-choice").value == 45e9
    assert "Reaching $45.0 bn by 2030 needs" in " ".join(m.value for m in at.markdown)


def test_doubling_query_params_restore_the_view():
    at = open_page("doubling", {"growth": "0.125", "base": "2016", "deadline": "2035",
                                "target": "100", "scenarios": "cagr10", "log": "1"})
    assert not at.warning
    assert at.slider(key="dbl-growth").value == 12.5
    assert at.selectbox(key="dbl-base").value == 2016
    assert at.slider(key="dbl-deadline").value == 2035
    assert at.radio(key="dbl-mode").value == "Amount in US$"
    assert at.selectbox(key="dbl-target-choice").value == -1.0  # not announced: custom
    assert at.number_input(key="dbl-target-custom").value == 100
    assert at.toggle(key="dbl-log").value is True
    assert "$100.0 bn" in _answer(at)
    assert any("Reaching $100.0 bn by 2035 needs" in m.value for m in at.markdown)


@pytest.mark.parametrize("query", [
    {"growth": "abc"}, {"growth": "nan"}, {"growth": "1e308"}, {"base": "2012"},
    {"deadline": "1e308"}, {"multiple": "-2"},
])
def test_doubling_garbage_params_give_a_notice_and_defaults(query):
    at = open_page("doubling", query)
    notices = [t.value for t in at.text if "Link parameter ignored" in t.value]
    assert len(notices) == 1
    assert at.slider(key="dbl-growth").value == 5.0
    assert at.selectbox(key="dbl-base").value == 2017
    assert _answer(at).endswith("in 2032.")


def test_hostile_link_parameters_are_shown_as_plain_bounded_text():
    hostile = {"scenarios": "[Log in](//example.invalid/x)," + ",".join(f"s{i}" for i in
                                                                       range(3000)),
               "growth": "![](//example.invalid/p.png)", "log": ":red[TRUE]"}
    at = open_page("doubling", hostile)
    notices = [t.value for t in at.text if "Link parameter ignored" in t.value]
    assert len(notices) == 3 and all(len(n) < 400 for n in notices)
    assert any("[Log in](//example.invalid/x)" in n for n in notices)  # shown literally
    rendered = " ".join(m.value for m in at.markdown) + " ".join(w.value for w in at.warning)
    assert "example.invalid" not in rendered  # never in anything rendered as Markdown


def test_sources_page_lists_tables_and_links(shown):
    at = shown("sources")
    resources = json.loads((FIXTURE / "datapackage.json").read_text(encoding="utf-8"))
    assert len(at.dataframe) == len(resources["resources"]) + 1  # every resource, and the flags
    labels = [b.proto.label for b in at.get("download_button")]
    assert "bilateral_trade.csv" in labels
    # "download all" is prepared first, its progress counted (the images take a while)
    assert "Prepare all charts and data (ZIP)" in [b.label for b in at.button]
    assert "flags.csv" in labels
    assert any("How to cite" in s.value for s in at.subheader)


def test_upload_preview_use_and_growth_page_shows_it():
    at = open_page("import")
    at.file_uploader[0].set_value(("my-trade.csv", UPLOAD, "text/csv"))
    at.run()
    assert [s.value for s in at.subheader][:2] == ["Accepted rows: 2", "Rejected rows: 1"]
    rejected = at.dataframe[1].value
    assert rejected["reason"].tolist() == ["row 4: value_usd 'n/a' is not a number"]
    at.button(key="upload-use").click()
    at.run()
    assert at.success and "2 rows" in at.success[-1].value
    at.switch_page("views/growth.py")
    at.run()
    fig = figures(at)[0]
    markers = [t for t in fig["data"] if t.get("mode") == "markers"
               and "uploaded" in (t.get("name") or "")][0]
    assert {2014, 2020} <= set(decode(markers["x"]))
    assert "Your uploaded file" in fig["layout"]["annotations"][0]["text"] or any(
        "Your uploaded file" in a["text"] for a in fig["layout"]["annotations"])
    # no script ever reaches the page as markup
    assert not any("<script>" in m.value for m in at.markdown)

    other = open_page("growth")  # a second session
    fig = figures(other)[0]
    assert not any("uploaded" in (t.get("name") or "") for t in fig["data"])


def test_upload_of_a_non_csv_says_why():
    at = open_page("import")
    at.file_uploader[0].set_value(("report.csv", b"PK\x03\x04zzz", "text/csv"))
    at.run()
    assert at.error and "spreadsheet or ZIP file, not CSV" in at.error[0].value
    assert not at.exception


def test_every_catalog_chart_is_on_some_page(shown):
    ids = []
    for page in PAGES:
        ids += [c.proto.id for c in shown(page).get("plotly_chart")]
    for name in catalog.CHART_NAMES:
        assert any(f"chart-{name}" in i for i in ids), (name, ids)
