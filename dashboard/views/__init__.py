"""The pages: each wires widgets to the packages below and shows their results; no logic of its own.

Layer rules (checked by tests/test_layers.py):
    may import: dashboard.errors, dashboard.text, dashboard.data, dashboard.core,
                dashboard.importing, dashboard.charts, dashboard.export, dashboard.ui,
                dashboard.claims
"""
