"""Charts, core sentences, exports and the command line in English, 简体中文, Русский, Қазақша."""

import io
import re
import shutil
import subprocess
import zipfile
from types import SimpleNamespace

import plotly.graph_objects as go
import pytest
from helpers import FIXTURE, decode, needs_chromium

from dashboard import charts as catalog
from dashboard import cli
from dashboard.charts import Options, theme
from dashboard.charts.world import editorial_note
from dashboard.core import analysis, doubling, verdicts
from dashboard.core import projection_settings as settings
from dashboard.core.display import anomaly_table
from dashboard.core.official import anomaly_years
from dashboard.core.projection_settings import Settings
from dashboard.data.loader import series
from dashboard.export import archive
from dashboard.text.formatting import plotly_separators
from dashboard.text.i18n import LANGUAGES
from dashboard.text.wrapping import columns

OTHERS = ("zh", "ru", "kk")
NB = "\u00a0"
# Latin words that may stay in a translated chart: names of databases and codes.
ALLOWED = {"UN", "Comtrade", "HS", "CAGR",
           "Corridor", "Ministry"}  # the fixture's "whose figure": a data value, kept as given
# English words that must never be left in a translated sentence or hover text.
ENGLISH = re.compile(r"\b(the|and|of|in|by|to|from|trade|year|years|Source|Sources|Target|"
                     r"bn|Actual|approximate|computed|reported|figure|figures|value|volume|"
                     r"growth|China|Kazakhstan|customs|statistics|side|press|report|met|"
                     r"missed|open|way|rate|needs|reaches|never|no)\b")
has_cjk_font = bool(shutil.which("fc-list")) and bool(subprocess.run(
    ["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout.strip())


@pytest.fixture(scope="module")
def built(tables):
    """Every chart in every language, built once for the module."""
    return {(lang, name): catalog.build(name, tables, Options(lang=lang))
            for lang in LANGUAGES for name in catalog.CHART_NAMES}


def chart_words(fig) -> list[str]:
    """What a reader reads as the chart's own words: title, subtitle, axes, legend."""
    texts = [fig.layout.title.text, fig.layout.title.subtitle.text, fig.layout.xaxis.title.text,
             fig.layout.yaxis.title.text, *(t.name for t in fig.data if t.showlegend is not False)]
    return [t for t in texts if t]


def hovers(fig) -> list[str]:
    return [str(c) for t in fig.data if t.customdata is not None for c in t.customdata]


def plain(text: str) -> str:
    return re.sub(r"<[^>]*>", " ", text)


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_chart_builds_in_every_language(built, lang):
    for name in catalog.CHART_NAMES:
        spec = built[(lang, name)]
        go.Figure(spec.figure.to_dict())  # plotly's strict validation accepts it
        assert spec.lang == lang and spec.title.strip() and spec.alt.strip(), name
        assert spec.figure.layout.separators == plotly_separators(lang), name
        assert spec.stem == built[("en", name)].stem, name  # file names stay English
        assert list(spec.data.columns) == list(built[("en", name)].data.columns), name


@pytest.mark.parametrize("lang", OTHERS)
def test_titles_legends_and_alt_text_are_translated(built, lang):
    for name in catalog.CHART_NAMES:
        spec, en = built[(lang, name)], built[("en", name)]
        assert spec.title != en.title and spec.alt != en.alt, name
        assert spec.figure.layout.xaxis.title.text != en.figure.layout.xaxis.title.text, name
        left = {w for text in chart_words(spec.figure)
                for w in re.findall(r"[A-Za-z][A-Za-z'’]+", plain(text))} - ALLOWED
        assert left == set(), (name, left)
        for text in [spec.alt, *hovers(spec.figure)]:
            assert not ENGLISH.search(plain(text)), (name, text)


def test_separators_follow_the_language(built):
    assert built[("en", "growth")].figure.layout.separators == ".,"
    assert built[("zh", "growth")].figure.layout.separators == ".,"
    assert built[("ru", "growth")].figure.layout.separators == "," + NB
    assert built[("kk", "yoy-growth")].figure.layout.separators == "," + NB


def markers(spec):
    return next(t for t in spec.figure.data if t.mode == "markers" and t.customdata is not None)


def test_hover_text_and_money_axis_are_written_per_language(built):
    en, zh, ru, kk = (built[(lang, "growth")] for lang in ("en", "zh", "ru", "kk"))
    assert markers(en).customdata[0].startswith("<b>2005</b>: $5 bn<br>Source: Alpha News")
    assert markers(zh).customdata[0].startswith("<b>2005年</b>：50亿美元<br>来源：Alpha News")
    assert markers(ru).customdata[0].startswith(f"<b>2005{NB}г.</b>: 5{NB}млрд{NB}$<br>Источник:")
    assert markers(kk).customdata[0].startswith(f"<b>2005{NB}ж.</b>: 5{NB}млрд{NB}$<br>Дереккөз:")
    assert "%{customdata}" in markers(ru).hovertemplate and "%{y" not in markers(ru).hovertemplate
    # Chinese counts money in 亿 (10^8): the same $30 bn is 300 on its axis
    assert decode(markers(en).y)[-1] == pytest.approx(30)
    assert decode(markers(zh).y)[-1] == pytest.approx(300)
    assert (zh.figure.layout.yaxis.tickprefix, zh.figure.layout.yaxis.ticksuffix) == ("", "亿美元")
    assert ru.figure.layout.yaxis.ticksuffix == f"{NB}млрд{NB}$"
    assert (en.figure.layout.yaxis.tickprefix, en.figure.layout.yaxis.ticksuffix) == ("$", " bn")
    yoy = built[("ru", "yoy-growth")].figure
    assert yoy.layout.yaxis.ticksuffix == f"{NB}%"
    labels = [a.text for a in yoy.layout.annotations if a.name == "change-label"]
    assert labels == [f"+25,0{NB}%"]  # the largest rise, as Russian writes it


def test_chinese_charts_ask_for_a_simplified_chinese_font_first(built):
    assert built[("zh", "mirror")].figure.layout.font.family.startswith("'Noto Sans CJK SC'")
    assert "Noto Sans CJK" not in (built[("ru", "mirror")].figure.layout.font.family or "")


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_titles_subtitles_and_source_lines_fit_the_figure(built, lang):
    for name in catalog.CHART_NAMES:
        fig = built[(lang, name)].figure
        source = next(a.text for a in fig.layout.annotations if a.name == "source-line")
        for text, width in ((fig.layout.title.text, theme.TITLE_COLUMNS),
                            (fig.layout.title.subtitle.text, theme.SUBTITLE_COLUMNS),
                            (source, theme.SOURCE_COLUMNS)):
            for line in text.split("<br>"):
                assert columns(line) <= width or " " not in line, (name, line)


def test_the_legend_moves_down_when_the_title_wraps(built):
    def lines(spec):
        title = spec.figure.layout.title
        return title.text.count("<br>") + (title.subtitle.text or "").count("<br>")

    shown = [s for s in built.values() if s.figure.layout.legend.yref == "container"]
    one = min(shown, key=lines).figure
    many = max(shown, key=lines).figure
    assert lines(SimpleNamespace(figure=many)) > lines(SimpleNamespace(figure=one))
    assert many.layout.legend.y < one.layout.legend.y
    assert many.layout.margin.t > one.layout.margin.t


def test_english_is_the_default_and_unchanged(tables, built):
    for name in ("growth", "mirror", "doubling-target"):
        assert catalog.build(name, tables).figure == built[("en", name)].figure
    assert verdicts.claim_verdicts(tables) == verdicts.claim_verdicts(tables, lang="en")
    mirror = built[("en", "mirror")].figure
    assert [t.text for t in mirror.data if t.name == "Gap"][0][-1] == "CHN +25%"
    assert [t.text for t in built[("zh", "mirror")].figure.data
            if t.name == "差额"][0][-1] == "中方 +25%"


# --- the functional core's sentences ----------------------------------------------------

def test_verdicts_in_every_language(tables):
    v = {lang: {x.claim_id: x for x in verdicts.claim_verdicts(tables, lang=lang)}
         for lang in LANGUAGES}
    assert v["zh"]["trade_2023"].headline == "2017年：300亿美元"
    assert v["zh"]["trade_2023"].verdict.startswith("与Fixture Database中的中方数字一致：300亿美元")
    assert v["ru"]["trade_2023"].headline == f"30{NB}млрд{NB}$ в 2017{NB}г."
    assert f"2 × 30{NB}млрд{NB}$ = 60{NB}млрд{NB}$ (расчёт)" in v["ru"]["doubling_goal"].verdict
    assert "намного ниже национальной статистики" in v["ru"]["growth_2023"].verdict
    assert "көрсеткіштердің төмендеуі: 4% – 6%" in v["kk"]["world_2023"].verdict
    for lang in OTHERS:
        for claim_id, verdict in v[lang].items():
            assert verdict.sources == v["en"][claim_id].sources
            assert verdict.quote == v["en"][claim_id].quote  # the editorial's words stay verbatim
            assert not ENGLISH.search(verdict.verdict.replace("Fixture Database", "")
                                      .replace("World Body", "")), (lang, verdict.verdict)


def test_editorial_summary_in_every_language(tables):
    zh = verdicts.editorial_summary(tables, lang="zh")
    assert zh.intro.startswith("**Fixture Daily**的一篇社论（2018年7月3日）称："
                               "2017年中哈贸易额达到**300亿美元**")
    assert zh.published == "2018-07-03"  # the stored date, for comparisons
    assert f"**30{NB}млрд{NB}$**" in verdicts.editorial_summary(tables, lang="ru").intro


@pytest.fixture
def history(tables):
    return series(tables["bilateral_trade"])


def test_doubling_answers_in_every_language(history):
    s = Settings(base_year=2016, growth=0.1, deadline=2020)
    ru = doubling.answer(history, s, lang="ru")
    assert ru.sentences[0] == (f"При росте на 10,0{NB}% в год (ваш темп) товарооборот достигнет "
                               f"50,0{NB}млрд{NB}$ в 2024{NB}г.")
    assert ru.who == "таможня КНР (ГТУ)"
    zh = doubling.answer(history, s, lang="zh")
    assert zh.required_sentence == ("若要在2020年前实现翻番，需从2016年起每年增长18.9%"
                                    "（按中国海关（海关总署）数据）。")
    assert zh.progress == ["2017年实际（中国海关（海关总署））：300亿美元。"
                           "**进展：自2016年以来已完成所需增量的20%**；水平：目标值的60%。"]
    kk = doubling.answer(history, Settings(base_year=2017, growth=-0.05), lang="kk")
    assert "ешқашан жетпейді" in kk.sentences[0]
    assert [p.reach_year for p in ru.paths] == [p.reach_year for p in doubling.answer(
        history, s).paths]
    assert [p.label for p in doubling.presets(history, 2016, lang="kk")][0] == (
        "2016 жылғы қарқын (2015→2016)")
    cagr = {p.key: p for p in doubling.presets(history, 2017, lang="ru")}["cagr10"]
    assert f"(12 лет: за 2007{NB}г. данных нет)" in cagr.explanation


def test_target_choices_and_statuses_in_every_language(tables):
    choices = doubling.target_choices(tables["targets"], lang="ru")
    assert choices[40e9] == (f"40{NB}млрд{NB}$, к 2016{NB}г. "
                             "(правительства двух стран, май 2012\u202fг.)")
    zh = {t.target_id: t for t in analysis.target_statuses(tables["targets"],
                                                           tables["bilateral_trade"], lang="zh")}
    en = {t.target_id: t for t in analysis.target_statuses(tables["targets"],
                                                           tables["bilateral_trade"])}
    assert zh["T2014"].label == "2014年前达到140亿美元" and zh["T2014"].status == "met"
    assert zh["T2014"].detail == "最迟于2013年达成（150亿美元；2012年无数据）"  # no 2012 figure
    assert {k: t.status for k, t in zh.items()} == {k: t.status for k, t in en.items()}


def test_link_notices_and_setting_errors_in_every_language():
    default = Settings(base_year=2017, growth=0.05, deadline=2030)
    _, ru = settings.parse_params({"growth": "abc"}, [2015, 2016, 2017], default, lang="ru")
    assert ru == [f"growth='abc': не число; используется 5,0{NB}%."]  # "ignored" said once
    # A link's growth is in percent ("6.9" or "0.069"): so is its notice, with real minus signs.
    _, en = settings.parse_params({"growth": "-50", "deadline": "-2030"}, [2015, 2016, 2017],
                                  default)
    assert en == ["growth='-50': growth \u221250.0% a year is outside \u221220.0% to 50.0%; "
                  "using 5.0%.", "deadline='-2030': deadline \u22122030 must be a year from "
                  "2018 to 2067; using 2030."]
    _, zh = settings.parse_params({"colour": "red"}, [2015, 2016, 2017], default, lang="zh")
    assert zh == ["已忽略未知链接参数 'colour'。"]
    with pytest.raises(settings.SettingError, match="рұқсат етілген ауқымнан тыс"):
        settings.check_growth(0.9, lang="kk")
    with pytest.raises(settings.SettingError, match="^growth 0.9 is outside -0.2 to 0.5"):
        settings.check_growth(0.9)


def test_world_note_and_anomaly_table_in_every_language(tables, built):
    check = built[("en", "world-comparison")].check
    assert editorial_note(check, "2018-07-03") == (
        "The editorial's −2.5% names no source. It matches World Body's goods volume figure "
        "−2.5% published 2018-10, after the editorial (2018-07-03). The figure available "
        "first was −1.5% (2018-04).")
    zh = editorial_note(check, "2018-07-03", lang="zh")
    assert zh.startswith("社论中的−2.5%未注明来源。") and "2018年10月" in zh
    anomalies = anomaly_years(tables, "KAZ", "CHN")
    assert anomalies
    en = anomaly_table(anomalies, lang="en")
    assert list(en.columns) == ["Year", "Reading", "US$ bn", "Source"]
    ru = anomaly_table(anomalies, lang="ru")
    assert list(ru.columns) == ["Год", "Вид данных", "млрд долл. США", "Источник"]
    assert ru.iloc[:, 2].tolist() == en.iloc[:, 2].tolist()
    zh = anomaly_table(anomalies, lang="zh")  # 亿美元: the Chinese unit, as every Chinese table
    assert zh.iloc[:, 2].tolist() == pytest.approx([v * 10 for v in en.iloc[:, 2]])


# --- exports ----------------------------------------------------------------------------

def test_zip_readme_and_html_in_the_charts_language(built):
    specs = [built[("zh", "growth")], built[("zh", "mirror")]]
    blob = archive.build_zip(specs, archive.package_files(FIXTURE), formats=["html", "csv"],
                             version="1.0.0")
    z = zipfile.ZipFile(io.BytesIO(blob))
    readme = z.read("README.txt").decode("utf-8")
    assert readme.startswith("中哈贸易数据看板：导出文件\n")
    assert "中哈贸易数据看板（版本 1.0.0）" in readme and specs[0].alt in readme
    html = z.read(f"charts/{specs[0].stem}.html").decode("utf-8")
    assert '<html lang="zh">' in html
    assert "<title>中国—哈萨克斯坦贸易额（2005—2017年）</title>" in html
    csv = z.read(f"charts/{specs[0].stem}.csv").decode("utf-8")
    assert csv.splitlines()[0] == ",".join(built[("en", "growth")].data.columns)
    assert "中国海关（海关总署）" in csv  # the series named in the reader's language


def _title_glyphs(png: bytes) -> list:
    """The title's first glyphs as cropped bitmaps: runs of inked columns in its first line."""
    import numpy as np
    from PIL import Image

    img = np.asarray(Image.open(io.BytesIO(png)).convert("L"))
    ink = img < 90  # the title is near-black; the subtitle and source lines are grey
    rows = np.flatnonzero(ink[: img.shape[0] // 8].any(axis=1))
    first = rows[: np.argmax(np.diff(np.append(rows, rows[-1] + 2)) > 1) + 1]
    band = ink[first[0]: first[-1] + 1]
    cols = band.any(axis=0)
    edges = np.flatnonzero(np.diff(np.concatenate([[0], cols.astype(int), [0]])))
    glyphs = []
    for start, stop in zip(edges[::2], edges[1::2], strict=True):
        g = band[:, start:stop]
        r = np.flatnonzero(g.any(axis=1))
        glyphs.append(g[r[0]: r[-1] + 1])
    return glyphs


@needs_chromium
@pytest.mark.skipif(not has_cjk_font, reason="no CJK font: `make cjk-font` installs one")
def test_cli_writes_chinese_png_and_pdf_with_real_glyphs(tmp_path, capsys):
    code = cli.main(["export", "--out", str(tmp_path), "--charts", "growth", "--formats",
                     "png,pdf", "--lang", "zh", "--data", str(FIXTURE)])
    assert code == 0, capsys.readouterr().err
    pdf = next(tmp_path.glob("*.pdf")).read_bytes()
    assert re.search(rb"/FontName\s*/[A-Z]{6}\+NotoSansCJK", pdf)  # a CJK font is embedded
    png = next(tmp_path.glob("*.png")).read_bytes()
    glyphs = _title_glyphs(png)  # 中国—哈萨克斯坦贸易额…: 中 and 国 first
    a, b = glyphs[0], glyphs[1]
    height = max(a.shape[0], b.shape[0])
    assert a.shape[1] > height * 0.6 and b.shape[1] > height * 0.6  # full-width glyphs
    # Missing glyphs would be the same empty box twice; real ones differ in shape.
    assert a.shape != b.shape or (a != b).mean() > 0.1


def test_cli_checks_options_in_the_chosen_language(tmp_path, capsys):
    code = cli.main(["export", "--out", str(tmp_path), "--charts", "growth", "--formats", "csv",
                     "--growth", "0.9", "--lang", "ru", "--data", str(FIXTURE)])
    assert code == 2 and "темп роста 0,9 вне диапазона" in capsys.readouterr().err


def test_cli_offers_the_four_languages(capsys):
    with pytest.raises(SystemExit) as done:
        cli.main(["export", "--help"])
    assert done.value.code == 0 and "--lang {en,zh,ru,kk}" in capsys.readouterr().out
    assert cli.main(["export", "--lang", "de", "--list"]) == 2
    assert "invalid choice: 'de'" in capsys.readouterr().err
