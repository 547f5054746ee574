"""Charts to files: PNG, SVG, PDF, HTML and CSV, the private export browser, the ZIP and embeds.

Layer rules (checked by tests/test_layers.py):
    may import: dashboard.errors, dashboard.text, dashboard.data, dashboard.core,
                dashboard.charts
    never imports: streamlit
"""
