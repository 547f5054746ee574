"""``python -m dashboard check``: the JSON contract of issue 27; text from argument, file, stdin."""

import io
import json

import pytest
from helpers import FIXTURE

from dashboard import cli

KEYS = {"text", "kind", "flow", "period_start", "period_end", "value", "bound", "verdict",
        "readings"}
TEXT = ("In 2017, trade between China and Kazakhstan reached $30 billion, up 20 percent, "
        "while global trade declined 1.5 percent. The sides set a goal of doubling trade.")


def run(capsys, *argv):
    code = cli.main(["check", "--data", str(FIXTURE), "--as-of", "2018-06-01", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_list_one_object_per_claim(capsys):
    code, out, err = run(capsys, "--json", TEXT)
    assert code == 0 and err == ""
    claims = json.loads(out)
    assert [c["kind"] for c in claims] == ["value", "growth", "growth", "target"]
    assert all(set(c) >= KEYS for c in claims)
    value, growth, world, doubling = claims
    assert value | {"readings": None} == value | {
        "text": TEXT.split(" The")[0], "flow": "total", "period_start": "2017-01",
        "period_end": "2017-12", "value": 30e9, "bound": "", "verdict": "matches",
        "readings": None}
    assert {"source_id": "S08", "reporter": "CHN", "value": 30e9}.items() <= \
        value["readings"][0].items()
    assert {r["reporter"] for r in value["readings"]} == {"CHN", "KAZ"}
    assert (growth["value"], growth["verdict"]) == (20, "matches")
    assert (world["subject"], world["value"], world["verdict"]) == ("world", -1.5, "matches")
    assert (doubling["value"], doubling["unit"], doubling["verdict"]) == (2, "multiple",
                                                                         "matches")


def test_last_year_resolves_against_as_of(capsys):
    _, out, _ = run(capsys, "--json", "Last year trade was more than $29 billion.")
    [c] = json.loads(out)
    assert (c["period_start"], c["period_end"], c["bound"], c["verdict"]) == (
        "2017-01", "2017-12", "lower", "matches")


def test_file_and_stdin(capsys, tmp_path, monkeypatch):
    path = tmp_path / "claims.txt"
    path.write_text("2017年中哈贸易额300亿美元。", "utf-8")
    _, out, _ = run(capsys, "--json", "--file", str(path))
    assert json.loads(out)[0]["verdict"] == "matches"
    monkeypatch.setattr("sys.stdin", io.StringIO("В 2017 году товарооборот составил 24 млрд $."))
    _, out, _ = run(capsys, "--json")
    assert json.loads(out)[0]["readings"][0]["reporter"] in ("CHN", "KAZ")


@pytest.mark.parametrize("lang, word", [("en", "Matches"), ("zh", "相符"), ("ru", "Совпадает"),
                                        ("kk", "Сәйкес")])
def test_text_output_in_the_readers_language(capsys, lang, word):
    code, out, _ = run(capsys, "--lang", lang, "In 2017 trade reached $30 billion.")
    assert code == 0 and out.startswith(word)


def test_no_claim_is_a_clear_message(capsys):
    code, out, _ = run(capsys, "Nothing here.")
    assert code == 0 and "No figure about trade was found" in out
    code, out, _ = run(capsys, "--json", "Nothing here.")
    assert json.loads(out) == []


@pytest.mark.parametrize("argv, message", [
    (["--as-of", "2018-13-01", "x"], "--as-of"),
    (["--file", "/nonexistent/claims.txt"], "cannot read --file"),
    (["--file", "/dev/null", "text"], "not both"),
])
def test_errors_are_one_line(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.startswith("error: ") and message in err and err.count("\n") == 1
