"""Layering rules and the promise that a data update needs no code or test edit."""

import csv
import json
from pathlib import Path

import pytest
from helpers import APP, ROOT, open_page
from helpers import PAGES as VIEWS
from streamlit.testing.v1 import AppTest

from dashboard import charts, cli
from dashboard.data.loader import DataError, load_package

PAGES = ["views/overview.py", "views/growth.py", "views/mirror.py", "views/world.py",
         "views/corridor.py", "views/doubling.py", "views/sources.py", "views/import_data.py"]


def test_pages_hold_no_row_picks():
    """Pages wire widgets: no positional picks of rows and no magic-string row lookups."""
    for page in PAGES:
        text = (ROOT / "dashboard" / page).read_text(encoding="utf-8")
        for banned in (".iloc[0]", ".loc[\"S", "str.contains(", "\"China Daily\""):
            assert banned not in text, (page, banned)


def _append(path: Path, row: dict) -> None:
    """Append one row, naming its cells; columns the row leaves out stay blank."""
    with open(path, encoding="utf-8") as f:
        header = next(csv.reader(f))
    with open(path, "a", encoding="utf-8", newline="") as f:
        csv.DictWriter(f, header, lineterminator="\n").writerow(row)


def _add_2026(package: Path) -> None:
    _append(package / "sources.csv", dict(
        source_id="S99", publisher="Test Wire", title="A plausible 2026 figure",
        url="https://example.invalid/2026", published="2027-01-20", kind="news report",
        note="Added by a test.", page_checked="true"))
    _append(package / "bilateral_trade.csv", dict(
        year=2026, reporter="CHN", partner="KAZ", flow="total", value_usd=47100000000,
        approximate="false", source_id="S99", note="Added by a test.", reading_type="report",
        derived="false", attribution="stated", attribution_note="Test.", anomaly="false"))


def test_a_new_year_reaches_every_page(data_copy, monkeypatch):
    _add_2026(data_copy)
    monkeypatch.setenv("DASHBOARD_DATA", str(data_copy))
    t = load_package()
    assert 2026 in set(t["bilateral_trade"]["year"])
    growth = charts.build("growth", t)
    assert growth.title.endswith("–2026") and "S99" in growth.source
    for page in PAGES:
        at = open_page(page)
        assert not at.error, (page, [e.value for e in at.error])
        if page == "views/growth.py":
            fig = json.loads(at.get("plotly_chart")[0].proto.spec)
            assert "2026" in fig["layout"]["title"]["text"]
            assert at.select_slider(key="growth-years").value[1] == 2026
        if page == "views/doubling.py":
            text = " ".join(m.value for m in at.markdown)
            assert "Actual 2026" in text and "$47.1 bn" in text


def test_dashboard_data_with_a_bad_path_gives_the_loaders_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DASHBOARD_DATA", str(tmp_path / "missing"))
    with pytest.raises(DataError, match="not a data package directory"):
        load_package()
    assert cli.main(["export", "--out", str(tmp_path / "o"), "--formats", "csv"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error:") and len(err.splitlines()) == 1
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception and "not a data package directory" in at.error[0].value


def test_one_sessions_upload_never_reaches_another(monkeypatch):
    from helpers import FIXTURE

    monkeypatch.setenv("DASHBOARD_DATA", str(FIXTURE))
    first = AppTest.from_file(APP, default_timeout=60)
    first.run()
    first.switch_page("views/import_data.py")
    first.run()
    first.file_uploader[0].set_value(("mine.csv", b"year,reporter,partner,flow,value_usd\n"
                                      b"2012,CHN,KAZ,total,13000000000\n", "text/csv"))
    first.run()
    first.button(key="upload-use").click()
    first.run()
    first.switch_page("views/growth.py")
    first.run()
    second = open_page("growth")
    names = [t.get("name") or "" for t in json.loads(second.get("plotly_chart")[0].proto.spec)
             ["data"]]
    assert not any("uploaded" in n for n in names)
    mine = [t.get("name") or "" for t in json.loads(first.get("plotly_chart")[0].proto.spec)
            ["data"]]
    assert any("uploaded" in n for n in mine)


def test_fixture_package_keeps_the_bundled_schema():
    """The synthetic package must stay valid against the same schema as data/."""
    from helpers import FIXTURE

    from dashboard.data.loader import DATA_DIR

    def schemas(root):
        d = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
        return {r["name"]: (r["path"], r["schema"]) for r in d["resources"]}

    assert schemas(FIXTURE) == schemas(DATA_DIR)
    assert load_package(FIXTURE)


PUBLISHED_WORDS = ["41 billion", "$41 bn", "32%", "1.1%", "$82", "2023", "2024", "S19",
                   "bne IntelliNews", "China Daily", "WTO", "UNCTAD", "Orda"]


def _page_text(at) -> str:
    parts = [e.value for kind in ("title", "markdown", "caption", "info", "warning", "error",
                                  "success", "text", "subheader", "header")
             for e in getattr(at, kind)]
    parts += [m.label + " " + m.value for m in at.metric]
    parts += [json.dumps(json.loads(c.proto.spec)["layout"].get("title", {}))
              for c in at.get("plotly_chart")]
    return " ".join(str(p) for p in parts)


@pytest.mark.parametrize("page", PAGES)
def test_no_published_figure_is_typed_into_a_page(page, shown):
    """On the synthetic package no page may show a figure, year or name of the real data."""
    at = shown(next(name for name, (path, _) in VIEWS.items() if path == page))
    assert not at.exception
    text = _page_text(at)
    leaked = [w for w in PUBLISHED_WORDS if w in text]
    assert not leaked, (page, leaked)


def _edit(path: Path, match: dict, changes: dict) -> None:
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    header = list(rows[0])
    hit = [r for r in rows if all(r[k] == v for k, v in match.items())]
    assert len(hit) == 1, (path.name, match)
    hit[0].update(changes)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def test_changed_editorial_and_world_figures_reach_the_pages(data_copy, monkeypatch):
    """The editorial's 2023 figure and one world figure changed: pages follow the data."""
    _edit(data_copy / "editorial_claims.csv", {"claim_id": "trade_2023"},
          {"value": "39700000000", "quote": "In 2023, the trade volume reached $39.7 billion"})
    _edit(data_copy / "world_trade.csv", {"source_id": "S20", "basis": "volume"},
          {"change_pct": "-1.7"})
    monkeypatch.setenv("DASHBOARD_DATA", str(data_copy))
    texts = {}
    for page in ("views/overview.py", "views/world.py", "views/doubling.py",
                 "views/sources.py"):
        at = open_page(page)
        texts[page] = _page_text(at) + " ".join(
            d.value.to_csv() for d in at.dataframe)
    assert "$39.7 bn in 2023" in texts["views/overview.py"]
    assert "$41 bn in 2023" not in texts["views/overview.py"]
    assert "China's figure in United Nations" in texts["views/overview.py"]  # no longer "matches"
    assert "−1.7% (2024-04)" in texts["views/overview.py"]
    assert "−1.2%" not in texts["views/overview.py"] + texts["views/world.py"]
    assert "The figure available first was −1.7% (2024-04)." in texts["views/world.py"]
    assert "39700000000" in texts["views/sources.py"] and "-1.7" in texts["views/sources.py"]
