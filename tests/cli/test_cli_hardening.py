"""The command line under careless or hostile use: bad values, closed pipes, Ctrl-C.

Each failure must be one ``error:`` line on stderr with exit code 2 (130 for Ctrl-C, 143 for
SIGTERM), never a traceback, and never a half-written file.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import CHROMIUM_RENDER, FIXTURE, live, needs_chromium

from dashboard import charts as catalog
from dashboard import cli
from dashboard.export import proctree


@pytest.fixture(autouse=True)
def fixture_data(monkeypatch):
    """The synthetic package, for in-process runs and the subprocesses they start."""
    monkeypatch.setenv("DASHBOARD_DATA", str(FIXTURE))


def _run(capsys, *args):
    rc = cli.main(list(args))
    out, err = capsys.readouterr()
    return rc, out, err


@pytest.mark.parametrize("args,message", [
    (["--growth", "abc"], "argument --growth: invalid float value: 'abc'"),
    (["--growth", ""], "argument --growth: invalid float value: ''"),
    (["--growth", "6.9%"], "invalid float value: '6.9%'"),
    (["--multiple", "double"], "argument --multiple: invalid float value"),
    (["--target", "1e"], "argument --target: invalid float value"),
    (["--base-year", "2023.5"], "argument --base-year: invalid int value: '2023.5'"),
    (["--deadline", "soon"], "argument --deadline: invalid int value: 'soon'"),
    (["--growth"], "argument --growth: expected one argument"),
    (["--charts"], "argument --charts: expected at least one argument"),
    (["--bogus", "1"], "unrecognized arguments: --bogus 1"),
    (["--out", ""], "argument --out: expected a directory, got an empty name"),
    (["--out", "   "], "argument --out: expected a directory, got an empty name"),
    (["--data", ""], "argument --data: expected a directory, got an empty name"),
    (["--formats", ""], "unknown format(s) (none)"),
    (["--formats", ",,"], "unknown format(s) (none)"),
])
def test_bad_values_give_one_line(tmp_path, capsys, args, message):
    argv = ["export", "--out", str(tmp_path / "out"), "--formats", "csv", *args]
    rc, out, err = _run(capsys, *argv)
    assert rc == 2 and out == ""
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0]
    assert "usage:" not in err
    assert not (tmp_path / "out").exists()
    assert not list(Path.cwd().glob("*.csv"))  # `--out ""` never means "here"


@pytest.mark.parametrize("argv,message", [
    ([], "the following arguments are required: command"),
    (["frob"], "argument command: invalid choice: 'frob'"),
    (["export", "--formats", "csv"], "--out DIR is required"),
])
def test_bad_commands_give_one_line(capsys, argv, message):
    rc, out, err = _run(capsys, *argv)
    assert rc == 2 and out == "" and err.startswith("error: ") and message in err
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize("args,message", [  # the value reaches the range checks as a value
    (["--growth", "-inf"], "--growth -inf: "),
    (["--growth", "-Infinity"], "--growth -inf: "),
    (["--growth", "-nan"], "--growth nan: "),
    (["--growth", "-1e9"], "--growth -1000000000.0: "),
    (["--grow", "-inf"], "--growth -inf: "),  # argparse's abbreviations still work
    (["--growth=-inf"], "--growth -inf: "),
    (["--multiple", "-2"], "--multiple -2.0: "),
    (["--multiple", "-inf"], "--multiple -inf: "),
    (["--target", "-1e-3"], "--target -0.001: "),
    (["--deadline", "-2030"], "--deadline -2030: "),
])
def test_negative_values_are_read_as_values(tmp_path, capsys, args, message):
    rc, out, err = _run(capsys, "export", "--out", str(tmp_path / "out"), "--formats", "csv",
                        *args)
    assert rc == 2 and out == "" and err.startswith("error: ") and message in err
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize("growth", ["-0.05", "-5e-2", "-.05"])
def test_a_negative_growth_within_range_is_used(tmp_path, capsys, growth):
    rc, out, err = _run(capsys, "export", "--out", str(tmp_path), "--formats", "csv",
                        "--charts", "doubling-target", "--growth", growth)
    assert rc == 0, err
    written = [p.name for p in tmp_path.iterdir()]
    assert len(written) == 1 and "-5.0pct" in written[0]


def test_only_values_of_numeric_options_are_rewritten():
    attach = cli._attach_negative_values
    assert attach(["export", "--growth", "-inf", "--charts", "growth"]) == [
        "export", "--growth=-inf", "--charts", "growth"]
    assert attach(["--out", "-1", "--growth", "-h"]) == ["--out", "-1", "--growth", "-h"]
    assert attach(["--charts", "-2"]) == ["--charts", "-2"]
    assert attach(["--deadline", "-5", "--target", "-1e3"]) == ["--deadline=-5",
                                                                "--target=-1e3"]


# --- closed output pipe (`| head -1`) ---

def _cli_popen(*args, env=None, stdout=subprocess.PIPE):
    return subprocess.Popen(
        [sys.executable, "-m", "dashboard", *args], stdout=stdout, stderr=subprocess.PIPE,
        env=env, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


@pytest.mark.parametrize("formats", ["csv,html", "csv",
                                     pytest.param("png,csv", marks=CHROMIUM_RENDER)])
def test_closed_pipe_is_quiet_and_every_file_is_written(tmp_path, formats):
    p = _cli_popen("export", "--out", str(tmp_path), "--formats", formats)
    first = p.stdout.readline()
    p.stdout.close()  # like `| head -1`
    _, err = p.communicate(timeout=120)
    assert first.startswith(b"wrote ")
    assert p.returncode == 0 and err == b""
    written = sorted(x.name for x in tmp_path.iterdir())
    assert len(written) == len(catalog.CHART_NAMES) * len(formats.split(","))
    assert not [n for n in written if n.endswith(".part")]


def test_closed_pipe_on_list():
    p = _cli_popen("export", "--list")
    assert p.stdout.readline().strip().decode() == catalog.CHART_NAMES[0]
    p.stdout.close()
    _, err = p.communicate(timeout=60)
    assert p.returncode == 0 and err == b""


# --- Ctrl-C and SIGTERM ---

def _descendants(pid):
    """Every process under ``pid`` (not ``pid`` itself): the product's own walk of /proc."""
    return proctree.descendants(pid)[1:]


def _is_chromium(pid):
    try:
        return b"chromium" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


@needs_chromium
@pytest.mark.serial  # times the stop to the second, with four Chromium renderers running
@pytest.mark.parametrize("sig,when,code,word", [
    (signal.SIGINT, "starting", 130, "interrupted"),
    (signal.SIGINT, "rendering", 130, "interrupted"),
    (signal.SIGTERM, "rendering", 143, "terminated"),
])
def test_interrupt_is_prompt_and_leaves_nothing(tmp_path, short_tmp, sig, when, code, word):
    out = tmp_path / "out"
    env = dict(os.environ, TMPDIR=str(short_tmp))
    p = _cli_popen("export", "--out", str(out), "--formats", "png,svg,pdf,csv", env=env)
    deadline = time.monotonic() + 60
    browser = []
    while time.monotonic() < deadline and p.poll() is None:
        browser = [x for x in _descendants(p.pid) if _is_chromium(x)]
        if len(browser) >= (1 if when == "starting" else 4):
            break
        time.sleep(0.05)
    assert browser, "the export browser never started"
    if when == "rendering":
        time.sleep(1.0)
    tree = _descendants(p.pid)
    t0 = time.monotonic()
    p.send_signal(sig)
    stdout, err = p.communicate(timeout=30)
    elapsed = time.monotonic() - t0
    assert p.returncode == code and err.decode() == f"error: {word}\n"
    assert elapsed < 4, f"took {elapsed:.1f} s to stop"  # the bug took 4.6 s; typically < 1 s
    assert stdout == b""  # everything is rendered before anything is written
    assert not out.exists() or list(out.iterdir()) == []
    time.sleep(0.2)
    assert live(tree) == []  # the browser is stopped with the command
    assert list(short_tmp.iterdir()) == []  # and its directory removed
