"""Which drawing a reader gets, from the headers of the session's request (``ui.device``):
a phone's User-Agent ("Mobi") or client hint (``Sec-CH-UA-Mobile: ?1``) gets the phone's,
anything else the desk's, no headers the phone's (it reads everywhere)."""

import pytest

from dashboard.charts.screen import DESK, PHONE
from dashboard.ui.device import screen, screen_for

IPHONE_SAFARI = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
                 "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")
ANDROID_CHROME = ("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
                  "Chrome/131.0.0.0 Mobile Safari/537.36")
ANDROID_TABLET = ("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
                  "Chrome/131.0.0.0 Safari/537.36")
IPAD_SAFARI = ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
               "(KHTML, like Gecko) Version/17.5 Safari/605.1.15")  # iPadOS asks as a Mac
IPAD_CHROME = ("Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
               "(KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1")
DESKTOP_CHROME = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
                  "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36")
DESKTOP_FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"


@pytest.mark.parametrize(("headers", "drawn"), [
    ({"User-Agent": IPHONE_SAFARI}, PHONE),
    ({"User-Agent": ANDROID_CHROME, "Sec-CH-UA-Mobile": "?1"}, PHONE),
    ({"user-agent": ANDROID_CHROME}, PHONE),  # header names in any case
    ({"User-Agent": "SomeBrowser/1.0", "sec-ch-ua-mobile": "?1"}, PHONE),  # the hint alone
    ({"User-Agent": ANDROID_TABLET, "Sec-CH-UA-Mobile": "?0"}, DESK),
    ({"User-Agent": IPAD_SAFARI}, DESK),
    ({"User-Agent": IPAD_CHROME}, DESK),
    ({"User-Agent": DESKTOP_CHROME, "Sec-CH-UA-Mobile": "?0"}, DESK),
    ({"User-Agent": DESKTOP_FIREFOX}, DESK),
    ({"Host": "localhost:8501"}, DESK),  # headers, but no word of a phone
    ({}, PHONE),
    (None, PHONE),
])
def test_a_phone_gets_the_phones_drawing_anything_else_the_desks(headers, drawn):
    assert screen_for(headers) is drawn


def test_a_session_without_a_request_gets_the_phones_drawing():
    assert screen() is PHONE  # no Streamlit server behind this test
