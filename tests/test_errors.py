"""One family of errors meant for a person, caught once in the CLI and once in the app."""

import ast
import importlib

import pytest
from helpers import APP, FIXTURE, ROOT
from streamlit.testing.v1 import AppTest

from dashboard import cli
from dashboard.errors import DataError, UserError


def _exception_classes():
    """Every exception class the package defines, found in the tree (private helpers aside)."""
    for path in (ROOT / "dashboard").rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        for node in ast.parse(path.read_text("utf-8")).body:
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                cls = getattr(importlib.import_module(module), node.name)
                if isinstance(cls, type) and issubclass(cls, BaseException):
                    yield cls


def test_every_public_exception_is_a_user_error():
    found = list(_exception_classes())
    assert len(found) >= 8
    assert [c.__qualname__ for c in found if not issubclass(c, UserError)] == []


def test_a_user_error_says_where():
    err = DataError("not a number", file="bilateral_trade.csv", line=12, column="value_usd")
    assert str(err) == "not a number"
    assert err.where() == "bilateral_trade.csv, line 12, column value_usd"
    assert UserError("x").where() == ""


def test_the_cli_catches_every_user_error_in_one_place(monkeypatch, capsys):
    def boom(args):
        raise UserError("a *new* kind of problem\nover two lines")

    monkeypatch.setattr(cli, "run_export", boom)
    assert cli.main(["export", "--list"]) == 2
    assert capsys.readouterr().err == "error: a *new* kind of problem over two lines\n"


def test_the_app_shows_a_user_error_as_plain_text(monkeypatch):
    """A page that raises a UserError shows its message, escaped, instead of a traceback."""
    monkeypatch.setenv("DASHBOARD_DATA", str(FIXTURE))
    from dashboard.ui import controls

    def boom(lang):
        raise UserError("bad value [click](https://example.invalid) **now**")

    monkeypatch.setattr(controls, "embed_view", boom)
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    shown = at.error[0].value
    assert "\\[click\\]\\(https\\://example" in shown and "\\*\\*now\\*\\*" in shown


@pytest.mark.parametrize("lang", ["en", "zh", "ru", "kk"])
def test_the_app_error_is_in_the_readers_language(monkeypatch, lang):
    monkeypatch.setenv("DASHBOARD_DATA", str(FIXTURE))
    from dashboard.text.i18n import tr
    from dashboard.ui import controls

    monkeypatch.setattr(controls, "embed_view", lambda lang: (_ for _ in ()).throw(UserError("x")))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    assert at.error[0].value == tr(lang, "ui.user_error", error="x")
