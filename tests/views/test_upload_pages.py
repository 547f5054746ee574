"""An upload on the pages a reader uses (streamlit.testing): monthly rows give the growth page its
monthly and year-to-date charts; HS chapters and World rows reach the shares & products page as
the user's; a session without an upload sees none of it."""

import pytest
from helpers import FIXTURE, IMPORT_FIXTURES, figures, open_page


@pytest.fixture(autouse=True)
def fixture_package(monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA", str(FIXTURE))


def use(name: str, prefer: str = "bundled"):
    at = open_page("import")
    at.file_uploader[0].set_value((name, (IMPORT_FIXTURES / name).read_bytes(), "text/csv"))
    at.run()
    at.button(key="upload-use").click()
    at.run()
    if prefer != "bundled":
        at.radio(key="upload-prefer").set_value(prefer)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def title(fig) -> str:
    return fig["layout"]["title"]["text"].replace("<br>", " ")  # on-screen line breaks


def titles(at) -> list[str]:
    return [title(f) for f in figures(at)]


def go(at, page: str):
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def test_monthly_upload_gives_the_growth_page_its_year_to_date_chart():
    at = use("monthly-chn-kaz-synthetic.csv")
    go(at, "views/growth.py")
    assert "Your monthly figures" in [s.value for s in at.subheader]
    shown = titles(at)
    assert any(t.startswith("Your file: China") and "month by month" in t for t in shown)
    ytd = [f for f in figures(at) if "year to date" in title(f)]
    assert len(ytd) == 1
    names = {t.get("name") for t in ytd[0]["data"]}
    assert {"Exports: sum of months", "Exports: same months a year before"} <= names
    source = " ".join(a["text"] for a in ytd[0]["layout"]["annotations"])
    assert "monthly-chn-kaz-synthetic.csv" in source


def test_no_upload_no_monthly_charts(shown):
    at = shown("growth")
    assert "Your monthly figures" not in [s.value for s in at.subheader]
    assert not any("Your file" in t for t in titles(at))


def test_chapters_and_world_rows_on_the_shares_and_products_page():
    at = use("chapters-world-chn-kaz-synthetic.csv")
    go(at, "views/structure.py")
    pick = at.selectbox(key="product-pair")
    assert pick.value == ("CHN", "KAZ")
    assert "(your file)" in pick.format_func(("CHN", "KAZ"))
    mix = [t for t in titles(at) if "largest HS chapters" in t]
    assert mix == ["Your file: What each sells the other: the largest HS chapters, 2023"]
    assert any(t.startswith("Your file: HS 84") for t in titles(at))
    assert "Your file's trade with the World is not used" in at.info[0].value
    # The package's own pair stays the package's.
    pick.set_value(("KAZ", "CHN")).run()
    assert not any(t.startswith("Your file") for t in titles(at))


def test_world_rows_chart_the_users_shares_when_preferred():
    at = use("chapters-world-chn-kaz-synthetic.csv", "uploaded")
    go(at, "views/structure.py")
    shares = next(f for f in figures(at) if "share of total goods trade" in title(f))
    names = [(t.get("name") or "").replace("<br>", " ") for t in shares["data"]]
    assert any("China's" in n and "includes your uploaded data" in n for n in names)
    assert not any("World is not used" in i.value for i in at.info)
