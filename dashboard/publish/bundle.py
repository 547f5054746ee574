"""A static, offline, embeddable bundle of every chart in every language.

``python -m dashboard publish --out DIR`` writes, for each chart and language, an
interactive page (sharing one plotly.js), PNG (2×), SVG, CSV and alt text, an index per
language with iframe snippets, and ``manifest.json``. The same inputs give the same
bytes: the build date comes from the data package (or ``--build-date`` /
``SOURCE_DATE_EPOCH``), JSON is sorted, and the one random thing kaleido writes (the
SVG's element-id prefix) is replaced by one derived from the chart and language.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import plotly.io as pio
from plotly.offline import get_plotlyjs

from dashboard import charts, environment
from dashboard.charts.screen import on_screen
from dashboard.charts.target import TargetChart
from dashboard.data.loader import descriptor_text, load_package
from dashboard.errors import Reason
from dashboard.export import embed
from dashboard.export import render as export
from dashboard.export.options import add_price_options, note, price_fields, unused
from dashboard.export.stamp import page_path
from dashboard.publish.doubling import slider_figure
from dashboard.publish.files import (
    MANIFEST,
    PublishError,
    manifest,
    normalise_svg,
    stable_uids,
    write_bundle,
)
from dashboard.publish.pages import PLOTLY_JS, Meta, Page, chart_page, index_page, plain, root_index
from dashboard.text.formatting import fmt_bn, fmt_number, fmt_pct, fmt_tn, fmt_year_range
from dashboard.text.i18n import DEFAULT_LANG, LANGUAGES, join_sentences, tr
from dashboard.text.reasons import error

IMAGE_FORMATS = ("png", "svg")


@dataclass(frozen=True)
class Request:
    """What to build and where: the command line's options."""

    out: Path
    langs: tuple[str, ...] = tuple(LANGUAGES)
    names: tuple[str, ...] = charts.CHART_NAMES
    base_url: str | None = None
    data: Path | None = None
    build_date: str | None = None  # YYYY-MM-DD; else SOURCE_DATE_EPOCH, else the package's
    prices: dict | None = None  # ``--prices/--deflator/--base-year`` (export.options)


def first_lang(langs: object) -> str:
    """The language a command's messages are in: its ``--lang``, the first of a list (publish
    writes several); English when none is known."""
    first = str(langs or "").split(",")[0].strip().lower()
    return first if first in LANGUAGES else DEFAULT_LANG


def build_date(requested: str | None, descriptor: dict) -> str:
    """A date that only changes when an input does: never the clock."""
    if requested:
        try:
            return date.fromisoformat(requested).isoformat()
        except ValueError:
            raise error(PublishError, "error.publish.build_date", value=repr(requested)) from None
    epoch = environment.get(environment.SOURCE_DATE_EPOCH)
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), UTC).date().isoformat()
        except (ValueError, OverflowError, OSError):
            raise error(PublishError, "error.publish.epoch", value=repr(epoch)) from None
    created = str(descriptor.get("created", ""))[:10]
    try:
        return date.fromisoformat(created).isoformat()
    except ValueError:
        raise error(PublishError, "error.publish.no_created") from None


_VALUE_COLUMNS = (("_usd_bn", lambda v, lang: fmt_bn(v * 1e9, lang=lang)),
                  ("_usd_tn", lambda v, lang: fmt_tn(v * 1e12, lang=lang)),
                  ("_pct", lambda v, lang: fmt_pct(v, is_fraction=False, lang=lang)),
                  ("_percent", lambda v, lang: fmt_pct(v, is_fraction=False, lang=lang)))


_PREFERRED = ("computed_change_pct", "value_usd_bn", "change_pct_percent")


def _value_columns(data: pd.DataFrame) -> list[str]:
    """The columns a takeaway may quote: what the chart is about first, then any value."""
    cols = [str(c) for c in data.columns]
    valued = [c for c in cols if any(c.endswith(suffix) for suffix, _ in _VALUE_COLUMNS)]
    return [c for c in _PREFERRED if c in cols] + [c for c in valued if c not in _PREFERRED]


def alt_text(spec: charts.Chart, lang: str, takeaway: str | None = None) -> str:
    """The chart's own alt text if it has one, else a takeaway computed from its data."""
    own = getattr(spec, "alt", None)
    if isinstance(own, str) and own.strip():
        return plain(own)
    title, data = plain(spec.title), spec.data
    if takeaway:
        return join_sentences(lang, [title, takeaway])
    if "series" in data and len(data):  # the main series comes first; not targets or others
        data = data[data["series"] == data["series"].iloc[0]]
    years = pd.to_numeric(data["year"], errors="coerce") if "year" in data else None
    for col in _value_columns(data):
        values = pd.to_numeric(data[col], errors="coerce")
        ok = values.notna() if years is None else values.notna() & years.notna()
        if not ok.any():
            continue
        fmt = next(f for suffix, f in _VALUE_COLUMNS if col.endswith(suffix))
        lo, hi = values[ok].idxmin(), values[ok].idxmax()
        low, high = fmt(float(values[lo]), lang), fmt(float(values[hi]), lang)
        if years is None:
            return tr(lang, "publish.alt.values", title=title, count=int(ok.sum()), low=low,
                      high=high)
        if ok.sum() == 1:
            return tr(lang, "publish.alt.single", title=title, value=low,
                      year=str(int(years[lo])))
        first, last = int(years[ok].min()), int(years[ok].max())
        return tr(lang, "publish.alt.range", title=title, count=int(ok.sum()),
                  years=str(first) if first == last else fmt_year_range(first, last, lang=lang),
                  low=low, low_year=str(int(years[lo])), high=high,
                  high_year=str(int(years[hi])))
    return tr(lang, "publish.alt.plain", title=title)


def _interactive(spec: charts.Chart, lang: str) -> tuple[str, int, str | None, list[str]]:
    """The page's figure as JSON, its height, for the doubling chart the slider's answer, and
    the notes under it. The figure is the on-screen drawing (``charts.screen``): in a narrow
    article column (680 px, a phone) the plot keeps half the height, the legend goes below it
    and the source line wraps; the subtitle and a long source list become the notes."""
    fig, takeaway = spec.figure, None
    if isinstance(spec, TargetChart):
        fig, step = slider_figure(spec, lang)
        takeaway = step.sentence
    fig, notes = on_screen(fig, lang)
    return (pio.to_json(fig, validate=False, pretty=False, engine="json"),
            export.figure_height(fig), takeaway, notes)


def render_files(req: Request) -> dict[str, bytes]:
    """Every file of the bundle by relative path, built in memory (nothing written yet)."""
    bad = [x for x in req.langs if x not in LANGUAGES]
    if bad or not req.langs:
        raise error(PublishError, "error.publish.languages", choices=",".join(LANGUAGES),
                    names=", ".join(bad) or Reason("cli.error.none"))
    bad = [n for n in req.names if n not in charts.CHART_NAMES]
    if bad or not req.names:
        raise error(PublishError, "error.publish.charts", choices=", ".join(charts.CHART_NAMES),
                    names=", ".join(bad) or Reason("cli.error.none"))
    base = embed.check_base_url(req.base_url) if req.base_url else None
    ok, why = export.static_available()
    if not ok:
        raise PublishError(why)
    tables = load_package(req.data)
    descriptor = json.loads(descriptor_text(req.data))
    meta = Meta(str(descriptor.get("version", "")), build_date(req.build_date, descriptor),
                tuple(dict.fromkeys(req.langs)))
    names = tuple(dict.fromkeys(req.names))
    priced = price_fields(SimpleNamespace(**req.prices), tables) if req.prices else {}
    note(unused(SimpleNamespace(**req.prices), names) if req.prices else [])
    specs = {(lang, n): charts.build(n, tables, charts.Options(lang=lang, **priced))
             for lang in meta.langs for n in names}
    keyed = [replace(s, name=f"{lang}/{n}", figure=stable_uids(s.figure, f"{lang}/{n}"))
             for (lang, n), s in specs.items()]
    def address(s: charts.Chart) -> str:  # the live page of the chart, on every image
        name = s.name.split("/", 1)[1]
        return embed.live_url(base, name, s.lang) if base else page_path(replace(s, name=name))

    images = export.to_static_batch(keyed, list(IMAGE_FORMATS), address=address)
    files: dict[str, bytes] = {PLOTLY_JS: get_plotlyjs().encode("utf-8")}
    for lang in meta.langs:
        pages = []
        for n in names:
            spec, key = specs[(lang, n)], f"{lang}/{n}"
            figure, height, takeaway, notes = _interactive(spec, lang)
            page = Page(n, lang, plain(spec.title), alt_text(spec, lang, takeaway), height,
                        embed.live_url(base, n, lang) if base else None, tuple(notes))
            pages.append(page)
            config = dict(export.plotly_config(spec.stem, height), responsive=True)
            files[f"{key}.html"] = chart_page(page, figure, config, meta)
            files[f"{key}.png"] = images[(key, "png")]
            files[f"{key}.svg"] = normalise_svg(images[(key, "svg")], key)
            files[f"{key}.csv"] = export.to_csv(spec.data, spec.source)
            files[f"{key}.txt"] = (page.alt + "\n").encode("utf-8")
        files[f"{lang}/index.html"] = index_page(lang, pages, meta)
    files["index.html"] = root_index(meta)
    files[MANIFEST] = manifest(files, meta, names)
    return files


def publish(req: Request) -> dict[str, bytes]:
    """Build the bundle and put it at ``req.out``; returns what was written."""
    files = render_files(req)
    write_bundle(req.out, files)
    return files


def add_parser(sub) -> None:
    """The ``publish`` subcommand (the command line's other subcommands live in cli.py)."""
    p = sub.add_parser("publish", help="build a static, embeddable bundle of every chart",
                       description="Build a static folder: every chart in every language as "
                       "an interactive page, PNG, SVG, CSV and alt text, an index per language "
                       "with iframe snippets, and manifest.json.")
    p.add_argument("--out", type=Path, help="folder to build (replaced if it holds an "
                   "earlier bundle)")
    p.add_argument("--lang", default=",".join(LANGUAGES),
                   help=f"comma-separated languages, from {','.join(LANGUAGES)} (default: all)")
    p.add_argument("--charts", nargs="+", metavar="NAME", help="chart names (default: all)")
    p.add_argument("--base-url", help="address of the live dashboard, for 'explore' links")
    p.add_argument("--data", type=Path, help="data package directory (default: bundled data)")
    p.add_argument("--build-date", help="date in every footer, YYYY-MM-DD (default: "
                   "SOURCE_DATE_EPOCH, else the data package's 'created' date)")
    add_price_options(p, base_year=True)


def run(args) -> int:
    """Build the bundle; a failure raises ``UserError`` (``cli.main`` prints it, exit code 2)."""
    if args.out is None:
        raise error(PublishError, "error.publish.out_required")
    req = Request(out=args.out, langs=tuple(x.strip().lower() for x in args.lang.split(",")
                                            if x.strip()),
                  names=tuple(args.charts or charts.CHART_NAMES), base_url=args.base_url,
                  data=args.data, build_date=args.build_date,
                  prices=dict(prices=args.prices, deflator=args.deflator,
                              base_year=args.base_year))
    files = publish(req)
    total = sum(len(b) for b in files.values())
    print(tr(first_lang(args.lang), "publish.wrote", out=str(req.out), files=len(files),
             size=fmt_number(total, 0, lang=first_lang(args.lang)), manifest=MANIFEST))
    return 0
