"""What the browser shows in words, for the "no English left" checks (issue 24): the page's
visible text without charts, icons and canvases, and the reasoned allow-list that goes with it.
Shared by test_english_left_e2e.py (fixture package, after an upload) and test_e2e_i18n.py
(every page of the published package, in the page view it loads anyway)."""

from english_left import english_words, source_names

from dashboard.text.i18n import Translator

# Keys whose text opens a list of sources: "Sources: Report.az; Caspian News; …".
SOURCE_LEADS = ("overview.sources_short", "common.sources_caption", "source.lead.source",
                "source.lead.sources")
# The main block's and the sidebar's text without charts, icons and canvases.
VISIBLE_TEXT = """() => {
  for (const e of document.querySelectorAll('body *')) {  // icons are ligatures: 'table_rows'
    if (getComputedStyle(e).fontFamily.includes('Material')) e.setAttribute('data-icon', '');
  }
  const out = [];
  for (const root of document.querySelectorAll('[data-testid=stMain], [data-testid=stSidebar]')) {
    const copy = root.cloneNode(true);
    copy.querySelectorAll('.js-plotly-plot, [data-icon], canvas, svg, code, script, style')
      .forEach(e => e.remove());
    copy.style.position = 'absolute'; copy.style.left = '-99999px';
    document.body.appendChild(copy);  // innerText needs a rendered node
    out.push(copy.innerText);
    copy.remove();
  }
  return out;
}"""
# Streamlit's own file-uploader chrome, which Streamlit 1.67 cannot translate: its button, its
# size line ('5MB per file • CSV, TXT, JSON, XLSX') and, once a file is in, the hidden label of
# its '+' button ('add icon'). The page states the limits in the reader's language above it.
UPLOADER = {"Upload", "per file", "XLSX", "TXT", "add icon"}


def package_names(tables) -> set[str]:
    """Names a page shows as their owners write them (``english_left.source_names``) and whom
    a source cites, as the published package's source lines name them."""
    src = tables["sources"]
    cites = set(src["cites"].dropna()) if "cites" in src.columns else set()
    return source_names(tables) | cites


def source_leads(lang: str) -> tuple[str, ...]:
    """How a list of sources starts in ``lang`` ('Источники:'), from the catalogue."""
    t = Translator(lang)
    return tuple({t(k, names="\x00", items="\x00").split("\x00")[0].strip() for k in SOURCE_LEADS})


def english_lines(pg, allowed, skip_leads=()) -> list[tuple[str, list[str]]]:
    """(line, its English words) for every line of the page with any; lines that start with
    one of ``skip_leads`` are left out."""
    texts = [line for block in pg.evaluate(VISIBLE_TEXT) for line in block.splitlines()
             if not line.strip().startswith(tuple(skip_leads))]
    return [(t[:120], w) for t in texts if (w := english_words([t], allowed))]
