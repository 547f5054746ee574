"""The published bundle (dashboard.publish): complete, listed, relative, identical twice over."""

import hashlib
import json
import re
from html import escape
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest
from helpers import APP, FIXTURE, PUBLISH_BASE_URL, needs_chromium
from streamlit.testing.v1 import AppTest

from dashboard import charts, cli
from dashboard.core.projection import project, year_reaching
from dashboard.export import embed
from dashboard.publish import bundle as publish
from dashboard.publish.doubling import RATES
from dashboard.publish.files import MANIFEST, PublishError, normalise_svg, write_bundle
from dashboard.text.i18n import LANGUAGES, tr

BASE = PUBLISH_BASE_URL  # the run's `bundle` (tests/conftest.py) links there too
CHART_FILES = ("html", "png", "svg", "csv", "txt")
SUBSET = ("growth", "yoy-growth", "doubling-target")


def build(out: Path, **kw) -> dict[str, bytes]:
    kw.setdefault("base_url", BASE)
    return publish.publish(publish.Request(out=out, data=FIXTURE, **kw))


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def figure_of(page: str) -> dict:
    return json.loads(re.search(r"^var fig = (.*);$", page, re.M).group(1).replace("<\\/", "</"))


@needs_chromium
def test_every_chart_in_every_language_is_there(bundle):
    for lang in LANGUAGES:
        index = (bundle / lang / "index.html").read_text("utf-8")
        for name in charts.CHART_NAMES:
            for ext in CHART_FILES:
                assert (bundle / lang / f"{name}.{ext}").stat().st_size > 0, (lang, name, ext)
            png = (bundle / lang / f"{name}.png").read_bytes()
            assert png.startswith(b"\x89PNG") and int.from_bytes(png[16:20], "big") == 2400
            assert (bundle / lang / f"{name}.svg").read_text("utf-8").startswith("<svg")
            csv = pd.read_csv(bundle / lang / f"{name}.csv")
            assert "source" in csv.columns or any(c.startswith("source_id") for c in csv.columns)
            assert f'href="{name}.html"' in index and f'data-src="{name}.html"' in index
        assert f'href="{lang}/index.html"' in (bundle / "index.html").read_text("utf-8")


@needs_chromium
def test_manifest_lists_every_file_with_its_size_and_hash(bundle):
    raw = (bundle / MANIFEST).read_text("utf-8")
    doc = json.loads(raw)
    assert raw == json.dumps(doc, sort_keys=True, indent=1, ensure_ascii=False) + "\n"
    files = {e["path"]: e for e in doc["files"]}
    on_disk = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()}
    assert set(files) == on_disk - {MANIFEST}
    for path, entry in files.items():
        data = (bundle / path).read_bytes()
        assert entry["bytes"] == len(data) and entry["sha256"] == hashlib.sha256(data).hexdigest()
    assert files["en/growth.png"] | {"bytes": 0, "sha256": ""} == {
        "chart": "growth", "language": "en", "format": "png", "path": "en/growth.png",
        "bytes": 0, "sha256": ""}
    assert files["kk/mirror.txt"]["format"] == "alt"
    assert files["assets/plotly.min.js"]["chart"] is None
    assert doc["data_version"] == "0.0.1-fixture" and doc["build_date"] == "2026-11-28"
    assert doc["languages"] == list(LANGUAGES) and doc["charts"] == list(charts.CHART_NAMES)
    per = {(e["chart"], e["language"], e["format"]) for e in doc["files"] if e["chart"]}
    assert len(per) == len(charts.CHART_NAMES) * len(LANGUAGES) * len(CHART_FILES)


LINK = re.compile(r'\b(?:href|src)="([^"]*)"')


@needs_chromium
def test_links_are_relative_and_resolve_inside_the_bundle(bundle):
    pages = sorted(bundle.rglob("*.html"))
    assert len(pages) == 1 + len(LANGUAGES) * (1 + len(charts.CHART_NAMES))
    for page in pages:
        text = re.sub(r"<script>.*?</script>", "", page.read_text("utf-8"), flags=re.S)
        for link in LINK.findall(text):
            if link.startswith(BASE + "/"):  # the live dashboard, on purpose
                continue
            assert not re.match(r"^([a-z]+:|/)", link), (page, link)
            assert (page.parent / link).resolve().is_file(), (page, link)
    js = bundle / "assets" / "plotly.min.js"
    assert js.stat().st_size > 1_000_000 and len(list(bundle.rglob("*.js"))) == 1
    for lang in LANGUAGES:
        page = (bundle / lang / "growth.html").read_text("utf-8")
        assert '<script src="../assets/plotly.min.js"></script>' in page
        assert len(page.encode()) < 100_000  # plotly.js is shared, not inlined
        assert f'href="{BASE}/growth?lang={lang}"' in page


@needs_chromium
def test_every_page_states_the_data_version_and_build_date(bundle):
    for page in bundle.rglob("*.html"):
        footer = re.search(r"<footer>(.*?)</footer>", page.read_text("utf-8"), re.S).group(1)
        assert "0.0.1-fixture" in footer and "2026" in footer, page
    assert "November 28, 2026" in (bundle / "en" / "growth.html").read_text("utf-8")
    assert "28 ноября 2026" in (bundle / "ru" / "growth.html").read_text("utf-8")


@needs_chromium
def test_alt_text_is_a_takeaway_from_the_data(bundle, tables):
    alt = (bundle / "en" / "growth.txt").read_text("utf-8").strip()
    assert alt == publish.alt_text(charts.build("growth", tables), "en")
    assert "$5 bn" in alt and "$30 bn" in alt and "2005" in alt and "2017" in alt
    page = (bundle / "en" / "growth.html").read_text("utf-8")
    assert f'aria-label="{escape(alt)}"' in page and 'src="growth.png"' in page
    ru = (bundle / "ru" / "doubling-target.txt").read_text("utf-8")
    assert re.search(r"2032\s*г\.", ru)  # the slider's opening answer (or the chart's own)


def test_alt_text_without_the_charts_own_is_computed_from_its_main_series():
    data = pd.DataFrame({"series": ["customs"] * 3 + ["target"],
                         "year": [2005, 2010, 2017, 2012],
                         "value_usd_bn": [5.0, 10.0, 30.0, 50.0]})
    spec = SimpleNamespace(title="Trade, <b>2005–2017</b>", data=data)
    assert publish.alt_text(spec, "en") == (
        "Trade, 2005–2017. 3 figures, 2005–2017: lowest $5 bn (2005), highest $30 bn (2017).")
    assert publish.alt_text(spec, "ru").startswith("Trade, 2005–2017. 3 значения (годы: 2005–2017)")
    one = SimpleNamespace(title="Change", data=pd.DataFrame({"year": [2017],
                                                             "change_pct_percent": [-3.0]}))
    assert publish.alt_text(one, "en") == "Change. One figure: −3.0% (2017)."
    none = SimpleNamespace(title="Notes", data=pd.DataFrame({"note": ["a"]}))
    assert publish.alt_text(none, "zh") == "Notes。数值见图表旁的 CSV 文件。"
    own = SimpleNamespace(title="T", data=data, alt="Trade grew <b>sixfold</b>.")
    assert publish.alt_text(own, "en") == "Trade grew sixfold."


@needs_chromium
def test_doubling_slider_steps_carry_each_rates_reached_year(bundle):
    fig = figure_of((bundle / "en" / "doubling-target.html").read_text("utf-8"))
    slider = fig["layout"]["sliders"][0]
    labels = [s["label"] for s in slider["steps"]]
    assert labels[0] == "0.0%" and labels[-1] == "30.0%" and len(labels) == 61
    assert RATES[1] == 0.005
    base, target = 30e9, 60e9  # fixture: 2017 total $30 bn, doubling
    for rate, step in zip(RATES, slider["steps"], strict=True):
        text = next(iter(step["args"][1].values()))
        year = year_reaching(base, 2017, rate, target)
        assert (str(year) in text) if year else ("never" in text), (rate, text)
    step = slider["steps"][RATES.index(0.1)]
    expected = project(base, 2017, 0.1, 2033)["value"] / 1e9
    assert step["args"][0]["y"][0] == pytest.approx(expected.tolist(), rel=1e-5)
    assert step["args"][0]["x"][1] == [2025]  # the star where 10% reaches $60 bn
    assert labels[slider["active"]] == "5.0%"  # the chart's own rate
    names = [t.get("name") for t in fig["data"]]
    stars = [t for t in fig["data"][:-2] if (t.get("marker") or {}).get("symbol") == "star"]
    # the scenarios' stars, then the deadline's own path reaching the target at its deadline
    assert stars[0]["x"] == [2021, 2022, 2030] and "#0072B2" not in stars[0]["marker"]["color"]
    assert "5.0% a year (your rate)" not in names and "Path at the slider's rate" in names
    ru = figure_of((bundle / "ru" / "doubling-target.html").read_text("utf-8"))
    assert ru["layout"]["sliders"][0]["steps"][20]["label"] == "10,0\u00a0%"


@needs_chromium
def test_same_inputs_give_the_same_bytes(bundle, tmp_path):
    first = build(tmp_path / "a", names=SUBSET)
    second = build(tmp_path / "b", names=SUBSET)
    assert first == second and tree(tmp_path / "a") == tree(tmp_path / "b") == first
    full = tree(bundle)
    same = [p for p in first if p.split("/")[-1].split(".")[0] in SUBSET]
    assert same and all(first[p] == full[p] for p in same)  # PNG and SVG included


def test_svg_ids_are_normalised():
    def svg(uid: str, pattern: str) -> bytes:
        return (f'<svg><defs id="defs-{uid}"><pattern id="p{pattern}-1"/></defs>'
                f'<clipPath id="clip{uid}xyplot"/><g clip-path="url(#clip{uid}xyplot)" '
                f'fill="#a1b2c3"/><path style="fill: url(\'#p{pattern}-1\');"/>'
                f'<use href="#clip{uid}xyplot"/></svg>').encode()

    out = normalise_svg(svg("a1b2c3", "d9c3b5"), "en/flows").decode()
    assert out == normalise_svg(svg("ffffff", "053650"), "en/flows").decode()
    assert "a1b2c3" in out and "d9c3b5" not in out  # a colour is not an id
    ids = re.findall(r'id="([^"]+)"', out)
    refs = re.findall(r"url\('?#([^)']+)'?\)", out) + re.findall(r'href="#([^"]+)"', out)
    assert len(set(ids)) == 3 and set(refs) <= set(ids) and len(refs) == 3
    assert normalise_svg(svg("a1b2c3", "d9c3b5"), "ru/flows").decode() != out
    reordered = '<svg><g y="0" x="0" class="bg" style="fill: red;"/><g y="1"></g></svg>'
    assert normalise_svg(reordered.encode(), "en/flows").decode() == (
        '<svg><g class="bg" style="fill: red;" x="0" y="0"/><g y="1"></g></svg>')


def test_build_date_comes_from_an_input_never_the_clock(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert publish.build_date(None, {"created": "2026-11-28T00:00:00Z"}) == "2026-11-28"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert publish.build_date(None, {"created": "2026-11-28T00:00:00Z"}) == "2023-11-14"
    assert publish.build_date("2025-01-31", {}) == "2025-01-31"
    for bad in ("31.01.2025", "2025-02-30"):
        with pytest.raises(PublishError, match="--build-date"):
            publish.build_date(bad, {})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    with pytest.raises(PublishError, match="SOURCE_DATE_EPOCH"):
        publish.build_date(None, {})


@pytest.mark.parametrize(("args", "message"), [
    (["--lang", "en,xx"], "unknown language(s) xx"),
    (["--charts", "growth", "pie"], "unknown chart(s) pie"),
    (["--base-url", "ftp://x.org"], "not an absolute http(s) address"),
    (["--base-url", "https://x.org/?a=1"], "must not carry a query"),
    (["--build-date", "tomorrow"], "is not a YYYY-MM-DD date"),
    (["--data", "/nonexistent/package"], "not a data package directory"),
    # in the first language of --lang (publish writes several): the data error too
    (["--lang", "ru,xx"], "неизвестные языки: xx; выберите из en,zh,ru,kk"),
    (["--lang", "kk", "--data", "/nonexistent/package"],
     "бұл деректер пакетінің қалтасы емес (мұндай қалта жоқ)"),
])
def test_errors_are_one_line_and_exit_2_and_write_nothing(tmp_path, capsys, args, message):
    out = tmp_path / "site"
    assert cli.main(["publish", "--out", str(out), *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and len(err.splitlines()) == 1
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_missing_out_and_a_foreign_folder_are_refused(tmp_path, capsys):
    assert cli.main(["publish"]) == 2
    assert capsys.readouterr().err == "error: --out DIR is required\n"
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me")
    with pytest.raises(PublishError, match="is not an earlier bundle"):
        write_bundle(mine, {"index.html": b"x"})
    assert [p.name for p in tmp_path.iterdir()] == ["mine"]
    assert (mine / "notes.txt").read_text() == "keep me"


def test_a_failed_write_leaves_the_earlier_bundle_and_no_debris(tmp_path, monkeypatch):
    out = tmp_path / "site"
    write_bundle(out, {"index.html": b"old", MANIFEST: b"{}"})
    real = Path.write_bytes
    calls = []

    def failing(self, data):
        calls.append(self)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", failing)
    with pytest.raises(PublishError, match="No space left on device"):
        write_bundle(out, {"index.html": b"new", "en/a.html": b"a", MANIFEST: b"{}"})
    monkeypatch.undo()
    assert tree(out) == {"index.html": b"old", MANIFEST: b"{}"}
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
    write_bundle(out, {"index.html": b"new", MANIFEST: b"{}"})  # an earlier bundle is replaced
    assert tree(out) == {"index.html": b"new", MANIFEST: b"{}"}
    assert oct(out.stat().st_mode & 0o777) == "0o755"


def test_embed_links_and_snippets():
    assert embed.check_base_url(" https://x.org/dash/ ") == "https://x.org/dash"
    assert embed.live_url("https://x.org", "world-comparison", "kk") == "https://x.org/world?lang=kk"
    url = embed.embed_url("https://x.org/doubling", "doubling-target",
                          {"growth": "0.1", "lang": "ru", "chart": "old", "embed": "false"})
    assert url == ("https://x.org/doubling?growth=0.1&lang=ru&chart=doubling-target&embed=true")
    # a page's settings its chart does not use stay out of that chart's iframe (no notice in it)
    page = {"prices": "constant", "deflator": "gdp", "base": "2016", "log": "1", "lang": "en"}
    assert embed.embed_url("p", "target-history", page) == (
        "p?lang=en&chart=target-history&embed=true")
    assert embed.embed_url("p", "yoy-growth", page) == (
        "p?prices=constant&deflator=gdp&base=2016&lang=en&chart=yoy-growth&embed=true")
    assert embed.embed_url("p", "growth", page).startswith("p?prices=constant&deflator=gdp&"
                                                          "base=2016&log=1&lang=en")
    snippet = embed.iframe_snippet("a.html?x=1&y=2", 'Say "hi" <b>', 700, resizes=False)
    assert snippet == ('<iframe src="a.html?x=1&amp;y=2" title="Say &quot;hi&quot; &lt;b&gt;" '
                       'loading="lazy" style="width:100%;height:700px;border:0"></iframe>')
    assert embed.HEIGHT_MESSAGE in embed.iframe_snippet("a.html", "t", 700)
    assert embed.view_params({"lang": ["en", "zh"], "chart": ["x"], "embed": ["true"],
                              "growth": ["0.2"]}) == {"lang": "zh", "growth": "0.2"}


def test_embed_options_take_the_links_projection_settings(tables):
    o, dropped = embed.options(tables, {"growth": "12.5", "deadline": "2035", "lang": "zh"}, "zh")
    assert o.lang == "zh" and o.projection.growth == 0.125 and o.projection.deadline == 2035
    assert dropped == []
    o, dropped = embed.options(tables, {"growth": "banana"}, "en")  # unusable: the page's default
    assert o.projection.growth == 0.05 and dropped


def test_embed_says_which_settings_its_chart_does_not_use(tables):
    """?chart=central-asia&prices=constant: the chart is as its sources state it, and says so."""
    link = {"prices": "constant", "log": "1", "growth": "0.1", "base": "2016", "lang": "en"}
    _, said = embed.options(tables, link, "en", chart="central-asia")
    assert said == [tr("en", "share.option_unused", option=o)
                    for o in ("prices=constant", "log=1", "growth=0.1", "base=2016")]
    assert said[0] == "prices=constant does not change this chart: it is drawn without it"
    assert embed.options(tables, link, "en", chart="growth")[1] == [
        tr("en", "share.option_unused", option="growth=0.1")]
    assert embed.options(tables, link, "en", chart="doubling-target")[1] == []
    assert embed.options(tables, {"log": "0"}, "en", chart="central-asia")[1] == []


@pytest.fixture
def fixture_env(monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA", str(FIXTURE))


def test_chart_only_view_shows_the_chart_its_source_and_a_way_back(fixture_env):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"chart": "doubling-target", "embed": "true", "growth": "0.1",
                            "lang": "en"})
    at.run()
    assert not at.exception and not at.title  # no page around it
    figs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    assert len(figs) == 1 and "10.0% a year (your rate)" in [t.get("name") for t in
                                                             figs[0]["data"]]
    assert "Source: China's customs (GACC)" in at.text[0].value
    button = at.get("link_button")[0].proto
    assert button.label == "Open the full dashboard" and "chart=" not in button.url
    assert "growth=0.1" in button.url


def test_unknown_chart_falls_back_to_the_page_with_a_notice(fixture_env):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"chart": "<b>pie</b>", "lang": "en"})
    at.run()
    assert not at.exception and at.title  # the page itself
    assert any("There is no chart called <b>pie</b>" in t.value for t in at.text)


def test_every_export_menu_offers_share_and_embed(fixture_env):
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("views/growth.py")
    at.run()
    codes = [c.value for c in at.code]
    snippets = [c for c in codes if c.startswith("<iframe")]
    assert len(snippets) == len(at.get("plotly_chart")) >= 4
    assert any("chart=yoy-growth&amp;embed=true" in s for s in snippets)
    assert any(c.startswith("?") and "lang=en" in c for c in codes)  # this view's own link
