"""Check a sentence: paste a text, see each trade figure it states beside both sides' readings.

All the work is ``dashboard.claims.check_text``; the text and everything read from it is shown as
plain text (``dashboard.text.plain``), never as Markdown or HTML. ``?text=`` fills the box, so a
check can be shared as a link (bounded like the box).
"""

import streamlit as st

from dashboard.claims import MAX_CHARS, check_text
from dashboard.claims.explain import figure, period_label, whose
from dashboard.text.plain import bounded, md_escape
from dashboard.ui import controls as ui

SHARE_LIMIT = 1_000  # characters of text kept in the page's address
BOXES = {"matches": st.success, "close": st.warning, "differs": st.error, "no_data": st.info}



def escaped(piece: str) -> str:
    """``md_escape`` keeping one space at either end, so the bold figures stay words apart."""
    inner = md_escape(piece)
    return (" " if piece[:1].isspace() else "") + inner + (
        " " if piece[-1:].isspace() and inner else "")


lang = ui.lang()
say = ui.translator()
st.title(say("check.title"))
st.markdown(md_escape(say("check.intro")))

if "check_text" not in st.session_state:
    shared = st.query_params.get("text", "")
    st.session_state["check_text"] = str(shared)[:MAX_CHARS]
with st.form("check"):
    text = st.text_area(say("check.input"), key="check_text", max_chars=MAX_CHARS, height=140)
    st.form_submit_button(say("check.button"), type="primary")

if text.strip():
    if len(text) <= SHARE_LIMIT:
        st.query_params["text"] = text
    report = check_text(ui.tables(), text, lang=lang)
    if report.truncated:
        st.caption(md_escape(say("check.truncated", limit=f"{MAX_CHARS:,}")))
    if report.more:
        st.caption(md_escape(say("check.more", count=report.more)))
    if not report.claims:
        st.info(md_escape(say("check.none")))
    else:
        # The text with each figure found in bold: escaped piece by piece.
        pieces, at = [], 0
        for c in report.claims:
            if c.claim.start >= at:
                pieces += [escaped(report.text[at:c.claim.start]),
                           f"**{md_escape(report.text[c.claim.start:c.claim.end])}**"]
                at = c.claim.end
        pieces.append(escaped(report.text[at:]))
        st.markdown("".join(pieces))
    for c in report.claims:
        claim = c.claim
        period = period_label(claim.period, lang) or say("check.no_period")
        summary = say("check.summary", kind=say(f"check.kind.{claim.kind}"),
                    flow=say(f"check.flow.{claim.flow}"), period=period,
                    bound=say(f"check.bound.{claim.bound}") if claim.bound else "")
        BOXES[c.verdict](md_escape(f"{say(f'claims.verdict.{c.verdict}')} · "
                                   f"{bounded(claim.figure, 80)} · {summary}"))
        st.markdown(md_escape(c.explanation))
        if c.readings:
            unit = claim.unit
            lines = [say("check.reading", whose=whose(e.reporter, lang),
                       value=figure(e.value, unit, lang, e.computed), source=e.source_id,
                       mark=" ✓" if e.matches else "") for e in c.readings]
            st.caption(md_escape(say("check.readings")))
            st.text("\n".join(bounded(line, 200) for line in lines))
