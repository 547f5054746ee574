"""Which drawing of the charts a reader gets (``charts.screen``: ``PHONE`` or ``DESK``), told
from the request on the page's first run, never by running the page again.

The server never knows the window's width. An earlier attempt ran the page again once the
browser reported it, and broke shared links (the widgets went back to their defaults on that
run). So the choice comes from the headers the browser sent with the session's request
(``st.context.headers``): a phone says so in its User-Agent ("Mobi", as MDN recommends) or in
the client hint ``Sec-CH-UA-Mobile: ?1``, and gets ``PHONE``; anything else, a tablet (an iPad
too, whose Chrome says "Mobile") and a desktop included, gets ``DESK``; no headers at all
(AppTest, odd clients) get ``PHONE``, which reads everywhere. A desktop window narrowed below a
tablet's width also gets ``DESK``: its titles and source lines may then run to the figure's
edge. That is accepted: it is rare on a desk, widening the window shows the figure whole, and
telling it would need the rerun above. A chart's embed view (``?chart=``) keeps the phone's: an
article's column is often narrower than a desk's figure.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from dashboard.charts.screen import DESK, PHONE, Screen


def screen_for(headers: Mapping[str, str] | None) -> Screen:
    """``PHONE`` for a phone's request (or one without headers), else ``DESK``."""
    if not headers:
        return PHONE
    told = {str(k).lower(): str(v) for k, v in headers.items()}
    agent = told.get("user-agent", "")
    if "iPad" in agent:  # Chrome on an iPad says "Mobile/15E148" too: a tablet's width
        return DESK
    if "Mobi" in agent or told.get("sec-ch-ua-mobile", "").strip() == "?1":
        return PHONE
    return DESK


def screen() -> Screen:
    """This session's drawing, from the headers of its request."""
    try:
        headers = st.context.headers
    except Exception:  # no request behind the session (a script run without a server)
        return PHONE
    return screen_for(headers)
