import io
import json
import os
import re
import subprocess
import sys
import zipfile

import pandas as pd
import pytest
from helpers import FIXTURE, live, needs_chromium

from dashboard import charts as catalog
from dashboard import cli
from dashboard.data.loader import load_package
from dashboard.export import archive
from dashboard.export import render as export


@pytest.fixture(scope="module")
def growth(tables):
    return catalog.build("growth", tables)


@needs_chromium
def test_png_svg_pdf_bytes(growth):
    png = export.render(growth, "png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width = int.from_bytes(png[16:20], "big")
    assert width == 1200 * export.PNG_SCALE  # fixed size, high resolution
    svg = export.render(growth, "svg").decode("utf-8")
    assert re.match(r"^<svg[^>]*xmlns=\"http://www.w3.org/2000/svg\"", svg)
    assert "China–Kazakhstan trade, 2005–2017" in svg and "S03" in svg
    assert export.render(growth, "pdf").startswith(b"%PDF")


@needs_chromium
def test_a_tab_is_reloaded_only_every_reload_every_images(growth, monkeypatch):
    """Kaleido reloads its page (plotly.js parsed again) after every image; we do it every
    RELOAD_EVERY images, and an image drawn after a reload is the same as one drawn before."""
    from kaleido._kaleido_tab._tab import _KaleidoTab

    from dashboard.export import chromium

    reloads = []
    reload = _KaleidoTab.reload

    async def counted(tab):
        reloads.append(tab)
        await reload(tab)

    monkeypatch.setattr(_KaleidoTab, "reload", counted)
    monkeypatch.setattr(chromium, "RELOAD_EVERY", 1)  # kaleido's own way: after each image
    images = [export.render(growth, "png") for _ in range(3)]
    assert len(reloads) == 3 and len(set(images)) == 1
    monkeypatch.setattr(chromium, "RELOAD_EVERY", 10**9)  # a running browser's count is
    images.append(export.render(growth, "png"))         # far below: no reload
    images.append(export.render(growth, "png"))
    assert len(reloads) == 3 and len(set(images)) == 1


def test_html_is_self_contained(growth):
    html = export.render(growth, "html").decode("utf-8")
    assert "<script src=" not in html.replace('<script src="data:', "")
    assert not re.search(r"<script[^>]+src=\"https?:", html)
    assert "<title>China–Kazakhstan trade, 2005–2017</title>" in html
    assert "Kazakhstan trade, 2005" in html and "Alpha News" in html  # the figure's data
    assert '"displaylogo": false' in html
    assert len(html) > 1_000_000  # plotly.js embedded


def test_csv_round_trips_the_plotted_numbers(growth):
    data = pd.read_csv(io.BytesIO(export.render(growth, "csv")))
    plotted = [t for t in growth.figure.data if t.name == "China's customs (GACC)"
               and t.mode == "markers"][0]
    series = data[data["series"] == "China's customs (GACC)"]
    assert series["year"].tolist() == list(plotted.x)
    assert series["value_usd_bn"].tolist() == pytest.approx(list(plotted.y))
    assert "value_usd_bn" in data.columns and "source" in data.columns
    assert (data["series"] == "target").sum() == 3


def test_csv_neutralises_formulas():
    df = pd.DataFrame({"note": ["=HYPERLINK(\"http://x\")", "+1", "-cmd", "@SUM(A1)", "ok"],
                       "value": [-1.5, 2, 3, 4, 5]})
    text = export.to_csv(df).decode("utf-8")
    assert "'=HYPERLINK" in text and "'+1" in text and "'-cmd" in text and "'@SUM" in text
    assert "-1.5" in text and "'-1.5" not in text  # numbers untouched


def test_no_chromium_path(monkeypatch, growth, tables):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    ok, why = export.static_available()
    assert not ok and "BROWSER_PATH" in why and "apt-get install -y chromium" in why
    with pytest.raises(export.ExportUnavailable):
        export.render(growth, "png")
    assert b"<html>" in export.render(growth, "html")[:200]
    blob = archive.build_zip([growth], archive.package_files(FIXTURE))
    names = zipfile.ZipFile(io.BytesIO(blob)).namelist()
    assert f"charts/{growth.stem}.html" in names and not any(n.endswith(".png") for n in names)


@needs_chromium
def test_zip_holds_everything(tables):
    specs = [catalog.build(n, tables) for n in catalog.CHART_NAMES]
    blob = archive.build_zip(specs, archive.package_files(FIXTURE), version="1.0.0")
    z = zipfile.ZipFile(io.BytesIO(blob))
    names = set(z.namelist())
    for s in specs:
        for fmt in export.FORMATS:
            assert f"charts/{s.stem}.{fmt}" in names
    assert "data/datapackage.json" in names and "data/bilateral_trade.csv" in names
    readme = z.read("README.txt").decode("utf-8")
    assert "How to cite" in readme and "Exported:" in readme
    assert json.loads(z.read("data/datapackage.json"))["name"] == "china-kazakhstan-trade"


def test_zip_with_an_upload_is_still_a_valid_package(tmp_path, tables, monkeypatch):
    """Bug: "Download all" with an upload wrote a package that failed validation."""
    from dashboard.importing.reader import combine, read_trade_csv, source_frame

    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")  # HTML and CSV are enough here
    upload = io.BytesIO(b"year,reporter,partner,flow,value_usd\n2019,CHN,KAZ,total,33000000000\n")
    upload.name = "mine.csv"
    accepted, _ = read_trade_csv(upload)
    user = {"uploaded_trade": accepted, "uploaded_source": source_frame(
        accepted, tables["sources"].columns)}
    merged = dict(tables)
    merged["bilateral_trade"], _ = combine(tables["bilateral_trade"], accepted)
    blob = archive.build_zip([catalog.build("growth", merged)], archive.package_files(FIXTURE),
                            user_tables=user)
    z = zipfile.ZipFile(io.BytesIO(blob))
    z.extractall(tmp_path)
    assert load_package(tmp_path / "data")  # our own loader accepts it
    r = subprocess.run([sys.executable, "-m", "frictionless", "validate", "--json",
                        str(tmp_path / "data" / "datapackage.json")], capture_output=True,
                       text=True, timeout=120)
    assert json.loads(r.stdout)["valid"] is True, r.stdout[-2000:]
    assert "your-data/uploaded_trade.csv" in z.namelist()
    assert "your-data/" in z.read("README.txt").decode("utf-8")


# --- command line (in process; the runs below that need their own process's HOME, TMPDIR or
# browser are true end-to-end runs of `python -m dashboard`) ---

def _cli(*args, env=None):
    env = dict(env or os.environ, DASHBOARD_DATA=str(FIXTURE))
    return subprocess.run([sys.executable, "-m", "dashboard", *args], capture_output=True,
                          text=True, timeout=180, env=env)


@pytest.fixture
def run_cli(capsys, monkeypatch):
    """``dashboard.cli.main`` in this process on the synthetic package: (code, stdout, stderr)."""
    monkeypatch.setenv("DASHBOARD_DATA", str(FIXTURE))

    def run(*args):
        code = cli.main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_cli_list(run_cli):
    code, out, _ = run_cli("export", "--list")
    assert code == 0 and out.split() == list(catalog.CHART_NAMES)


def test_cli_writes_requested_files(tmp_path, run_cli):
    code, out, err = run_cli("export", "--out", str(tmp_path), "--formats", "csv,html",
                             "--charts", "doubling-target", "--growth", "0.1", "--base-year",
                             "2016", "--multiple", "2")
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "doubling-target-10.0pct-2024.csv", "doubling-target-10.0pct-2024.html"]
    assert "wrote" in out


@needs_chromium
def test_cli_png(tmp_path, run_cli):
    code, _, err = run_cli("export", "--out", str(tmp_path), "--formats", "png", "--charts",
                           "mirror")
    assert code == 0, err
    assert (tmp_path / "china-kazakhstan-mirror-statistics.png").read_bytes()[:4] == b"\x89PNG"


@pytest.mark.parametrize("args,message", [
    (["--charts", "pie"], "unknown chart(s) 'pie'"),
    (["--formats", "gif"], "unknown format(s) gif"),
    (["--growth", "nan"], "--growth nan: growth must be a finite number"),
    (["--growth", "7"], "--growth 7.0: growth 7 is outside -0.2 to 0.5"),
    (["--multiple", "9"], "--multiple 9.0: multiple 9 is outside 1.1 to 5"),
    (["--target", "0.5"], "--target 0.5: target 0.5 is outside 1 to 1000"),
    (["--base-year", "2012"], "--base-year 2012: base year 2012 has no total reported by China"),
    (["--deadline", "2016"], "--deadline 2016: deadline 2016 must be a year from 2018 to 2067"),
])
def test_cli_errors(tmp_path, run_cli, args, message):
    code, _, err = run_cli("export", "--out", str(tmp_path / "out"), "--formats", "csv", *args)
    assert code == 2
    assert err.strip().startswith("error:") and message in err
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_cli_unwritable_dir(tmp_path, run_cli):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = run_cli("export", "--out", str(blocker / "sub"), "--formats", "csv")
    assert code == 2 and "cannot create --out" in err


def test_cli_no_chromium(tmp_path, run_cli, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    code, _, err = run_cli("export", "--out", str(tmp_path), "--formats", "png")
    assert code == 2 and "BROWSER_PATH" in err
    assert list(tmp_path.iterdir()) == []


# --- the export browser: private profile, time-limited start, idle shutdown ---

@needs_chromium
def test_png_export_leaves_home_and_tmp_untouched(tmp_path, short_tmp):
    import os

    home, out = tmp_path / "home", tmp_path / "out"
    home.mkdir()
    env = dict(os.environ, HOME=str(home), TMPDIR=str(short_tmp))
    r = _cli("export", "--out", str(out), "--formats", "png", "--charts", "growth", env=env)
    assert r.returncode == 0, r.stderr
    pngs = list(out.glob("*.png"))
    assert len(pngs) == 1 and pngs[0].read_bytes()[:4] == b"\x89PNG"
    assert not (home / ".config" / "chromium").exists()  # no "Crash Reports"
    assert list(home.rglob("*")) == []  # nothing at all in the user's home
    assert list(short_tmp.iterdir()) == []  # the browser's directory is removed afterwards


@needs_chromium
def test_a_long_tmpdir_does_not_break_the_browser(tmp_path):
    import os

    deep = tmp_path / ("d" * 60)
    deep.mkdir()
    r = _cli("export", "--out", str(tmp_path / "out"), "--formats", "svg", "--charts", "mirror",
             env=dict(os.environ, TMPDIR=str(deep)))
    assert r.returncode == 0, r.stderr
    assert [p.suffix for p in (tmp_path / "out").iterdir()] == [".svg"]


@pytest.mark.parametrize("kind", ["sleeps", "chatters", "exits", "false", "text"])
def test_a_browser_that_does_not_work_fails_fast_and_leaves_nothing(tmp_path, kind):
    import time

    from dashboard.export.browser import BrowserFailed, ExportBrowser

    pidfile = tmp_path / "pid"
    scripts = {  # each stands where Chromium should be
        "sleeps": f"#!/bin/sh\necho $$ > {pidfile}\nexec sleep 600\n",
        "chatters": f"#!/bin/sh\necho $$ > {pidfile}\necho 'not a browser'\nexec sleep 600\n",
        "exits": "#!/bin/sh\nexit 0\n",
        "text": "some notes, not a program\n",
    }
    if kind == "false":
        path = "/bin/false"
    else:
        fake = tmp_path / ("notes.txt" if kind == "text" else "chromium")
        fake.write_text(scripts[kind])
        fake.chmod(0o755)
        path = str(fake)
    browser = ExportBrowser(start_timeout=1)  # a fake that never answers: any limit shows it
    t0 = time.monotonic()
    with pytest.raises(BrowserFailed, match=r"is it a working Chromium\?") as err:
        browser.call(path, "calc_fig", {"data": []})
    assert time.monotonic() - t0 < 8
    assert "\n" not in str(err.value) and path in str(err.value)
    assert not browser.running()
    if pidfile.exists():  # the fake browser's process is killed, not left behind
        assert live([int(pidfile.read_text())]) == []
    # the failure is remembered briefly instead of paying the wait on every click
    t0 = time.monotonic()
    with pytest.raises(BrowserFailed):
        browser.call(path, "calc_fig", {"data": []})
    assert time.monotonic() - t0 < 0.5


def test_cli_browser_that_hangs_is_cut_short(tmp_path, short_tmp, run_cli, monkeypatch):
    """In this process, with a 3 s start limit instead of the CLI's 10 s (the same code path:
    ``export.render``'s one export browser), so it needs no serial slot: was a subprocess, 12 s."""
    import tempfile
    import time

    from dashboard.export.browser import ExportBrowser

    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\nexec sleep 600\n")
    fake.chmod(0o755)
    monkeypatch.setenv("BROWSER_PATH", str(fake))
    monkeypatch.setattr(tempfile, "tempdir", str(short_tmp))
    monkeypatch.setattr(export, "_browser", ExportBrowser(start_timeout=3))
    monkeypatch.setattr(export, "_failure", None)
    t0 = time.monotonic()
    code, out, err = run_cli("export", "--out", str(tmp_path / "out"), "--formats", "png,csv")
    assert time.monotonic() - t0 <= 20
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: Static export failed")
    assert "did not start within 3 s" in lines[0] and str(fake) in lines[0]
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []
    assert list(short_tmp.iterdir()) == []  # no temp dirs left


@needs_chromium
def test_idle_browser_stops_and_starts_again(tmp_path):
    import time

    from dashboard.export.browser import ExportBrowser
    from dashboard.export.proctree import memory

    browser = ExportBrowser(idle_seconds=1.5)
    fig = {"data": [{"type": "bar", "x": [1, 2], "y": [3, 4]}]}
    try:
        png = browser.call(export.chromium_path(), "calc_fig", fig, opts={"format": "png"})
        assert png[:4] == b"\x89PNG"
        pids = browser.process_ids()
        assert browser.running() and len(pids) > 2  # launcher, Chromium and its helpers
        rss, pss = memory(pids)
        assert rss > pss > 10 * 2**20
        deadline = time.monotonic() + 15
        while browser.running() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not browser.running() and live(pids) == []
        svg = browser.call(export.chromium_path(), "calc_fig", fig, opts={"format": "svg"})
        assert svg.lstrip().startswith(b"<svg") and browser.running()
    finally:
        browser.shutdown()
    assert not browser.running()


def test_an_image_carries_its_address_and_the_licence_under_the_source_line(growth):
    from dashboard.export.stamp import stamp_text, stamped

    fig = stamped(growth, "https://dash.example/growth?lang=en")
    notes = {a.name: a for a in fig.layout.annotations}
    assert notes["stamp"].text == stamp_text(growth, "https://dash.example/growth?lang=en")
    assert notes["stamp"].text.startswith("https://dash.example/growth?lang=en · Data: CC-BY-4.0")
    assert notes["stamp"].yshift < notes["source-line"].yshift  # under the source line
    assert fig.layout.margin.b > growth.figure.layout.margin.b  # room kept for it
    assert stamp_text(growth).startswith("/growth?lang=en · ")  # no address: the page's path


@needs_chromium
def test_static_images_are_stamped_and_download_all_reports_progress(growth, tables):
    svg = export.render(growth, "svg", "https://dash.example/growth?lang=en").decode("utf-8")
    assert "https://dash.example/growth?lang=en" in svg and "CC-BY-4.0" in svg
    specs = [catalog.build(n, tables) for n in ("growth", "mirror", "flows", "yoy-growth")]
    seen = []
    images = export.to_static_batch(specs, ["png"], progress=lambda d, t: seen.append((d, t)))
    assert seen == [(3, 4), (4, 4)] and len(images) == 4
