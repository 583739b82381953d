"""Build folium maps. Pure functions: data in, folium objects out; nothing here imports Streamlit.

The claims are one compact layer: a table of settlements (latitude, longitude, style number,
tooltip, popup) and a loop that draws a circle marker per row with one of a dozen shared styles.
That is a fraction of the HTML of one folium object per claim (each repeats its options and
template) and of a GeoJSON layer with a per-feature style function (a JavaScript switch with one
case per feature: FINDINGS.md section 4), and it renders in Python with one template instead of
hundreds. One marker per settlement: its latest event in view; the full list of claims comes on
demand, below the map, when the place is clicked. Places too close to tell apart at a zoom are
gathered in a cluster that shows how many there are and opens on click (Leaflet.markercluster
through folium's plugin); the base map names oblasts and settlements (dashboard.labels).
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import folium
from branca.element import MacroElement, Template
from folium.plugins import MarkerCluster
import geopandas
import pandas as pd

from dashboard.labels import PlaceLabels, PlaceNames
from dashboard.legend import Legend
from dashboard.popups import FIELDS, POPUP_JS, StringTable, marker_table
from dashboard.rawelement import RawMacroElement, no_jinja, script_json
from dashboard.style import DISPUTED_DASH, SIDE_COLOURS, TYPE_STYLES, label_priority
from geodata.boundaries import ATTRIBUTION
from geodata.records import Place, Resolution

__all__ = ["base_map", "resolution_map", "claims_layers", "claims_map", "marker_payload", "MarkerPayload", "UKRAINE_CENTER", "MARKER_CLASS", "CLUSTER_CLASS"]

MARKER_CLASS = "fc-marker"
CLUSTER_CLASS = "fc-cluster"
#: Markers closer than this many pixels gather in a cluster (a marker is up to 20 px across).
CLUSTER_RADIUS = 16
#: Places named beside their markers on a slide, the most important first.
MAX_LABELS = 25

UKRAINE_CENTER = (48.6, 33.5)
OBLAST_STYLE = {"color": "#6b6b6b", "weight": 1, "fillColor": "#f2efe9", "fillOpacity": 1.0}
CHOSEN_COLOUR = "#d55e00"  # vermillion (Okabe-Ito), readable for colour-blind viewers
CANDIDATE_COLOUR = "#7f7f7f"


def base_map(oblasts: geopandas.GeoDataFrame | None, *, center: Sequence[float] = UKRAINE_CENTER, zoom: int = 6,
             web_tiles: bool = False, labels: PlaceLabels | None = None) -> folium.Map:
    """A map with no web tiles: the oblast polygons are the base layer, so it reads offline.
    ``web_tiles`` adds OpenStreetMap underneath (needs the internet; failures only leave it grey)
    and leaves the oblasts unfilled so that the tiles show; ``labels`` names places."""
    m = folium.Map(location=list(center), zoom_start=zoom, tiles=None, control_scale=True,
                   # with tiles=None folium drops maxZoom; cluster plugins need it
                   maxZoom=18, minZoom=4)
    # Leaflet only: folium's jQuery, Bootstrap and icon fonts serve nothing here, and the map's
    # frame loads each file in turn before it draws
    m.default_js = [(name, url) for name, url in m.default_js if "leaflet" in name and "awesome" not in name]
    m.default_css = [(name, url) for name, url in m.default_css if name == "leaflet_css"]
    if web_tiles:
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap (online)", control=True).add_to(m)
    if oblasts is not None:
        Oblasts(oblasts, {**OBLAST_STYLE, "fillOpacity": 0.0} if web_tiles else OBLAST_STYLE).add_to(m)
    if labels is not None:
        PlaceNames(labels).add_to(m)
    ClusterStyle().add_to(m)
    FocusWithoutScrolling().add_to(m)
    return m


class Oblasts(RawMacroElement):
    """The oblast polygons as the offline base layer: not clickable, one style, the boundaries'
    attribution. Their GeoJSON is written once per process (it is the same on every rerun)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        L.geoJSON({{ this.data }}, {style: function () { return {{ this.style|tojson }}; }, interactive: false,
                   attribution: {{ this.attribution|tojson }}}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, oblasts: geopandas.GeoDataFrame, style: dict[str, Any]) -> None:
        super().__init__()
        self._name, self.style, self.attribution = "Oblasts", style, html.escape(ATTRIBUTION)
        if "_script_json" not in oblasts.attrs:
            oblasts.attrs["_script_json"] = script_json(json.loads(oblasts.to_json(drop_id=True)))
        self.data = oblasts.attrs["_script_json"]


class FocusWithoutScrolling(MacroElement):
    """A mouse press in the map's frame made the browser focus the frame and scroll the page to
    show all of it (Leaflet also focuses the map for its keyboard controls): the marker moved
    away under the mouse and the first click was lost. The press keeps the page where it is; the
    map still takes the focus, without scrolling anything."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }}, keyboard = map.keyboard;
            L.Map.Keyboard.prototype._onMouseDown = function () {
                if (!this._focused) { this._map._container.focus({preventScroll: true}); }
            };
            if (keyboard && keyboard.enabled()) { keyboard.disable(); keyboard.enable(); }
            document.addEventListener("mousedown", function (e) {
                if (e.button !== 0 || (e.target.closest && e.target.closest("input, select, textarea, a"))) { return; }
                e.preventDefault();  // no focus for the frame, so no scrolling of the page
                map.getContainer().focus({preventScroll: true});
            }, true);
        })();
        {% endmacro %}
    """)

    def __init__(self) -> None:
        super().__init__()
        self._name = "FocusWithoutScrolling"


class ClaimMarkers(RawMacroElement):
    """Circle markers from a table: each row [lat, lon, style index, *fields] (dashboard.popups).
    Tooltip and popup are assembled, escaped, when they open; tojson keeps "</script>" out.
    The parent is the cluster group they go into."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var FC_FIELDS = {{ this.fields|tojson }};
            {{ this.popup_js }}
            var styles = {{ this.styles|tojson }};
            var table = {{ this.table_json }};
            var rows = {{ this.rows_json }};
            var group = {{ this._parent.get_name() }}, map = {{ this.map_name }};
            // the claims layers sent before this one: off the map, and let go (they held ~9 MB each)
            if (window.feature_group) {
                window.feature_group.forEach(function (old) { if (map.hasLayer(old)) { map.removeLayer(old); } });
                window.feature_group.length = 0;
            }
            var started = performance.now();
            var markers = rows.map(function (r) {
                var marker = L.circleMarker([r[0], r[1]], styles[r[2]]);
                marker.fcSide = styles[r[2]].fcSide;
                marker.bindTooltip(function () { return fcTooltip(r, table); });
                marker.bindPopup(function () { return fcPopup(r, table); }, {maxWidth: 320});
                return marker;
            });
            group.addLayers(markers);
            // tests and benchmarks read when the markers are on screen
            document.body.dataset.fcLayerMs = String(Math.round(performance.now() - started));
            requestAnimationFrame(function () {
                document.body.dataset.fcDrawn = String(rows.length);
                document.body.dataset.fcLayers = String((+document.body.dataset.fcLayers || 0) + 1);
            });
        })();
        {% endmacro %}
    """)

    def __init__(self, payload: MarkerPayload, map_name: str) -> None:
        super().__init__()
        self._name = "ClaimMarkers"
        self.styles, self.map_name = payload.styles, map_name
        self.rows_json, self.table_json = payload.rows_json, payload.table_json
        self.fields, self.popup_js = list(FIELDS), POPUP_JS


#: A cluster: how many places, ringed by the share of each side's claimed gains among them.
CLUSTER_ICON = """
function (cluster) {
    var children = cluster.getAllChildMarkers(), n = children.length, count = {RU: 0, UA: 0, none: 0};
    children.forEach(function (m) { count[m.fcSide || "none"] += 1; });
    var ru = 100 * count.RU / n, ua = ru + 100 * count.UA / n;
    var ring = "conic-gradient(%(RU)s 0 " + ru + "%%, %(UA)s " + ru + "%% " + ua + "%%, %(none)s " + ua + "%% 100%%)";
    var size = n < 10 ? 26 : n < 100 ? 32 : 38;
    return L.divIcon({
        html: '<div class="%(cls)s-ring" style="background:' + ring + '"><span>' + n + '</span></div>',
        className: "%(cls)s", iconSize: [size, size],
    });
}
"""
class ClaimLabels(RawMacroElement):
    """The names of the most important places in view, written beside their markers (for a
    slide): each beside, above or below its point where it overlaps no other name, on the left
    when the right side has no room, none cut by the map's edge. Text, never HTML."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this.map_name }}, group = {{ this._parent.get_name() }}, items = {{ this.items_json }};
            var layer = L.layerGroup().addTo(group);
            function draw() {
                layer.clearLayers();
                var size = map.getSize(), taken = [];
                items.forEach(function (it) {
                    var p = map.latLngToContainerPoint([it[0], it[1]]), w = it[2].length * 7.8 + 6, h = 16;
                    if (p.x < 0 || p.y < 0 || p.x > size.x || p.y > size.y) { return; }
                    var x = p.x + 11 + w <= size.x - 4 ? p.x + 11 : Math.max(4, p.x - 11 - w);
                    var spots = [[x, p.y - h / 2], [x, p.y - 1.5 * h], [x, p.y + h / 2]];
                    for (var s = 0; s < spots.length; s++) {
                        var box = [spots[s][0], spots[s][1], spots[s][0] + w, spots[s][1] + h];
                        if (box[1] < 2 || box[3] > size.y - 2) { continue; }
                        var free = taken.every(function (t) {
                            return box[2] <= t[0] || t[2] <= box[0] || box[3] <= t[1] || t[3] <= box[1];
                        });
                        if (!free) { continue; }
                        taken.push(box);
                        var div = document.createElement("div");
                        div.className = "fc-label";
                        div.textContent = it[2];
                        L.marker([it[0], it[1]], {interactive: false, keyboard: false, icon: L.divIcon({
                            className: "fc-label-box", html: div, iconSize: [w, h],
                            iconAnchor: [p.x - box[0], p.y - box[1]]})}).addTo(layer);
                        break;
                    }
                });
            }
            map.on("zoomend moveend resize", draw);
            group.on("remove", function () { map.off("zoomend moveend resize", draw); });
            draw();
        })();
        {% endmacro %}
    """)

    def __init__(self, items: list[list[Any]], map_name: str) -> None:
        super().__init__()
        self._name, self.items_json, self.map_name = "ClaimLabels", script_json(items), map_name


class ClusterStyle(MacroElement):
    """How a cluster looks: a count in a ring coloured by the sides' claimed gains."""

    _template = Template("""
        {% macro header(this, kwargs) %}
        <style>
          .{{ this.cls }} { background: none; }
          .{{ this.cls }}-ring { width: 100%; height: 100%; border-radius: 50%; display: flex; align-items: center;
                          justify-content: center; box-shadow: 0 0 0 1px #fff, 0 1px 3px rgba(0,0,0,.45); }
          .{{ this.cls }}-ring span { background: #fff; color: #222; font: 600 11px/1 sans-serif; border-radius: 50%;
                               min-width: 62%; height: 62%; display: flex; align-items: center; justify-content: center; }
          .fc-label { font: 600 13px/16px sans-serif; color: #222; white-space: nowrap;
                      text-shadow: 0 0 3px #fff, 0 0 3px #fff, 0 0 2px #fff; }
          .fc-label-box { background: none; border: none; }
        </style>
        {% endmacro %}
    """)

    def __init__(self) -> None:
        super().__init__()
        self._name, self.cls = "ClusterStyle", CLUSTER_CLASS


def _marker_style(side: str, kind: str, disputed: bool) -> dict[str, Any]:
    style = TYPE_STYLES.get(kind, TYPE_STYLES["contested"])
    colour = SIDE_COLOURS.get(side, SIDE_COLOURS["none"])
    out: dict[str, Any] = {"radius": style.radius, "color": colour, "weight": style.weight, "fillColor": colour,
                           "fillOpacity": style.fill_opacity, "className": f"{MARKER_CLASS} fc-{side}",
                           "fcSide": side if kind != "denial" else "none"}
    if disputed:
        out["dashArray"] = DISPUTED_DASH
    return out


@dataclass(frozen=True, slots=True)
class MarkerPayload:
    """A claims layer's data as the page gets it: rows, shared strings, styles (JSON)."""

    rows_json: str
    table_json: str
    styles: list[dict[str, Any]]
    count: int


def marker_payload(places: pd.DataFrame, *, evidence: bool = True) -> MarkerPayload:
    """The markers of a settlements table, packed (see ClaimMarkers)."""
    styles: dict[tuple[str, str, bool], int] = {}
    table = StringTable()
    rows: list[list[Any]] = []
    if not places.empty:
        # larger markers first: a small one drawn later stays on top and can be reached
        radius = places["event_type"].map(lambda k: TYPE_STYLES.get(k, TYPE_STYLES["contested"]).radius)
        ordered = places.assign(_radius=radius).sort_values("_radius", ascending=False, kind="stable")
        fields = marker_table(ordered, table, evidence=evidence)
        keys = zip(ordered["gaining_side"].astype(str).tolist(), ordered["event_type"].astype(str).tolist(),
                   ordered["disputed"].astype(bool).tolist())
        for lat, lon, key, row in zip(ordered["lat"].tolist(), ordered["lon"].tolist(), keys, fields):
            rows.append([round(float(lat), 5), round(float(lon), 5), styles.setdefault(key, len(styles)), *row])
    return MarkerPayload(script_json(rows), script_json(table.strings), [_marker_style(*key) for key in styles],
                         len(rows))


def claims_layers(places: pd.DataFrame, name: str = "Claims", labels: bool = False,
                  evidence: bool = True, map_name: str = "map_div", cluster: bool = True,
                  payload: MarkerPayload | None = None) -> folium.FeatureGroup:
    """The settlements of ``places`` (dashboard.filters.settlements) as one feature group, ready
    for st_folium(feature_group_to_add=...): markers in a cluster group, so that places too close
    to tell apart gather under a count. ``labels`` writes each place's name beside it (for
    slides); ``evidence`` puts the evidence sentence in each popup (off for very large views: it
    comes on demand, below the map). ``map_name`` is the map's JavaScript name (st_folium calls it
    map_div); ``cluster`` off draws every marker apart (a slide names them instead); ``payload``
    is marker_payload(places), when it is at hand."""
    group = folium.FeatureGroup(name=name)
    markers = MarkerCluster(options={
        "maxClusterRadius": CLUSTER_RADIUS, "showCoverageOnHover": False, "spiderfyOnMaxZoom": True,
        "disableClusteringAtZoom": 13 if cluster else 0, "spiderfyDistanceMultiplier": 1.4},
        icon_create_function=CLUSTER_ICON % {**SIDE_COLOURS, "cls": CLUSTER_CLASS}, control=False)
    markers.add_to(group)
    payload = payload or marker_payload(places, evidence=evidence)
    ClaimMarkers(payload, map_name).add_to(markers)
    if labels and not places.empty:
        top = places.loc[label_priority(places).sort_values(ascending=False, kind="stable").index[:MAX_LABELS]]
        ClaimLabels([[round(float(r["lat"]), 5), round(float(r["lon"]), 5), str(r["place_name"] or r["settlement"])]
                     for r in top.to_dict("records")], map_name).add_to(group)
    return group


def claims_map(places: pd.DataFrame, oblasts: geopandas.GeoDataFrame | None, *, center: Sequence[float] = UKRAINE_CENTER,
               zoom: int = 6, web_tiles: bool = False, legend_note: str = "") -> folium.Map:
    """A complete map with the claims layer and the legend (for exports, tests and benchmarks;
    the app adds the claims layer with feature_group_to_add so the view survives filter changes)."""
    m = base_map(oblasts, center=center, zoom=zoom, web_tiles=web_tiles)
    Legend(note=legend_note).add_to(m)
    claims_layers(places, map_name=m.get_name()).add_to(m)
    return m


def _place_popup(place: Place, title: str) -> str:
    rows = [("Oblast", place.admin1), ("Raion", place.admin2), ("Population", f"{place.population:,}" if place.population else "unknown"),
            ("GeoNames id", str(place.geonameid) if place.geonameid else place.source),
            ("Coordinates", f"{place.lat:.4f}, {place.lon:.4f}")]
    cells = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in rows if v)
    return no_jinja(f"<b>{html.escape(title)}</b><table>{cells}</table>")


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
            tooltip=no_jinja(html.escape(f"{place.name} ({place.admin1})")),
            popup=folium.Popup(_place_popup(place, place.name), max_width=320),
        ).add_to(m)
    if chosen is None:
        m.fit_bounds([[min(p.lat for p in places), min(p.lon for p in places)],
                      [max(p.lat for p in places), max(p.lon for p in places)]])
    return m
