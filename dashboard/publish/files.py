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

import plotly.graph_objects as go

from dashboard.errors import UserError
from dashboard.publish.pages import Meta
from dashboard.text.i18n import LANGUAGES
from dashboard.text.reasons import error

MANIFEST = "manifest.json"


class PublishError(UserError):
    """A one-line reason the bundle was not built (nothing is written then)."""


def stable_uids(fig: go.Figure, key: str) -> go.Figure:
    """The figure with a fixed ``uid`` on every trace: plotly draws a random one otherwise."""
    tag = hashlib.sha256(key.encode()).hexdigest()[:6]
    d = fig.to_plotly_json()
    data = [dict(trace, uid=f"{tag}{i}") for i, trace in enumerate(d["data"])]
    return go.Figure({"data": data, "layout": d["layout"]}, skip_invalid=False)


_TAG = re.compile(r'<([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(/?)>')
_ATTRIBUTE = re.compile(r'([\w:.-]+)="([^"]*)"')


def normalise_svg(svg: bytes, key: str) -> bytes:
    """Rename every element id (plotly draws random ones) to ``<hash of key>-<n>``.

    Ids are numbered in document order and every ``url(#…)`` and ``href="#…"`` follows
    them, so the picture is unchanged and the same chart gives the same bytes. Each element's
    attributes are sorted by name too: plotly writes some in an order that depends on what the
    browser drew before.
    """
    text = _TAG.sub(lambda m: "<" + m[1] + "".join(
        f' {name}="{value}"' for name, value in sorted(_ATTRIBUTE.findall(m[2]))) + m[3] + ">",
        svg.decode("utf-8"))
    tag = hashlib.sha256(key.encode()).hexdigest()[:6]
    ids = dict.fromkeys(re.findall(r'\bid="([^"]+)"', text))
    new = {old: f"{tag}-{n}" for n, old in enumerate(ids)}
    text = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{new[m[1]]}"', text)
    text = re.sub(r"url\((['\"]?)#([^)'\"]+)\1\)",
                  lambda m: f"url({m[1]}#{new.get(m[2], m[2])}{m[1]})", text)
    text = re.sub(r'href="#([^"]+)"', lambda m: f'href="#{new.get(m[1], m[1])}"', text)
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
        raise error(PublishError, "error.publish.out_exists", out=str(out))
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    except OSError as exc:
        raise error(PublishError, "error.publish.cannot_create", out=str(out),
                    why=str(exc.strerror)) from None
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
        raise error(PublishError, "error.publish.cannot_write", out=str(out),
                    why=str(exc.strerror)) from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
