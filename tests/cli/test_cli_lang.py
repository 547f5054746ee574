"""The command line's own messages in ``--lang``: errors and progress lines come from the
catalogue (the 'error:' prefix, file names and ``--help`` stay English: see the README)."""

import pytest

from dashboard.cli import main


@pytest.mark.parametrize(("lang", "words"), [
    ("en", "error: unknown format(s) gif; choose from"),
    ("ru", "error: неизвестные форматы"),
    ("zh", "error: 未知格式"),
    ("kk", "error: белгісіз пішімдер"),
])
def test_an_export_error_is_in_the_chosen_language(lang, words, capsys, tmp_path):
    assert main(["export", "--out", str(tmp_path), "--formats", "gif", "--lang", lang]) == 2
    err = capsys.readouterr().err
    assert err.startswith(words) and err.count("\n") == 1, err


def test_unknown_charts_and_no_chart_in_russian(capsys, tmp_path):
    assert main(["export", "--out", str(tmp_path), "--charts", "nope", "--lang", "ru"]) == 2
    assert "неизвестные графики: 'nope'" in capsys.readouterr().err
    assert main(["export", "--out", str(tmp_path), "--charts", " ", "--lang", "kk"]) == 2
    assert "бірде-бір диаграмма атауы жоқ" in capsys.readouterr().err


def test_check_errors_follow_its_lang(capsys):
    assert main(["check", "x", "--as-of", "soon", "--lang", "ru"]) == 2
    assert capsys.readouterr().err.startswith("error: --as-of 'soon': нужна дата")
    assert main(["check", "x", "--as-of", "soon"]) == 2
    assert "expected a date as YYYY-MM-DD" in capsys.readouterr().err


def test_progress_lines_are_in_the_chosen_language(capsys, tmp_path):
    assert main(["export", "--out", str(tmp_path), "--formats", "csv", "--charts", "growth",
                 "--lang", "ru"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("записан") or "записан" in out, out
