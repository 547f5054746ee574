"""Clear at a glance (issue 23): verdict kinds computed in core, charts that read right."""

from types import SimpleNamespace

import pandas as pd
import pytest

from dashboard.core import badges as b
from dashboard.core.badges import SYMBOLS, VerdictKind
from dashboard.core.logistics import has_logistics, logistics_verdict
from dashboard.core.verdicts import claim_verdicts

LANGS = ("en", "zh", "ru", "kk")


@pytest.mark.parametrize("lang", LANGS)
def test_every_claim_has_a_typed_verdict_with_words_and_a_symbol(tables, lang):
    kinds = {v.claim_id: v.kind for v in claim_verdicts(tables, lang)}
    assert kinds == {"trade_2023": VerdictKind.MATCHES, "growth_2023": VerdictKind.MATCHES,
                     "world_2023": VerdictKind.MATCHES_LATER,
                     "doubling_goal": VerdictKind.NO_DEADLINE}
    for v in claim_verdicts(tables, lang):
        for badge in v.badges:
            assert badge.label.startswith(SYMBOLS[badge.kind] + " ")
            assert len(badge.text) > 3 and "{" not in badge.text  # words, placeholders filled
        assert v.figure and v.found and v.found_label  # the editorial's beside the data's


def test_kazakhstan_differs_is_a_second_finding_with_its_gap(tables):
    trade = claim_verdicts(tables)[0]
    assert [x.kind for x in trade.badges] == [VerdictKind.MATCHES, VerdictKind.DIFFERS]
    assert trade.badges[1].text == "Kazakhstan's figures are 20% lower: $24.0 bn"
    growth = claim_verdicts(tables)[1]
    assert growth.badges[1].kind is VerdictKind.FLAGGED


def test_trade_badges_decide_from_numbers():
    assert b.trade_badges(None, None, 41e9, 2023)[0].kind is VerdictKind.NO_DATA
    assert b.trade_badges(38e9, None, 41e9, 2023)[0].kind is VerdictKind.DIFFERS
    assert b.trade_badges(38e9, None, 41e9, 2023)[0].text == "China's figures differ by −7%"
    same = b.trade_badges(41.2e9, 40e9, 41e9, 2023)  # Kazakhstan within 5 %: no second badge
    assert [x.kind for x in same] == [VerdictKind.MATCHES]


def test_world_badges_tell_a_later_figure_from_an_earlier_one():
    r = SimpleNamespace
    volume = (r(change_pct=-1.2, published="2024-04"), r(change_pct=-1.1, published="2024-10"))
    badges, m = b.world_badges(-1.1, volume, "2024-07-03")
    assert badges[0].kind is VerdictKind.MATCHES_LATER and m.published == "2024-10"
    badges, m = b.world_badges(-1.2, volume, "2024-07-03")
    assert badges[0].kind is VerdictKind.MATCHES and m.published == "2024-04"
    assert b.world_badges(-3.0, volume, "2024-07-03")[0][0].kind is VerdictKind.DIFFERS
    assert b.world_badges(-3.0, (), "2024-07-03")[0][0].kind is VerdictKind.NO_DATA


def test_doubling_badges():
    kinds = [x.kind for x in b.doubling_badges(False, 8.9, 10.4, 2030)]
    assert kinds == [VerdictKind.NO_DEADLINE, VerdictKind.BEHIND]
    assert b.doubling_badges(False, 12.0, 10.4, 2030)[1].kind is VerdictKind.ON_PACE
    assert b.doubling_badges(True, None, None, 2030)[1].text == "Reached already"


def test_logistics_card_has_the_same_shape(tables):
    if not has_logistics(tables):
        pytest.skip("the fixture package has no logistics tables")
    for lang in LANGS:
        hub = logistics_verdict(tables, lang)
        assert hub.badges and hub.kind in (VerdictKind.PARTLY, VerdictKind.ON_PACE)
        assert (hub.kind is VerdictKind.PARTLY) == bool(hub.cannot_say)


def test_sources_collapse_to_short_names():
    assert b.short_publisher("WTO (reported by TASS)") == "WTO"
    assert b.short_publisher("United Nations Statistics Division, UN Comtrade Database "
                             "(Comtrade Plus API)") == "UN Comtrade Database"
    src = pd.DataFrame({"source_id": ["A", "B", "C", "D", "E"],
                        "publisher": ["WTO (reported by X)", "WTO (reported by Y)", "UNCTAD",
                                      "Report.az (citing Z)", "Caspian News"]})
    assert b.short_sources(["A", "B", "C"], src) == (("WTO", "UNCTAD"), 0)
    assert b.short_sources(["A", "C", "D", "E", "Q"], src, most=2) == (("WTO", "UNCTAD"), 2)


def _named(fig, name):
    return [t for t in fig.data if t.name == name]


def test_world_fall_labels_sit_clear_of_the_zero_line(tables):
    from dashboard import charts

    fig = charts.build("world-comparison", tables).figure
    labels = [t for t in fig.data if t.type == "scatter" and t.mode == "text"]
    # at zero, after a gap that is the same in pixels at any width (a phone's plot included)
    assert labels and all(x == 0 for t in labels for x in t.x)
    assert all(text.startswith("\u2002") and text[1] == "−" for t in labels for text in t.text)


def test_world_csv_labels_carry_no_html(tables):
    from dashboard import charts

    data = charts.build("world-comparison", tables).data
    assert not data["label"].str.contains("<").any()
    assert data["label"].str.contains(": ").any()  # the two label lines, joined


@pytest.mark.parametrize("name", ["mirror", "flows", "yoy-growth", "growth"])
def test_year_axes_are_numeric(tables, name):
    from dashboard import charts

    fig = charts.build(name, tables).figure
    assert fig.layout.xaxis.type != "category"
    for t in fig.data:
        assert all(not isinstance(x, str) for x in (t.x or ()))


def test_growth_axis_is_the_data_years_not_the_target_deadlines(tables):
    from dashboard import charts

    spec = charts.build("growth", tables)
    years = spec.series["year"].astype(int)
    assert list(spec.figure.layout.xaxis.range) == [years.min() - 0.5, years.max() + 0.5]
    assert all(years.min() <= t.deadline_year <= years.max() for t in spec.plotted_targets)


def test_method_dollars_are_not_latex():
    from dashboard.text.plain import no_math

    assert no_math("stored in full (43,866, not '$43.866 bn'). Charts show US$ bn.") == (
        "stored in full (43,866, not '\\$43.866 bn'). Charts show US\\$ bn.")
    assert no_math("already \\$5") == "already \\$5"


def test_tables_show_empty_cells_empty_and_no_snake_case_headers(tables):
    from dashboard.core import display

    shown = display.blank_missing(display.shown_table(tables, "sources", "en"))
    assert not shown.isna().any().any() or shown.select_dtypes("number").isna().any().any()
    for lang in LANGS:
        labels = display.column_labels(tables["targets"].columns, lang)
        assert not [v for v in labels.values() if "_" in v], lang


def test_amount_defaults_to_a_standing_target(tables):
    from dashboard.core.doubling import target_choices

    targets = tables["targets"]
    first = next(iter(target_choices(targets)))
    row = targets[targets["target_value_usd"] == first].sort_values("announced").iloc[-1]
    latest = int(str(targets["announced"].dropna().astype(str).max())[:4])
    assert pd.isna(row["deadline_year"]) or row["deadline_year"] >= latest


@pytest.mark.parametrize("package", ["fixture", "bundled"])
def test_hatching_means_flagged_and_nothing_else(tables, package):
    """One texture, one meaning (theme.HATCH): a hatched trace is a flagged one, on every
    chart; exports/imports and volume/value are told apart by colour and the legend."""
    from dashboard import charts
    from dashboard.data.loader import load_package
    from dashboard.text.i18n import tr

    if package == "bundled":  # the bundled data has flagged readings; no figure is pinned
        tables = load_package()
    flagged = {tr("en", k) for k in ("legend.flagged_bar", "legend.computed_flagged")}
    for name in charts.available(tables):
        fig = charts.build(name, tables).figure
        for t in fig.data:
            shape = getattr(getattr(getattr(t, "marker", None), "pattern", None), "shape", None)
            shapes = [shape] if isinstance(shape, str) else list(shape or ())
            if any(shapes):
                assert t.name in flagged, (name, t.name, shapes)


def test_bar_labels_are_few_and_never_shrunk(tables):
    from dashboard import charts

    fig = charts.build("flows", tables).figure
    assert fig.layout.template.layout.uniformtext.mode == "hide"
    for t in fig.data:
        assert [x for x in t.text if x] == [t.text[-1]]  # the latest year only


def test_change_bars_label_their_largest_rise_and_fall_clear_of_the_zero_line(tables):
    """Year-on-year bars: no text on the bars (it was turned on end against the zero line),
    two horizontal labels, above the largest rise and under the largest fall, a fixed gap past
    the bar's end or a reported marker there, with room for them inside the plot."""
    from dashboard import charts
    from dashboard.charts import change_labels as cl
    from dashboard.charts import theme

    fig = charts.build("yoy-growth", tables).figure
    assert all(t.text is None for t in fig.data if t.type == "bar")
    labels = [a for a in fig.layout.annotations if a.name == "change-label"]
    assert [(a.text, a.x, a.y, a.yanchor, a.yshift) for a in labels] == [
        ("+25.0%", 2015, 25.0, "bottom", cl.GAP_PX)]  # the reported 25% in 2015: the same end
    assert fig.layout.yaxis.range[1] > 25.0 + cl.ROOM * 25.0
    assert cl.picked([5.0, -21.2, 65.0, -36.4]) == [2, 3] and cl.picked([-1.0, -2.0]) == [1]
    draft = theme.Draft()
    cl.change_labels(draft, [2003, 2015, 2025], [65.0, -36.4, 11.0], {2015: -40.0}, "kk")
    fall, rise = sorted(draft.layout["annotations"], key=lambda a: a["y"])
    assert (fall["text"], fall["y"], fall["yanchor"], fall["yshift"]) == (
        "−36,4%", -40.0, "top", -cl.GAP_PX)  # under the reported marker below the bar
    assert (rise["xanchor"], rise["x"]) == ("left", 2003 - cl.BAR_HALF)  # the first bar
    assert draft.layout["yaxis"]["range"][0] < -40.0 - cl.ROOM * 101.0
