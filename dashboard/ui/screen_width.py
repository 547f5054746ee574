"""Which drawing a chart gets: the browser says how wide the page is, the server lays out for it.

The server never sees the reader's screen. A small component (no iframe, no files: Streamlit's
components v2) reads the browser window's width once a page is shown and on every resize, and
reports only when it crosses ``WIDE_PX``: below, charts get the phone drawing
(``charts.screen.on_screen``); from there up, the export drawing, which is laid out for a
1200 px figure (one-line titles, the subtitle and the whole source line in the figure, the
legend under the subtitle taking only the rows it needs).

The first page of a session is drawn before the browser has reported: a wide screen then
gets one more run of the page, as soon as the component is shown (at the top of the app,
before any chart). Tests and embeds never report a width: they keep the phone drawing.
"""

from __future__ import annotations

import streamlit as st

KEY = "screen-width"
WIDE_PX = 1100  # window width: the main column's figure is then some 950 px or wider
JS = """
export default function(component) {
  const { data, setStateValue } = component;
  window.__chartLayout = { data, setStateValue };
  const report = () => {
    const now = window.__chartLayout;
    const layout = window.innerWidth >= now.data.wide_px ? "wide" : "narrow";
    if (layout !== now.data.layout) {
      now.data = { ...now.data, layout };
      now.setStateValue("layout", layout);
    }
  };
  if (!window.__chartLayoutListens) {
    window.__chartLayoutListens = true;
    let timer = null;
    window.addEventListener("resize", () => {
      clearTimeout(timer);
      timer = setTimeout(report, 300);
    });
  }
  report();
}
"""
# The reporter takes no room: without this its container added a 16 px gap to every page.
CSS = f".st-key-{KEY} {{ display: none; }}"
_component = st.components.v2.component("screen_width", js=JS, css=CSS, isolate_styles=False)


def mount() -> None:
    """Show the (invisible) width reporter: once per run, before any chart."""
    _component(key=KEY, data={"layout": layout(), "wide_px": WIDE_PX}, default={"layout": None},
               on_layout_change=lambda: None, height=0)


def layout() -> str:
    """'wide' once the browser has said so, else 'narrow'."""
    state = st.session_state.get(KEY)
    value = state.get("layout") if hasattr(state, "get") else getattr(state, "layout", None)
    return "wide" if value == "wide" else "narrow"


def wide() -> bool:
    return layout() == "wide"
