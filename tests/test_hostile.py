"""Hardening, round two (issue 28): hostile and clumsy inputs, one family at a time.

Each family is handled in one place: one bounding helper (``text.plain``), one country validator
(``importing.countries``), one environment reader (``environment``), the loader's limits, the
command line, link parameters, one upload limit, and serving. The counts of hostile inputs each
family tries are the lengths of the lists below (``test_hostile_counts`` prints them).
"""

import io
import json
import os
import re
import tomllib

import pytest
from helpers import FIXTURE, ROOT

from dashboard import cli, environment
from dashboard.core import projection_settings as settings
from dashboard.errors import DataError, UserError
from dashboard.export import embed
from dashboard.export import render as export
from dashboard.importing import read_import
from dashboard.importing.countries import WORLD, pair_problem, resolve
from dashboard.importing.decoding import MAX_BYTES, read_bytes
from dashboard.text.i18n import resolve_language, tr
from dashboard.text.plain import bounded, one_line, plural, quoted, visible
from dashboard.ui import janitor

# --- one bounding/escaping helper ---------------------------------------------------------------

INVISIBLE = ["\u202e", "\u200b", "\x00", "\x1b[31m", "\n", "\r", "\u2028", "\ufeff", "\u2066",
             "\x7f"]


@pytest.mark.parametrize("bad", INVISIBLE)
def test_invisible_and_control_characters_never_reach_an_echo(bad):
    for shown in (one_line(f"a{bad}b"), bounded(f"a{bad}b", 10), quoted(f"a{bad}b"),
                  visible(f"a{bad}b", 20)):
        assert all(c.isprintable() for c in shown) and "ab" not in shown
    assert "\\" in visible(f"a{bad}b", 20)  # spelled out where a value is repeated back


@pytest.mark.parametrize("value", ["z\u200bh", "\u202ezh", "zh\x00", "z\u00adh", "ｚｈ"])
def test_a_language_code_with_hidden_characters_is_not_that_language(value):
    resolution = resolve_language(value, None)
    assert resolution.lang == "en" and resolution.notice
    assert visible(value, 40) != "zh" and quoted(value) != "'zh'"


def test_a_long_value_is_cut_and_quoted_in_one_line():
    assert len(quoted("9" * 5000, 60)) == 62 and quoted("").startswith("''")
    assert plural(1, "data row") == "1 data row" and plural(2, "data row") == "2 data rows"
    assert plural(1000, "code") == "1,000 codes"


def test_the_export_browser_has_no_second_shortener():
    assert not hasattr(__import__("dashboard.export.browser").export.browser, "one_line")


# --- one country validator ---------------------------------------------------------------------

NOT_COUNTRIES = ["QQQ", "ABC", "EUR", "XXX", "ZZZ", "AAA", "USD", "999", "Atlantis"]
BAD_PAIRS = [("W00", "CHN"), ("WLD", "KAZ"), ("World", "CHN"), ("0", "KAZ"), ("CHN", "CHN"),
             ("156", "CHN"), ("Kazakhstan", "KAZ"), ("398", "398")]


def _tidy(rows: list[str], header: str = "year,reporter,partner,flow,value_usd") -> io.BytesIO:
    data = io.BytesIO(("\n".join([header, *rows]) + "\n").encode())
    data.name = "hostile.csv"
    return data


@pytest.mark.parametrize("code", NOT_COUNTRIES)
def test_only_real_countries_are_countries(code):
    assert resolve(code) is None
    result = read_import(_tidy([f"2020,CHN,{code},export,100"]))
    assert result.rows.empty and "partner" in result.rejected["reason"][0]


def test_real_codes_numbers_and_names_still_resolve():
    assert [resolve(t) for t in ("KAZ", "kaz", "398", "Kazakhstan", "W00", "0")] == [
        "KAZ", "KAZ", "KAZ", "KAZ", WORLD, WORLD]


@pytest.mark.parametrize(("reporter", "partner"), BAD_PAIRS)
def test_world_is_only_a_partner_and_no_country_trades_with_itself(reporter, partner):
    result = read_import(_tidy([f"2020,{reporter},{partner},export,100",
                                "2020,CHN,W00,export,500"]))
    assert len(result.rows) == 1 and result.rows["partner"][0] == WORLD
    reason = result.rejected["reason"][0]
    assert "only ever a partner" in reason or "does not trade with itself" in reason
    assert pair_problem(*(resolve(reporter), resolve(partner))) is not None


@pytest.mark.parametrize("header", ["year,reporter,partner,flow,value_usd,value_usd",
                                    "year,Year,reporter,partner,flow,value_usd",
                                    "year,reporter,partner,flow,value_usd, VALUE_USD"])
def test_a_header_naming_one_column_twice_is_refused(header):
    with pytest.raises(DataError, match=r"names two columns .*\(columns \d+ and \d+\)"):
        read_import(_tidy(["2020,CHN,KAZ,export,100,200"], header))


# --- one environment reader --------------------------------------------------------------------

BAD_INTERVALS = ["inf", "-inf", "nan", "1e-9", "0.5", "-1", "3601", "1e400", "soon", "0x10",
                 "\u202e5"]


@pytest.mark.parametrize("raw", BAD_INTERVALS)
def test_a_bad_gc_interval_is_one_clear_line_at_start(monkeypatch, raw):
    monkeypatch.setenv(environment.DASHBOARD_GC_INTERVAL, raw)
    with pytest.raises(environment.EnvironmentProblem) as caught:
        environment.check_all()
    message = str(caught.value)
    assert message.startswith("environment variable DASHBOARD_GC_INTERVAL=")
    assert "0 (off) or a number of seconds from 1 to 3,600" in message
    assert all(c.isprintable() for c in message)
    with pytest.raises(environment.EnvironmentProblem):
        janitor.interval_s()


@pytest.mark.parametrize(("raw", "expected"), [("0", 0.0), ("1", 1.0), ("3600", 3600.0),
                                               ("-0", 0.0), (" 30 ", 30.0)])
def test_good_gc_intervals(monkeypatch, raw, expected):
    monkeypatch.setenv(environment.DASHBOARD_GC_INTERVAL, raw)
    assert janitor.interval_s() == expected and str(janitor.interval_s()) != "-0.0"


def test_dashboard_data_that_is_a_file_or_missing_says_which(monkeypatch, tmp_path, capsys):
    afile = tmp_path / "passwd"
    afile.write_text("root:x:0:0")
    for path, why in ((afile, "it is a file, not a folder"), (tmp_path / "none", "no such folder")):
        monkeypatch.setenv(environment.DASHBOARD_DATA, str(path))
        assert cli.main(["export", "--list"]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "not a data package directory" in err and why in err


@pytest.mark.parametrize("raw", ["soon", "-5", "1e9", "99999999999999999999"])
def test_a_bad_source_date_epoch_is_refused_at_start(monkeypatch, raw):
    monkeypatch.setenv(environment.SOURCE_DATE_EPOCH, raw)
    with pytest.raises(environment.EnvironmentProblem, match="SOURCE_DATE_EPOCH"):
        environment.check_all()


# --- loader limits -----------------------------------------------------------------------------

def _package(tmp_path):
    import shutil

    dest = tmp_path / "package"
    shutil.copytree(FIXTURE, dest)
    return dest


def test_a_number_of_thousands_of_digits_in_the_descriptor_is_a_data_error(tmp_path):
    from dashboard.data.loader import load_package

    root = _package(tmp_path)
    text = (root / "datapackage.json").read_text()
    (root / "datapackage.json").write_text(text.replace("{", '{"huge": ' + "9" * 5000 + ", ", 1))
    with pytest.raises(DataError, match="a number with 5,000 digits") as caught:
        load_package(root)
    assert len(str(caught.value)) < 200


def test_a_package_file_over_the_limit_is_refused_before_reading(tmp_path):
    from dashboard.data import csvtable
    from dashboard.data.loader import load_package

    root = _package(tmp_path)
    big = root / "sources.csv"
    with big.open("r+b") as f:  # sparse: the size is there, the bytes never are
        f.truncate(csvtable.MAX_FILE_BYTES + 1)
    with pytest.raises(DataError, match="over the limit of 20,000,000 bytes"):
        load_package(root)


def test_a_value_of_thousands_of_characters_is_echoed_bounded(tmp_path):
    from dashboard.data.loader import load_package

    root = _package(tmp_path)
    path = root / "bilateral_trade.csv"
    lines = path.read_text().splitlines()
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index("year")] = "2" * 5000
    path.write_text("\n".join([lines[0], ",".join(cells), *lines[2:]]) + "\n")
    with pytest.raises(DataError) as caught:
        load_package(root)
    assert len(str(caught.value)) < 300 and "…" in str(caught.value)


def test_a_resource_name_of_thousands_of_characters_is_echoed_bounded(tmp_path):
    from dashboard.data.loader import load_package

    root = _package(tmp_path)
    d = json.loads((root / "datapackage.json").read_text())
    d["resources"][0]["schema"]["fields"][0]["type"] = "x" * 5000
    (root / "datapackage.json").write_text(json.dumps(d))
    with pytest.raises(DataError) as caught:
        load_package(root)
    assert len(str(caught.value)) < 300


# --- command line ------------------------------------------------------------------------------

def test_a_dangling_or_looping_link_as_out_says_so(tmp_path):
    dangling, loop = tmp_path / "dangling", tmp_path / "loop"
    os.symlink(tmp_path / "nowhere", dangling)
    os.symlink(loop, loop)
    afile = tmp_path / "afile"
    afile.write_text("x")
    for out, words in ((dangling, "which does not exist"), (loop, "a loop of symbolic links"),
                       (afile, "is a file, not a directory")):
        with pytest.raises(UserError, match=words):
            export.output_directory(out)


@pytest.mark.parametrize("name", ["bad\ndir", "bad\x1b[2Jdir", "bad\u202edir", "bad\rdir"])
def test_control_characters_in_out_are_never_echoed(tmp_path, capsys, name):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert cli.main(["export", "--formats", "csv", "--charts", "growth", "--data", str(FIXTURE),
                     "--out", str(blocker / name)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and all(c.isprintable() for c in err.rstrip("\n"))


def test_charts_named_twice_are_written_once_and_an_empty_name_is_a_sentence(capsys):
    assert cli._chart_names(["growth", "growth", " growth ", "mirror"]) == ["growth", "mirror"]
    for given in ([""], ["", " "]):
        with pytest.raises(UserError, match=r"^--charts was given no chart name; choose from "):
            cli._chart_names(given)
    with pytest.raises(UserError, match=r"unknown chart\(s\) 'gr…'|unknown chart\(s\) '"):
        cli._chart_names(["gr" + "o" * 500])


# --- link parameters ---------------------------------------------------------------------------

NEGATIVE_ZEROS = ["-0", "-0.0", "-0e5", "-0.00001", "-0.000"]


@pytest.mark.parametrize("raw", NEGATIVE_ZEROS)
def test_negative_zero_growth_is_zero(raw):
    s, notices = settings.parse_params({"growth": raw}, [2023], settings.Settings())
    assert notices == [] and str(s.growth) == "0.0" and "-" not in s.to_params()["growth"]
    assert str(settings.check_growth(float(raw))) == "0.0"


def test_a_link_with_target_and_multiple_says_which_is_used():
    s, notices = settings.parse_params({"target": "100", "multiple": "3"}, [2023],
                                       settings.Settings())
    assert s.target_usd == 100e9 and len(notices) == 1 and "multiple='3' ignored" in notices[0]
    assert "target='100'" in notices[0]
    for lang in ("ru", "kk", "zh"):
        _, local = settings.parse_params({"target": "100", "multiple": "3"}, [2023],
                                         settings.Settings(), lang=lang)
        assert local and local[0] != notices[0]


def test_the_embed_view_returns_the_settings_it_drops(tables):
    from dashboard.charts.target import default_projection

    options, notices = embed.options(tables, {"growth": "\u202einf", "multiple": "99"}, "en")
    assert options.projection.growth == default_projection(tables).growth and len(notices) == 2
    assert all(all(c.isprintable() for c in n) for n in notices)
    assert "\\u202einf" in notices[0]  # the hidden character spelled out, not dropped


def test_a_sessions_upload_mark_is_never_shared():
    assert embed.view_params({"upload": ["U-1"], "growth": ["5"]}) == {"growth": "5"}


# --- one upload limit, stated the same everywhere ----------------------------------------------

def test_one_upload_limit_in_config_importer_page_docs_and_error():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] * 10**6 == MAX_BYTES == 5_000_000
    stated = "5 MB (5,000,000 bytes)"
    assert stated in (ROOT / "docs" / "importing.md").read_text()
    assert stated in tr("en", "import.limits", mb=5, bytes="5,000,000", rows="50,000")
    big = io.BytesIO(b"x" * (MAX_BYTES + 1))
    with pytest.raises(DataError, match=re.escape("5 MB limit (5,000,000 bytes)")):
        read_bytes(big)
    assert read_bytes(io.BytesIO(b"x" * MAX_BYTES))[0]  # exactly the limit is fine


def test_one_data_row_is_one_row():
    result = read_import(_tidy(["2020,CHN,KAZ,export,100"]))
    assert "1 data row: 1 accepted, 0 rejected." in result.messages
    trailing = read_import(_tidy(["2020,CHN,KAZ,export,100,"]))
    assert any(m.startswith("1 data row ends with a separator") for m in trailing.messages)


# --- serving -----------------------------------------------------------------------------------

def test_the_deploy_doc_says_make_serve_listens_on_every_address():
    deploy = (ROOT / "docs" / "deploy.md").read_text()
    assert "listens on every address" in deploy and "ADDRESS=127.0.0.1" in deploy
    assert "docs/deploy.md" in (ROOT / "README.md").read_text()


def test_hostile_counts():
    """The closing note's counts (pytest -s shows them)."""
    counts = {"bounding/escaping": len(INVISIBLE) + 5 + 4,
              "countries": len(NOT_COUNTRIES) + len(BAD_PAIRS) + 3,
              "environment": len(BAD_INTERVALS) + 2 + 4,
              "loader": 4, "cli": 3 + 4 + 4, "link parameters": len(NEGATIVE_ZEROS) + 2 + 2,
              "upload limit and wording": 2}
    print(counts, sum(counts.values()))
    assert sum(counts.values()) >= 70


def test_a_lost_upload_is_said_not_hidden(monkeypatch):
    """A session whose link marks an upload it does not have (its worker restarted) is told."""
    from helpers import APP
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("DASHBOARD_DATA", str(FIXTURE))
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["upload"] = "U-\u202e1234abcd"
    at.run()
    assert not at.exception and not at.error
    shown = " ".join(t.value for t in at.text)
    assert "no longer loaded" in shown and "\\u202e" in shown and "\u202e" not in shown
