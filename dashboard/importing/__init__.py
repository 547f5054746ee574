"""A user's own trade file to tidy rows: decoding, formats, one record at a time, tables, countries.

``read_import`` (from ``reader``) is the public entry point: every observation is accepted or
rejected with its reason; ``read_trade_csv`` is the older tidy-CSV call.

Layer rules (checked by tests/test_layers.py):
    may import: dashboard.errors, dashboard.text, dashboard.data
    never imports: plotly, streamlit, kaleido
"""

from dashboard.importing.reader import ImportResult, read_import, read_trade_csv

__all__ = ["ImportResult", "read_import", "read_trade_csv"]
