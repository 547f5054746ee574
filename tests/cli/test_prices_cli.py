"""``export`` and ``publish`` in constant dollars: ``--prices``, ``--base-year``, ``--deflator``."""

import csv
import io

import pytest
from helpers import FIXTURE, needs_chromium

from dashboard import cli


@pytest.fixture(autouse=True)
def fixture_data(monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA", str(FIXTURE))


def test_export_in_constant_dollars(tmp_path, capsys):
    out = tmp_path / "out"
    rc = cli.main(["export", "--out", str(out), "--formats", "csv", "--charts", "growth",
                   "--prices", "constant", "--base-year", "2016", "--deflator", "gdp"])
    assert rc == 0, capsys.readouterr().err
    (path,) = out.glob("*.csv")
    assert path.name == "china-kazakhstan-trade-growth-2005-2017-constant-2016-gdp.csv"
    rows = [r for r in csv.DictReader(io.StringIO(path.read_text("utf-8")))
            if r["series"] == "China's customs (GACC)"]
    by_year = {r["year"]: r for r in rows}
    assert by_year["2015"]["value_current_usd_bn"] == "20.0"
    assert float(by_year["2015"]["value_constant_usd_bn"]) == pytest.approx(21.6)  # 20 x 108/100
    assert by_year["2015"]["deflator_index"] == "100.0"
    assert by_year["2017"]["base_index"] == "108.0"
    assert by_year["2014"]["value_constant_usd_bn"] == ""  # no 2014 GDP deflator: a gap
    assert {r["prices"] for r in rows} == {"constant"} and {r["deflator"] for r in rows} == {"gdp"}


def test_export_defaults_to_the_latest_full_year(tmp_path, capsys):
    out = tmp_path / "out"
    rc = cli.main(["export", "--out", str(out), "--formats", "csv", "--charts", "growth",
                   "--prices", "constant"])
    assert rc == 0
    (path,) = out.glob("*.csv")
    assert path.name.endswith("-constant-2017-cpi-u.csv")  # 2018 is an 11-month mean


@pytest.mark.parametrize("args,message", [
    (["--prices", "real"], "--prices: prices 'real' is not a choice; use current, constant"),
    (["--prices", ""], "--prices: prices '' is not a choice"),
    (["--prices", "constant", "--deflator", "ppi"], "--deflator: deflator 'ppi' is not known"),
    (["--prices", "constant", "--base-year", "2014", "--deflator", "gdp"],
     "--base-year: base year '2014' has no US GDP deflator value"),
    (["--prices", "constant", "--base-year", "1990"],
     "--base-year: base year '1990' has no US CPI-U value; choose a year that has one "
     "(2014–2018)"),
    (["--prices", "constant", "--base-year", "soon"], "argument --base-year: invalid int value"),
    (["--prices", "constant\u202e"], "--prices: prices 'constant\\u202e' is not a choice"),
])
def test_bad_prices_options_give_one_line(tmp_path, capsys, args, message):
    rc = cli.main(["export", "--out", str(tmp_path / "out"), "--formats", "csv",
                   "--charts", "growth", *args])
    out, err = capsys.readouterr()
    assert rc == 2 and out == ""
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0], err
    assert not (tmp_path / "out").exists()


@needs_chromium  # the bundle's images are drawn in Chromium: not in `make test-fast`
def test_publish_takes_the_same_options(tmp_path, capsys):
    rc = cli.main(["publish", "--out", str(tmp_path / "site"), "--lang", "en",
                   "--charts", "growth", "--prices", "constant", "--base-year", "2014"])
    err = capsys.readouterr().err
    assert rc == 0, err
    text = (tmp_path / "site" / "en" / "growth.csv").read_text("utf-8")
    assert "value_constant_usd_bn" in text and ",constant,cpi-u,N47,2014," in text


def test_publish_refuses_a_bad_base_year(tmp_path, capsys):
    rc = cli.main(["publish", "--out", str(tmp_path / "site"), "--lang", "en",
                   "--charts", "growth", "--prices", "constant", "--base-year", "2013"])
    err = capsys.readouterr().err
    assert rc == 2 and err.count("\n") == 1 and "2013" in err
