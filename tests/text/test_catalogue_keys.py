"""Every catalogue key is reachable from the code: a key no code can name is a sentence that
translators keep up to date and no reader ever sees (issue 24).

A key is reachable when the code holds it as a string literal, or when the code builds it
from a literal prefix: an f-string's constant head (``f"import.format.{fmt}"``) or a literal
ending in '.' or '_' passed on to be completed (``known_text(value, "import.format.", lang)``).
The prefixes are the allow-list, found in the code, never typed here; each stands for keys
built from data (``data.<kind>.<value>``, ``col.<column>``, ``resource.<name>.description``)
or from a closed set of names (a format, a flow, a verdict), so no prefix is so short that
it would pass every key of a page (a prefix must name its group: it holds a dot).
"""

import ast
import json
import re

from helpers import ROOT

CODE = ROOT / "dashboard"
KEYISH_PREFIX = re.compile(r"[a-z][a-z0-9_]*\.[a-z0-9_.]*")


def code_strings() -> tuple[set[str], set[str]]:
    """(every string literal in dashboard/, every prefix a key is built from)."""
    literals, prefixes = set(), set()
    for path in CODE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
            elif isinstance(node, ast.JoinedStr):
                head = ""
                for part in node.values:
                    if not isinstance(part, ast.Constant):
                        break
                    head += part.value
                prefixes.add(head)
    prefixes |= {s for s in literals if s.endswith((".", "_"))}
    return literals, {p for p in prefixes if KEYISH_PREFIX.fullmatch(p)}


def unreachable(keys, literals, prefixes) -> list[str]:
    return [k for k in keys if k not in literals and not k.startswith(tuple(prefixes))]


def test_every_catalogue_key_is_reachable_from_the_code():
    keys = json.loads((CODE / "text" / "locales" / "en.json").read_text("utf-8"))
    literals, prefixes = code_strings()
    left = unreachable(keys, literals, prefixes)
    assert left == [], f"{len(left)} keys no code can reach: {left[:20]}"


def test_the_check_finds_a_key_nothing_names():
    literals, prefixes = code_strings()
    assert "import.format." in prefixes and "data." in prefixes
    assert unreachable(["import.reject.year_future", "nowhere.key"], literals, prefixes) == [
        "nowhere.key"]
    assert not any(len(p) < 4 for p in prefixes)  # never a prefix that passes everything
