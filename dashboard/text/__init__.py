"""Every word and number a reader sees: catalogues, number and money formats, wording, wrapping.

``i18n`` holds the four catalogues (``locales/``) and the translator, ``formatting`` decides how
numbers, money, percentages, years and dates are written in each language (CLDR through Babel),
``wording`` the small shared phrases, ``wrapping`` line breaks by display width, ``corridor`` the
logistics figures in words.

Layer rules (checked by tests/test_layers.py):
    may import: dashboard.errors
    never imports: plotly, streamlit, kaleido
"""
