"""Results shared across sessions: computed once for readers of the same data and choices,
never shared with (or taken from) a session that has its own upload."""

import json
import threading

import pytest
from helpers import APP, FIXTURE, open_page
from streamlit.testing.v1 import AppTest

from dashboard.core.memo import Memo, call_key

UPLOAD = b"year,reporter,partner,flow,value_usd\n2012,CHN,KAZ,total,13000000000\n"


def test_memo_keeps_the_most_recently_used_results_within_its_bound():
    memo, calls = Memo(max_entries=2), []

    def compute(x):
        calls.append(x)
        return x * 10

    assert [memo.get(k, lambda k=k: compute(k)) for k in (1, 2, 1, 3, 1, 2)] == [
        10, 20, 10, 30, 10, 20]
    assert calls == [1, 2, 3, 2]  # 2 was the least recently used when 3 came
    assert len(memo) == 2 and (memo.hits, memo.misses) == (2, 4)


def test_memo_stores_nothing_when_the_computation_fails():
    memo = Memo()

    def fail():
        raise ValueError("bad data")

    with pytest.raises(ValueError, match="bad data"):
        memo.get("k", fail)
    assert len(memo) == 0 and memo.get("k", lambda: 1) == 1


def test_memo_serves_many_threads_at_once():
    memo, seen = Memo(max_entries=8), []

    def worker(i):
        seen.append(memo.get(i % 16, lambda: (i % 16) ** 2))

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(200)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(set(seen)) == [i ** 2 for i in range(16)] and len(memo) <= 8


def test_call_keys_tell_arguments_apart_and_refuse_unhashable_ones():
    assert call_key(len, ("a",), {"lang": "ru"}) != call_key(len, ("a",), {"lang": "kk"})
    assert call_key(len, (), {"a": 1, "b": 2}) == call_key(len, (), {"b": 2, "a": 1})
    with pytest.raises(TypeError):
        call_key(len, ([1, 2],), {})
    with pytest.raises(ValueError):
        Memo(max_entries=0)


def _open(page: str) -> AppTest:
    return open_page(page)


def _trace_names(at: AppTest) -> list[str]:
    return [t.get("name") or "" for t in json.loads(at.get("plotly_chart")[0].proto.spec)["data"]]


def test_a_second_reader_computes_nothing_and_an_upload_never_takes_a_shared_chart(monkeypatch):
    from dashboard.ui import tables as ui_data

    monkeypatch.setenv("DASHBOARD_DATA", str(FIXTURE))
    reader = _open("views/growth.py")  # fills the shared results with the bundled charts
    uploader = _open("views/import_data.py")  # (its first run may draw the overview's)
    shared = ui_data._shared_results()
    misses, hits = shared.misses, shared.hits
    again = _open("views/growth.py")
    assert shared.misses == misses and shared.hits > hits  # same choices: nothing recomputed
    assert again.get("plotly_chart")[0].proto.spec == reader.get("plotly_chart")[0].proto.spec

    uploader.file_uploader[0].set_value(("mine.csv", UPLOAD, "text/csv"))
    uploader.run()
    uploader.button(key="upload-use").click()
    uploader.run()
    uploader.switch_page("views/growth.py")
    uploader.run()
    assert any("uploaded" in n for n in _trace_names(uploader))  # its own chart, not the shared
    reader.run()
    assert not any("uploaded" in n for n in _trace_names(reader))
    assert shared.misses == misses  # the upload's results stayed in its session


def _fingerprint(frames) -> dict:
    import pandas as pd

    return {name: (list(f.columns), len(f), int(pd.util.hash_pandas_object(
        f.astype(str), index=False).sum())) for name, f in frames.items()}


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_no_page_changes_the_tables_every_session_shares(monkeypatch, lang):
    from helpers import ROOT

    from dashboard.ui import tables as ui_data

    monkeypatch.setenv("DASHBOARD_DATA", str(ROOT / "data"))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    shared = ui_data._package(ui_data._root())
    before = _fingerprint(shared)
    for view in ("overview", "growth", "mirror", "world", "structure", "corridor", "doubling",
                 "sources", "import_data"):
        at.switch_page(f"views/{view}.py")
        at.run()
        assert not at.exception, (view, at.exception)
    at.switch_page("views/growth.py")
    at.run()
    at.segmented_control(key="growth-scale").set_value("Log").run()
    assert not at.exception
    assert _fingerprint(shared) == before


def test_by_identity_keeps_a_result_while_the_inputs_are_the_same_objects():
    from dashboard.core.memo import by_identity

    store, calls = Memo(), []
    a, b = [1, 2], [1, 2]  # equal, but different objects: an upload's merged table, say

    def compute(x):
        calls.append(x)
        return sum(x)

    assert by_identity(store, (a,), "k", lambda: compute(a)) == 3
    assert by_identity(store, (a,), "k", lambda: compute(a)) == 3
    assert by_identity(store, (b,), "k", lambda: compute(b)) == 3
    assert calls == [a, b]
    store.put(((id(a),), "k"), ((b,), 99))  # an entry whose object is not this one
    assert by_identity(store, (a,), "k", lambda: compute(a)) == 3 and len(calls) == 3
