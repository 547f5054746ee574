"""No English left on a zh, ru or kk page: every page of the fixture package, tables included,
and the import page after an upload. What may stay in Latin letters is listed and reasoned:

* publishers' names as they publish them, and the titles of what they published (the
  sources table's ``publisher`` and ``title``); the editorial's verbatim quotes (shown with
  our translation beneath);
* codes and formats (``english_left.CODES``: HS, CSV, UN Comtrade, US$ …), ISO3 country codes,
  source ids and an upload's id (U-1a2b3c4d); the user's own file as written (its header
  names, cells and lines, also inside a rejection reason);
* "China Daily", which the glossary keeps in Latin letters in Russian and Kazakh;
* prose cells of the Data & sources page (notes, descriptions, caveats, claims, a source's own
  words as stored, and the note in brackets after whose statistics a figure is: who said so):
  the page shows the package as published, with headers and enumerated values translated;
* identifiers (claim, target, caveat and group ids, a price index's id, a table's name as
  its CSV is named, the translations resource's resource and field names and the English
  value it translates): keys that join the tables and name their rows in the CSV, as source
  ids do;
* in the "Show as a table" view under a chart, what a logistics reading covers (``scope``,
  the source's own description) and the fixture's made-up product names, which have no
  catalogue entry (a value without one is shown as stored; the published products have one).

* on the corridor page, the notes of its collapsed raw logistics table, which shows the
  package's table as the Data & sources page does (notes as published).

Left out: charts (their text is checked by the chart tests).
"""

import re

import pytest
from english_left import english_words, visible_strings
from helpers import FIXTURE, ROOT
from test_app import PAGES, UPLOAD, open_page

from dashboard.data.loader import load_package

OTHERS = ("zh", "ru", "kk")
PROPER_NAMES = {"China Daily", "Fixture Gate"}  # the fixture's crossing
PROSE = ("title", "note", "description", "statement", "claim", "quote", "label", "scope",
         "retrieval", "cites", "check_against", "attribution_note", "anomaly_note", "what",
         "whose_figure", "place", "cmd_desc", "product", "url", "metric", "editorial_note", "words")
IDENTIFIERS = ("claim_id", "target_id", "caveat_id", "group_id", "deflator")


@pytest.fixture(autouse=True)
def fixture_package(monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA", str(FIXTURE))


@pytest.fixture(scope="module")
def names():
    t = load_package(FIXTURE)
    src = t["sources"]
    out = set(src["publisher"].dropna()) | set(src["title"].dropna())
    ids = {str(v) for frame in t.values() for c in IDENTIFIERS if c in frame.columns
           for v in frame[c].dropna()}
    shown_as_stored = set(t["logistics"]["scope"].dropna()) | set(t["products"]["product"])
    return (out | set(t["editorial_claims"]["quote"].dropna()) | PROPER_NAMES | ids
            | shown_as_stored)


@pytest.fixture(scope="module")
def prose():
    t = load_package(FIXTURE)
    out = {str(v) for frame in t.values() for c in (*PROSE, *IDENTIFIERS) if c in frame.columns
           for v in frame[c].dropna()}
    notes = {m for v in t["central_asia"]["whose_statistics"].dropna()
             for m in re.findall(r"\(.*\)$", str(v))}
    translations = t["translations"][["resource", "field", "value"]]
    return out | notes | set(t) | {str(v) for v in translations.to_numpy().ravel()}


CASES = [(p, lang) for lang in OTHERS for p in PAGES]


@pytest.mark.parametrize(("page", "lang"), CASES)
def test_no_english_word_on_the_page(page, lang, names, prose):
    at = open_page(page, {"lang": lang})
    allowed = names | (prose if page == "sources" else set())
    if page == "corridor":
        allowed = allowed | set(load_package(FIXTURE)["logistics"]["note"].dropna())
    left = english_words(visible_strings(at), allowed)
    assert left == [], (page, lang, sorted(set(left)))


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
