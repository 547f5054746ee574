"""Data text in the readers' languages: the package's ``translations`` resource (issue 24).

Every value with Latin letters that a page shows from a translated field has an entry in every
language, in the published package and in the fixture; an entry translates, never guesses."""

import pandas as pd
import pytest
from helpers import FIXTURE

from dashboard.core.data_text import data_text, missing
from dashboard.data.loader import load_package

# The fields whose free text pages show through the translations resource.
TRANSLATED = [("border_facts", "period")]


@pytest.fixture(scope="module")
def published():
    return load_package()


@pytest.mark.parametrize(("resource", "field"), TRANSLATED)
def test_every_shown_value_has_a_translation_in_every_language(published, resource, field):
    assert missing(published, resource, field) == []
    assert missing(load_package(FIXTURE), resource, field) == []


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
    assert (resource, field) in TRANSLATED
    assert not pd.isna(t[["zh", "ru", "kk"]]).any().any()
