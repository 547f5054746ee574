"""Data brief 4 (2025): the primary reading rule for a year the database lacks, values derived
from shares, statements on doubling, and the README's row counts. Logic runs on copies of the
synthetic fixture package; only the README check reads data/."""

import csv
import re
from pathlib import Path

import pandas as pd
import pytest

from dashboard.core.official import readings, same_period_pairs
from dashboard.core.targets import target_history
from dashboard.data import primary
from dashboard.data.loader import DATA_DIR, load_package, value_for

ROOT = Path(__file__).resolve().parents[2]


def _append(path: Path, row: dict) -> None:
    with path.open(encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    with path.open("a", encoding="utf-8", newline="") as f:
        csv.DictWriter(f, header, lineterminator="\n").writerow(row)


TRADE = dict(partner="KAZ", approximate="false", derived="false", anomaly="false",
             attribution="stated")


def _report(package: Path, year: int, value: float, flow: str = "total") -> None:
    _append(package / "bilateral_trade.csv", dict(
        TRADE, year=year, reporter="CHN", flow=flow, value_usd=value, source_id="S03",
        reported_change_pct=11, note="Report while the database has no row.",
        reading_type="report", attribution_note="The source names China's customs."))


def _database(package: Path, year: int, value: float, flow: str = "total") -> None:
    _append(package / "bilateral_trade.csv", dict(
        TRADE, year=year, reporter="CHN", flow=flow, value_usd=value, source_id="S08",
        note="", reading_type="database", attribution_note="Database.",
        derived="true" if flow == "total" else "false"))


def test_a_report_is_primary_for_a_year_the_database_lacks(fixture_copy):
    _report(fixture_copy, 2018, 33e9)
    t = load_package(fixture_copy)
    assert value_for(t["bilateral_trade"], 2018) == 33e9
    row = t["bilateral_trade"].query("year == 2018").iloc[0]
    assert (row["reading_type"], row["attribution"]) == ("report", "stated")


def test_adding_the_database_row_switches_the_primary_by_itself(fixture_copy):
    _report(fixture_copy, 2018, 33e9)
    _database(fixture_copy, 2018, 32.5e9)  # nothing else is edited: the rule does the rest
    t = load_package(fixture_copy)
    trade = t["bilateral_trade"]
    assert value_for(trade, 2018) == 32.5e9
    assert len(trade.query("year == 2018 and reporter == 'CHN' and flow == 'total'")) == 1
    assert not trade.duplicated(subset=primary.KEY).any()
    r = readings(t, "CHN", "KAZ")
    assert [p.source_id for p in r.primary if p.year == 2018] == ["S08"]
    beside = [x for x in r.others if x.year == 2018]
    assert [(x.source_id, x.value_usd, x.full_year, x.attribution, x.change_pct)
            for x in beside] == [("S03", 33e9, True, "stated", 11)]
    assert beside[0].note.startswith(primary.MOVED_NOTE) and not beside[0].derived


def test_the_rule_keeps_the_database_row_whichever_comes_first(fixture_copy):
    _database(fixture_copy, 2018, 32.5e9)
    _report(fixture_copy, 2018, 33e9)
    assert value_for(load_package(fixture_copy)["bilateral_trade"], 2018) == 32.5e9


def test_split_is_a_no_op_without_duplicates(tables):
    kept, moved = primary.split(tables["bilateral_trade"])
    assert kept is tables["bilateral_trade"] and moved.empty


DERIVED = dict(year=2018, period="full year", reporter="KAZ", partner="CHN", flow="export",
               value_usd=15175910400, approximate="true", source_id="S04",
               note="Derived from shares.", month_start=1, month_end=12, direction="KAZ to CHN",
               attribution="stated", attribution_note="Shares and totals stated.",
               derived="true", value_low_usd=15136389800, value_high_usd=15215431000)


def test_derived_values_carry_their_interval_and_never_pair(fixture_copy):
    _append(fixture_copy / "other_readings.csv", DERIVED)
    _append(fixture_copy / "other_readings.csv", dict(
        DERIVED, reporter="CHN", partner="KAZ", flow="import", value_usd=16e9, derived="false",
        value_low_usd="", value_high_usd="", approximate="false", note="Stated."))
    t = load_package(fixture_copy)
    x = next(x for x in readings(t, "KAZ", "CHN", "export").others if x.year == 2018)
    assert x.derived and (x.value_low_usd, x.value_usd, x.value_high_usd) == (
        15136389800, 15175910400, 15215431000)
    pairs = same_period_pairs(t, "CHN", "KAZ", part_year_only=False)
    assert not [p for p in pairs if p.year == 2018]


def test_a_derived_reading_is_drawn_apart_with_its_interval(fixture_copy):
    from dashboard import charts
    _append(fixture_copy / "other_readings.csv", dict(
        DERIVED, year=2016, flow="total", direction="both ways", source_id="S03"))
    t = load_package(fixture_copy)
    fig = charts.build("growth", t, charts.Options(reporter="KAZ", partner="CHN")).figure
    traces = [d for d in fig.to_dict()["data"] if d.get("error_y")]
    assert len(traces) == 1 and "not its figure" in traces[0]["name"]
    assert "derived by us" in traces[0]["customdata"][0]


def test_statements_have_no_value_and_no_year(fixture_copy):
    _append(fixture_copy / "targets.csv", dict(
        target_id="TSAY", announced="2018-04", announced_by="a minister", source_id="S07",
        note="'double in the near future'", announced_before="false", target_exceed="false"))
    h = {x.target_id: x for x in target_history(load_package(fixture_copy))}
    s = h["TSAY"]
    assert (s.verdict, s.value_usd, s.deadline_year, s.verdict_year) == (
        "statement", None, None, None)
    assert h["TDOUBLE"].verdict != "statement"


def _csv_rows(name: str) -> int:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as f:
        return sum(1 for _ in csv.DictReader(f))


def test_readme_row_counts_match_the_package():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([a-z_]+)`[^|]*\| ([0-9]+)", text, re.M))
    assert set(rows) >= {"sources", "bilateral_trade", "other_readings", "world_totals",
                         "commodity_trade", "world_trade", "targets", "products",
                         "editorial_claims", "logistics"}
    for name, count in rows.items():
        assert _csv_rows(f"{name}.csv") == int(count), name
    extra = re.search(r"\| ([0-9]+) \(\+ ([0-9]+), ([0-9]+), ([0-9]+)\) \|", text)
    assert [int(n) for n in extra.groups()[1:]] == [
        _csv_rows(f"{n}.csv") for n in ("logistics_measures", "border_facts",
                                        "logistics_caveats")]


def test_no_catalogue_string_calls_official_figures_news_reports():
    import json
    for lang in ("en", "zh", "ru", "kk"):
        cat = json.loads((ROOT / "dashboard/text/locales" / f"{lang}.json").read_text("utf-8"))
        assert "mirror.gap_warning" not in cat


@pytest.mark.parametrize("column", ["value_low_usd", "value_high_usd"])
def test_interval_columns_are_amounts(fixture_copy, column):
    from dashboard.errors import DataError
    _append(fixture_copy / "other_readings.csv", dict(DERIVED, **{column: 0}))
    with pytest.raises(DataError, match=column):
        load_package(fixture_copy)


def test_package_loads_without_any_displaced_row():
    t = load_package(DATA_DIR)
    assert not t["bilateral_trade"].duplicated(subset=primary.KEY).any()
    assert isinstance(t["other_readings"], pd.DataFrame)
