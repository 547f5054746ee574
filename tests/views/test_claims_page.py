"""The "Check a sentence" page in each language: claims, verdicts, hostile text as plain text."""

import pytest
from helpers import FIXTURE, open_page

from dashboard.text.i18n import LANGUAGES, Translator

SENTENCES = {
    "en": "In 2017, trade between China and Kazakhstan reached $30 billion, up 20 percent.",
    "zh": "2017年中哈贸易额达300亿美元，同比增长20%。",
    "ru": "В 2017 году товарооборот Китая и Казахстана составил 30 млрд долларов, рост на 20 %.",
    "kk": "2017 жылы Қазақстан мен Қытай арасындағы тауар айналымы 30 миллиард долларға жетті.",
}


@pytest.fixture(autouse=True)
def fixture_package(monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA", str(FIXTURE))


def open_check(lang, text=None):
    return open_page("views/check.py", {"lang": lang} | ({"text": text} if text is not None
                                                        else {}))


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_page_checks_a_sentence_in_each_language(lang):
    T = Translator(lang)
    at = open_check(lang)
    assert at.title[0].value == T("check.title")
    at.text_area[0].set_value(SENTENCES[lang])
    at.button[0].click().run()
    assert not at.exception and not at.error
    assert at.success and at.success[0].value.startswith(T("claims.verdict.matches"))
    shown = " ".join(m.value for m in at.markdown)
    assert T("claims.whose.CHN") in shown
    assert at.query_params["text"] in (SENTENCES[lang], [SENTENCES[lang]])


def test_hostile_text_is_plain_and_a_shared_link_fills_the_box():
    hostile = ("<b>x</b> **bold** [link](javascript:alert(1)) \u202e In 2017 trade reached "
               "$30 billion.")
    at = open_check("en", hostile)
    assert at.text_area[0].value == hostile
    shown = [m.value for m in at.markdown]
    assert any(r"\<b\>x\</b\>" in m and r"\*\*bold\*\*" in m for m in shown)
    assert not any("<b>" in m for m in shown)
    assert any(r"trade reached **\$30 billion**\." in m for m in shown)


def test_no_claim_says_so():
    at = open_check("ru", "Просто текст без цифр.")
    assert at.info[0].value.startswith("В тексте не найдено цифр")
