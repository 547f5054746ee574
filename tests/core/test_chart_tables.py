"""A chart's "Show as a table" in the reader's language: values with a catalogue entry are
translated, anything else is shown as stored, and the chart's own rows (its CSV) keep their
canonical values (issue 24)."""

import pandas as pd

from dashboard.core.chart_tables import shown_rows
from dashboard.core.display import column_labels


def test_closed_sets_are_translated_and_the_rows_keep_their_values():
    rows = pd.DataFrame({
        "role": ["primary", "part-year"], "unit_plotted": ["million tonnes", "trains"],
        "deflator": ["cpi-u", "gdp"], "prices": ["constant", "current"],
        "status": ["met", "no figure"], "measure": ["titr_tonnes", "unknown_measure"],
        "computed": ["gap_usd, partner_pct_of_china", "not, columns"],
        "source": ["Alpha (S01)<br>line two", None], "reporter": ["KAZ", "KAZ"],
        "partner": ["CHN", "CHN"], "flow_label": ["Kazakhstan sells China", "someone sells"]})
    before = rows.copy()
    ru = shown_rows(rows, "ru")
    pd.testing.assert_frame_equal(rows, before)  # the CSV's rows are untouched
    assert ru["role"].tolist() == ["основное значение", "данные за неполный год"]
    assert ru["unit_plotted"].tolist() == ["млн т", "поезда"]
    assert ru["prices"].iloc[0] == "В постоянных ценах"
    assert ru["status"].iloc[1] == "нет данных" and ru["deflator"].iloc[0] == "ИПЦ США (CPI-U)"
    assert ru["measure"].tolist()[1] == "unknown_measure"  # no entry: as stored
    assert ru["computed"].iloc[0] == ("расхождение (долл. США), данные партнёра в % от данных "
                                      "Китая")
    assert ru["computed"].iloc[1] == "not, columns"
    assert ru["source"].iloc[0] == "Alpha (S01); line two"
    assert ru["flow_label"].tolist() == ["Казахстан продаёт: Китай", "someone sells"]
    assert shown_rows(rows, "en") is rows


def test_per_country_columns_name_their_country():
    labels = column_labels(["reported_by_chn_usd_bn", "source_id_kaz", "approximate_xyz",
                            "unknown_col"], "ru")
    assert labels["reported_by_chn_usd_bn"] == "данные: Китай, млрд долл. США"
    assert labels["source_id_kaz"] == "код источника (Казахстан)"
    assert "unknown_col" not in labels
