"""How figures are written in each language (dashboard.text.formatting, CLDR through Babel)."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.text import formatting as f
from dashboard.text import names

NB = "\u00a0"  # no-break space: Russian and Kazakh group digits and attach units with it
LANGS = ("en", "zh", "ru", "kk")


def test_english_output_is_unchanged():
    """The house style every page and test already relies on."""
    assert f.fmt_bn(41e9) == "$41 bn"
    assert f.fmt_bn(43.82e9) == "$43.82 bn"
    assert f.fmt_bn(0.368e9) == "$0.368 bn"
    assert f.fmt_bn(82e9, 1) == "$82.0 bn"
    assert f.fmt_bn(-1.5e9) == "−$1.5 bn"
    assert f.fmt_bn(None) == f.fmt_bn(math.nan) == "n/a"
    assert f.fmt_pct(0.314) == "+31.4%"
    assert f.fmt_pct(-1.1, is_fraction=False) == "−1.1%"
    assert f.fmt_pct(0.069, sign=False) == "6.9%"
    assert f.fmt_pct(32, is_fraction=False, digits=0) == "+32%"
    assert f.fmt_number(1234.5) == "1,234.5"
    assert f.fmt_number(-3.25, 2, sign=True) == "−3.25"
    assert f.fmt_tn(5.94e12) == "$5.94 tn"
    assert f.fmt_share(0.574) == "57%"


@pytest.mark.parametrize(("lang", "forms"), [
    ("en", ("$41 bn", "$43.82 bn", "$0.368 bn", "$41.235 bn")),
    ("zh", ("410亿美元", "438.2亿美元", "3.68亿美元", "412.35亿美元")),
    ("ru", (f"41{NB}млрд{NB}$", f"43,82{NB}млрд{NB}$", f"0,368{NB}млрд{NB}$",
            f"41,235{NB}млрд{NB}$")),
    ("kk", (f"41{NB}млрд{NB}$", f"43,82{NB}млрд{NB}$", f"0,368{NB}млрд{NB}$",
            f"41,235{NB}млрд{NB}$")),
])
def test_money_in_billions_keeps_every_decimal_the_figure_has(lang, forms):
    values = (41e9, 43.82e9, 0.368e9, 41.235e9)
    assert tuple(f.fmt_bn(v, lang=lang) for v in values) == forms


def test_money_with_fixed_decimals_and_large_amounts():
    assert f.fmt_bn(82e9, 1, lang="ru") == f"82,0{NB}млрд{NB}$"
    assert f.fmt_bn(82e9, 1, lang="zh") == "820亿美元"  # 亿 is a tenth of a billion
    assert f.fmt_bn(82.04e9, 2, lang="zh") == "820.4亿美元"
    assert f.fmt_bn(1.2e12, lang="zh") == "1.2万亿美元"
    assert f.fmt_bn(1.2e12, lang="kk") == f"1{NB}200{NB}млрд{NB}$"
    assert f.fmt_tn(6.16e12, lang="ru") == f"6,16{NB}трлн{NB}$"
    assert f.fmt_tn(5.94e12, lang="zh") == "5.94万亿美元"


@pytest.mark.parametrize(("lang", "up", "down", "plain", "share"), [
    ("en", "+31.4%", "−31.4%", "6.9%", "57%"),
    ("zh", "+31.4%", "−31.4%", "6.9%", "57%"),
    ("ru", f"+31,4{NB}%", f"−31,4{NB}%", f"6,9{NB}%", f"57{NB}%"),
    ("kk", "+31,4%", "−31,4%", "6,9%", "57%"),
])
def test_percentages_follow_each_locale(lang, up, down, plain, share):
    assert f.fmt_pct(0.314, lang=lang) == up
    assert f.fmt_pct(-0.314, lang=lang) == down
    assert f.fmt_pct(0.069, sign=False, lang=lang) == plain
    assert f.fmt_share(0.574, lang=lang) == share


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "−1,234,567.25"), ("zh", "−1,234,567.25"),
    ("ru", f"−1{NB}234{NB}567,25"), ("kk", f"−1{NB}234{NB}567,25"),
])
def test_negative_numbers_use_a_real_minus_and_local_separators(lang, expected):
    assert f.fmt_number(-1234567.25, 2, lang=lang) == expected
    for text in (f.fmt_bn(-1.5e9, lang=lang), f.fmt_pct(-0.011, lang=lang),
                 f.fmt_number(-0.5, lang=lang), f.fmt_pct_range(-5, -2, lang=lang)):
        assert "-" not in text and text.count(f.MINUS) >= 1, text


@given(st.floats(min_value=-5e12, max_value=5e12, allow_nan=False))
def test_every_language_shows_the_same_digits(value):
    """Only the symbols change with the language, never the rounding."""
    english = f.fmt_bn(value).replace("$", "").replace(" bn", "").replace(",", "")
    russian = f.fmt_bn(value, lang="ru").replace(f"{NB}млрд{NB}$", "")
    assert russian.replace(NB, "").replace(",", ".") == english
    assert f.fmt_pct(value / 1e12, lang="kk").replace(",", ".") == f.fmt_pct(value / 1e12)


def test_years_dates_lists_and_ranges():
    assert {f.fmt_year(2023.0)} == {"2023"}  # never '2 023'
    assert [f.fmt_year_range(2013, 2023, lang=lang) for lang in LANGS] == [
        "2013–2023", "2013—2023", "2013–2023", "2013–2023"]
    assert [names.fmt_published("2024-07", lang=lang) for lang in LANGS] == [
        "July 2024", "2024年7月", "июль 2024\u202fг.", "2024\u202fж. шілде"]
    assert names.fmt_published("2024-07-03", lang="ru") == "3 июля 2024\u202fг."
    assert names.fmt_published("2021", lang="zh") == "2021"
    assert names.fmt_published("circa 2020", lang="kk") == "circa 2020"  # not a date: unchanged
    assert names.fmt_published("2024-13", lang="ru") == "2024-13"
    assert names.fmt_list(["A", "B", "C"], lang="zh") == "A、B和C"
    assert f.fmt_pct_range(2, 5, lang="ru") == f"2–5{NB}%"
    assert f.fmt_multiple(1.5, lang="ru") == "1,5×"
    assert f.fmt_multiple(2.0) == "2×"


@pytest.mark.parametrize(("lang", "china", "kazakhstan"), [
    ("en", "China", "Kazakhstan"), ("zh", "中国", "哈萨克斯坦"),
    ("ru", "Китай", "Казахстан"), ("kk", "Қытай", "Қазақстан"),
])
def test_country_names_come_from_cldr(lang, china, kazakhstan):
    assert (names.country_name("CHN", lang), names.country_name("KZ", lang)) == (china, kazakhstan)
    assert names.country_name("XXX", lang) == "XXX"  # unknown code: shown as given


def test_axis_units_per_language():
    assert [f.money_unit(lang) for lang in LANGS] == [1e9, 1e8, 1e9, 1e9]
    assert [f.percent_affixes(lang) for lang in LANGS] == [
        ("", "%"), ("", "%"), ("", f"{NB}%"), ("", "%")]


def test_plotly_separators_and_missing_values():
    assert [f.plotly_separators(lang) for lang in LANGS] == [".,", ".,", f",{NB}", f",{NB}"]
    assert [f.fmt_bn(None, lang=lang) for lang in LANGS] == ["n/a", "无数据", "н/д", "дерек жоқ"]
