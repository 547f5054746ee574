"""dashboard.core.logistics on small synthetic tables built here (real data has its own tests)."""

import subprocess
import sys

import pandas as pd
import pytest

from dashboard.core import logistics as lg
from dashboard.text.corridor import fmt_amount, fmt_change

LG_COLS = ["figure_id", "measure", "year", "period", "months", "kind", "value", "qualifier",
           "unit", "reported_change_pct", "scope", "whose_figure", "primary", "source_id", "note"]
BF_COLS = ["fact_id", "group_id", "topic", "place", "mode", "date", "period", "phase", "value",
           "value_high", "unit", "qualifier", "what", "whose_figure", "source_id", "note"]


def fig(measure, year, value, src, *, months=12, kind=None, period=None, qualifier="stated",
        unit="tonnes", change=None, primary=False):
    kind = kind or ("outturn" if months == 12 else "part-year")
    return dict(measure=measure, year=year, period=period or ("full year" if months == 12
                                                               else f"{months} months"),
                months=months, kind=kind, value=value, qualifier=qualifier, unit=unit,
                reported_change_pct=change, scope="s", whose_figure=f"who {src}",
                primary=primary, source_id=src, note=None)


def frame(rows, cols, prefix):
    df = pd.DataFrame(rows)
    df.insert(0, cols[0], [f"{prefix}{i:03d}" for i in range(len(df))])
    for c in cols:
        if c not in df:
            df[c] = pd.NA
    df = df[cols]
    for c in ("year", "months"):
        if c in df:
            df[c] = df[c].astype("Int64")
    for c in ("value", "value_high", "reported_change_pct"):
        if c in df:
            df[c] = pd.to_numeric(df[c]).astype("Float64")
    if "primary" in df:
        df["primary"] = df["primary"].astype("boolean")
    return df


def border(group, topic, phase, value, unit, src, *, date=None, high=None, qualifier="stated"):
    return dict(group_id=group, topic=topic, place=f"place {group}", mode="rail", date=date,
                period="p", phase=phase, value=value, value_high=high, unit=unit,
                qualifier=qualifier, what=f"what {group}", whose_figure="w", source_id=src)


def make_tables(figs, facts=(), caveats=()):
    sources = pd.DataFrame({"source_id": ["A", "B", "C", "D"],
                            "published": ["2020-01", "2019", "2021-05-01", "2018"]})
    measures = pd.DataFrame({
        "measure": ["titr_tonnes", "transit_containers", "china_europe_trains", "other"],
        "label": ["Corridor cargo", "Transit boxes", "All trains", "Other"],
        "description": ["d"] * 4,
        "use": ["chart", "chart", "context", "table only"]})
    claims = pd.DataFrame({"claim_id": ["logistics_hub", "customs_clearance"],
                           "claim": ["logistics hub", "customs"], "quote": ["a key hub", "q"]})
    cav = pd.DataFrame(list(caveats), columns=["caveat_id", "measure", "claim_id", "statement",
                                               "based_on"])
    return {"logistics": frame(figs, LG_COLS, "LG"), "logistics_measures": measures,
            "logistics_caveats": cav, "border_facts": frame(list(facts), BF_COLS, "BF"),
            "sources": sources, "editorial_claims": claims}


# --- formatting ---

@pytest.mark.parametrize("args,expected", [
    ((4484000, "tonnes"), "4.484 million t"), ((759000, "tonnes"), "0.759 million t"),
    ((212000, "TEU"), "212,000 TEU"), ((1129000, "TEU", "about"), "about 1.129 million TEU"),
    ((975500, "tonnes"), "0.9755 million t"), ((29829000, "tonnes"), "29.829 million t"),
    ((1234567891, "TEU"), "1,234.567891 million TEU"), ((1234.5678, "TEU"), "1,234.5678 TEU"),
    ((0.1234567, "hours"), "0.1234567 hours"),
    ((80, "percent", "more than"), "more than 80%"), ((6, "hours", "stated", 10), "6–10 hours"),
    ((1, "hours"), "1 hour"), ((1, "hours", "stated", 2), "1–2 hours"), ((4.25, "hours"),
                                                                         "4.25 hours"),
    ((None, "TEU"), "no figure"),
])
def test_fmt_amount(args, expected):
    assert fmt_amount(*args) == expected


def test_fmt_amount_keeps_every_stated_digit_of_the_real_data():
    """No logistics figure loses a digit: the English text read back gives the stored value."""
    from dashboard.data.loader import load_package
    for table in ("logistics", "border_facts"):
        for value in load_package()[table]["value"].dropna():
            text = fmt_amount(float(value), "tonnes").removesuffix(" t").replace(",", "")
            number, _, million = text.partition(" ")
            back = float(number) * (1e6 if million == "million" else 1)
            assert back == pytest.approx(float(value), rel=1e-12), (table, value, text)


def test_fmt_change_keeps_a_decimal_below_ten():
    assert (fmt_change(62.2), fmt_change(7.5), fmt_change(-8.14)) == ("+62%", "+7.5%", "-8.1%")


# --- primary rule ---

def test_primary_rule_prefers_the_longest_series_then_plain_then_earliest():
    t = make_tables([
        fig("titr_tonnes", 2022, 100, "A"), fig("titr_tonnes", 2023, 200, "A"),
        fig("titr_tonnes", 2022, 120, "B"),                 # B: fewer years of this measure
        fig("other", 2020, 5, "C", qualifier="about"),
        fig("other", 2020, 6, "D"),                         # plainly stated wins
        fig("transit_containers", 2021, 7, "A"),
        fig("transit_containers", 2021, 7, "B"),            # B published first
        fig("other", 2019, 9, "B", months=6),                # part-year never primary
        fig("other", 2018, 9, "B", kind="expected"),         # expectation never primary
        fig("other", 2018, 3, "B", unit="TEU"),              # one primary per unit
    ])
    got = lg.primary_by_rule(t["logistics"], t["sources"]).tolist()
    assert got == [True, True, False, False, True, False, True, False, False, True]


# --- series ---

def test_measure_series_splits_the_primary_line_from_other_readings():
    t = make_tables([
        fig("transit_containers", 2021, 2.0, "A", primary=True),
        fig("transit_containers", 2020, 1.0, "A", primary=True),
        fig("transit_containers", 2021, 0.5, "B", months=6),
        fig("transit_containers", 2021, 2.1, "B"),
    ], caveats=[("c1", "transit_containers", "logistics_hub", "mind the units", None)])
    s = lg.measure_series(t, "transit_containers")
    assert s.line["year"].tolist() == [2020, 2021] and s.line["value"].tolist() == [1.0, 2.0]
    assert s.others["part_year"].tolist() == [True, False]
    assert (s.label, s.use, s.caveats) == ("Transit boxes", "chart", ("mind the units",))
    assert s.sources == ("A", "B")
    with pytest.raises(KeyError, match="unknown logistics measure"):
        lg.measure_series(t, "nope")


def test_chart_series_leaves_out_table_only_measures():
    t = make_tables([fig("titr_tonnes", 2020, 1, "A", primary=True)])
    assert [s.measure for s in lg.chart_series(t)] == ["titr_tonnes", "transit_containers",
                                                       "china_europe_trains"]


# --- disagreements ---

def test_disagreements_found_in_the_data():
    t = make_tables([
        fig("titr_tonnes", 2022, 100, "A", primary=True),
        fig("titr_tonnes", 2022, 110, "B", qualifier="about"),     # values differ
        fig("titr_tonnes", 2022, 130, "C", months=9),              # part-year above full year
        fig("titr_tonnes", 2023, 300, "A", primary=True),
        fig("titr_tonnes", 2023, 250, "B", qualifier="more than"),  # consistent bound: fine
        fig("titr_tonnes", 2024, 400, "A", primary=True, change=14),
        fig("titr_tonnes", 2024, 400, "B", change=15),             # growth rates differ
        fig("other", 2020, 50, "A", primary=True),
        fig("other", 2020, 60, "B", qualifier="more than"),        # bound above: differs
    ], facts=[
        border("ep", "truck queue", "target", 800, "trucks per day", "A", date="2025-10"),
        border("ep", "truck queue", "target", 1500, "vehicles per day", "B", date="2025-11"),
        border("ep2", "truck queue", "target", 5, "trucks per day", "A", date="2024"),
    ])
    got = {(d.measure, d.year): d for d in lg.disagreements(t)}
    assert set(got) == {("titr_tonnes", 2022), ("titr_tonnes", 2024), ("other", 2020),
                        ("ep", 2025)}
    d22 = got[("titr_tonnes", 2022)]
    assert d22.reasons == ("full-year values differ", "part-year above the full year")
    assert d22.readings["value"].tolist() == [100, 110, 130] and d22.label == "Corridor cargo"
    assert got[("titr_tonnes", 2024)].reasons == ("growth rates differ",)
    assert got[("ep", 2025)].reasons == ("targets differ between sources",)
    assert got[("ep", 2025)].readings["source_id"].tolist() == ["A", "B"]


# --- border facts ---

def test_clearance_facts_pair_before_and_after_newest_first():
    t = make_tables([], facts=[
        border("old", "clearance time", "before", 9, "hours", "A"),
        border("old", "clearance time", "after", 4.25, "hours", "A", date="2016"),
        border("new", "clearance time", "after", 6, "hours", "B", date="2019", high=10),
        border("undated", "clearance time", "before", 2, "days", "C"),
        border("q", "truck queue", "reading", 1500, "trucks", "D", date="2025-11",
               qualifier="about"),
    ])
    facts = lg.clearance_facts(t)
    assert [f.group_id for f in facts] == ["undated", "new", "old"]
    assert facts[0].date == "2021-05-01"  # no date: the source's publication date
    old = facts[2]
    assert (old.phase("before").text, old.phase("after").text) == ("9 hours", "4.25 hours")
    assert facts[1].phase("after").text == "6–10 hours" and facts[1].phase("before") is None
    (episode,) = lg.queue_episodes(t)
    assert episode.readings[0].text == "about 1,500 trucks" and episode.sources == ("D",)


# --- verdict ---

@pytest.mark.parametrize("lang,stated", [("en", "+14.6% to +70.25%"),
                                          ("ru", "от +14,6\u00a0% до +70,25\u00a0%")])
def test_a_reported_growth_rate_keeps_its_decimals(lang, stated):
    """Rates a source states are quoted as stated (14.6 is never '+15%'); computed changes keep
    the house style (a decimal below ten)."""
    figs = [fig("titr_tonnes", y, v, "A", primary=True)
            for y, v in [(2019, 1e6), (2020, 2e6), (2021, 4e6), (2022, 3e6)]]
    figs += [fig("titr_tonnes", 2021, 3.5e6, "B", months=10, change=14.6),
             fig("titr_tonnes", 2021, 3.1e6, "C", months=9, change=70.25),
             fig("transit_containers", 2015, 100_000, "C", unit="TEU", primary=True),
             fig("china_europe_trains", 2016, 1000, "A", unit="trains", primary=True)]
    v = lg.logistics_verdict(make_tables(figs), lang=lang)
    assert stated in v.verdict


def test_verdict_is_computed_from_the_tables():
    figs = [fig("titr_tonnes", y, v, "A", primary=True)
            for y, v in [(2019, 1e6), (2020, 2e6), (2021, 4e6), (2022, 3e6)]]
    figs += [fig("titr_tonnes", 2021, 3.5e6, "B", months=10, change=90),
             fig("transit_containers", 2015, 100_000, "C", unit="TEU", primary=True),
             fig("transit_containers", 2017, 300_000, "C", unit="containers", primary=True),
             fig("transit_containers", 2018, 200_000, "D", unit="TEU", months=10,
                 period="Jan–Oct"),
             fig("transit_containers", 2019, 220_000, "B", unit="TEU", months=10,
                 period="Jan–Oct"),
             fig("china_europe_trains", 2016, 1000, "A", unit="trains", primary=True),
             fig("china_europe_trains", 2020, 9000, "B", unit="trains", qualifier="about",
                 primary=True)]
    facts = [border("x", "clearance time", "before", 9, "hours", "A"),
             border("x", "clearance time", "after", 4, "hours", "A", date="2016"),
             border("q", "truck queue", "reading", 10, "trucks", "B", date="2023-09")]
    caveats = [("red", "titr_tonnes", "logistics_hub", "No Red Sea figure.", "C"),
               ("elsewhere", "other", "logistics_hub", "Not about these measures.", None),
               ("cust", None, "customs_clearance", "No clause found.", None)]
    v = lg.logistics_verdict(make_tables(figs, facts, caveats))
    assert v.headline == "Corridor cargo: 3.0× from 2019 to 2022"  # first to latest year
    assert ("1 million t in 2019, 3 million t in 2022, 3.0 times as much; the peak was 4 million "
            "t in 2021 (+100% in 2021 alone; growth reported for part of 2021: +90% to +90%), "
            "and 2022 is -25% on the peak.") in v.verdict
    assert "Transit boxes: 100,000 TEU in 2015, 300,000 containers in 2017" in v.verdict
    assert "Jan–Oct 2018→2019: +10%" in v.verdict
    assert "All trains, for scale: 1,000 trains in 2016, about 9,000 trains in 2020" in v.verdict
    assert ("1 before/after statements (2016–2016) and 1 truck-queue episodes, the latest in "
            "2023-09") in v.verdict
    assert v.cannot_say == (
        "No Red Sea figure.", "No clause found.",
        "Transit boxes: no full-year figure after 2017; later years only as part-years "
        "(Jan–Oct 2018, Jan–Oct 2019).",
        "Transit boxes: the 2017 figure is stated in containers, the others in TEU.")
    assert v.quote == "a key hub" and v.claim_id == "logistics_hub"
    assert set(v.sources) == {"A", "B", "C", "D"}


def test_has_logistics_guards_packages_without_the_tables():
    t = make_tables([fig("titr_tonnes", 2020, 1, "A", primary=True)])
    assert lg.has_logistics(t)
    assert not lg.has_logistics({k: v for k, v in t.items() if k != "border_facts"})
    t["editorial_claims"] = t["editorial_claims"].iloc[1:]
    assert not lg.has_logistics(t)


def test_the_core_imports_neither_plotly_nor_streamlit():
    code = ("import sys, dashboard.core.logistics; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'plotly', 'streamlit'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
