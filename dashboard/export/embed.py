"""Links and snippets that put a chart on someone else's page: pure text, no Streamlit.

Shared by the published bundle (``publish``) and the live app's "Share / embed" menu,
so an iframe from either carries the same markup and resizes itself the same way.
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlencode, urlsplit

from dashboard.charts import Options
from dashboard.charts.kit import Tables, who
from dashboard.charts.target import default_projection
from dashboard.core import prices
from dashboard.core.projection_settings import TRUE_WORDS, parse_params
from dashboard.data.loader import series
from dashboard.errors import UserError
from dashboard.export.options import USED_BY
from dashboard.text.i18n import tr
from dashboard.text.plain import visible

# Each link setting and what it changes (``export.options.USED_BY``): ``base`` is both the
# doubling's base year and the base of constant dollars.
LINK_SETTINGS = {"prices": ("prices",), "deflator": ("prices",), "log": ("log",),
                 **dict.fromkeys(("growth", "multiple", "target", "deadline", "scenarios"),
                                 ("projection",)), "base": ("projection", "prices")}
CHART_PARAM = "chart"  # ?chart=<name>: the live app shows that chart alone (see ui.embed_view)
UPLOAD_PARAM = "upload"  # ?upload=<source id>: this session uses an upload (ui.upload_marker)
EMBED_PARAMS = {"embed": "true"}  # Streamlit's own embed mode: no menu, header or padding
# The live page each chart is on (page URL paths are a contract: see app.py).
LIVE_PAGES = {"growth": "growth", "yoy-growth": "growth", "flows": "growth",
              "products": "structure", "mirror": "mirror", "world-comparison": "world",
              "china-trade": "world", "doubling-target": "doubling",
              "target-history": "growth", "shares": "structure", "hs-chapters": "structure",
              "product-mix": "structure", "product-chapter": "structure",
              "central-asia": "world", "central-asia-history": "world",
              "middle-corridor": "corridor", "transit-containers": "corridor",
              "china-europe-trains": "corridor"}
HEIGHT_MESSAGE = "cnkz-embed-height"
# The embedding page listens for the chart page's height, so the iframe fits its content.
RESIZE_LISTENER = (
    '<script>addEventListener("message",function(e){var d=e.data;'
    f'if(d&&d.type==="{HEIGHT_MESSAGE}")'
    'document.querySelectorAll("iframe[data-cnkz-embed]").forEach(function(f){'
    'if(f.contentWindow===e.source)f.style.height=d.height+"px"})})</script>')
# ...and the chart page says how tall it is whenever that may change.
HEIGHT_SENDER = (
    "(function(){function s(){if(parent!==window)parent.postMessage({type:"
    f'"{HEIGHT_MESSAGE}",height:Math.ceil(document.body.getBoundingClientRect().height)}},'
    '"*")}addEventListener("load",s);addEventListener("resize",s)})();')


class BadURL(UserError, ValueError):
    """A base address that is not an absolute http(s) URL."""


def check_base_url(raw: str) -> str:
    """An absolute http(s) address without query or fragment, without its trailing slash."""
    raw = raw.strip()
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise BadURL(f"--base-url {raw!r} is not an absolute http(s) address")
    if parts.query or parts.fragment:
        raise BadURL(f"--base-url {raw!r} must not carry a query or fragment")
    if any(c in raw for c in " \"'<>`"):
        raise BadURL(f"--base-url {raw!r} holds characters an address cannot")
    return raw.rstrip("/")


def live_url(base: str, chart: str, lang: str, params: dict[str, str] | None = None) -> str:
    """The live dashboard's page for a chart, in the reader's language."""
    query = {"lang": lang, **(params or {})}
    return f"{base}/{LIVE_PAGES.get(chart, '')}?{urlencode(query)}"


def embed_url(page_url: str, chart: str, params: dict[str, str]) -> str:
    """The live app's chart-only view of a chart, with the view's settings that chart uses
    (the page's others would only give the embed a notice that they change nothing)."""
    unused = {k for k, kinds in LINK_SETTINGS.items()
              if not any(chart in USED_BY[kind] for kind in kinds)}
    query = {k: v for k, v in params.items()
             if k not in (CHART_PARAM, *EMBED_PARAMS, *unused)}
    return f"{page_url}?{urlencode({**query, CHART_PARAM: chart, **EMBED_PARAMS})}"


def iframe_snippet(src: str, title: str, height: int, *, resizes: bool = True) -> str:
    """Copy-ready HTML: a full-width iframe; a published page also resizes it to fit."""
    frame = (f'<iframe src="{escape(src)}" title="{escape(title)}" loading="lazy" '
             f'style="width:100%;height:{int(height)}px;border:0"')
    if not resizes:
        return frame + "></iframe>"
    return f"{frame} data-cnkz-embed></iframe>\n{RESIZE_LISTENER}"


def view_params(params: dict[str, list[str]]) -> dict[str, str]:
    """The view's own settings from a URL: the last value of each, embed switches left out."""
    skip = {CHART_PARAM, UPLOAD_PARAM, *EMBED_PARAMS, "embed_options"}  # an upload is not shared
    return {k: v[-1] for k, v in params.items() if v and k not in skip}


def options(tables: Tables, params: dict[str, str], lang: str,
            chart: str | None = None) -> tuple[Options, list[str]]:
    """Chart options for an embed: the doubling settings a link carries, else the defaults,
    and the notices (in ``lang``, plain text) for every setting that fell back, as the
    doubling page gives them, and for every setting ``chart`` is drawn without."""
    years = [int(y) for y in series(tables["bilateral_trade"])["year"]]
    known = {k: v for k, v in params.items() if k != "lang"}
    projection, notices = parse_params(known, years, default_projection(tables),
                                       who("CHN", lang=lang), lang=lang)
    # ``prices``/``deflator``/``base``: constant dollars (``base`` is the doubling's base year
    # too; the prices keep it only where the index has it, else their latest full year).
    choice, more = prices.parse_params(known, tables, lang)
    notices += [n for n in more if not n.startswith("base=")]
    if chart is not None:
        notices += [tr(lang, "share.option_unused", option=f"{k}={visible(known[k], 40)}")
                    for k, kinds in _link_options(known, choice).items()
                    if not any(chart in USED_BY[kind] for kind in kinds)]
    return Options(lang=lang, log=projection.log, projection=projection,
                   prices=choice.prices, base_year=choice.base_year,
                   deflator=choice.deflator), notices


def _link_options(params: dict[str, str], choice: prices.Choice) -> dict[str, tuple[str, ...]]:
    """The settings a link gives that change a chart, each with what it changes (``prices``
    only when constant, ``base`` the prices' only then, ``log`` only when on)."""
    out = {k: kinds for k, kinds in LINK_SETTINGS.items() if k in params and k != "deflator"}
    if choice.prices != "constant":
        out.pop("prices", None)
        if "base" in out:
            out["base"] = ("projection",)
    if str(params.get("log", "")).strip().lower() not in TRUE_WORDS:
        out.pop("log", None)
    return out
