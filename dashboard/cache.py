"""The one place that caches: loaded once per Streamlit server process, shared by all sessions."""

from __future__ import annotations

import geopandas
import streamlit as st

from geodata import Gazetteer
from geodata.boundaries import load_oblasts


@st.cache_resource(show_spinner="Loading the gazetteer…")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@st.cache_resource(show_spinner=False)
def oblasts() -> geopandas.GeoDataFrame:
    return load_oblasts()
