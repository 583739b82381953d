"""Build folium maps. Pure functions: data in, folium objects out; nothing here imports Streamlit.

The claims are drawn as one GeoJSON layer per style (gaining side x event type x disputed), each
with a constant style: folium turns a per-feature style function into a JavaScript switch with one
case per feature, which is slow to draw at thousands of features (FINDINGS.md section 4). One
feature per settlement: its latest claim in view; the full list comes on demand, below the map.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from typing import Any

import folium
import geopandas
import pandas as pd

from dashboard.legend import Legend
from dashboard.popups import popup_html, tooltip_text
from dashboard.style import DISPUTED_DASH, SIDE_COLOURS, TYPE_STYLES

from geodata.boundaries import ATTRIBUTION
from geodata.records import Place, Resolution

__all__ = ["base_map", "resolution_map", "claims_layers", "claims_map", "UKRAINE_CENTER", "MARKER_CLASS"]

MARKER_CLASS = "fc-marker"

UKRAINE_CENTER = (48.6, 33.5)
OBLAST_STYLE = {"color": "#6b6b6b", "weight": 1, "fillColor": "#f2efe9", "fillOpacity": 1.0}
CHOSEN_COLOUR = "#d55e00"  # vermillion (Okabe-Ito), readable for colour-blind viewers
CANDIDATE_COLOUR = "#7f7f7f"


def base_map(oblasts: geopandas.GeoDataFrame | None, *, center: Sequence[float] = UKRAINE_CENTER, zoom: int = 6,
             web_tiles: bool = False) -> folium.Map:
    """A map with no web tiles: the oblast polygons are the base layer, so it reads offline.
    ``web_tiles`` adds OpenStreetMap underneath (needs the internet; failures only leave it grey)."""
    m = folium.Map(location=list(center), zoom_start=zoom, tiles=None, control_scale=True,
                   # with tiles=None folium drops maxZoom; cluster plugins need it
                   maxZoom=18, minZoom=4)
    if web_tiles:
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap (online)", control=True).add_to(m)
    if oblasts is not None:
        folium.GeoJson(
            oblasts.to_json(), name="Oblasts (offline)", style_function=lambda _: OBLAST_STYLE,
            attribution=html.escape(ATTRIBUTION), control=False, interactive=False,
        ).add_to(m)
    return m


def _features(rows: pd.DataFrame) -> dict[str, Any]:
    features = []
    for row in rows.to_dict("records"):
        features.append({
            "type": "Feature", "id": str(row["key"]),
            "geometry": {"type": "Point", "coordinates": [round(float(row["lon"]), 5), round(float(row["lat"]), 5)]},
            "properties": {"key": str(row["key"]), "tooltip": tooltip_text(row), "popup": popup_html(row)},
        })
    return {"type": "FeatureCollection", "features": features}


def claims_layers(places: pd.DataFrame, name: str = "Claims", labels: bool = False) -> folium.FeatureGroup:
    """The settlements of ``places`` (dashboard.filters.settlements) as one feature group of
    constant-style GeoJSON layers, ready for st_folium(feature_group_to_add=...). ``labels``
    writes each place's name beside it (for slides; use with a few dozen places at most)."""
    group = folium.FeatureGroup(name=name)
    if places.empty:
        return group
    if labels:
        # a few dozen DOM markers are cheap; GeoJSON tooltips cannot be permanent per feature
        for r in places.to_dict("records"):
            folium.Marker((float(r["lat"]), float(r["lon"])), interactive=False, icon=folium.DivIcon(
                icon_size=(160, 18), icon_anchor=(-9, 9), class_name="fc-label",
                html=f"<div style='font:600 13px sans-serif;color:#222;text-shadow:0 0 3px #fff,0 0 3px #fff;"
                     f"white-space:nowrap'>{html.escape(str(r['place_name'] or r['settlement']))}</div>")).add_to(group)
    disputed = places["disputed"].astype(bool)
    for (side, kind, is_disputed), rows in places.groupby([places["gaining_side"], places["event_type"], disputed]):
        style = TYPE_STYLES.get(kind, TYPE_STYLES["contested"])
        colour = SIDE_COLOURS.get(side, SIDE_COLOURS["none"])
        folium.GeoJson(
            _features(rows), name=f"{side} {kind}{' disputed' if is_disputed else ''}",
            marker=folium.CircleMarker(
                radius=style.radius, color=colour, weight=style.weight, fill=True, fill_color=colour,
                fill_opacity=style.fill_opacity, dash_array=DISPUTED_DASH if is_disputed else None,
                class_name=f"{MARKER_CLASS} fc-{side}"),
            tooltip=folium.GeoJsonTooltip(fields=["tooltip"], labels=False),
            popup=folium.GeoJsonPopup(fields=["popup"], labels=False, max_width=320),
        ).add_to(group)
    return group


def claims_map(places: pd.DataFrame, oblasts: geopandas.GeoDataFrame | None, *, center: Sequence[float] = UKRAINE_CENTER,
               zoom: int = 6, web_tiles: bool = False, legend_note: str = "") -> folium.Map:
    """A complete map with the claims layer and the legend (for exports, tests and benchmarks;
    the app adds the claims layer with feature_group_to_add so the view survives filter changes)."""
    m = base_map(oblasts, center=center, zoom=zoom, web_tiles=web_tiles)
    Legend(note=legend_note).add_to(m)
    claims_layers(places).add_to(m)
    return m


def _place_popup(place: Place, title: str) -> str:
    rows = [("Oblast", place.admin1), ("Raion", place.admin2), ("Population", f"{place.population:,}" if place.population else "unknown"),
            ("GeoNames id", str(place.geonameid) if place.geonameid else place.source),
            ("Coordinates", f"{place.lat:.4f}, {place.lon:.4f}")]
    cells = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in rows if v)
    return f"<b>{html.escape(title)}</b><table>{cells}</table>"


def resolution_map(resolution: Resolution, oblasts: geopandas.GeoDataFrame | None, *, max_candidates: int = 200) -> folium.Map:
    """The chosen place (large, vermillion) and the other candidates (small, grey)."""
    places = list(resolution.candidates[:max_candidates])
    chosen = resolution.place
    if chosen is not None and chosen not in places:
        places.insert(0, chosen)
    if chosen is not None:
        m = base_map(oblasts, center=(chosen.lat, chosen.lon), zoom=9)
    elif places:
        m = base_map(oblasts)
    else:
        return base_map(oblasts)
    for place in places:
        is_chosen = place == chosen
        folium.CircleMarker(
            location=(place.lat, place.lon), radius=9 if is_chosen else 5, weight=2 if is_chosen else 1,
            color=CHOSEN_COLOUR if is_chosen else CANDIDATE_COLOUR, fill=True, fill_opacity=0.9,
            tooltip=html.escape(f"{place.name} ({place.admin1})"),
            popup=folium.Popup(_place_popup(place, place.name), max_width=320),
        ).add_to(m)
    if chosen is None:
        m.fit_bounds([[min(p.lat for p in places), min(p.lon for p in places)],
                      [max(p.lat for p in places), max(p.lon for p in places)]])
    return m
