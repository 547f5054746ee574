"""The data package: find it, check its descriptor, read and type every CSV, apply the pages' rules.

``load_package`` (from ``loader``) is the public entry point, with ``DataError`` for anything wrong
in a package; ``descriptor`` checks ``datapackage.json`` before any file is read, ``csvtable``
reads one resource inside the package only, ``rules`` holds what the pages need whatever a
package's own schema says. Values echoed into a message are bounded by ``text.plain``.

Layer rules (checked by tests/test_layers.py):
    may import: dashboard.errors, dashboard.text
    never imports: plotly, streamlit, kaleido
"""

from dashboard.data.loader import DATA_DIR, DataError, load_package

__all__ = ["DATA_DIR", "DataError", "load_package"]
