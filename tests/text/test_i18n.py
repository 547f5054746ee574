"""Message catalogues, glossary, language choice and the translator (dashboard.text.i18n)."""

import json
import re
import subprocess
import sys
import threading

import pytest
from helpers import ROOT

from dashboard.text import i18n
from dashboard.text.i18n import LANGUAGES, Translator, catalogue, resolve_language, tr

OTHERS = ("zh", "ru", "kk")
CODE = re.compile(r"`[^`]*`")
# Values that are rightly the same as the English: formats, codes and pure punctuation.
SAME_AS_ENGLISH = {
    "zh": {"chart.gap_label", "export.format.pdf", "export.format.svg"},
    "ru": {"chart.gap_label", "cli.error.option", "common.item_separator",
           "common.source_item",
           "data.organisation.china_daily", "doubling.preset_label", "doubling.target_option",
           "export.format.pdf", "export.format.png", "export.format.svg", "world.label.measure"},
}
SAME_AS_ENGLISH["kk"] = SAME_AS_ENGLISH["ru"]


def texts(message):
    return [message] if isinstance(message, str) else list(message.values())


def problems(catalogues: dict) -> list[str]:
    """Everything that breaks the contract between the English catalogue and the others."""
    out = []
    en = catalogues["en"]
    for lang, cat in catalogues.items():
        for key in sorted(set(en) - set(cat)):
            out.append(f"{lang}: '{key}' has no translation")
        for key in sorted(set(cat) - set(en)):
            out.append(f"{lang}: '{key}' is not an English key")
        for key, message in cat.items():
            if any(not t.strip() for t in texts(message)):
                out.append(f"{lang}: '{key}' is empty")
            if key in en and i18n.placeholders(message) != i18n.placeholders(en[key]):
                out.append(f"{lang}: '{key}' placeholders differ from English")
            if any(set("{}") & set(i18n.PLACEHOLDER.sub("", t)) for t in texts(message)):
                out.append(f"{lang}: '{key}' has a brace that is not a named placeholder")
            if key in en and key.endswith("_md"):
                if set(CODE.findall(message)) != set(CODE.findall(en[key])):
                    out.append(f"{lang}: '{key}' changed a `code` span")
                if message.count("**") % 2:
                    out.append(f"{lang}: '{key}' has unbalanced ** markers")
            if not isinstance(message, str):
                need = {"other", *i18n.plural_rule(lang).tags}
                if set(message) != need:
                    out.append(f"{lang}: '{key}' needs plural forms {sorted(need)}")
    return out


def all_catalogues():
    return {lang: catalogue(lang) for lang in LANGUAGES}


def test_every_key_is_translated_with_the_same_placeholders():
    found = problems(all_catalogues())
    assert found == []
    assert len(catalogue("en")) > 400


def test_the_check_fails_on_a_new_english_key_without_translations():
    cats = {lang: dict(c) for lang, c in all_catalogues().items()}
    cats["en"]["growth.new_line"] = "A new line about {year}"
    cats["ru"]["growth.title"] = "Динамика за {year}"  # a placeholder English does not have
    cats["kk"]["growth.title"] = "  "
    found = problems(cats)
    assert "zh: 'growth.new_line' has no translation" in found
    assert "ru: 'growth.title' placeholders differ from English" in found
    assert "kk: 'growth.title' is empty" in found


def test_translations_are_not_english_left_in_place():
    en = catalogue("en")
    for lang in OTHERS:
        same = {k for k, v in catalogue(lang).items() if v == en[k]}
        assert same == SAME_AS_ENGLISH[lang], lang


def test_catalogues_load_once_and_are_read_only():
    assert catalogue("ru") is catalogue("ru")
    with pytest.raises(TypeError):
        catalogue("ru")["app.title"] = "x"
    plural = catalogue("ru")["import.used"]
    with pytest.raises(TypeError):
        plural["one"] = "x"


def test_a_broken_catalogue_names_itself(tmp_path):
    bad = tmp_path / "xx.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(RuntimeError, match="xx.json"):
        i18n.load_catalogue(bad)
    bad.write_text(json.dumps({"k": {"one": "a"}}), encoding="utf-8")
    with pytest.raises(RuntimeError, match="plural"):
        i18n.load_catalogue(bad)


# --- glossary ---------------------------------------------------------------------------

GLOSSARY = json.loads((ROOT / "dashboard" / "text" / "locales" / "glossary.json")
                      .read_text("utf-8"))
STRIP = re.compile(r"\{[a-z0-9_]+\}|`[^`]*`|--[a-z-]+")


def test_glossary_covers_the_required_terms_in_four_languages():
    ids = {t["id"] for t in GLOSSARY}
    assert {"gacc", "bns", "un_comtrade", "mirror_statistics", "cagr", "current_usd", "yoy",
            "target", "deadline", "projection", "source", "approximate", "lower_bound",
            "side_not_stated", "part_year", "derived_total"} <= ids
    for term in GLOSSARY:
        assert all(term[lang].strip() for lang in LANGUAGES), term["id"]
    assert next(t for t in GLOSSARY if t["id"] == "gacc")["zh"].startswith("中华人民共和国海关总署")


@pytest.mark.parametrize("lang", OTHERS)
def test_glossary_terms_are_used_consistently(lang):
    """Where an English message uses a glossary term, the translation uses the glossary's."""
    en, cat = catalogue("en"), catalogue(lang)
    misses = []
    for term in GLOSSARY:
        match = term.get("match")
        if not match:
            continue
        for key, message in en.items():
            if key in match.get("except", ()):
                continue
            if any(re.search(match["en"], STRIP.sub(" ", t), re.I) for t in texts(message)):
                misses += [f"{term['id']}: {key}" for t in texts(cat[key])
                           if not re.search(match[lang], STRIP.sub(" ", t), re.I)]
    assert misses == []


def test_data_label_translates_known_values_and_keeps_unknown_ones():
    assert i18n.data_label("zh", "product", "Crude oil") == "原油"
    assert i18n.data_label("kk", "measure", "Merchandise trade volume") == (
        "тауар саудасының физикалық көлемі")
    assert i18n.data_label("ru", "product", "Wheat (from your file)") == "Wheat (from your file)"
    assert i18n.data_label("ru", "claim", "trade_2023", year="2023") == (
        "Товарооборот за 2023\u00a0г.")


# --- choosing the language --------------------------------------------------------------

@pytest.mark.parametrize(("query", "browser", "expected"), [
    ("ru", "en-US", ("ru", None)),             # the link wins over the browser
    ("ZH", None, ("zh", None)),                # letter case does not matter
    (" kk ", "zh-CN", ("kk", None)),
    (["en", "kk"], None, ("kk", None)),        # repeated: the last one wins
    (None, "ru-KZ", ("ru", None)),             # first visit follows the browser
    (None, "kk_KZ", ("kk", None)),
    (None, "zh-Hans-CN", ("zh", None)),
    ("", "ru", ("ru", None)),                  # an empty lang counts as absent
    (None, "de-DE", ("en", None)),             # a browser language we lack: English, quietly
    (None, None, ("en", None)),
    ("fr", "ru-RU", ("en", "notice.lang_unknown")),  # unknown lang: English and a notice
    ("zh-CN", None, ("en", "notice.lang_unknown")),
    ("<script>", None, ("en", "notice.lang_unknown")),
    ([], "kk", ("kk", None)),
])
def test_resolve_language(query, browser, expected):
    assert resolve_language(query, browser) == expected


# --- translating ------------------------------------------------------------------------

def test_tr_fills_named_placeholders():
    assert tr("en", "chart.growth.title", reporter="China", partner="Kazakhstan",
              period="1992–2024") == "China–Kazakhstan trade, 1992–2024"
    assert tr("zh", "verdict.trade.headline", value="410亿美元", year="2023") == "2023年：410亿美元"
    assert tr("ru", "answer.reaches", path="6,9\u00a0% в год (ваш темп)", target="82 млрд $",
              year="2033") == ("При росте на 6,9\u00a0% в год (ваш темп) товарооборот достигнет "
                               "82 млрд $ в 2033\u00a0г.")


def test_tr_names_a_missing_parameter_and_an_unknown_key():
    with pytest.raises(KeyError, match="chart.growth.title.*period"):
        tr("kk", "chart.growth.title", reporter="Қытай", partner="Қазақстан")
    with pytest.raises(KeyError):
        tr("en", "no.such.key")


@pytest.mark.parametrize(("lang", "count", "expected"), [
    ("en", 1, "1 row is now used on every page of this session."),
    ("en", 1234, "1,234 rows are now used on every page of this session."),
    ("ru", 1, "Теперь на всех страницах этого сеанса используется 1 строка."),
    ("ru", 3, "Теперь на всех страницах этого сеанса используются 3 строки."),
    ("ru", 11, "Теперь на всех страницах этого сеанса используются 11 строк."),
    ("ru", 21, "Теперь на всех страницах этого сеанса используется 21 строка."),
    ("ru", 1234, "Теперь на всех страницах этого сеанса используются 1\u00a0234 строки."),
    ("kk", 5, "Енді осы сеанстың барлық бетінде 5 жол пайдаланылады."),
    ("zh", 2, "2 行数据现已用于本会话的所有页面。"),
])
def test_plural_forms_follow_cldr(lang, count, expected):
    assert tr(lang, "import.used", count=count) == expected


def test_a_plural_message_needs_a_count():
    with pytest.raises(TypeError, match="count"):
        tr("ru", "import.used")


def test_translator_carries_its_language_and_formats():
    t = Translator("ru")
    assert t("nav.growth") == "Динамика"
    assert t.bn(41e9) == "41\u00a0млрд\u00a0$"
    assert t.pct(0.314) == "+31,4\u00a0%"
    assert t.country("KAZ") == "Казахстан"
    assert t.years(2013, 2023) == "2013–2023"
    assert t.listing(["2018", "2019", "2020"]) == "2018, 2019 и 2020"
    assert t.sentences("Первое.", "Второе.") == "Первое. Второе."
    assert Translator("zh").sentences("第一。", "第二。") == "第一。第二。"
    assert t.separators == ",\u00a0"
    with pytest.raises(KeyError):
        Translator("de")


def test_no_language_leaks_between_threads():
    """Each call names its language: concurrent sessions cannot see each other's choice."""
    results: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}

    def work(lang):
        for _ in range(200):
            results[lang].add(tr(lang, "nav.overview"))

    threads = [threading.Thread(target=work, args=(lang,)) for lang in LANGUAGES]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert {lang: sorted(v) for lang, v in results.items()} == {
        "en": ["Overview"], "zh": ["概览"], "ru": ["Обзор"], "kk": ["Шолу"]}


def test_i18n_and_formatting_import_neither_streamlit_nor_plotly():
    code = ("import sys, dashboard.text.i18n, dashboard.text.formatting; "
            "dashboard.text.i18n.tr('kk', 'nav.overview'); "
            "dashboard.text.formatting.fmt_bn(1e9, lang='zh'); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('streamlit', 'plotly', 'pandas')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"


# --- the translation review's corrections (issue 24) -------------------------------------

CYRILLIC = "А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі"
MIXED_SCRIPT = re.compile(f"[{CYRILLIC}][A-Za-z]|[A-Za-z][{CYRILLIC}]")


@pytest.mark.parametrize("lang", OTHERS)
def test_no_word_mixes_latin_and_cyrillic_letters(lang):
    """'Еуropa' looks right and is not: a search, a screen reader and a spell checker fail."""
    cat = catalogue(lang)
    assert [k for k, m in cat.items() for t in texts(m) if MIXED_SCRIPT.search(t)] == []


def test_review_corrections_stay():
    zh, ru, kk = catalogue("zh"), catalogue("ru"), catalogue("kk")
    assert not [k for k, m in zh.items() for t in texts(m) if "读数" in t]  # a meter reading
    assert not [k for k, m in kk.items() for t in texts(m) if "ДФЭ" in t or "рәсімде" in t]
    assert not [k for k, m in kk.items() for t in texts(m) if "одан көп" in t or "одан аз" in t]
    assert "будет достигнута" in ru["hover.reaches"] and "будет" in ru["chart.reaches_in"]
    assert not [k for k, m in ru.items() for t in texts(m) if "ТН ВЭД" in t]  # one HS term
    assert not [k for k, m in zh.items() for t in texts(m) if "{period}年均" in t]
    for key in ("chart.middle_corridor.title", "chart.transit_containers.title"):
        assert zh[key].endswith("（{years}年）") and ru[key].endswith("{years}\u00a0гг.")
        assert kk[key].endswith("{years}\u00a0жж.")
    # a Kazakh year abbreviation never starts a line: a no-break space before ж./жж.
    assert not [k for k, m in kk.items() for t in texts(m) if re.search(r"[\d}] жж?\.", t)]
