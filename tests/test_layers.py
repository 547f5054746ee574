"""The layer rules each subpackage states in its ``__init__`` docstring, checked on the whole tree.

The module list comes from the tree itself, so a new module or subpackage is checked the day it
appears; a subpackage without rules fails. Imports are read statically (every module, one process),
and one interpreter imports the whole pure core to prove plotly and Streamlit stay out of it.
"""

import ast
import subprocess
import sys

from helpers import ROOT

PACKAGE = ROOT / "dashboard"
TOP = {"app", "cli", "__main__", "errors", "environment"}
ALWAYS = {"dashboard.errors", "dashboard.environment"}


def _rules(pkg: str) -> dict[str, set[str]]:
    """``may import`` and ``never imports`` from a subpackage's docstring."""
    doc = ast.get_docstring(ast.parse((PACKAGE / pkg / "__init__.py").read_text("utf-8"))) or ""
    rules: dict[str, set[str]] = {}
    key = None
    for line in doc.split("Layer rules", 1)[-1].splitlines()[1:]:
        head, sep, rest = line.strip().partition(":")
        if sep and head in ("may import", "never imports"):
            key, line = head, rest
        if key:
            rules.setdefault(key, set()).update(x.strip() for x in line.split(",") if x.strip())
    return rules


def _subpackages() -> list[str]:
    return sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())


def _modules() -> dict[str, object]:
    """Every module of the package by dotted name (derived from the tree)."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports(name: str, path) -> set[str]:
    """Absolute names this module imports (relative imports resolved)."""
    is_pkg = path.name == "__init__.py"
    base = name.split(".") if is_pkg else name.split(".")[:-1]
    out = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            mod = node.module or ""
            if node.level:
                mod = ".".join(base[: len(base) - node.level + 1] + ([mod] if mod else []))
            out.add(mod)
            out.update(f"{mod}.{a.name}" for a in node.names if mod.startswith("dashboard"))
    return out


def test_every_subpackage_states_its_rules():
    missing = [p for p in _subpackages() if "may import" not in _rules(p)]
    assert missing == []


def test_no_module_imports_above_its_layer_or_a_banned_library():
    packages = {f"dashboard.{p}" for p in _subpackages()}
    problems = []
    for name, path in _modules().items():
        parts = name.split(".")
        if len(parts) == 1 or parts[1] in TOP:
            continue
        own = f"dashboard.{parts[1]}"
        rules = _rules(parts[1])
        allowed = rules["may import"] | ALWAYS | {own}
        for imp in _imports(name, path):
            top = imp.split(".")[0]
            if top in rules.get("never imports", set()):
                problems.append(f"{name} imports {imp}")
            if top == "dashboard" and imp != "dashboard":
                target = ".".join(imp.split(".")[:2])
                if target in packages | {f"dashboard.{t}" for t in TOP} and target not in allowed:
                    problems.append(f"{name} imports {imp}")
    assert problems == []


def test_the_subpackage_graph_has_no_cycles():
    graph = {p: {r.split(".")[1] for r in _rules(p)["may import"] if r.count(".") == 1}
             for p in _subpackages()}
    state: dict[str, int] = {}

    def visit(node, trail):
        assert state.get(node) != 1, f"cycle: {' -> '.join(trail + [node])}"
        if state.get(node) == 2:
            return
        state[node] = 1
        for nxt in graph.get(node, ()):
            visit(nxt, trail + [node])
        state[node] = 2

    for p in graph:
        visit(p, [])


def test_the_pure_core_loads_without_plotly_or_streamlit():
    """One interpreter imports every module of the pure layers; none may pull in a drawing or UI
    library, even indirectly."""
    pure = sorted(n for n in _modules()
                  if n.split(".")[1:2] and n.split(".")[1] in ("data", "text", "core", "importing"))
    assert len(pure) > 20
    code = (f"import importlib, sys\nfor m in {pure!r}: importlib.import_module(m)\n"
            "print(','.join(sorted({m.split('.')[0] for m in sys.modules}"
            " & {'plotly', 'streamlit', 'kaleido'})))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                       cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == ""


def test_charts_export_and_cli_never_load_streamlit():
    code = ("import sys, dashboard.charts, dashboard.export.render, dashboard.publish.bundle, "
            "dashboard.cli; print('streamlit' in sys.modules)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                       cwd=ROOT)
    assert r.stdout.strip() == "False", r.stderr


def test_no_module_is_too_long():
    """The line cap: a module that outgrows it becomes a folder of the same name."""
    for path in PACKAGE.rglob("*.py"):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= 260, f"{path.relative_to(ROOT)} has {lines} lines"


def test_every_subpackage_ships_in_the_wheel():
    """pyproject's package list names every subpackage (a missing one breaks `pip install .`)."""
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
                 ["tool"]["setuptools"]["packages"])
    assert {f"dashboard.{p}" for p in _subpackages()} <= listed
