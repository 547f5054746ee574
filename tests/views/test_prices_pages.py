"""The growth, doubling and overview pages in constant dollars, opened from a link."""

import pytest
from helpers import FIXTURE, figures, open_page


@pytest.fixture(autouse=True)
def fixture_data(monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA", str(FIXTURE))


def test_growth_page_takes_constant_prices_from_the_link():
    at = open_page("growth", {"prices": "constant", "base": "2016", "deflator": "gdp"})
    assert at.segmented_control(key="growth-prices").value == "constant"
    assert at.selectbox(key="growth-deflator").value == "gdp"
    assert at.selectbox(key="growth-base").value == 2016
    title = figures(at)[0]["layout"]["title"]["text"].replace("<br>", " ")
    assert title == "China–Kazakhstan trade, 2005–2017, in constant US$ of 2016, US GDP deflator"
    captions = " ".join(c.value for c in at.caption)
    assert "Values in constant US$ of 2016, US GDP deflator" in captions
    assert at.query_params["prices"] == "constant" and at.query_params["base"] == "2016"
    assert not at.warning


def test_growth_page_switches_back_to_current_and_clears_the_link():
    at = open_page("growth", {"prices": "constant"})
    assert at.selectbox(key="growth-base").value == 2017  # the latest full CPI-U year
    at.segmented_control(key="growth-prices").set_value("current")
    at.run()
    assert "prices" not in at.query_params and "base" not in at.query_params
    title = figures(at)[0]["layout"]["title"]["text"].replace("<br>", " ")
    assert title == "China–Kazakhstan trade, 2005–2017"


@pytest.mark.parametrize("query", [
    {"prices": "<script>alert(1)</script>"},
    {"prices": "constant", "base": "2014", "deflator": "gdp"},
    {"prices": "constant", "base": "9" * 400},
    {"prices": "constant", "deflator": "**bold**"},
])
def test_hostile_links_fall_back_with_a_notice(query):
    at = open_page("growth", query)
    assert not at.exception
    text = " ".join(str(w.value) for w in at.get("text")) + " ".join(
        str(m.value) for m in at.markdown)
    assert "ignored" in text
    assert "<script>" not in " ".join(m.value for m in at.markdown)


@pytest.mark.parametrize("page,query,said", [
    ("growth", {"deflator": "gdp"}, ["deflator='gdp'"]),
    ("growth", {"deflator": "gdp", "base": "2016"}, ["deflator='gdp'", "base='2016'"]),
    ("growth", {"prices": "current", "base": "2016"}, ["base='2016'"]),
    ("doubling", {"deflator": "gdp", "base": "2016"}, ["deflator='gdp'"]),  # base: its own
])
def test_a_deflator_without_constant_prices_is_said_on_the_page(page, query, said):
    at = open_page(page, query)
    notices = [str(t.value) for t in at.get("text") if "prices=constant" in str(t.value)]
    assert [n.split("Link parameter ignored: ")[1].split(" ")[0] for n in notices] == said
    assert all("applies only with prices=constant (values are in current US$)" in n
               for n in notices)
    title = figures(at)[0]["layout"]["title"]["text"]
    assert "constant" not in title


def test_doubling_page_shows_the_goal_in_constant_dollars():
    at = open_page("doubling", {"base": "2015", "prices": "constant", "deflator": "cpi-u",
                                "deadline": "2020"})
    md = " ".join(m.value for m in at.markdown)
    assert "In constant dollars" in md
    assert "In US\\$ of 2015 \\(US CPI\\-U\\)" in md and "\\$24\\.00 bn" in md
    assert at.query_params["prices"] == "constant" and at.query_params["base"] == "2015"
    assert not [w for w in at.get("text") if "ignored" in str(w.value)]  # no unknown-param notice
    legend = [t.get("name") for t in figures(at)[0]["data"]]
    assert any("constant US$ of 2015, US CPI-U" in (n or "") for n in legend)


def test_overview_states_the_claim_years_growth_in_constant_dollars():
    at = open_page("overview")
    text = " ".join(str(m.value) for m in at.markdown)
    assert ("In constant US\\$ of 2017 \\(US CPI\\-U\\), the change from 2016 to 2017 is "
            "−4\\.0%, computed from the same figures\\.") in text


def test_mirror_page_takes_constant_prices_from_the_link():
    """Issue 23: the mirror page has the prices switch; both sides by one index, so the gap
    in percent is the current-dollar one and only the amounts change."""
    current = open_page("mirror")
    at = open_page("mirror", {"prices": "constant", "base": "2016", "deflator": "gdp"})
    assert not at.exception and len(at.warning) == len(current.warning)  # the anomaly note
    assert at.segmented_control(key="mirror-prices").value == "constant"
    assert at.query_params["prices"] == "constant" and at.query_params["base"] == "2016"
    title = figures(at)[0]["layout"]["title"]["text"].replace("<br>", " ")
    assert title.endswith("in constant US$ of 2016, US GDP deflator"), title
    captions = " ".join(c.value for c in at.caption)
    assert "Chart, figures and the first table in constant US$ of 2016, US GDP deflator" in captions
    metrics = {m.label: m.value for m in at.metric}
    before = {m.label: m.value for m in current.metric}
    assert metrics.keys() == before.keys()
    gap = next(k for k in metrics if k.startswith("Gap in"))
    higher = next(k for k in metrics if "higher" in k)
    assert metrics[higher] == before[higher]  # the gap in percent: unchanged
    assert metrics[gap] != before[gap]  # the gap in dollars: in 2016 dollars
