"""dashboard.core.official* on small synthetic tables built here: data updates never break these."""

import pandas as pd
import pytest

from dashboard.core.official import anomaly_years, direction, readings, same_period_pairs
from dashboard.core.shares import hs_chapters, shares
from dashboard.core.targets import target_history

DTYPES = {"year": "Int64", "month_start": "Int64", "month_end": "Int64", "base_year": "Int64",
          "deadline_year": "Int64", "source_says_met_year": "Int64",
          "value_usd": "Float64", "reported_change_pct": "Float64", "change_pct": "Float64",
          "lower_bound_usd": "Float64", "change_pct_lower_bound": "Float64",
          "target_value_usd": "Float64", "target_multiple": "Float64",
          "approximate": "boolean", "derived": "boolean", "anomaly": "boolean",
          "announced_before": "boolean", "target_exceed": "boolean"}


def frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    """Typed like the loader's output: nullable dtypes, blanks as NA."""
    df = pd.DataFrame([{c: r.get(c) for c in columns} for r in rows], columns=columns)
    return df.astype({c: DTYPES.get(c, "string") for c in columns})


TRADE_COLS = ["year", "reporter", "partner", "flow", "value_usd", "reported_change_pct",
              "approximate", "source_id", "note", "reading_type", "derived", "attribution",
              "attribution_note", "anomaly", "anomaly_note"]
OTHER_COLS = ["year", "period", "reporter", "partner", "flow", "value_usd", "change_pct",
              "change_usd", "approximate", "source_id", "note", "month_start", "month_end",
              "direction", "lower_bound_usd", "change_pct_lower_bound", "attribution",
              "attribution_note"]


def prim(year, reporter, flow, value, src="D1", kind="database", anomaly=False, **kw):
    partner = "KAZ" if reporter == "CHN" else "CHN"
    return dict(year=year, reporter=reporter, partner=partner, flow=flow, value_usd=value,
                approximate=False, source_id=src, reading_type=kind,
                derived=flow == "total" and kind == "database", attribution="stated",
                attribution_note="synthetic", anomaly=anomaly,
                anomaly_note="ANOMALY NOTE" if anomaly else None, **kw)


def other(year, reporter, flow, value=None, src="P1", m=12, bound=None, dirn=None, **kw):
    partner = {"CHN": "KAZ", "KAZ": "CHN"}.get(reporter)
    return dict(year=year, period="full year" if m == 12 else f"months to {m}",
                reporter=reporter, partner=partner, flow=flow, value_usd=value,
                approximate=False, source_id=src, month_start=1, month_end=m,
                direction=dirn or direction(reporter, partner, flow), lower_bound_usd=bound,
                attribution="not stated" if reporter is None else "inferred",
                attribution_note="synthetic", **kw)


def tables(trade=(), others=(), world=(), chapters=(), targets=()) -> dict:
    return {
        "bilateral_trade": frame(list(trade), TRADE_COLS),
        "other_readings": frame(list(others), OTHER_COLS),
        "world_totals": frame(list(world), ["year", "reporter", "flow", "value_usd",
                                            "classification", "source_id"]),
        "commodity_trade": frame(list(chapters), ["year", "reporter", "partner", "flow",
                                                  "cmd_code", "cmd_desc", "classification",
                                                  "value_usd", "source_id"]),
        "targets": frame(list(targets), [
            "target_id", "announced", "announced_by", "target_value_usd", "target_multiple",
            "base_year", "deadline_year", "source_id", "note", "announced_before",
            "target_exceed", "source_says_met_year", "met_claim_source_id"]),
    }


def test_direction_names_the_goods_whoever_reports():
    assert direction("CHN", "KAZ", "export") == "CHN to KAZ"
    assert direction("KAZ", "CHN", "import") == "CHN to KAZ"
    assert direction("CHN", "KAZ", "import") == "KAZ to CHN"
    assert direction("KAZ", "CHN", "total") == "both ways"


def test_readings_split_primary_others_and_side_not_stated():
    t = tables(
        trade=[prim(2021, "CHN", "total", 30.0), prim(2020, "CHN", "total", 20.0, kind="report",
                                                      reported_change_pct=5),
               prim(2020, "CHN", "import", 9.0), prim(2020, "KAZ", "total", 11.0)],
        others=[other(2020, "CHN", "total", 21.0, src="P2"),
                other(2020, "CHN", "total", bound=19.0, src="P3"),
                other(2020, "CHN", "total", 7.0, src="P4", m=8),
                other(2020, "KAZ", "total", 12.0),  # other side
                other(2020, "CHN", "export", 3.0),  # other flow
                other(2019, None, "total", 15.0, src="U1"),
                other(2020, None, None, 4.0, src="U2", dirn="KAZ to CHN"),
                other(2020, None, None, 5.0, src="U3", dirn="CHN to KAZ")])
    r = readings(t, "CHN", "KAZ", "total")
    assert [(p.year, p.value_usd, p.reading_type) for p in r.primary] == [
        (2020, 20.0, "report"), (2021, 30.0, "database")]
    assert r.primary[0].reported_change_pct == 5 and r.primary[1].derived is True
    assert [(x.source_id, x.value_usd, x.lower_bound_usd, x.full_year) for x in r.others] == [
        ("P4", 7.0, None, False), ("P2", 21.0, None, True), ("P3", None, 19.0, True)]
    assert [x.is_bound for x in r.others] == [False, False, True]
    assert [(x.source_id, x.reporter) for x in r.side_not_stated] == [("U1", None)]
    imports = readings(t, "CHN", "KAZ", "import")
    assert [p.value_usd for p in imports.primary] == [9.0] and imports.others == ()
    assert [x.source_id for x in imports.side_not_stated] == ["U2"]
    assert [x.source_id for x in readings(t, "KAZ", "CHN", "export").side_not_stated] == ["U2"]
    assert [x.source_id for x in readings(t, "CHN", "KAZ", "export").side_not_stated] == ["U3"]


def test_anomaly_note_travels_only_with_flagged_points():
    t = tables(trade=[prim(2020, "KAZ", "total", 8.0, anomaly=True),
                      prim(2019, "KAZ", "total", 14.0)])
    notes = [p.anomaly_note for p in readings(t, "KAZ", "CHN").primary]
    assert notes == [None, "ANOMALY NOTE"]


def test_same_period_pairs_are_found_from_the_data():
    t = tables(others=[
        other(2022, "CHN", "total", 17.0, src="A", m=7),
        other(2022, "KAZ", "total", 13.5, src="B", m=7),
        other(2022, "KAZ", "export", 8.0, src="B", m=7),  # no China import for those months
        other(2023, "CHN", "total", 32.0, src="C", m=10),
        other(2023, "KAZ", "total", 24.0, src="D", m=10),
        other(2023, "KAZ", "total", 25.0, src="E", m=10),
        other(2023, "KAZ", "total", src="F", m=10, change_pct=24),  # growth only: no pair
        other(2023, "KAZ", "total", 20.0, src="G", m=9),  # other months
        other(2021, "CHN", "total", src="H", m=6, bound=5.0),  # a bound is not a value
        other(2021, "KAZ", "total", 4.0, src="I", m=6),
        other(2021, None, "total", 4.0, src="J", m=6),  # side not stated
        other(2020, "CHN", "import", 6.0, src="K", m=8),
        other(2020, "KAZ", "export", 5.0, src="L", m=8),
        other(2019, "CHN", "total", 30.0, src="M"), other(2019, "KAZ", "total", 20.0, src="N"),
    ])
    pairs = same_period_pairs(t)
    assert [(p.year, p.month_end, p.direction, p.a.source_id, p.b.source_id) for p in pairs] == [
        (2020, 8, "KAZ to CHN", "K", "L"), (2022, 7, "both ways", "A", "B"),
        (2023, 10, "both ways", "C", "D"), (2023, 10, "both ways", "C", "E")]
    assert pairs[1].gap_usd == pytest.approx(3.5)
    assert pairs[1].gap_pct == pytest.approx((17.0 / 13.5 - 1) * 100)
    with_full = same_period_pairs(t, part_year_only=False)
    assert [(p.year, p.a.source_id, p.b.source_id) for p in with_full if p.year == 2019] == [
        (2019, "M", "N")]
    assert same_period_pairs(t, "KAZ", "CHN")[1].a.source_id == "B"


def test_anomaly_years_come_from_the_flag_with_that_years_national_readings():
    t = tables(
        trade=[prim(2021, "KAZ", "total", 9.0, anomaly=True),
               prim(2021, "KAZ", "import", 2.0, anomaly=True),
               prim(2021, "KAZ", "export", 7.0, anomaly=True),
               prim(2023, "KAZ", "total", 31.0), prim(2021, "CHN", "total", 25.0)],
        others=[other(2021, "KAZ", "total", 18.0, src="N1"),
                other(2021, "KAZ", "total", 17.0, src="N2", m=11),
                other(2022, "KAZ", "total", 24.0, src="N3"),
                other(2021, "CHN", "total", 25.2, src="N4")])
    (a,) = anomaly_years(t)
    assert (a.year, a.reporter, a.note, a.database_total_usd) == (2021, "KAZ", "ANOMALY NOTE", 9.0)
    assert [p.value_usd for p in a.database] == [9.0, 7.0, 2.0]
    assert [n.source_id for n in a.national] == ["N2", "N1"]
    assert anomaly_years(t, "CHN", "KAZ") == []


def test_shares_use_one_reporters_database_figures():
    world = [dict(year=y, reporter=r, flow=f, value_usd=v, classification="H5", source_id=s)
             for y, r, f, v, s in [(2020, "KAZ", "export", 60.0, "W2"),
                                   (2020, "KAZ", "import", 40.0, "W2"),
                                   (2020, "CHN", "export", 600.0, "W1"),
                                   (2020, "CHN", "import", 400.0, "W1"),
                                   (2021, "KAZ", "export", 50.0, "W2"),  # import missing
                                   (2019, "CHN", "export", 500.0, "W1"),
                                   (2019, "CHN", "import", 500.0, "W1")]]
    t = tables(trade=[prim(2020, "KAZ", "total", 10.0, src="D2", anomaly=True),
                      prim(2021, "KAZ", "total", 12.0, src="D2"),
                      prim(2020, "CHN", "total", 20.0, src="D1"),
                      prim(2019, "CHN", "total", 21.0, src="P", kind="report")],
               world=world)
    got = [(s.year, s.economy, s.partner, s.figures_of, s.share_pct, s.source_ids, s.anomaly)
           for s in shares(t)]
    assert got == [(2020, "KAZ", "CHN", "KAZ", pytest.approx(10.0), ("D2", "W2"), True),
                   (2020, "CHN", "KAZ", "CHN", pytest.approx(2.0), ("D1", "W1"), False)]


def test_hs_chapters_show_the_sellers_sales_as_both_sides_report_them():
    rows = [dict(year=y, reporter=r, partner=p, flow=f, cmd_code=c, cmd_desc="d" + c,
                 classification="H5", value_usd=v, source_id=s)
            for y, r, p, f, c, v, s in [
                (2020, "KAZ", "CHN", "export", "26", 1.0, "D2"),
                (2020, "CHN", "KAZ", "import", "26", 1.5, "D1"),
                (2019, "CHN", "KAZ", "import", "26", 1.4, "D1"),
                (2020, "KAZ", "CHN", "import", "26", 9.0, "D2"),  # the other direction
                (2020, "CHN", "KAZ", "export", "72", 9.0, "D1"),  # the other direction
                (2020, "KAZ", "WLD", "export", "26", 99.0, "D2"),  # the world
                (2020, "KAZ", "CHN", "export", "74", 2.0, "D2")]]
    got = [(c.cmd_code, c.year, c.reporter, c.flow, c.value_usd)
           for c in hs_chapters(tables(chapters=rows))]
    assert got == [("26", 2019, "CHN", "import", 1.4), ("26", 2020, "CHN", "import", 1.5),
                   ("26", 2020, "KAZ", "export", 1.0), ("74", 2020, "KAZ", "export", 2.0)]


def target(tid, announced, value=None, deadline=None, **kw):
    return dict(target_id=tid, announced=announced, announced_by="someone",
                target_value_usd=value, deadline_year=deadline, source_id="T",
                announced_before=kw.pop("before", False), target_exceed=kw.pop("exceed", False),
                **kw)


def test_target_history_verdicts_and_claims():
    trade = [prim(y, "CHN", "total", v) for y, v in
             [(2010, 20.0), (2012, 40.0), (2014, 30.0), (2016, 35.0), (2018, 50.0)]]
    targets = [
        target("MET", "2011-06", 40.0, 2015, source_says_met_year=2012,
               met_claim_source_id="C1"),
        target("OVER", "2011-06", 40.0, 2015, exceed=True),  # 40 is not over 40
        target("MISSED", "2013-01", 45.0, 2016, source_says_met_year=2016,
               met_claim_source_id="C2"),
        target("NOFIG", "2013-01", 45.0, 2015),
        target("OPEN", "2019-01", 60.0, 2030),
        target("NODEAD", "2019-01", 60.0),
        target("BEFORE", "2012", 10.0, before=True),
        target("DOUBLE", "2018-07", target_multiple=2, base_year=2018),
        target("NOBASE", "2018-07", target_multiple=2, base_year=2017),
    ]
    h = {x.target_id: x for x in target_history(tables(trade=trade, targets=targets))}
    v = {k: (x.verdict, x.verdict_year, x.verdict_value_usd) for k, x in h.items()}
    assert v == {"MET": ("met", 2012, 40.0), "OVER": ("no figure", 2015, None),
                 "MISSED": ("missed", 2016, 35.0), "NOFIG": ("no figure", 2015, None),
                 "OPEN": ("open", 2018, 50.0), "NODEAD": ("open", 2018, 50.0),
                 "BEFORE": ("met", 2012, 40.0), "DOUBLE": ("open", 2018, 50.0),
                 "NOBASE": ("no figure", 2017, None)}
    assert h["DOUBLE"].value_usd == 100.0 and h["NOBASE"].value_usd is None
    assert (h["MET"].claim_matches, h["MISSED"].claim_matches, h["OPEN"].claim_matches) == (
        True, False, None)
    assert (h["MISSED"].claimed_met_year, h["MISSED"].claim_source_id) == (2016, "C2")
    assert h["BEFORE"].announced_before is True and h["BEFORE"].announced_year == 2012
    assert [x.target_id for x in target_history(tables(trade=trade, targets=targets))][:3] == [
        "MET", "OVER", "BEFORE"]


def test_target_history_judges_by_the_chosen_reporter():
    trade = [prim(2015, "CHN", "total", 50.0), prim(2015, "KAZ", "total", 30.0)]
    t = tables(trade=trade, targets=[target("X", "2014-01", 40.0, 2015)])
    assert target_history(t)[0].verdict == "met"
    kaz = target_history(t, "KAZ", "CHN")[0]
    assert (kaz.verdict, kaz.verdict_value_usd, kaz.reporter) == ("missed", 30.0, "KAZ")


def test_official_modules_import_neither_plotly_nor_streamlit():
    import subprocess
    import sys

    code = ("import sys, dashboard.core.official, dashboard.core.shares, "
            "dashboard.core.targets; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('plotly', 'streamlit')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"
