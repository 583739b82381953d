"""Frontline Claims — Streamlit entry point. Wiring only: widgets -> pure functions -> display."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from dashboard import cache
from dashboard.assets import use_local_assets
from dashboard.mapbuild import resolution_map
from geodata import resolve
from geodata.boundaries import ATTRIBUTION

st.set_page_config(page_title="Frontline Claims — place finder", page_icon="🗺️", layout="wide")
local_assets = use_local_assets()

st.title("Frontline Claims")
st.caption("Find a settlement in Ukraine or a Russian border oblast, in any spelling: Ukrainian, Russian, "
           "transliterated or former names.")

gazetteer = cache.gazetteer()
oblast_names = sorted(p.name for p in cache.oblasts().itertuples() if p.name)
left, right = st.columns([2, 1])
name = left.text_input("Settlement name", value=st.query_params.get("name", "Volchansk"), key="name",
                       help="e.g. Volchansk, Вовчанськ, Artyomovsk, Andriivka")
hint = right.selectbox("Oblast (optional)", ["(any)", *oblast_names], key="hint")
result = resolve(name, gazetteer, hint=None if hint == "(any)" else hint)
st.session_state["_status"] = str(result.status)

if result.place is not None:
    p = result.place
    st.success(f"**{p.name}** — {p.admin2 + ', ' if p.admin2 else ''}{p.admin1}, {p.country} "
               f"({p.lat:.5f}, {p.lon:.5f}; GeoNames {p.geonameid}). {result.reason}.")
elif result.candidates:
    st.warning(f"**Ambiguous:** {len(result.candidates)} places are called {name!r}. {result.reason}. "
               "Choose an oblast above to narrow them down.")
else:
    st.info(f"No place found: {result.reason}.")
for warning in result.warnings:
    st.warning(warning)

if result.candidates:
    st.dataframe(
        [{"name": c.name, "oblast": c.admin1, "raion": c.admin2, "population": c.population, "geonameid": c.geonameid,
          "lat": c.lat, "lon": c.lon} for c in result.candidates],
        hide_index=True, width="stretch", height=min(400, 38 + 35 * len(result.candidates)))

st_folium(resolution_map(result, cache.oblasts()), key="map", height=520, returned_objects=[], use_container_width=True)
if not local_assets:
    st.caption("Map scripts load from the internet: run `npm ci --prefix static/vendor` to serve them locally.")
st.caption(ATTRIBUTION)
