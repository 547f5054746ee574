"""Streamlit glue for the pages: the session's tables and language, chart controls, the janitor.

The only package besides ``views`` and ``app`` that imports Streamlit; it holds no logic of its
own.

Layer rules (checked by tests/test_layers.py):
    may import: dashboard.errors, dashboard.text, dashboard.data, dashboard.core,
                dashboard.importing, dashboard.charts, dashboard.export
"""
