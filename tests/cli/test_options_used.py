"""No option of ``export`` or ``publish`` is silently ignored: an option that changes none of the
charts asked for is one error line (exit 2, nothing written), the charts it does not change are
named in a note on stderr, and ``--deflator`` without ``--prices constant`` is refused."""

from dataclasses import replace

import pytest
from helpers import FIXTURE

from dashboard import charts, cli
from dashboard.charts.target import default_projection
from dashboard.data.loader import load_package
from dashboard.export.options import USED_BY
from dashboard.text.i18n import tr


@pytest.fixture(autouse=True)
def fixture_data(monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA", str(FIXTURE))


def export(tmp_path, capsys, *args):
    out = tmp_path / "out"
    rc = cli.main(["export", "--out", str(out), "--formats", "csv", *args])
    got = capsys.readouterr()
    return rc, got.out, got.err, sorted(p.name for p in out.glob("*")) if out.exists() else []


@pytest.mark.parametrize("args,option", [
    (["--charts", "central-asia", "--prices", "constant"], "--prices constant"),
    (["--charts", "central-asia", "--prices", "constant", "--base-year", "2016"],
     "--prices constant"),
    (["--charts", "central-asia", "--log"], "--log"),
    (["--charts", "central-asia", "mirror", "--growth", "0.1"], "--growth"),
    (["--charts", "shares", "--deadline", "2030"], "--deadline"),
    (["--charts", "central-asia", "--base-year", "2016"], "--base-year"),
])
def test_an_option_no_chart_uses_is_refused(tmp_path, capsys, args, option):
    rc, out, err, written = export(tmp_path, capsys, *args)
    assert rc == 2 and out == "" and written == []
    (line,) = err.splitlines()
    assert line.startswith(f"error: {option} changes none of the charts asked for"), line
    assert "leave" in line


def test_the_charts_an_option_leaves_alone_are_named(tmp_path, capsys):
    rc, out, err, written = export(tmp_path, capsys, "--charts", "central-asia", "growth",
                                   "--prices", "constant")
    assert rc == 0 and len(written) == 2
    assert any("constant" in w and w.startswith("china-kazakhstan-trade-growth") for w in written)
    assert err.splitlines() == [
        "note: --prices constant does not change these charts: central-asia (drawn without it)"]


def test_a_note_in_the_commands_language(tmp_path, capsys):
    rc, _, err, _ = export(tmp_path, capsys, "--charts", "central-asia", "growth", "--log",
                           "--lang", "ru")
    assert rc == 0
    assert err.splitlines() == ["note: " + tr("ru", "cli.note.unused_option", option="--log",
                                              charts="central-asia")]


def test_a_multiple_the_target_overrides_is_named(tmp_path, capsys):
    rc, _, err, written = export(tmp_path, capsys, "--charts", "doubling-target",
                                 "--multiple", "3", "--target", "90")
    assert rc == 0 and len(written) == 1
    assert err.splitlines() == ["note: --multiple 3 not used: --target 90 sets the target, and "
                                "an amount wins over a multiple"]


@pytest.mark.parametrize("args", [
    ["--charts", "growth", "--deflator", "gdp"],
    ["--charts", "growth", "--deflator", "cpi-u"],
    ["--charts", "growth", "--prices", "current", "--deflator", "gdp"],
])
def test_a_deflator_without_constant_prices_is_refused(tmp_path, capsys, args):
    rc, out, err, written = export(tmp_path, capsys, *args)
    assert rc == 2 and out == "" and written == []
    (line,) = err.splitlines()
    assert line.startswith("error: --deflator '") and "only with --prices constant" in line


def test_a_deflator_with_constant_prices_is_taken(tmp_path, capsys):
    rc, _, err, written = export(tmp_path, capsys, "--charts", "growth", "--prices", "constant",
                                 "--deflator", "gdp")
    assert rc == 0 and err == "" and written[0].endswith("-gdp.csv")


def test_publish_refuses_a_base_year_of_current_dollars(tmp_path, capsys):
    rc = cli.main(["publish", "--out", str(tmp_path / "site"), "--lang", "en",
                   "--charts", "growth", "--base-year", "2016"])
    err = capsys.readouterr().err
    if "Chromium" in err or "browser" in err.lower():
        pytest.skip("no Chromium for the bundle's images")
    assert rc == 2 and err.startswith("error: --base-year '2016' applies only with --prices")
    assert not (tmp_path / "site").exists()


OPTIONS = {  # one way to set each option (the fixture package's years)
    "prices": dict(prices="constant"),
    "log": dict(log=True),
    "projection": "projection",
}


@pytest.mark.parametrize("kind", list(USED_BY))
def test_used_by_is_what_the_charts_do(kind):
    """A chart listed under an option draws differently with it; every other chart the same."""
    tables = load_package(FIXTURE)
    settings = default_projection(tables)
    plain = charts.Options(projection=settings)
    if kind == "projection":
        changed = charts.Options(projection=replace(settings, growth=settings.growth + 0.05))
    else:
        changed = charts.Options(projection=replace(settings, log=kind == "log"),
                                 **OPTIONS[kind])
    drawn = [n for n in charts.available(tables)
             if charts.build(n, tables, plain).figure.to_json()
             != charts.build(n, tables, changed).figure.to_json()]
    assert sorted(drawn) == sorted(USED_BY[kind])
