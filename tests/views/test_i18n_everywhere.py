"""No English left on a zh, ru or kk import page after an upload (the user's own values stay as
written), and the checker reads tables. Every page without an upload is checked, tables
included, in test_i18n_pages.py's test_every_page_renders_in_every_language, on the page run it
makes anyway (merged there: this file ran each page a second time in each language), with the
reasoned allow-list of ``english_left.page_allowed``.

Left out: charts (their text is checked by the chart tests).
"""

import pytest
from english_left import english_words, package_names, visible_strings
from helpers import FIXTURE, ROOT
from test_app import UPLOAD, open_page

from dashboard.data.loader import load_package

OTHERS = ("zh", "ru", "kk")


@pytest.fixture(autouse=True)
def fixture_package(monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA", str(FIXTURE))


@pytest.fixture(scope="module")
def names():
    return package_names(load_package(FIXTURE))


# The user's own file is shown as it is: its header, its cells and its raw lines.
USERS_OWN = set(UPLOAD.decode().replace("\n", ",").split(",")) | set(UPLOAD.decode().splitlines())
# A second file with both sides of one pair: the page shows their mirror table too.
MIRROR = (ROOT / "tests/fixtures/import/comtrade-plus-mirror-synthetic.csv").read_bytes()
MIRROR_OWN = {v for v in MIRROR.decode("utf-8-sig").replace("\n", ",").split(",")
              if len(v) > 1}  # a one-letter code ('C') would cut words it is part of


@pytest.mark.parametrize("lang", OTHERS)
def test_no_english_word_after_an_upload(lang, names):
    """Summary lines and rejection reasons are the importer's reason codes rendered from the
    catalogue; only the user's own values (header names, cells, raw lines) stay as written."""
    at = open_page("import", {"lang": lang})
    at.file_uploader[0].set_value(("data.csv", UPLOAD, "text/csv"))
    at.run()
    assert not at.exception
    left = english_words(visible_strings(at), names | USERS_OWN)
    assert left == [], (lang, sorted(set(left)))
    at.file_uploader[0].set_value(("mirror.csv", MIRROR, "text/csv"))  # same page, next file
    at.run()
    assert not at.exception
    mirror = next(d for d in at.dataframe if "measure" in d.value.columns
                  and "reporter_b" in d.value.columns)
    assert not english_words(mirror.value["measure"].tolist(), set())
    left = english_words(visible_strings(at), names | MIRROR_OWN)
    assert left == [], (lang, sorted(set(left)))


def test_the_check_sees_table_cells_and_headers():
    """The walker reads tables: an English cell on a Russian page is found."""
    from types import SimpleNamespace

    import pandas as pd
    from english_left import table_strings

    node = SimpleNamespace(type="arrow_data_frame",
                           proto=SimpleNamespace(columns='{"a": {"label": "Годы"}}'),
                           value=pd.DataFrame({"a": ["Whose figure", "Китай"]}))
    assert english_words(table_strings(node), set()) == ["Whose", "figure"]
