"""Numbers in tables and sliders in the reader's format (issue 24): Streamlit's printf column
formats are English only, so zh/ru/kk tables for reading show money and percentages written by
dashboard.text.formatting, while CSV downloads keep their numbers."""

import json
import re

import pandas as pd
import pytest
from english_left import shown_frame
from helpers import FIXTURE
from test_app import open_page

from dashboard.core.readable import cell, money, readable
from dashboard.data.loader import load_package
from dashboard.text.formatting import fmt_bn, fmt_number, fmt_pct
from dashboard.text.i18n import Translator

ENGLISH_MONEY = re.compile(r"\$\d{1,3}(,\d{3})+")  # '$41,055,000,000'
DECIMAL_POINT = re.compile(r"\d\.\d")               # '41.055', '6.9%' (never in ru/kk)


@pytest.fixture(autouse=True)
def fixture_package(monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA", str(FIXTURE))


@pytest.fixture(scope="module")
def fixture_tables():
    return load_package(FIXTURE)


def cells(frame: pd.DataFrame) -> list[str]:
    return [str(v) for v in frame.to_numpy().ravel()]


# --- core.readable, without Streamlit --------------------------------------------------

def test_money_reads_like_the_text_from_a_hundred_million_up():
    assert money(41.055e9, "ru") == fmt_bn(41.055e9, lang="ru") == "41,055\u00a0млрд\u00a0$"
    assert money(41.055e9, "zh") == "410.55亿美元"
    assert money(41.055e9, "kk") == fmt_bn(41.055e9, lang="kk")
    # small amounts in whole dollars, never rounded away to zero
    assert money(1_234_567, "ru") == "1\u00a0234\u00a0567\u00a0$"
    assert money(1_234_567, "zh") == "1,234,567美元"
    assert money(-1_234_567, "en") == "\u2212$1,234,567"


def test_percent_and_billion_cells():
    assert cell(6.9, "signed_pct", "ru") == fmt_pct(6.9, is_fraction=False, lang="ru")
    assert cell(6.9, "signed_pct", "ru") == "+6,9\u00a0%"
    assert cell(12.345, "pct", "kk") == "12,35%"
    assert cell(410.55, "bn", "zh") == "410.55"
    assert cell(41.055, "bn", "ru") == fmt_number(41.055, 3, lang="ru") == "41,055"
    assert cell(None, "money", "ru") is None and cell("x", "money", "ru") == "x"


def test_readable_keeps_english_and_the_frame_it_was_given():
    frame = pd.DataFrame({"year": [2023, 2024], "value_usd": [41.055e9, None],
                          "gap_pct": [-1.1, 3.0], "note": ["a", "b"]})
    assert readable(frame, "en") == (frame, [])
    shown, written = readable(frame, "ru")
    assert written == ["value_usd", "gap_pct"]
    assert shown["value_usd"].tolist()[0] == "41,055\u00a0млрд\u00a0$"
    assert pd.isna(shown["value_usd"].tolist()[1])
    assert shown["gap_pct"].tolist() == ["\u22121,1\u00a0%", "+3,0\u00a0%"]
    assert shown["year"].tolist() == [2023, 2024]          # years are never written as money
    assert frame["value_usd"].dtype == float               # the caller's frame keeps numbers


# --- pages, through streamlit.testing ------------------------------------------------------

@pytest.mark.parametrize("lang", ["ru", "zh"])
def test_sources_tables_write_money_the_readers_way(lang, fixture_tables):
    at = open_page("sources", {"lang": lang})
    table = at.dataframe[1]                    # bilateral_trade, after the sources table
    config = json.loads(table.proto.columns)
    assert "format" not in config["value_usd"].get("type_config", {})
    # the column keeps its numbers (it sorts by value) and shows them the reader's way
    assert pd.api.types.is_numeric_dtype(table.value["value_usd"])
    values = shown_frame(table)["value_usd"].tolist()
    expected = [money(v, lang) for v in fixture_tables["bilateral_trade"]["value_usd"]
                if not pd.isna(v)]
    assert [v for v in values if v != ""] == expected
    assert any(("млрд\u00a0$" if lang == "ru" else "亿美元") in v for v in values)
    for frame in (shown_frame(d) for d in at.dataframe):
        assert not [c for c in cells(frame) if ENGLISH_MONEY.search(c)]
    # the downloads keep their numbers
    csv = next(b for b in at.get("download_button") if b.proto.label == "bilateral_trade.csv")
    assert csv.proto.label == "bilateral_trade.csv"


def test_sources_page_in_english_keeps_its_numeric_columns():
    at = open_page("sources", {"lang": "en"})
    config = json.loads(at.dataframe[1].proto.columns)
    assert config["value_usd"]["type_config"]["format"] == "$%,.0f"
    assert pd.api.types.is_numeric_dtype(at.dataframe[1].value["value_usd"])


@pytest.mark.parametrize("lang", ["ru", "zh"])
def test_mirror_table_numbers_in_the_readers_format(lang):
    at = open_page("mirror", {"lang": lang})
    gap_col = Translator(lang)("mirror.col.gap_pct")
    node = next(d for d in at.dataframe if gap_col in d.value.columns)
    assert all(pd.api.types.is_numeric_dtype(node.value[c]) for c in node.value.columns[1:5])
    frame = shown_frame(node)
    money_cols = list(frame.columns[1:4])
    written = [v for c in money_cols for v in frame[c].tolist() if v != ""]
    assert written and all(isinstance(v, str) for v in written)
    if lang == "ru":
        assert all(not DECIMAL_POINT.search(v) for v in written)
        assert any("," in v for v in written)
    else:  # 亿: two decimals, a point as Chinese writes it
        assert all(re.fullmatch(r"\u2212?[\d,]+(\.\d{1,2})?", v) for v in written)
    gap = frame[frame.columns[4]].tolist()
    assert all(v.endswith("%") for v in gap if v)


@pytest.mark.parametrize("lang", ["ru", "zh"])
def test_doubling_sliders_show_the_value_in_the_readers_format(lang):
    at = open_page("doubling", {"lang": lang})
    slider = at.slider(key="dbl-growth")
    shown = fmt_pct(slider.value, is_fraction=False, sign=False, lang=lang)
    assert shown in [c.value for c in at.caption]
    if lang == "ru":
        assert "\u00a0%" in slider.proto.format and "," in shown


@pytest.mark.parametrize("page", ["growth", "structure", "world"])
def test_chart_tables_write_money_the_readers_way(page):
    at = open_page(page, {"lang": "ru"})
    frames = [shown_frame(d) for d in at.dataframe]
    assert frames and not [c for f in frames for c in cells(f) if ENGLISH_MONEY.search(c)]
    for frame in frames:
        for col in [c for c in frame.columns if c.endswith(("_usd_bn", "_pct"))]:
            written = [v for v in frame[col].tolist() if v != "" and not pd.isna(v)]
            assert all(isinstance(v, str) and not DECIMAL_POINT.search(v) for v in written), col
    # "Show as a table": Russian headers over columns that keep their numbers (they sort)
    charted = [d for d in at.dataframe if "value_usd_bn" in d.value.columns]
    assert charted or page != "growth"
    for node in charted:
        label = json.loads(node.proto.columns)["value_usd_bn"]["label"]
        assert label == Translator("ru")("col.value_usd_bn") == "значение, млрд долл. США"
        assert pd.api.types.is_numeric_dtype(node.value["value_usd_bn"])


def test_suffixes_of_chart_columns():
    assert readable(pd.DataFrame({"value_usd_bn": [41.055], "share_pct": [57.0],
                                  "computed_change_pct": [19.999999999999996],
                                  "approximate": [True]}), "ru")[1] == [
        "value_usd_bn", "share_pct", "computed_change_pct"]
    shown, _ = readable(pd.DataFrame({"value_usd_bn": [41.055], "computed_change_pct": [
        19.999999999999996], "value_usd_tn": [5.94]}), "ru")
    assert shown.iloc[0].tolist() == ["41,055\u00a0млрд\u00a0$", "+20,0\u00a0%",
                                      "5,94\u00a0трлн\u00a0$"]


def test_logistics_amounts_keep_their_decimals():
    shown, written = readable(pd.DataFrame({"value": [759000.0, 4.25], "year": [2019, 2020]}), "ru")
    assert written == ["value"]
    assert shown["value"].tolist() == ["759\u00a0000", "4,25"]


def test_corridor_full_table_in_russian():
    at = open_page("corridor", {"lang": "ru"})
    full = [shown_frame(d) for d in at.dataframe if "figure_id" in d.value.columns]
    assert full and all(isinstance(v, str) for v in full[0]["value"].dropna())


@pytest.mark.parametrize("lang", ["ru", "zh", "kk"])
def test_formatted_money_sorts_by_value_not_as_text(lang):
    """'9 млрд $' before '10 млрд $': the column holds numbers, the Styler gives their text."""
    from dashboard.core.readable import formatters

    frame = pd.DataFrame({"value_usd": [10e9, 9e9, 41.055e9, None]})
    write = formatters(frame, lang)["value_usd"]
    ordered = frame.sort_values("value_usd")["value_usd"].map(write).tolist()
    assert ordered[:3] == [money(9e9, lang), money(10e9, lang), money(41.055e9, lang)]
    assert ordered[3] == ""
    assert sorted(ordered[:3]) != ordered[:3]  # as text, '10' sorts before '9'
    assert formatters(frame, "en") == {}
