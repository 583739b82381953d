"""Build folium maps. Pure functions: data in, folium objects out; nothing here imports Streamlit.

The claims are one compact layer: a table of settlements (latitude, longitude, style number,
tooltip, popup) and a loop that draws a circle marker per row with one of a dozen shared styles.
That is a fraction of the HTML of one folium object per claim (each repeats its options and
template) and of a GeoJSON layer with a per-feature style function (a JavaScript switch with one
case per feature: FINDINGS.md section 4), and it renders in Python with one template instead of
hundreds. One marker per settlement: its latest event in view; the full list of claims comes on
demand, below the map, when the place is clicked.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

import folium
from branca.element import MacroElement, Template
import geopandas
import pandas as pd

from dashboard.legend import Legend
from dashboard.popups import FIELDS, POPUP_JS, StringTable, marker_fields
from dashboard.style import DISPUTED_DASH, SIDE_COLOURS, TYPE_STYLES, label_lines
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


class ClaimMarkers(MacroElement):
    """Circle markers from a table: each row [lat, lon, style index, *fields] (dashboard.popups).
    Tooltip and popup are assembled, escaped, when they open; tojson keeps "</script>" out."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var FC_FIELDS = {{ this.fields|tojson }};
            {{ this.popup_js }}
            var styles = {{ this.styles|tojson }};
            var table = {{ this.table|tojson }};
            var rows = {{ this.rows|tojson }};
            var group = {{ this._parent.get_name() }};
            rows.forEach(function (r) {
                var marker = L.circleMarker([r[0], r[1]], styles[r[2]]);
                marker.bindTooltip(function () { return fcTooltip(r, table); });
                marker.bindPopup(function () { return fcPopup(r, table); }, {maxWidth: 320});
                group.addLayer(marker);
            });
            // tests and benchmarks read when the markers are on screen
            requestAnimationFrame(function () { document.body.dataset.fcDrawn = String(rows.length); });
        })();
        {% endmacro %}
    """)

    def __init__(self, rows: list[list[Any]], styles: list[dict[str, Any]], table: list[str]) -> None:
        super().__init__()
        self._name = "ClaimMarkers"
        self.rows, self.styles, self.table = rows, styles, table
        self.fields, self.popup_js = list(FIELDS), POPUP_JS


def _marker_style(side: str, kind: str, disputed: bool) -> dict[str, Any]:
    style = TYPE_STYLES.get(kind, TYPE_STYLES["contested"])
    colour = SIDE_COLOURS.get(side, SIDE_COLOURS["none"])
    out: dict[str, Any] = {"radius": style.radius, "color": colour, "weight": style.weight, "fillColor": colour,
                           "fillOpacity": style.fill_opacity, "className": f"{MARKER_CLASS} fc-{side}"}
    if disputed:
        out["dashArray"] = DISPUTED_DASH
    return out


def claims_layers(places: pd.DataFrame, name: str = "Claims", labels: bool = False,
                  evidence: bool = True) -> folium.FeatureGroup:
    """The settlements of ``places`` (dashboard.filters.settlements) as one feature group, ready
    for st_folium(feature_group_to_add=...). ``labels`` writes each place's name beside it (for
    slides; a few dozen places at most); ``evidence`` puts the evidence sentence in each popup
    (off for very large views: it then comes on demand, below the map)."""
    group = folium.FeatureGroup(name=name)
    if places.empty:
        return group
    styles: dict[tuple[str, str, bool], int] = {}
    table = StringTable()
    rows = []
    # larger markers first: a small one drawn later stays on top and can be reached
    radius = places["event_type"].map(lambda k: TYPE_STYLES.get(k, TYPE_STYLES["contested"]).radius)
    for r in places.assign(_radius=radius).sort_values("_radius", ascending=False, kind="stable").to_dict("records"):
        style_key = (str(r["gaining_side"]), str(r["event_type"]), bool(r["disputed"]))
        index = styles.setdefault(style_key, len(styles))
        rows.append([round(float(r["lat"]), 5), round(float(r["lon"]), 5), index,
                     *marker_fields(r, table, evidence=evidence)])
    ClaimMarkers(rows, [_marker_style(*key) for key in styles], table.strings).add_to(group)
    if labels:
        # a few dozen DOM markers are cheap; a tooltip that never hides would do the same per layer only
        records = places.to_dict("records")
        lines = label_lines([float(r["lat"]) for r in records], [float(r["lon"]) for r in records])
        for r, line in zip(records, lines):
            folium.Marker((float(r["lat"]), float(r["lon"])), interactive=False, icon=folium.DivIcon(
                icon_size=(160, 18), icon_anchor=(-9, 9 - 16 * line), class_name="fc-label",
                html=f"<div style='font:600 13px sans-serif;color:#222;text-shadow:0 0 3px #fff,0 0 3px #fff;"
                     f"white-space:nowrap'>{html.escape(str(r['place_name'] or r['settlement']))}</div>")).add_to(group)
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
