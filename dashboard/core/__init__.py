"""What the data says: series queries, official readings, targets, projections, verdicts, logistics.

Pure computation on the loaded tables (pandas only), so every page, export and the command line get
the same answer and each is tested directly on a small fixture package.

Layer rules (checked by tests/test_layers.py):
    may import: dashboard.errors, dashboard.text, dashboard.data
    never imports: plotly, streamlit, kaleido
"""
