"""Entry point: `streamlit run dashboard/app.py`. Registers the pages; holds no logic."""

from pathlib import Path

import streamlit as st

from dashboard import environment
from dashboard.errors import UserError
from dashboard.text.i18n import tr
from dashboard.ui import controls as ui

PAGES = Path(__file__).parent / "views"

st.set_page_config(page_title="China–Kazakhstan Trade Dashboard", page_icon="📈",
                   layout="wide", initial_sidebar_state="collapsed")
lang = ui.language()


def page(file: str, key: str, icon: str, url_path: str | None = None, **kw) -> st.Page:
    return st.Page(PAGES / file, title=tr(lang, f"nav.{key}"), icon=icon, url_path=url_path,
                   **kw)


def navigation():
    return st.navigation(
        {
            tr(lang, "nav.section.dashboard"): [
                page("overview.py", "overview", ":material/fact_check:", default=True),
                page("growth.py", "growth", ":material/trending_up:", "growth"),
                page("mirror.py", "mirror", ":material/compare_arrows:", "mirror"),
                page("world.py", "world", ":material/public:", "world"),
                page("structure.py", "structure", ":material/pie_chart:", "structure"),
                page("corridor.py", "corridor", ":material/train:", "corridor"),
                page("doubling.py", "doubling", ":material/flag:", "doubling"),
                page("check.py", "check", ":material/rule:", "check"),
            ],
            tr(lang, "nav.section.data"): [
                page("sources.py", "sources", ":material/table:", "sources"),
                page("import_data.py", "import", ":material/upload:", "import"),
            ],
        },
        position="top",
    )


try:  # the one place the app catches errors meant for a person (dashboard/errors.py)
    environment.check_all()  # every environment variable, one clear line for a bad one
    if ui.embed_view(lang):  # ?chart=<name>: one chart alone, for an iframe (no navigation)
        st.stop()
    pages = navigation()
    ui.upload_marker(lang)  # an upload lost with its server process is said, not hidden
    ui.language_selector(lang)
    pages.run()
except UserError as exc:
    ui.user_error(exc, lang)
