import io
import json
import re
import subprocess
import sys
import zipfile

import pandas as pd
import pytest

from dashboard import catalog, export
from dashboard.data import descriptor_text

needs_chromium = pytest.mark.skipif(not export.static_available()[0],
                                    reason="no Chromium for static export")


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
    assert "China–Kazakhstan trade, 1992–2024" in svg and "S12" in svg
    assert export.render(growth, "pdf").startswith(b"%PDF")


def test_html_is_self_contained(growth):
    html = export.render(growth, "html").decode("utf-8")
    assert "<script src=" not in html.replace('<script src="data:', "")
    assert not re.search(r"<script[^>]+src=\"https?:", html)
    assert "<title>China–Kazakhstan trade, 1992–2024</title>" in html
    assert "Kazakhstan trade, 1992" in html and "43.82" in html  # the figure's data
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
    assert (data["series"] == "target").sum() == 4


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
    blob = export.build_zip([growth], {"sources": tables["sources"]}, descriptor_text())
    names = zipfile.ZipFile(io.BytesIO(blob)).namelist()
    assert f"charts/{growth.stem}.html" in names and not any(n.endswith(".png") for n in names)


@needs_chromium
def test_zip_holds_everything(tables):
    specs = [catalog.build(n, tables) for n in catalog.CHART_NAMES]
    blob = export.build_zip(specs, tables, descriptor_text(), version="1.0.0")
    z = zipfile.ZipFile(io.BytesIO(blob))
    names = set(z.namelist())
    for s in specs:
        for fmt in export.FORMATS:
            assert f"charts/{s.stem}.{fmt}" in names
    assert "data/datapackage.json" in names and "data/bilateral_trade.csv" in names
    readme = z.read("README.txt").decode("utf-8")
    assert "How to cite" in readme and "Exported:" in readme
    assert json.loads(z.read("data/datapackage.json"))["name"] == "china-kazakhstan-trade"


# --- command line ---

def _cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "dashboard", *args], capture_output=True,
                          text=True, timeout=180, env=env)


def test_cli_list():
    r = _cli("export", "--list")
    assert r.returncode == 0 and r.stdout.split() == list(catalog.CHART_NAMES)


def test_cli_writes_requested_files(tmp_path):
    r = _cli("export", "--out", str(tmp_path), "--formats", "csv,html", "--charts",
             "doubling-target", "--growth", "0.069", "--base-year", "2023", "--multiple", "2")
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "doubling-target-6.9pct-2034.csv", "doubling-target-6.9pct-2034.html"]
    assert "wrote" in r.stdout


@needs_chromium
def test_cli_png(tmp_path):
    r = _cli("export", "--out", str(tmp_path), "--formats", "png", "--charts", "mirror")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "china-kazakhstan-mirror-statistics.png").read_bytes()[:4] == b"\x89PNG"


@pytest.mark.parametrize("args,message", [
    (["--charts", "pie"], "unknown chart(s) pie"),
    (["--formats", "gif"], "unknown format(s) gif"),
    (["--growth", "nan"], "--growth nan is outside"),
    (["--growth", "7"], "--growth 7.0 is outside"),
    (["--base-year", "2015"], "--base-year 2015 has no China-reported total"),
    (["--deadline", "2020"], "--deadline 2020 must be after the base year"),
])
def test_cli_errors(tmp_path, args, message):
    r = _cli("export", "--out", str(tmp_path / "out"), "--formats", "csv", *args)
    assert r.returncode == 2
    assert r.stderr.strip().startswith("error:") and message in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_cli_unwritable_dir(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    r = _cli("export", "--out", str(blocker / "sub"), "--formats", "csv")
    assert r.returncode == 2 and "cannot create --out" in r.stderr


def test_cli_no_chromium(tmp_path):
    import os

    env = dict(os.environ, BROWSER_PATH="/nonexistent/chromium")
    r = _cli("export", "--out", str(tmp_path), "--formats", "png", env=env)
    assert r.returncode == 2 and "BROWSER_PATH" in r.stderr
    assert list(tmp_path.iterdir()) == []
