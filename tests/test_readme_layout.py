"""The README's map of the code and its table of environment variables, checked against the tree.

The expected text is generated from each subpackage's ``__init__`` docstring (its first line) and
from ``dashboard/environment.py``; when this fails, paste the block it prints into the README.
"""

import ast

from helpers import ROOT

from dashboard import environment

PACKAGE = ROOT / "dashboard"
TOP_MODULES = ("app.py", "cli.py", "__main__.py", "errors.py", "environment.py")


def _first_line(path) -> str:
    doc = ast.get_docstring(ast.parse(path.read_text("utf-8"))) or ""
    return " ".join(doc.split("\n\n")[0].split())


def layout_block() -> str:
    rows = ["| Where | What |", "|---|---|"]
    for sub in sorted(p for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()):
        rows.append(f"| `{sub.name}/` | {_first_line(sub / '__init__.py')} |")
    for name in TOP_MODULES:
        rows.append(f"| `{name}` | {_first_line(PACKAGE / name)} |")
    return "\n".join(rows)


def _between(text: str, marker: str) -> str:
    start, end = f"<!-- {marker}:start -->\n", f"\n<!-- {marker}:end -->"
    assert start in text and end in text, f"README lacks the {marker} markers"
    return text.split(start, 1)[1].split(end, 1)[0]


def test_the_readme_lists_every_subpackage_with_its_own_first_line():
    expected = layout_block()
    assert _between((ROOT / "README.md").read_text("utf-8"), "layout") == expected, expected


def test_the_readme_lists_every_environment_variable():
    expected = environment.markdown_table()
    assert _between((ROOT / "README.md").read_text("utf-8"), "env") == expected, expected


def test_the_code_reads_no_environment_variable_but_through_the_list():
    """``os.environ``/``os.getenv`` appear only in environment.py."""
    offenders = [str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*.py")
                 if p.name != "environment.py"
                 and ("os.environ" in p.read_text("utf-8") or "getenv(" in p.read_text("utf-8"))]
    assert offenders == []
