"""Presentation: folium maps, popups, legend and the Streamlit wiring of app.py.

Only ``dashboard.widgets`` and ``dashboard.cache`` import Streamlit; the rest are plain functions.
"""
