"""Entry point: `streamlit run dashboard/app.py`. Registers the pages; holds no logic."""

from pathlib import Path

import streamlit as st

PAGES = Path(__file__).parent / "views"

st.set_page_config(page_title="China–Kazakhstan Trade Dashboard", page_icon="📈",
                   layout="wide", initial_sidebar_state="collapsed")

navigation = st.navigation(
    {
        "Dashboard": [
            st.Page(PAGES / "overview.py", title="Overview", icon=":material/fact_check:",
                    default=True),
            st.Page(PAGES / "growth.py", title="Growth", icon=":material/trending_up:",
                    url_path="growth"),
            st.Page(PAGES / "mirror.py", title="Two countries, two numbers",
                    icon=":material/compare_arrows:", url_path="mirror"),
            st.Page(PAGES / "world.py", title="World comparison", icon=":material/public:",
                    url_path="world"),
            st.Page(PAGES / "doubling.py", title="Doubling target", icon=":material/flag:",
                    url_path="doubling"),
        ],
        "Data": [
            st.Page(PAGES / "sources.py", title="Data & sources", icon=":material/table:",
                    url_path="sources"),
            st.Page(PAGES / "import_data.py", title="Import data", icon=":material/upload:",
                    url_path="import"),
        ],
    },
    position="top",
)
navigation.run()
