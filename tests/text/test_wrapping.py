"""Wrapping chart text in every language (dashboard.text.wrapping)."""

from dashboard.text.i18n import tr
from dashboard.text.wrapping import columns, wrap, wrap_html

NB = "\u00a0"


def test_latin_and_cyrillic_break_at_spaces_within_the_width():
    text = tr("ru", "chart.mirror.subtitle", a="Китай")
    lines = wrap(text, 60)
    assert len(lines) == 3 and all(columns(line) <= 60 for line in lines)
    assert " ".join(lines) == text


def test_no_break_spaces_hold_a_figure_and_its_unit_together():
    lines = wrap(f"Товарооборот 41{NB}млрд{NB}$ и ещё 43,82{NB}млрд{NB}$ за год", 20)
    assert lines == ["Товарооборот", f"41{NB}млрд{NB}$ и ещё", f"43,82{NB}млрд{NB}$ за год"]


def test_chinese_breaks_between_characters_and_counts_them_double():
    text = tr("zh", "chart.growth.subtitle", who="中国海关（海关总署）")
    assert columns("中国") == 4
    lines = wrap(text, 50)
    assert "".join(lines) == text
    assert all(columns(line) <= 50 for line in lines) and len(lines) == 2
    for line in lines[1:]:
        assert line[0] not in "，。；：）"  # no line starts with closing punctuation
    for line in lines[:-1]:
        assert line[-1] not in "（“"  # and none ends with opening punctuation


def test_tags_take_no_room_and_br_always_breaks():
    assert columns("<b>中</b>") == 2
    assert wrap_html("<b>China–Kazakhstan</b><br>as reported (the editorial)", 18) == (
        "<b>China–Kazakhstan</b><br>as reported (the<br>editorial)")


def test_a_word_longer_than_the_width_stays_whole():
    assert wrap("Supercalifragilistic word", 5) == ["Supercalifragilistic", "word"]
