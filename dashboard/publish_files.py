"""The files of a published bundle: stable SVG ids, the manifest, an all-or-nothing write.

Kept apart from the build (``publish``) because these are the promises a newsroom or a
CDN relies on: every file listed with its hash, the same bytes for the same inputs, and
no half-written folder ever left where the bundle should be.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .i18n import LANGUAGES
from .publish_pages import Meta

MANIFEST = "manifest.json"


class PublishError(Exception):
    """A one-line reason the bundle was not built (nothing is written then)."""


def normalise_svg(svg: bytes, key: str) -> bytes:
    """Replace plotly's random per-render id prefix with one derived from ``key``."""
    text = svg.decode("utf-8")
    found = re.search(r'<defs id="defs-([0-9a-z]+)"', text)
    if not found:
        return svg
    uid = hashlib.sha256(key.encode()).hexdigest()[: len(found.group(1))]
    text = re.sub(r'(id="|url\(#)([a-z-]*)' + re.escape(found.group(1)),
                  lambda m: m.group(1) + m.group(2) + uid, text)
    return text.encode("utf-8")


def _kind(path: str) -> tuple[str | None, str | None, str]:
    """(chart, language, format) of a bundle path."""
    parts = path.split("/")
    ext = parts[-1].rsplit(".", 1)[-1]
    fmt = {"txt": "alt", "js": "js"}.get(ext, ext)
    if len(parts) == 2 and parts[0] in LANGUAGES:
        stem = parts[1].rsplit(".", 1)[0]
        return (None if stem == "index" else stem), parts[0], fmt
    return None, None, fmt


def manifest(files: dict[str, bytes], meta: Meta, names: Iterable[str]) -> bytes:
    """Every file with its chart, language, format, size and SHA-256; sorted, no clock."""
    entries = []
    for path in sorted(files):
        chart, lang, fmt = _kind(path)
        entries.append({"chart": chart, "language": lang, "format": fmt, "path": path,
                        "bytes": len(files[path]),
                        "sha256": hashlib.sha256(files[path]).hexdigest()})
    doc = {"name": "china-kazakhstan-trade-dashboard-charts", "data_version": meta.version,
           "build_date": meta.build_date, "languages": list(meta.langs), "charts": list(names),
           "files": entries}
    return (json.dumps(doc, sort_keys=True, indent=1, ensure_ascii=False) + "\n").encode()


def write_bundle(out: Path, files: dict[str, bytes]) -> None:
    """Write into a temporary folder beside ``out``, then swap it in: never half a bundle.

    An existing ``out`` is replaced only if it is empty or an earlier bundle (it has a
    manifest); anything else is refused rather than deleted.
    """
    out = out.absolute()
    if out.exists() and (not out.is_dir() or (any(out.iterdir())
                                               and not (out / MANIFEST).is_file())):
        raise PublishError(f"--out {out} exists and is not an earlier bundle; choose a new "
                           "or empty folder")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    except OSError as exc:
        raise PublishError(f"cannot create --out {out}: {exc.strerror}") from None
    old = None
    try:
        for rel, data in files.items():
            path = tmp / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        for d in [tmp, *(p for p in tmp.rglob("*") if p.is_dir())]:
            d.chmod(0o755)
        if out.exists():
            old = out.with_name(f"{tmp.name}.old")
            os.replace(out, old)
        os.replace(tmp, out)
    except OSError as exc:
        if old is not None and not out.exists():
            os.replace(old, out)
        raise PublishError(f"cannot write --out {out}: {exc.strerror}") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
