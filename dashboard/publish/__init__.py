"""The static, offline, embeddable bundle: every chart in every language, its pages and files.

Layer rules (checked by tests/test_layers.py):
    may import: dashboard.errors, dashboard.text, dashboard.data, dashboard.core,
                dashboard.charts, dashboard.export
    never imports: streamlit
"""
