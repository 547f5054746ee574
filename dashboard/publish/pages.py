"""The HTML of a published bundle: one page per chart, an index per language, a root index.

Pages link only relatively (``../assets/plotly.min.js``, ``growth.png``), so the folder
works from any static host, a CDN or straight from disk. Every word comes from the
catalogues; every value a page shows is escaped; nothing varies between two builds.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html import escape, unescape

from dashboard.export import embed
from dashboard.text.i18n import LANGUAGES, tr
from dashboard.text.names import fmt_published

PLOTLY_JS = "assets/plotly.min.js"
PAGE_CHROME_PX = 130  # footer and caption below the chart: the iframe's starting height
CSS = (
    "body{margin:0;font:15px/1.45 system-ui,'Segoe UI','DejaVu Sans',Arial,sans-serif;"
    "color:#1B1F24;background:#fff}main,header,footer{max-width:1240px;margin:0 auto;"
    "padding:0 12px}figure{margin:0}figcaption,.desc{color:#4B5563;font-size:14px}"
    "footer{color:#6B7280;font-size:13px;padding:8px 12px 12px}footer a,main a{color:#0060A0}"
    "li.chart{margin:0 0 36px;list-style:none}ol{padding:0}img.thumb{width:100%;height:auto;"
    "border:1px solid #E5E7EB}textarea{width:100%;font:12px/1.4 monospace;box-sizing:border-box}"
    "nav.langs a{margin-right:12px}img.thumb{max-width:760px}")


@dataclass(frozen=True)
class Meta:
    """What every page's footer states: the data package's version and the build date."""

    version: str
    build_date: str  # YYYY-MM-DD
    langs: tuple[str, ...]


@dataclass(frozen=True)
class Page:
    """One chart in one language, as the pages list and link it."""

    name: str
    lang: str
    title: str  # plain text
    alt: str  # plain text
    height: int  # the figure's height in px
    live: str | None  # the live dashboard's view of it, when a base URL was given
    notes: tuple[str, ...] = ()  # plain text under the chart: its subtitle, all its sources


def plain(text: str) -> str:
    """A figure title or source line (plotly's HTML subset) as plain text."""
    text = re.sub(r"<[^>]+>", "", re.sub(r"<br\s*/?>", " ", str(text), flags=re.I))
    return " ".join(unescape(text).split())


def _head(lang: str, title: str, base_target: str = "") -> str:
    base = f'<base target="{base_target}">\n' if base_target else ""
    return (f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"{base}<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n")


def _footer(lang: str, meta: Meta, links: list[tuple[str, str]], languages: str = "") -> str:
    stamp = tr(lang, "publish.footer", version=meta.version,
               date=fmt_published(meta.build_date, lang=lang))
    parts = [escape(stamp)] + [f'<a href="{escape(href)}">{escape(text)}</a>'
                               for href, text in links]
    return "<footer>" + " · ".join(parts) + languages + "</footer>\n"


def _languages(lang: str, meta: Meta, target: str) -> str:
    """Links to the same page in the bundle's other languages."""
    links = [f'<a href="../{o}/{target}" hreflang="{o}" lang="{o}">{escape(LANGUAGES[o])}</a>'
             for o in meta.langs if o != lang]
    if not links:
        return ""
    return f'<nav class="langs">{escape(tr(lang, "publish.languages"))}: {" ".join(links)}</nav>'


def _script_json(value) -> str:
    """JSON safe inside a <script> element."""
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True)
    return text.replace("</", "<\\/")


def _downloads(lang: str, name: str) -> list[tuple[str, str]]:
    return [(f"{name}.{fmt}", tr(lang, f"export.format.{fmt}")) for fmt in ("png", "svg", "csv")]


def chart_page(page: Page, figure_json: str, config: dict, meta: Meta) -> bytes:
    """An interactive chart using the bundle's one plotly.js, with a PNG for no-JavaScript."""
    lang, name = page.lang, page.name
    links = _downloads(lang, name) + [("index.html", tr(lang, "publish.all_charts"))]
    if page.live:
        links.append((page.live, tr(lang, "publish.live_link")))
    alt = escape(page.alt)
    html = (
        # In someone's article every link opens a new tab, not inside the frame.
        _head(lang, page.title, "_blank") + "<body>\n<main>\n<figure>\n"
        f'<div id="chart" role="img" aria-label="{alt}" style="width:100%;'
        f'height:{page.height}px"></div>\n'
        f'<noscript><img src="{name}.png" alt="{alt}" width="1200" height="{page.height}" '
        'style="width:100%;height:auto"></noscript>\n'
        f"<figcaption>{alt}{''.join(f'<br><small>{escape(n)}</small>' for n in page.notes)}"
        "</figcaption>\n</figure>\n</main>\n"
        + _footer(lang, meta, links, _languages(lang, meta, f"{name}.html"))
        + f'<script src="../{PLOTLY_JS}"></script>\n<script>\n'
        f"var fig = {_script_json(figure_json)};\n"
        f'Plotly.newPlot("chart", fig.data, fig.layout, {_script_json(config)});\n'
        f"{embed.HEIGHT_SENDER}\n</script>\n</body>\n</html>\n")
    return html.encode("utf-8")


# Served over http(s), the snippets carry the page's full address; from disk, they stay
# relative (a file:// address is no use on someone else's site).
_INDEX_SCRIPT = (
    "<script>\n(function(){var web=/^https?:$/.test(location.protocol);"
    "document.querySelectorAll('textarea[data-src]').forEach(function(t){if(web)"
    "t.value=t.value.replace('src=\"'+t.dataset.src+'\"','src=\"'+new URL(t.dataset.src,"
    "location.href).href+'\"')});document.querySelectorAll('button[data-copy]').forEach("
    "function(b){b.addEventListener('click',function(){var t=document.getElementById("
    "b.dataset.copy);t.select();if(navigator.clipboard)navigator.clipboard.writeText(t.value);"
    "else document.execCommand('copy')})})})();\n</script>\n")


def _index_entry(page: Page) -> str:
    lang, name = page.lang, page.name
    snippet = embed.iframe_snippet(f"{name}.html", page.title, page.height + PAGE_CHROME_PX)
    links = [f'<a href="{escape(h)}">{escape(t)}</a>' for h, t in _downloads(lang, name)]
    if page.live:
        links.append(f'<a href="{escape(page.live)}">{escape(tr(lang, "publish.live_link"))}</a>')
    return (
        f'<li class="chart" id="{name}">\n<h2><a href="{name}.html">{escape(page.title)}</a></h2>\n'
        f'<a href="{name}.html"><img class="thumb" src="{name}.svg" alt="{escape(page.alt)}" '
        f'width="1200" height="{page.height}" loading="lazy"></a>\n'
        f'<p class="desc">{escape(page.alt)}</p>\n<p>{" · ".join(links)}</p>\n'
        f'<label for="embed-{name}">{escape(tr(lang, "publish.embed_label"))}</label>\n'
        f'<textarea id="embed-{name}" rows="4" readonly data-src="{name}.html">'
        f"{escape(snippet)}</textarea>\n"
        f'<button type="button" data-copy="embed-{name}">{escape(tr(lang, "publish.copy"))}'
        "</button>\n</li>\n")


def index_page(lang: str, pages: list[Page], meta: Meta) -> bytes:
    """Every chart of one language: preview, files, the live view and a copy-ready iframe."""
    title = tr(lang, "publish.index.title")
    html = (
        _head(lang, title) + f"<body>\n<header>\n<h1>{escape(title)}</h1>\n"
        f'<p class="desc">{escape(tr(lang, "publish.index.intro"))}</p>\n'
        + _languages(lang, meta, "index.html") + "\n</header>\n<main>\n<ol>\n"
        + "".join(_index_entry(p) for p in pages) + "</ol>\n</main>\n"
        + _footer(lang, meta, [("../index.html", tr(lang, "publish.all_languages"))])
        + _INDEX_SCRIPT + "</body>\n</html>\n")
    return html.encode("utf-8")


def root_index(meta: Meta) -> bytes:
    """The bundle's front door: one link per language, each in its own language."""
    first = meta.langs[0]
    items = "".join(
        f'<li><a href="{o}/index.html" hreflang="{o}" lang="{o}">{escape(LANGUAGES[o])}: '
        f"{escape(tr(o, 'publish.index.title'))}</a></li>\n" for o in meta.langs)
    html = (_head(first, tr(first, "publish.index.title")) + "<body>\n<main>\n"
            f"<h1>{escape(tr(first, 'app.title'))}</h1>\n<ul>\n{items}</ul>\n</main>\n"
            + _footer(first, meta, []) + "</body>\n</html>\n")
    return html.encode("utf-8")
