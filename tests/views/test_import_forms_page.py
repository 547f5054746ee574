"""Issue 26 on the Import page: a WITS indicator file is loaded only after the pair is chosen in
two select boxes; monthly JSON rows get their own table, never the annual one."""


import pytest
from helpers import FIXTURE, IMPORT_FIXTURES
from test_app import open_page

FIXTURES = IMPORT_FIXTURES
WITS = (FIXTURES / "wits-indicator-kaz-chn-synthetic.csv").read_bytes()


@pytest.fixture(autouse=True)
def fixture_package(monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA", str(FIXTURE))


def upload(name, data, mime="text/csv"):
    at = open_page("import")
    at.file_uploader[0].set_value((name, data, mime))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def heads(at):
    return [s.value for s in at.subheader]


def test_wits_indicator_file_waits_for_the_pair_then_loads():
    at = upload("wits_download.csv", WITS)
    assert not at.error and "Accepted rows: 20" not in heads(at)
    assert "no reporter or partner columns" in at.info[0].value
    assert "value\\_usd\\_thousand" in at.info[0].value or "value_usd_thousand" in \
        at.info[0].value
    reporter, partner = at.selectbox[-2:]
    assert reporter.value is None and partner.value is None
    reporter.set_value("KAZ")
    at.run()
    assert "Accepted rows: 20" not in heads(at)  # one of two is not enough
    at.selectbox[-1].set_value("CHN")
    at.run()
    assert not at.exception and not at.error
    assert heads(at)[:2] == ["Accepted rows: 20", "Rejected rows: 5"]
    info = " ".join(i.value for i in at.info).replace("\\", "")
    assert "Kazakhstan (KAZ) reporting its trade with China (CHN)" in info


def test_the_pair_named_in_the_file_name_is_preselected_and_said_so():
    at = upload("WITS-Kazakhstan-China-1995-2013.csv", WITS)
    reporter, partner = at.selectbox[-2:]
    assert (reporter.value, partner.value) == ("KAZ", "CHN")
    assert any("Preselected from the file name" in c.value for c in at.caption)
    assert heads(at)[:2] == ["Accepted rows: 20", "Rejected rows: 5"]


def test_the_same_country_twice_is_refused_plainly():
    at = upload("wits.csv", WITS)
    at.selectbox[-2].set_value("KAZ")
    at.selectbox[-1].set_value("KAZ")
    at.run()
    assert not at.exception and "does not trade with itself" in at.error[0].value


def test_monthly_json_has_its_own_table_and_the_count():
    data = (FIXTURES / "comtrade-api-kaz-chn-monthly-synthetic.json").read_bytes()
    at = upload("comtrade.json", data, "application/json")
    assert not at.error and heads(at)[:2] == ["Accepted rows: 20", "Rejected rows: 2"]
    assert "18 rows are monthly figures" in at.info[0].value.replace("\\", "")
    monthly = [d.value for d in at.dataframe if "measure" in d.value.columns]
    assert len(monthly) == 1 and monthly[0]["measure"].str.startswith("sum of months").any()
