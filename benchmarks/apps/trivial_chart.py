"""Streamlit's floor for the load benchmark: one slider, one chart (Plotly, as the dashboard
draws with), nothing else."""

import plotly.graph_objects as go
import streamlit as st

n = st.slider("Points", 2, 100, 30, key="x")
st.plotly_chart(go.Figure(go.Scatter(y=[i * i for i in range(n)], mode="lines")))
