"""Issue 17, 'Bad files (import)': each family tried with several inputs of its kind."""

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.data.loader import DataError
from dashboard.importing.reader import read_import, read_trade_csv

HEAD = "year,reporter,partner,flow,value_usd,note"
GOOD = ["2020,CHN,KAZ,total,21430000000,a", "2021,CHN,KAZ,total,25250000000,b",
        "2022,CHN,KAZ,total,31200000000,c"]


def read(text: str | bytes, encoding="utf-8"):
    raw = text if isinstance(text, bytes) else text.encode(encoding)
    return read_import(io.BytesIO(raw))


def accounted(r, expected_rows):
    assert len(r.rows) + len(r.rejected) == r.data_rows == expected_rows


# --- encodings ---------------------------------------------------------------------------------

TEXT = (HEAD + "\n2020,CHN,KAZ,total,5,{note}\n2021,Казахстан,Китай,export,7,\n")


@pytest.mark.parametrize("encoding,label", [
    ("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8"), ("utf-16", "UTF-16"),
    ("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"), ("cp1251", "Windows-1251"),
])
def test_encodings_read_the_same_rows(encoding, label):
    r = read(TEXT.format(note="Пример"), encoding)
    assert r.encoding == label and r.rejected.empty
    assert r.rows[["reporter", "partner"]].values.tolist() == [["CHN", "KAZ"], ["KAZ", "CHN"]]
    assert r.rows["note"].iloc[0] == "Пример"


@pytest.mark.parametrize("note", ["Smart ˜ tilde", "Côte d’Ivoire – “quoted” …", "Müller ˜ €5",
                                  "naïve façade ˜"])
def test_windows_1252_including_byte_0x98(note):
    raw = (HEAD + f"\n2020,CHN,KAZ,total,5,{note}\n2021,Côte d'Ivoire,KAZ,total,6,\n").encode(
        "cp1252")
    r = read(raw)
    assert r.encoding == "Windows-1252" and r.rejected.empty
    assert r.rows["note"].iloc[0] == note and r.rows["reporter"].iloc[1] == "CIV"


def test_excel_unicode_text_tab_separated_with_crlf():
    text = "\r\n".join(line.replace(",", "\t") for line in [HEAD, *GOOD]) + "\r\n"
    r = read(text, "utf-16")
    assert (r.encoding, r.separator, len(r.rows)) == ("UTF-16", "\t", 3)
    assert r.messages[0] == "Read as this dashboard's tidy CSV, UTF-16, separator tab."


@pytest.mark.parametrize("raw", [
    b"year,reporter\x98\x81,partner\n",              # undefined in both code pages
    HEAD.encode() + b"\n2020,CHN,KAZ,total,5,\x9d\x98\n",
    b"\xff\xfe" + "year,value".encode("utf-16-le") + b"\x00\xd8a\x00",  # lone surrogate
])
def test_undecodable_files_name_the_encodings_tried(raw):
    with pytest.raises(DataError, match="tried UTF-8, UTF-16, Windows-1251 and Windows-1252"):
        read(raw)


# --- line ends, blank and title lines ----------------------------------------------------------

@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("before", ["", "\n\n", "  \n\t\n", ",,,\n", "My export of 2024\n\n"])
def test_line_ends_and_lines_before_the_header(newline, before):
    text = (before + "\n".join([HEAD, GOOD[0], "", GOOD[1], "2023,CHN,KAZ,total,x,"]) + "\n")
    r = read(text.replace("\n", newline))
    accounted(r, 3)
    first = before.count("\n") + 2
    assert r.rows["row"].tolist() == [first, first + 2]
    assert r.rejected["reason"].tolist() == [f"row {first + 3}: value_usd 'x' is not a number"]
    assert any(f"header is on line {first - 1}" in m for m in r.messages) == bool(before)


# --- trailing separators and missing trailing fields -------------------------------------------

@pytest.mark.parametrize("header_end,row_end", [("", ","), (",", ""), (",", ","), ("", ",,"),
                                                ("", ",\t ")])
def test_trailing_separators_are_ignored(header_end, row_end):
    text = "\n".join([HEAD + header_end, *(g + row_end for g in GOOD)]) + "\n"
    r = read(text)
    accounted(r, 3)
    assert r.rejected.empty and r.rows["value_usd"].tolist() == [21.43e9, 25.25e9, 31.2e9]


@pytest.mark.parametrize("row,count", [("2020,CHN,KAZ,total,5", 5), ("2020,CHN,KAZ,total", 4),
                                       ("2020", 1), ("2020,CHN,KAZ,total,5,note,extra", 7)])
def test_rows_with_missing_or_extra_fields_are_rejected(row, count):
    r = read("\n".join([HEAD, GOOD[0], row, GOOD[1]]))
    accounted(r, 3)
    assert len(r.rows) == 2
    why = r.rejected["reason"].iloc[0]
    assert why.startswith(f"row 3: {count} values where the header has 6 columns")
    assert ("trailing fields are missing" in why) == (count < 6)


# --- oversized cells and unclosed quotes -------------------------------------------------------

@pytest.mark.parametrize("column,size", [(5, 5_000), (5, 200_000), (0, 150_000), (4, 10_000)])
def test_one_oversized_cell_rejects_that_row_only(column, size):
    cells = GOOD[1].split(",")
    cells[column] = "9" * size
    r = read("\n".join([HEAD, GOOD[0], ",".join(cells), GOOD[2]]))
    accounted(r, 3)
    assert r.rows["year"].tolist() == [2020, 2022]
    bad = r.rejected.iloc[0]
    assert bad["row"] == 3 and "a cell holds" in bad["reason"] and "limit" in bad["reason"]
    assert len(bad["reason"]) < 200 and len(bad["raw"]) < 400


@pytest.mark.parametrize("bad,where", [
    ('2021,CHN,KAZ,total,"25250000000,b', 3),
    ('2021,CHN,KAZ,total,5,"never closed', 3),
    ('"2021,CHN,KAZ,total,5,b', 3),
])
def test_an_unclosed_quote_is_reported_and_does_not_swallow_rows(bad, where):
    r = read("\n".join([HEAD, GOOD[0], bad, GOOD[1], GOOD[2]]) + "\n")
    accounted(r, 4)
    assert r.rows["year"].tolist() == [2020, 2021, 2022]
    assert r.rejected["reason"].tolist() == [
        f"row {where}: a quote opened in this row is never closed (the rows after it are read "
        "on their own)"]


@pytest.mark.parametrize("width", [5, 6])
def test_consecutive_unclosed_quotes_are_each_reported(width):
    head = ",".join(HEAD.split(",")[:width])
    bad = ",".join(['2020', 'CHN', 'KAZ', 'total', '"5', 'x'][:width])
    r = read("\n".join([head, bad, bad, bad, "2021,CHN,KAZ,total,7,y"[:None if width == 6
                                                                        else -2]]))
    accounted(r, 4)
    assert r.rows["year"].tolist() == [2021]
    assert r.rejected["row"].tolist() == [2, 3, 4]
    assert r.rejected["reason"].str.contains("never closed").all()


def test_an_unclosed_quote_on_the_last_line():
    r = read("\n".join([HEAD, GOOD[0], '2021,CHN,KAZ,total,5,"open']))
    accounted(r, 2)
    assert "never closed" in r.rejected["reason"].iloc[0]


def test_a_quoted_cell_with_a_line_break_is_one_row():
    r = read("\n".join([HEAD, '2020,CHN,KAZ,total,5,"first line', 'second line"', GOOD[1]]))
    accounted(r, 2)
    assert r.rejected.empty and r.rows["note"].iloc[0] == "first line\nsecond line"
    assert r.rows["row"].tolist() == [2, 4]


# --- values that cannot be a yearly trade value ------------------------------------------------

@pytest.mark.parametrize("value,why", [
    ("0", "is zero"), ("0.00", "is zero"), ("-5", "is negative"), ("-0.5", "is negative"),
    ("1e308", "more than US$100 trillion"), ("2e14", "more than US$100 trillion"),
    ("1e400", "is not a finite number"), ("inf", "is not a finite number"),
    ("-Infinity", "is not a finite number"), ("nan", "is not a finite number"),
    ("", "value_usd is empty"), ("12abc", "is not a number"), ("--5", "is not a number"),
    ("0.001", "less than one US cent"), ("1e-300", "less than one US cent"),
])
def test_values_that_cannot_be_a_yearly_trade_value(value, why):
    r = read("\n".join([HEAD, GOOD[0], f'2021,CHN,KAZ,total,"{value}",x']))
    accounted(r, 2)
    assert len(r.rows) == 1 and why in r.rejected["reason"].iloc[0]


@pytest.mark.parametrize("change,why", [("1e308", "not a possible change"),
                                        ("-150", "not a possible change"),
                                        ("inf", "is not a number"), ("x", "is not a number")])
def test_reported_changes_that_cannot_be(change, why):
    r = read("year,reporter,partner,flow,value_usd,reported_change_pct\n"
             f"2020,CHN,KAZ,total,5,{change}\n2021,CHN,KAZ,total,5,-100\n")
    assert r.rows["year"].tolist() == [2021] and why in r.rejected["reason"].iloc[0]


@pytest.mark.parametrize("value", ["1", "0.5", "0.01", "99999999999999", "1e13", "1e14"])
def test_small_and_large_real_values_are_kept(value):
    r = read("\n".join([HEAD, f"2021,CHN,KAZ,total,{value},x"]))
    assert r.rows["value_usd"].tolist() == [float(value)]


def test_wits_thousands_that_overflow_the_limit_are_rejected():
    text = ("Reporter,TradeFlow,ProductCode,Year,Partner,Trade Value 1000USD\n"
            "China,Export,Total,2020,Kazakhstan,1e12\nChina,Export,Total,2021,Kazakhstan,1e306\n"
            "China,Export,Total,2022,Kazakhstan,123.456\n")
    r = read(text)
    accounted(r, 3)
    assert r.rows["value_usd"].tolist() == [123456.0]
    assert r.rejected["reason"].str.contains("more than US$100 trillion", regex=False).all()


@pytest.mark.parametrize("year", ["1850", "2101", "2999", "20.5", "abc", "9999"])
def test_years_that_cannot_be(year):
    r = read("\n".join([HEAD, f"{year},CHN,KAZ,total,5,x"]))
    assert r.rows.empty and "year" in r.rejected["reason"].iloc[0]


def test_a_future_year_is_rejected():
    from datetime import date

    r = read("\n".join([HEAD, f"{date.today().year + 1},CHN,KAZ,total,5,x"]))
    assert "is in the future" in r.rejected["reason"].iloc[0]


# --- header-only, blank-only, limits -----------------------------------------------------------

@pytest.mark.parametrize("text", [HEAD, HEAD + "\n", HEAD + "\n\n\n", HEAD + "\r\n,,,,,\r\n",
                                  "\n\n" + HEAD + "\n  \n", HEAD + "\n;;;\n" * 0 + "\t\n"])
def test_header_only_files_say_there_are_no_data_rows(text):
    with pytest.raises(DataError, match="no data rows"):
        read(text)
    with pytest.raises(DataError, match="no data rows"):
        read(text, "utf-16")


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\r\n\t\r\n", "\ufeff"])
def test_blank_files_say_they_are_empty(text):
    with pytest.raises(DataError, match="the file is empty"):
        read(text)


# --- every row accounted for, whatever the mix -------------------------------------------------

LINES = st.sampled_from(GOOD + [
    "2020,CHN,KAZ,total,0,", "2019,CHN,KAZ,total,-1,", "1e308,CHN,KAZ,total,5,",
    "2018,XX,KAZ,total,5,", '2017,CHN,KAZ,total,"5', "2016,CHN,KAZ,total", "2015,CHN,KAZ,oops,5,",
    "2014,CHN,KAZ,total,5,,extra", "2013,CHN,KAZ,total,5,", "=cmd|' /C calc'!A0,,,,,",
    "2012,156,398,export,1e9,", "2011,China,World,import,7,"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES, min_size=1, max_size=25), st.sampled_from(["\n", "\r\n", "\r"]))
def test_accepted_plus_rejected_is_every_data_row(lines, newline):
    r = read(newline.join([HEAD, *lines]) + newline)
    accounted(r, len(lines))
    totals, rejected = read_trade_csv(io.BytesIO(newline.join([HEAD, *lines]).encode()))
    assert len(rejected) == len(r.rejected)
