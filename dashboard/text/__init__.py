"""Every word and number a reader sees: catalogues, number and money formats, wording, wrapping.

``i18n`` holds the four catalogues (``locales/``) and the translator; ``formatting`` decides how
numbers, money, percentages and years are written in each language, ``names`` dates, country names
and lists (CLDR through Babel); ``plain`` makes user and data text safe to show; ``wording`` holds
small shared phrases, ``wrapping`` line breaks by display width, ``corridor`` logistics figures.

Layer rules (checked by tests/test_layers.py):
    may import: dashboard.errors
    never imports: plotly, streamlit, kaleido
"""
