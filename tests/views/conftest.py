import pytest
from helpers import FIXTURE, open_page


@pytest.fixture(scope="session")
def shown():
    """``shown(page)``: the page on the synthetic package as a reader first sees it (English, no
    link parameters), run once per test process and shared by the tests that only read it
    (tests that click, type or upload open their own with ``open_page``)."""
    pages = {}

    def get(page: str):
        if page not in pages:
            with pytest.MonkeyPatch.context() as mp:
                mp.setenv("DASHBOARD_DATA", str(FIXTURE))
                pages[page] = open_page(page)
        return pages[page]

    return get
