"""Export charts and their data: PNG, SVG, PDF, self-contained HTML and CSV, one by one or zipped.

Static images need a Chromium (Debian's ``chromium``; ``BROWSER_PATH`` overrides).
One export browser is kept per process while it is in use (see ``export_browser``), so
only the first image after a pause pays its start; without a Chromium, static formats
report why and everything else still works.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable
from html import escape as html_escape
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from dashboard import environment
from dashboard.charts import Chart, theme
from dashboard.errors import UserError
from dashboard.export import proctree
from dashboard.export.browser import BrowserFailed, ExportBrowser
from dashboard.export.stamp import stamped
from dashboard.text.i18n import tr
from dashboard.text.plain import bounded, quoted

STATIC_FORMATS = ("png", "svg", "pdf")
FORMATS = (*STATIC_FORMATS, "html", "csv")
MIME = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf",
        "html": "text/html", "csv": "text/csv", "zip": "application/zip"}
PNG_SCALE = 2
ENABLE_HINT = tr("en", "export.enable_hint")  # the English hint, for callers without a language

_browser = ExportBrowser()
warm = _browser.running  # the export browser is up now: the next image is quick


class ExportUnavailable(UserError, RuntimeError):
    """Static export cannot run here (no Chromium); the message says how to enable it."""


def chromium_path() -> str | None:
    """The browser kaleido will use, or None: BROWSER_PATH wins, then Chromium on PATH."""
    override = environment.get(environment.BROWSER_PATH)
    if override is not None:
        return override if os.path.isfile(override) and os.access(override, os.X_OK) else None
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


_failure: tuple[float, str] | None = None  # (when, why) of the last failed static export
FAILURE_HOLD_S = 300  # how long a failed browser keeps static formats disabled


def mark_unavailable(why: str) -> None:
    """Remember a failed static export so pages disable static formats and say why."""
    global _failure
    _failure = (time.monotonic(), why)


def static_available(lang: str = "en") -> tuple[bool, str]:
    """Whether PNG/SVG/PDF can be produced, and a one-line reason (in ``lang``) when not."""
    if _failure is not None and time.monotonic() - _failure[0] < FAILURE_HOLD_S:
        return False, _failure[1]
    if chromium_path() is None:
        where = environment.get(environment.BROWSER_PATH)
        lead = (tr(lang, "export.no_browser_at", path=repr(where)) if where is not None
                else tr(lang, "export.no_chromium"))
        return False, f"{lead} {tr(lang, 'export.enable_hint')}"
    return True, ""


def _browser_ready(lang: str = "en") -> str:
    """The browser to use, or ExportUnavailable with the reason when there is none."""
    ok, why = static_available(lang)
    if not ok:
        raise ExportUnavailable(why)
    return chromium_path()


def shutdown(polite: bool = True) -> None:
    """Stop the export browser now (it also stops when idle and at exit)."""
    _browser.shutdown(polite=polite)


def browser_memory() -> tuple[int, int]:
    """RSS and PSS in bytes of the export browser's process tree now (0, 0 when stopped)."""
    return proctree.memory(_browser.process_ids())


def to_static(fig: go.Figure, fmt: str, lang: str = "en") -> bytes:
    """PNG, SVG or PDF bytes of the figure at a fixed size (not the browser's width).

    ``lang`` is the language of a failure's message; the figure carries its own words.
    """
    if fmt not in STATIC_FORMATS:
        raise ValueError(f"unknown static format '{fmt}'; choose from {', '.join(STATIC_FORMATS)}")
    data = _kaleido("calc_fig_sync", fig.to_dict(), opts=_opts(fig, fmt), lang=lang)
    return data if isinstance(data, bytes) else bytes(data)


def _kaleido(function: str, *args, lang: str = "en", **kwargs):
    """Call kaleido in the export browser, turning any browser failure into ExportUnavailable."""
    path = _browser_ready(lang)
    try:
        return _browser.call(path, function.removesuffix("_sync"), *args, **kwargs)
    except BrowserFailed as exc:
        raise ExportUnavailable(tr(lang, "export.failed", error=str(exc),
                                   hint=tr(lang, "export.enable_hint"))) from None
    except Exception as exc:  # kaleido reports browser failures with many types
        raise ExportUnavailable(tr(lang, "export.failed",
                                   error=f"{type(exc).__name__}: {bounded(exc, 160)}",
                                   hint=tr(lang, "export.enable_hint"))) from None


def figure_height(fig: go.Figure) -> int:
    """The fixed height a chart is drawn and exported at."""
    return int(fig.layout.height or theme.DEFAULT_HEIGHT)


def _opts(fig: go.Figure, fmt: str) -> dict:
    return dict(format=fmt, width=theme.EXPORT_WIDTH, height=figure_height(fig),
                scale=PNG_SCALE if fmt == "png" else 1)


BATCH_CHARTS = 3  # charts drawn concurrently between two progress reports


def to_static_batch(specs: list[Chart], formats: list[str], address: Callable | None = None,
                    progress: Callable | None = None) -> dict[tuple[str, str], bytes]:
    """Many images, a few charts at a time drawn concurrently, each stamped (``stamp``) with
    ``address(spec)`` and the licence; ``progress(done, total)`` after each group."""
    formats = [f for f in formats if f in STATIC_FORMATS]
    out, lang = {}, (specs[0].lang if specs else "en")
    with tempfile.TemporaryDirectory() as tmp:
        for start in range(0, len(specs) if formats else 0, BATCH_CHARTS):
            group = list(enumerate(specs))[start:start + BATCH_CHARTS]
            jobs = [dict(fig=stamped(s, address(s) if address else "").to_dict(), opts=_opts(
                s.figure, fmt), path=os.path.join(tmp, f"{i}.{fmt}")) for i, s in group
                for fmt in formats]
            _kaleido("write_fig_from_object_sync", jobs, cancel_on_error=True, lang=lang)
            out.update({(s.name, fmt): Path(tmp, f"{i}.{fmt}").read_bytes()
                        for i, s in group for fmt in formats})
            if progress is not None:
                progress(start + len(group), len(specs))
    return out


def plotly_config(stem: str, height: int = theme.DEFAULT_HEIGHT, fmt: str = "png") -> dict:
    """Plotly toolbar: our file name, size and scale, no Plotly logo."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": fmt, "filename": stem, "scale": PNG_SCALE,
                                 "width": theme.EXPORT_WIDTH, "height": height},
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
    }


def to_html(fig: go.Figure, stem: str = "chart", lang: str = "en") -> bytes:
    """Self-contained interactive HTML: plotly.js embedded, so it opens offline.

    A translated page names its language (``<html lang>``), so a browser picks Chinese glyph
    forms and a screen reader the right voice; the title is the chart's, without line breaks.
    """
    height = figure_height(fig)
    html = fig.to_html(include_plotlyjs=True, full_html=True, config=plotly_config(stem, height),
                       default_width=f"{theme.EXPORT_WIDTH}px", default_height=f"{height}px")
    text = re.sub(r"<[^>]*>", "", str(fig.layout.title.text or stem).replace("<br>", " "))
    title = html_escape(text)
    if lang != "en":  # English pages stay as they were; others say what they are
        html = html.replace("<html>", f'<html lang="{html_escape(lang)}">', 1)
    html = html.replace("<head>", f"<head>\n    <title>{title}</title>", 1)
    return html.encode("utf-8")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Neutralise spreadsheet formulas in text cells (CSV injection); numbers are untouched."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(data: pd.DataFrame, source: str | None = None) -> bytes:
    """The plotted rows and columns; units are in the column names, the source in a column."""
    out = data.copy()
    if source is not None and "source" not in out.columns:
        out["source"] = _plain(source)
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(safe_cell)
    return out.to_csv(index=False, lineterminator="\n").encode("utf-8")


def _plain(text: str) -> str:
    return text.replace("<br>", " ").replace("  ", " ")


def render(spec: Chart, fmt: str, address: str = "") -> bytes:
    """One file of a chart; an image carries ``address`` (else the chart's page path) and
    the data's licence under its source line."""
    if fmt in STATIC_FORMATS:
        return to_static(stamped(spec, address), fmt, spec.lang)
    if fmt == "html":
        return to_html(spec.figure, spec.stem, spec.lang)
    if fmt == "csv":
        return to_csv(spec.data, spec.source)
    raise ValueError(f"unknown format '{fmt}'; choose from {', '.join(FORMATS)}")


def filename(spec: Chart, fmt: str) -> str:
    return f"{spec.stem}.{fmt}"


class OutputProblem(UserError):
    """An output folder that cannot be written into; the message says why."""


def output_directory(out: Path) -> None:
    """``--out`` made ready to write into (created if missing), or ``OutputProblem`` saying
    why not: a dangling or looping link, a file, no permission. Echoes are one line."""
    shown = quoted(out, 200)
    if out.is_symlink():
        try:
            os.stat(out)
        except OSError as exc:
            target = quoted(os.readlink(out), 200)
            why = ("a loop of symbolic links" if exc.errno == errno.ELOOP else
                   f"a symbolic link to {target}, which does not exist")
            raise OutputProblem(f"--out {shown} is {why}; give a directory") from None
    if out.exists() and not out.is_dir():
        raise OutputProblem(f"--out {shown} is a file, not a directory")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputProblem(f"cannot create --out {shown}: {exc.strerror}") from None
    if not os.access(out, os.W_OK):
        raise OutputProblem(f"cannot write to --out {shown}: permission denied")


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename: no half-written files."""
    tmp = path.with_name(f".{path.name}.part")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
