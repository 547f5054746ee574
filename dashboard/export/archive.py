"""The "download all" archive: every chart in every format, the data package and a README.

``data/`` in the archive is the package exactly as shipped, so it validates
wherever the original does; a user's upload goes beside it, never into it.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from dashboard.charts import Chart
from dashboard.data.loader import DESCRIPTOR, data_root
from dashboard.export.render import (
    FORMATS,
    STATIC_FORMATS,
    ExportUnavailable,
    filename,
    render,
    static_available,
    to_csv,
    to_static_batch,
)
from dashboard.text.i18n import catalogue, tr
from dashboard.text.wrapping import wrap

CITATION = catalogue("en")["export.citation"]  # a template: {version}, {date}
README_COLUMNS = 88


def readme_text(version: str, charts: list[Chart], formats: list[str],
                skipped: list[str], with_user_data: bool = False, lang: str = "en") -> str:
    """The ZIP's README in the reader's language; chart names, formats and dates stay codes."""
    date = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        tr(lang, "readme.title"),
        "",
        tr(lang, "readme.exported", date=date),
        tr(lang, "readme.charts", names=", ".join(c.name for c in charts)),
        tr(lang, "readme.formats", names=", ".join(formats)),
        "",
        tr(lang, "readme.how_to_cite"),
        tr(lang, "export.citation", version=version, date=date[:10]),
        "",
        *wrap(tr(lang, "readme.notes"), README_COLUMNS),
        "",
        *wrap(tr(lang, "readme.csv_note"), README_COLUMNS),
        *wrap(tr(lang, "readme.svg_fonts"), README_COLUMNS),
    ]
    if with_user_data:
        lines += ["", *wrap(tr(lang, "readme.user_data"), README_COLUMNS)]
    if charts:
        lines += ["", tr(lang, "readme.about_charts")]
        lines += [f"- {c.stem}: " + c.alt.replace("\n", " ") for c in charts if c.alt]
    if skipped:
        lines += ["", tr(lang, "readme.not_included"), *skipped]
    return "\n".join(lines) + "\n"


def package_files(root: Path | None = None) -> dict[str, bytes]:
    """The data package exactly as shipped (descriptor and resource files), by relative path.

    Copied byte for byte, so the ZIP's package validates wherever the original does.
    """
    root = data_root(root)
    descriptor = (root / DESCRIPTOR).read_bytes()
    files = {DESCRIPTOR: descriptor}
    for resource in json.loads(descriptor).get("resources", []):
        path = resource.get("path")
        if isinstance(path, str):
            files[path] = (root / path).read_bytes()
    return files


def build_zip(charts: list[Chart], package: dict[str, bytes],
              formats: list[str] | tuple[str, ...] = FORMATS, version: str = "",
              user_tables: dict[str, pd.DataFrame] | None = None,
              lang: str | None = None, flags: pd.DataFrame | None = None,
              address=None, progress=None) -> bytes:
    """One archive: every chart in every format, the data package, the user's rows, a README.

    ``data/`` is always the valid bundled package; an upload goes to ``your-data/`` beside
    it, never into the package, so the package still validates. The README is in ``lang``,
    by default the charts' own language. ``flags`` (``core.flags.flag_table``) goes to
    ``flags.csv``: every flagged reading with its rule and reason. ``address(spec)`` is the
    link each image carries; ``progress(done, total)`` is told as the images are drawn.
    """
    lang = lang or (charts[0].lang if charts else "en")
    buf = io.BytesIO()
    skipped: list[str] = []
    ok, why = static_available(lang)
    static: dict[tuple[str, str], bytes] = {}
    if ok:
        try:
            static = to_static_batch(charts, list(formats), address=address,
                                     progress=progress)
        except ExportUnavailable as exc:  # the ZIP still holds everything else
            ok, why = False, str(exc)
    if not ok and any(f in STATIC_FORMATS for f in formats):
        skipped.append(why)
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for spec in charts:
            for fmt in formats:
                if fmt in STATIC_FORMATS:
                    if ok:
                        zf.writestr(f"charts/{filename(spec, fmt)}", static[(spec.name, fmt)])
                    continue
                zf.writestr(f"charts/{filename(spec, fmt)}", render(spec, fmt))
        for path, data in package.items():
            zf.writestr(f"data/{path}", data)
        if flags is not None:
            zf.writestr("flags.csv", to_csv(flags))
        for name, table in (user_tables or {}).items():
            zf.writestr(f"your-data/{name}.csv", to_csv(table))
        zf.writestr("README.txt", readme_text(version, charts, list(formats), skipped,
                                              bool(user_tables), lang))
    return buf.getvalue()


