"""The pages in four languages, through streamlit.testing: every page renders in every
language, no English is left in zh/ru/kk apart from reviewed names and codes, and the
language survives navigation, language switches and shared links."""

import json
import re

import pandas as pd
import pytest
from english_left import (  # the one checker of English left
    english_words,
    page_allowed,
    shown_frame,
    visible_strings,
)
from google.protobuf.message import Message
from helpers import APP, FIXTURE, PAGES, ROOT, UPLOAD, open_page
from streamlit.testing.v1 import AppTest

from dashboard import charts
from dashboard.charts.target import default_projection
from dashboard.charts.world import editorial_note
from dashboard.core import display
from dashboard.core.doubling import presets, target_choices
from dashboard.core.logistics import has_logistics, logistics_verdict
from dashboard.core.verdicts import claim_verdicts, editorial_summary
from dashboard.data.loader import descriptor_text, load_package, series
from dashboard.text.formatting import capitalise, fmt_bn, fmt_pct
from dashboard.text.i18n import LANGUAGES, Translator, catalogue
from dashboard.text.plain import md_escape
from dashboard.text.wording import dated
from dashboard.ui import controls as ui

OTHERS = ("zh", "ru", "kk")
TITLES = {"overview": "overview.title", "growth": "growth.title", "mirror": "mirror.title",
          "world": "world.title", "structure": "structure.title", "doubling": "doubling.title",
          "sources": "sources.title", "import": "import.title", "corridor": "corridor.title"}
PROPER_NAMES = {"China Daily", "World Bank"}  # kept in Latin letters by the glossary
SKIPPED_ELEMENTS = ("plotly_chart", "arrow_data_frame", "dataframe")  # charts: other branch
# The fields of element messages that hold reader text (containers are walked into).
TEXT_FIELDS = {"label", "help", "body", "options", "placeholder", "content", "selected_content",
               "code_text", "captions", "delta", "text"}


@pytest.fixture(autouse=True)
def fixture_package(monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA", str(FIXTURE))


@pytest.fixture(scope="module")
def fixture_tables():
    return load_package(FIXTURE)


@pytest.fixture(scope="module")
def allowed_words(fixture_tables):
    """The words a page in ``lang`` may keep in English, worked out once per language (not once
    per page: they depend on the package and the language alone)."""
    cache = {}

    def allowed(lang: str) -> set[str]:
        if lang not in cache:
            cache[lang] = data_strings(fixture_tables) | untranslated_core(fixture_tables, lang)
        return cache[lang]

    return allowed


def proto_strings(message: Message) -> list[str]:
    """Every string a reader can see in an element's message (labels, help, options, body)."""
    out = []
    for field, value in message.ListFields():
        if isinstance(value, bytes | int | float):
            continue
        values = [value] if isinstance(value, str | Message) else list(value)  # repeated
        for v in values:
            if isinstance(v, str) and field.name in TEXT_FIELDS:
                out.append(v)
            elif isinstance(v, Message):
                out += proto_strings(v)
    return out


def page_strings(at: AppTest) -> list[str]:
    """Everything the page shows in words, element by element, charts and tables aside."""
    out = []

    def walk(node):
        if getattr(node, "type", None) in SKIPPED_ELEMENTS:
            return
        proto = getattr(node, "proto", None)
        if getattr(node, "type", None) == "code" and proto.language == "html":
            return  # the embed snippet: markup, not prose
        if isinstance(proto, Message):
            out.extend(proto_strings(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return [s for s in out if s.strip()]


def _same(lang, fn, *args, **kwargs):
    """fn's output in lang and in English: equal means the core cannot translate it yet."""
    here = fn(*args, lang=lang, **kwargs)
    return here, fn(*args, lang="en", **kwargs)


def data_strings(t) -> set[str]:
    """Words that come from the data and keep their original language: names and quotes."""
    src = t["sources"]
    out = set(src["publisher"].dropna()) | set(src["title"].dropna()) | set(src["cites"].dropna())
    out |= {p.split(" (")[0] for p in src["publisher"].dropna()}
    out |= set(t["products"]["product"].dropna())  # product names as the data has them
    version = json.loads(descriptor_text()).get("version", "")
    return out | set(t["editorial_claims"]["quote"].dropna()) | PROPER_NAMES | {version}


def untranslated_core(t, lang: str) -> set[str]:
    """Sentences the functional core still writes in English only (before the branch that
    gives it ``lang`` is merged). Each is listed only while it is identical in both
    languages, so once the core translates a sentence the check covers it too."""
    out = set()

    def keep(pair):
        here, en = pair
        if here == en:
            out.add(here)

    summary = editorial_summary(t, lang=lang)
    if summary.intro == editorial_summary(t).intro:
        out |= {summary.intro, summary.publisher}
    mine, english = _same(lang, claim_verdicts, t)
    for a, b in zip(mine, english, strict=True):
        out |= {x for x, y in ((a.headline, b.headline), (a.verdict, b.verdict)) if x == y}
    check = charts.build("world-comparison", t).check
    keep(_same(lang, editorial_note, check, editorial_summary(t).published))
    for reporter in ("CHN", "KAZ"):
        keep((ui.who(reporter, lang), ui.who(reporter)))
    mine, english = _same(lang, target_choices, t["targets"])
    out |= {v for k, v in mine.items() if english.get(k) == v}
    history = series(t["bilateral_trade"])
    for base in history["year"].astype(int):
        mine, english = (presets(history, base, ui.who("CHN", code), lang=code)
                         for code in (lang, "en"))
        out |= {capitalise(a.label) for a, b in zip(mine, english, strict=True)
                if a.label == b.label}
    if has_logistics(t):  # the logistics sentences are English (the card's figure is not)
        hubs = [logistics_verdict(t, lang=code) for code in (lang, "en")]
        pairs = [(hubs[0].headline, hubs[1].headline), (hubs[0].verdict, hubs[1].verdict),
                 *zip(hubs[0].cannot_say, hubs[1].cannot_say, strict=True)]
        same = {x for x, y in pairs if x == y}
        out |= same | {md_escape(x) for x in same}  # the card escapes them for Markdown
    settings = default_projection(t)
    answers = [charts.build("doubling-target", t, charts.Options(projection=settings, lang=code))
               .answer for code in (lang, "en")]
    lines = [[a.required_sentence, *a.sentences, *a.progress] for a in answers]
    out |= {x for x, y in zip(*lines, strict=True) if x == y}
    return {s for s in out if s}


def _open(page: str, lang: str, **query) -> AppTest:
    at = open_page(page, {"lang": lang, **query})
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


@pytest.mark.parametrize("lang", list(LANGUAGES))
@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_renders_in_every_language(page, lang, allowed_words, fixture_tables):
    """Also, in zh, ru and kk on the same page run: no English word anywhere on the page,
    tables included (merged here from test_i18n_everywhere.py's
    test_no_english_word_on_the_page, a second run of each page in each language)."""
    at = _open(page, lang)
    assert at.title[0].value == Translator(lang)(TITLES[page])
    assert at.query_params["lang"] == lang
    labels = [b.proto.label for b in at.get("download_button")]
    export_labels = [Translator(lang)(f"export.format.{f}") for f in ("png", "csv")]
    assert all(labels.count(x) == PAGES[page][1] for x in export_labels), labels
    if lang == "en":
        return
    left = english_words(page_strings(at), allowed_words(lang))
    assert left == [], (page, lang, sorted(set(left)))
    left = english_words(visible_strings(at), page_allowed(fixture_tables, page))
    assert left == [], (page, lang, "tables included", sorted(set(left)))


def test_the_check_finds_english_left_on_a_page(fixture_tables):
    """The checker itself: an English label on a Russian page is reported, names are not."""
    texts = ["Годы", "Whose figures", "Источники: S01: Fixture Daily, 3 июля 2018 г.",
             "`china-kazakhstan-growth.*` · CSV", "bilateral_trade.csv"]
    assert english_words(texts, data_strings(fixture_tables)) == ["Whose", "figures"]


def test_core_sentences_are_checked_once_the_core_translates_them(fixture_tables):
    """Only sentences identical in both languages are exempt: translated ones are checked."""
    exempt = untranslated_core(fixture_tables, "ru")
    verdicts = claim_verdicts(fixture_tables, lang="ru")
    english = claim_verdicts(fixture_tables)
    for ru, en in zip(verdicts, english, strict=True):
        assert (ru.verdict in exempt) == (ru.verdict == en.verdict)


def test_language_survives_page_switches():
    at = _open("overview", "ru")
    assert at.title[0].value == Translator("ru")("overview.title")
    for page in ("growth", "doubling", "sources"):
        at.switch_page(PAGES[page][0])
        at.run()
        assert not at.exception
        assert at.query_params["lang"] == "ru", page
        assert at.title[0].value == Translator("ru")(TITLES[page])


def test_the_selector_switches_language_and_keeps_the_doubling_controls():
    at = _open("doubling", "en")
    at.slider(key="dbl-growth").set_value(10.0)
    at.radio(key="dbl-mode").set_value("Amount in US$")
    at.run()
    at.selectbox(key="lang-choice").set_value("kk")
    at.run()
    assert not at.exception
    assert at.title[0].value == "Екі есе арттыру мақсаты"
    assert at.query_params["lang"] == "kk" and at.query_params["growth"] == "0.1"
    assert at.slider(key="dbl-growth").value == 10.0
    mode = at.radio(key="dbl-mode")
    assert mode.value == "Amount in US$"  # the value stays; only its label is translated
    assert "АҚШ долларымен сома" in mode.options
    assert at.slider(key="dbl-growth").label == "Сіз таңдаған жылдық өсім қарқыны (%)"


def test_a_shared_doubling_link_in_kazakh_restores_the_view_in_kazakh():
    at = _open("doubling", "kk", growth="0.125", base="2016", deadline="2035", target="100",
               log="1")
    assert at.slider(key="dbl-growth").value == 12.5
    assert at.selectbox(key="dbl-base").value == 2016
    assert at.slider(key="dbl-deadline").value == 2035
    assert at.number_input(key="dbl-target-custom").value == 100
    assert at.toggle(key="dbl-log").value is True
    assert at.toggle(key="dbl-log").label == "Логарифмдік шкала"
    assert at.query_params["lang"] == "kk" and at.query_params["growth"] == "0.125"
    assert at.selectbox(key="dbl-target-choice").format_func(-1.0) == "Өз сомаңыз"


def test_garbage_in_a_kazakh_link_gives_a_kazakh_notice():
    at = _open("doubling", "kk", growth="abc")
    notices = [t.value for t in at.text if t.value.startswith("⚠ Сілтеме параметрі ескерілмеді")]
    assert len(notices) == 1
    assert at.slider(key="dbl-growth").value == 5.0


@pytest.mark.parametrize("code", ["fr", "[Log in](//example.invalid/x)"])
def test_an_unknown_language_falls_back_to_english_with_a_plain_text_notice(code):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = code
    at.run()
    assert not at.exception
    assert at.title[0].value == Translator("en")("overview.title")
    notices = [t.value for t in at.text if "is not available" in t.value]
    assert len(notices) == 1 and f"'{code}'" in notices[0]
    rendered = " ".join(m.value for m in at.markdown) + " ".join(w.value for w in at.warning)
    assert "example.invalid" not in rendered
    assert at.query_params["lang"] == "en"


def test_mirror_tables_are_labelled_and_counted_in_the_readers_unit():
    at = _open("mirror", "zh")
    main = [shown_frame(d) for d in at.dataframe if "年份" in d.value.columns][0]
    assert list(main.columns)[:3] == ["年份", "中国数据（亿美元）", "哈萨克斯坦数据（亿美元）"]
    row = main[main["年份"] == 2017].iloc[0]
    assert row["中国数据（亿美元）"] == "300.00"  # $30 bn = 300亿美元, as text (readable)
    same = [shown_frame(d) for d in at.dataframe if "期间" in d.value.columns][0]
    assert same.to_dict("records") == [{
        "期间": "2017年1—10月", "中国数据（亿美元）": "250.00",
        "哈萨克斯坦数据（亿美元）": "200.00", "中国数据相对哈萨克斯坦数据": "+25%",
        "来源": "S04, S04"}]
    anomaly = [shown_frame(d) for d in at.dataframe if "数据口径" in d.value.columns][0]
    assert anomaly["亿美元"].tolist() == ["200.00", "270.00"]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["中国数据高出"] == "+25.0%"


def test_quotes_stay_verbatim_with_a_labelled_translation(published, monkeypatch):
    from dashboard.data.loader import DATA_DIR

    monkeypatch.setenv("DASHBOARD_DATA", str(DATA_DIR))  # the quotes the catalogue translates
    at = _open("overview", "ru")
    claims = published["editorial_claims"]
    shown = [q.split("”")[0][4:].replace("\\", "") for q in (m.value for m in at.markdown)
             if q.startswith("> *“")]  # (the logistics quote is Markdown-escaped)
    assert len(shown) == 5 and set(shown) <= set(claims["quote"])  # verbatim, in English
    captions = [c.value.replace("\\", "") for c in at.caption]  # Markdown escapes removed
    translated = [c for c in captions if c.startswith("Перевод наш: «")]
    expected = [display.quote_translation(claims, "ru", claim_id=i) for i in
                ("trade_2023", "growth_2023", "world_2023", "doubling_goal", "logistics_hub")]
    assert [t.removeprefix("Перевод наш: «").removesuffix("»") for t in translated] == expected
    assert not [c for c in _open("overview", "en").caption if "translation" in c.value]
    doubling = _open("doubling", "zh")
    assert any(c.value.startswith("本站译文：“双方确立了") for c in doubling.caption)


def test_sources_page_labels_columns_but_downloads_keep_canonical_names():
    at = _open("sources", "kk")
    labels = [b.proto.label for b in at.get("download_button")]
    assert "bilateral_trade.csv" in labels and "sources.csv" in labels
    assert Translator("kk")("export.prepare_all") in [b.label for b in at.button]
    config = json.loads(at.dataframe[1].proto.columns)  # bilateral_trade
    assert config["reporter"]["label"] == "есеп беруші ел"
    assert config["source_id"]["label"] == "дереккөз коды"
    # money written the reader's way (core.readable) over a number column (it sorts by value)
    assert config["value_usd"]["type_config"] == {"type": "number"}
    assert pd.api.types.is_numeric_dtype(at.dataframe[1].value["value_usd"])
    assert shown_frame(at.dataframe[1])["value_usd"].str.contains("млрд").any()
    # the tables keep canonical names and values; only what is drawn is relabelled
    assert "reporter" in at.dataframe[1].value.columns


# --- display: the page-side text of the data, tested without Streamlit -------------------

def test_column_labels_cover_every_column_of_both_packages(fixture_tables, published):
    for t in (fixture_tables, published):
        for name, frame in t.items():
            labels = display.column_labels(frame.columns, "ru")
            assert set(labels) == set(frame.columns), (name, set(frame.columns) - set(labels))


def test_shown_values_translate_known_values_and_keep_the_rest():
    frame = pd.DataFrame({"flow": ["export", "total"], "product": ["Crude oil", "Wheat (mine)"],
                          "partner": ["WLD", "KAZ"], "cmd_code": ["26", "99"],
                          "cmd_desc": ["Ores, slag and ash", "Something else"]})
    shown = display.shown_values(frame, "zh")
    assert shown["flow"].tolist() == ["出口", "合计"]
    assert shown["product"].tolist() == ["原油", "Wheat (mine)"]
    assert shown["partner"].tolist() == ["全球", "KAZ"]
    assert shown["cmd_desc"].tolist()[1] == "Something else"
    assert shown["cmd_desc"].tolist()[0] != "Ores, slag and ash"
    assert frame["flow"].tolist() == ["export", "total"]  # the data itself is untouched
    assert display.shown_values(frame, "en") is frame


def test_quote_translation_reads_its_figures_from_the_claim(published, fixture_tables):
    claims = published["editorial_claims"]
    trade = claims.set_index("claim_id").loc["trade_2023"]
    assert display.quote_translation(claims, "ru", claim_id="trade_2023") == (
        f"В {int(trade['year'])}\u00a0г. товарооборот между Китаем и Казахстаном достиг "
        + fmt_bn(float(trade["value"]), lang="ru"))
    # a fall is quoted as "declined 1.1 percent": the translation takes the unsigned figure
    world = claims.set_index("claim_id").loc["world_2023"]
    assert display.quote_translation(claims, "zh", metric="world_trade_change_pct") == (
        "当年全球贸易整体下降"
        + fmt_pct(abs(world["value"]), is_fraction=False, sign=False, lang="zh"))
    assert display.quote_translation(claims, "en", claim_id="trade_2023") is None
    assert display.quote_translation(claims, "ru", claim_id="no_such_claim") is None
    # the fixture's own growth quote has the translated wording: it is translated ...
    assert display.quote_translation(fixture_tables["editorial_claims"], "kk",
                                     claim_id="growth_2023") == "өткен жылға қарағанда 20% өсім"
    # ... its trade quote is worded differently: no translation of another sentence
    assert display.quote_translation(fixture_tables["editorial_claims"], "ru",
                                     claim_id="trade_2023") is None


def test_a_translation_is_only_of_its_own_quote():
    template = "In {year}, the trade volume between China and Kazakhstan reached {value}"
    assert display.translates(template, "In 2023, the trade volume between China and "
                                        "Kazakhstan reached $41 billion")
    assert not display.translates(template, "In 2023, the trade volume reached $39.7 billion")
    assert display.translates("A goal.", "A goal.") and not display.translates("A goal.", "Goal")


def test_dates_keep_the_house_style_in_english_and_follow_cldr_elsewhere():
    assert dated("2018-07-03", "en") == "2018-07-03"
    assert dated("2018-07", "ru") == "июль 2018\u202fг."
    assert dated("2018-07-03", "zh") == "2018年7月3日"
    assert dated("not a date", "kk") == "not a date"


def test_every_message_the_pages_use_exists():
    """Keys named in the pages and the Streamlit layer are all in the English catalogue."""
    en = catalogue("en")
    files = [*(ROOT / "dashboard" / "views").glob("*.py"),
             *(ROOT / "dashboard" / "ui").glob("*.py"),
             ROOT / "dashboard" / "core" / "display.py"]
    keys = set()
    for path in files:
        keys |= set(re.findall(
            r"\b(?:say|tr\(lang,|tr\(lang\(\),|t)\(\s*\"([a-z_]+\.[a-z0-9_.]+)\"",
            path.read_text(encoding="utf-8")))
    assert len(keys) > 100
    assert sorted(k for k in keys if k not in en) == []


def test_an_upload_in_russian_is_reported_in_russian():
    at = _open("import", "ru")
    at.file_uploader[0].set_value(("мои-данные.csv", UPLOAD, "text/csv"))
    at.run()
    assert not at.exception
    assert [s.value for s in at.subheader][:2] == ["Принятые строки: 2", "Отклонённые строки: 1"]
    assert at.text[0].value == "Файл: мои-данные.csv"
    at.button(key="upload-use").click()
    at.run()
    assert at.success[-1].value == ("Теперь на всех страницах этого сеанса используются 2 строки. "
                                    "2 годовых итога показаны на графиках всех страниц.")
    assert at.radio(key="upload-prefer").options == ["встроенные данные (с источниками)",
                                                     "загруженные вами данные"]
    in_use = at.text[-1].value
    assert in_use.startswith("мои-данные.csv (собственный CSV этого сайта): 2 строки, "
                             "код источника U-")


def test_pages_pass_the_language_to_a_core_that_takes_it(monkeypatch):
    """As after the merge of the core's translation: functions with ``lang`` receive it."""
    from dataclasses import replace

    from dashboard.charts import kit
    from dashboard.core import verdicts

    original = verdicts.claim_verdicts

    def claim_verdicts_with_lang(tables, lang="en"):
        return [replace(v, verdict=f"[{lang}] {v.verdict}") for v in original(tables)]

    monkeypatch.setattr(verdicts, "claim_verdicts", claim_verdicts_with_lang)
    monkeypatch.setattr(kit, "who", lambda reporter, lang="en": f"<{reporter}:{lang}>")
    overview = _open("overview", "zh")
    assert sum(m.value.startswith("[zh] ") for m in overview.markdown) == 4
    doubling = _open("doubling", "kk")
    help_text = doubling.selectbox(key="dbl-base").help
    assert help_text == "<CHN:kk> жиынтық деректерін жариялаған жылдар"
