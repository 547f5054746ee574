"""Data text in the readers' languages: the package's ``translations`` resource (issue 24).

Every value with Latin letters that a page shows from a translated field has an entry in every
language, in the published package and in the fixture; an entry translates, never guesses."""

import pandas as pd
import pytest
from helpers import FIXTURE

from dashboard.core import display
from dashboard.core.data_text import data_text, missing
from dashboard.data.loader import load_package

# The fields whose free text pages show through the translations resource, and the catalogue
# kind that names their closed-set values (those need no row: 'Jan–Sep', 'percent').
TRANSLATED = [("border_facts", "period", "period"), ("logistics", "period", "period"),
              ("editorial_claims", "unit", "unit")]


@pytest.fixture(scope="module")
def published():
    return load_package()


@pytest.mark.parametrize(("resource", "field", "kind"), TRANSLATED)
def test_every_shown_value_has_a_translation_in_every_language(published, resource, field, kind):
    assert missing(published, resource, field, kind=kind) == []
    assert missing(load_package(FIXTURE), resource, field, kind=kind) == []


def test_entries_translate_and_unknown_values_stay_as_stored(published):
    assert data_text(published, "border_facts", "period", "before 2017", "ru") == "до 2017\u00a0г."
    assert data_text(published, "border_facts", "period", "before 2017", "en") == "before 2017"
    assert data_text(published, "border_facts", "period", "never seen", "zh") is None
    kk = data_text(published, "border_facts", "period", "before 2017", "kk")
    assert "\u00a0ж." in kk  # Kazakh: a no-break space before ж.


def test_translations_are_not_english_and_every_entry_is_used(published):
    t = published["translations"]
    for lang in ("zh", "ru", "kk"):
        assert not (t[lang] == t["value"]).any(), lang
    for (resource, field), rows in t.groupby(["resource", "field"]):
        shown = set(published[resource][field].dropna().astype(str))
        assert set(rows["value"]) <= shown, (resource, field)
        assert (resource, field) in {(r, f) for r, f, _ in TRANSLATED}
    assert not pd.isna(t[["zh", "ru", "kk"]]).any().any()


def test_the_sources_page_shows_them_and_the_closed_sets_in_the_readers_language(published):
    """The Data & sources page's tables: a value only the data know comes from the
    translations resource, a closed set's value from the catalogue; ids stay as stored."""
    claims = display.shown_table(published, "editorial_claims", "ru")
    assert "кратность значению 2023\u00a0г." in set(claims["unit"])
    assert set(claims["claim_id"]) == set(published["editorial_claims"]["claim_id"])
    facts = display.shown_table(published, "border_facts", "kk")
    assert "2017\u00a0ж. дейін" in set(facts["period"]) and "шамамен" in set(facts["qualifier"])
    assert "before 2017" in set(display.shown_table(published, "border_facts", "en")["period"])
    ca = display.shown_table(published, "central_asia", "zh")
    assert "CHN（已注明）（GACC）" not in set(ca["whose_statistics"])  # the note keeps its brackets
    assert "CHN（已注明） (GACC)" in set(ca["whose_statistics"])
    assert "下限" in set(ca["bound"])
