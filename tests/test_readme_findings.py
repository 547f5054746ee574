"""The README's "What the figures say": every number in it recomputed from ``data/``.

Pages show only numbers computed from the data; the README may state one only where this test
recomputes it with the package's own functions (the ones the overview uses) and finds it, as
formatted, in the findings block. A number in the block that no check accounts for fails too,
so a corrected figure in ``data/`` fails here until the README says the new one.
"""

import re
from pathlib import Path

import pytest

from dashboard.core.badges import VerdictKind
from dashboard.core.doubling import progress_of
from dashboard.core.projection import cagr, required_growth
from dashboard.core.projection_settings import default_deadline
from dashboard.core.verdicts import claim_verdicts, world_check
from dashboard.data.loader import DATA_DIR, load_package, series, value_for
from dashboard.text.formatting import fmt_bn, fmt_share
from dashboard.text.wording import pct

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def tables():
    return load_package(DATA_DIR)


@pytest.fixture(scope="module")
def findings() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- findings:start -->\n(.*)\n<!-- findings:end -->", text, re.S)
    assert found, "README lacks the findings markers"
    assert text.index("<!-- findings:start -->") < text.index("## Two commands"), \
        "the findings open the README"
    return re.sub(r"\s+", " ", found.group(1))  # line breaks inside a bullet are spaces


def _claim(tables, claim_id: str):
    return tables["editorial_claims"].set_index("claim_id").loc[claim_id]


def expected(tables) -> dict[str, list[str]]:
    """Each claim's figures as the README must state them, computed from the tables."""
    trade = tables["bilateral_trade"]
    c = _claim(tables, "trade_2023")
    year = int(c["year"])
    chn, kaz = value_for(trade, year, "CHN", "KAZ"), value_for(trade, year, "KAZ", "CHN")
    chn_prev = value_for(trade, year - 1, "CHN", "KAZ")
    kaz_prev = value_for(trade, year - 1, "KAZ", "CHN")
    assert None not in (chn, kaz, chn_prev, kaz_prev)
    out = {"trade_2023": [fmt_bn(float(c["value"])), str(year), fmt_bn(chn),
                          fmt_bn(kaz, digits=1),
                          pct(abs(kaz / chn - 1) * 100, digits=0, sign=False)]}

    c = _claim(tables, "growth_2023")
    out["growth_2023"] = [pct(float(c["value"]), digits=0), pct((chn / chn_prev - 1) * 100),
                          fmt_bn(chn), fmt_bn(chn_prev), str(year - 1),
                          pct((kaz / kaz_prev - 1) * 100)]

    c = _claim(tables, "world_2023")
    check = world_check(tables["world_trade"], int(c["year"]))
    first, latest = check.first_volume, check.latest_volume
    assert check.editorial is not None and first is not None and latest is not None
    assert first.published < check.editorial.published < latest.published
    assert latest.change_pct == float(c["value"]) != first.change_pct
    out["world_2023"] = [pct(float(c["value"])), check.editorial.published,
                         pct(first.change_pct), first.published, latest.published]

    c = _claim(tables, "doubling_goal")
    base_year, multiple = int(c["year"]), float(c["value"])
    assert multiple == 2, "the README says 'twice'"
    base = value_for(trade, base_year)
    last = series(trade).iloc[-1]
    now, now_year = float(last["value_usd"]), int(last["year"])
    target, deadline = base * multiple, default_deadline(base_year)
    out["doubling_goal"] = [fmt_bn(target), str(now_year), fmt_bn(now),
                            fmt_share(progress_of(base, target, now_year, now).progress),
                            pct(cagr(base, base_year, now, now_year) * 100, sign=False),
                            pct(required_growth(base, base_year, target, deadline) * 100,
                                sign=False), str(deadline)]
    return out


def test_each_figure_of_the_findings_is_the_datas(tables, findings):
    for claim, figures in expected(tables).items():
        for figure in figures:
            assert figure in findings, f"{claim}: the README should state {figure!r}"


def test_the_findings_state_no_number_the_data_does_not_give(tables, findings):
    rest = findings
    for figure in sorted({f for fs in expected(tables).values() for f in fs}, key=len,
                         reverse=True):
        rest = rest.replace(figure, "")
    assert not re.search(r"\d", rest), f"a number no check accounts for: {rest}"


def test_each_verdict_reads_as_the_overview_says_it(tables, findings):
    verdicts = {v.claim_id: v for v in claim_verdicts(tables)}
    kinds = {"trade_2023": VerdictKind.MATCHES, "growth_2023": VerdictKind.MATCHES,
             "world_2023": VerdictKind.MATCHES_LATER, "doubling_goal": VerdictKind.NO_DEADLINE}
    for claim, kind in kinds.items():
        badge = verdicts[claim].badges[0]
        assert badge.kind is kind, claim
        words = badge.text.split(" (")[0].lower()  # "... after the editorial (2024-10)"
        assert words in findings.lower(), f"{claim}: the README should say {words!r}"
    trade = verdicts["trade_2023"].badges
    assert trade[1].kind is VerdictKind.DIFFERS and "lower" in trade[1].text
    growth = verdicts["growth_2023"].badges
    assert growth[1].kind is VerdictKind.FLAGGED and "flagged" in findings


def test_the_readme_shows_the_overview_screenshot():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "](docs/overview.png)" in text
    image = ROOT / "docs" / "overview.png"
    assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert image.stat().st_size < 300_000


def test_engineering_detail_lives_in_docs_with_the_markers_make_bench_rewrites():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for doc, marker in (("performance.md", "bench"), ("deploy.md", "capacity")):
        text = (ROOT / "docs" / doc).read_text(encoding="utf-8")
        assert text.count(f"<!-- {marker}:start -->") == text.count(f"<!-- {marker}:end -->") == 1
        assert f"<!-- {marker}:start -->" not in readme
        assert f"(docs/{doc})" in readme, f"the README points to docs/{doc}"
    assert "(docs/importing.md)" in readme
    assert "make test" in readme and "make run" in readme
