"""Check any sentence: find the trade figures a text claims and compare each with the readings.

``parse`` finds claims (amounts, growth, shares, targets) in English, Chinese, Russian and Kazakh
text with rules only (no language model, no network): ``amounts`` reads numbers, units and their
precision, ``periods`` the months and years, ``words`` holds the vocabularies. ``compare`` applies
the matching rule (its docstring and the README state it) to both sides' readings, ``explain``
says the answer in the reader's language and ``command`` is ``python -m dashboard check``.

Layer rules (checked by tests/test_layers.py):
    may import: dashboard.errors, dashboard.text, dashboard.data, dashboard.core
    never imports: plotly, streamlit, kaleido
"""

from dashboard.claims.check import MAX_CHARS, Checked, check_text

__all__ = ["MAX_CHARS", "Checked", "check_text"]
