"""A peer of Streamlit's GDP dashboard template, for the benchmarks: the same work per rerun.

Reads a CSV of 266 countries × 63 years (synthetic values that benchmarks/run.py writes and
names in GDP_CSV), a year-range slider, a country multiselect, st.line_chart and six
st.metric, like the template. Not part of the dashboard.
"""

import math
import os

import pandas as pd
import streamlit as st

st.set_page_config(page_title="GDP dashboard", page_icon=":earth_americas:")


@st.cache_data
def get_gdp_data(path: str) -> pd.DataFrame:
    raw = pd.read_csv(path)
    years = [c for c in raw.columns if c != "Country Code"]
    df = raw.melt(["Country Code"], years, "Year", "GDP")
    df["Year"] = pd.to_numeric(df["Year"])
    return df


gdp_df = get_gdp_data(os.environ["GDP_CSV"])

st.markdown("# :earth_americas: GDP dashboard")
st.markdown("Browse GDP data (synthetic values of the World Bank table's shape).")

min_value, max_value = int(gdp_df["Year"].min()), int(gdp_df["Year"].max())
from_year, to_year = st.slider("Which years are you interested in?", min_value=min_value,
                               max_value=max_value, value=(min_value, max_value), key="years")
countries = gdp_df["Country Code"].unique()
selected = st.multiselect("Which countries would you like to view?", countries,
                          ["DEU", "FRA", "GBR", "BRA", "MEX", "JPN"], key="countries")
if not selected:
    st.warning("Select at least one country")

filtered = gdp_df[gdp_df["Country Code"].isin(selected) & (gdp_df["Year"] <= to_year)
                  & (from_year <= gdp_df["Year"])]
st.header("GDP over time", divider="gray")
st.line_chart(filtered, x="Year", y="GDP", color="Country Code")

first_year = gdp_df[gdp_df["Year"] == from_year]
last_year = gdp_df[gdp_df["Year"] == to_year]
st.header(f"GDP in {to_year}", divider="gray")
cols = st.columns(4)
for i, country in enumerate(selected):
    with cols[i % len(cols)]:
        first = first_year[first_year["Country Code"] == country]["GDP"].iat[0] / 1e9
        last = last_year[last_year["Country Code"] == country]["GDP"].iat[0] / 1e9
        growth = "n/a" if math.isnan(first) else f"{last / first:,.2f}x"
        st.metric(label=f"{country} GDP", value=f"{last:,.0f}B", delta=growth,
                  delta_color="off" if math.isnan(first) else "normal")
