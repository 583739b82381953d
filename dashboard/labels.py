"""Place names on the map, offline, like a reference map: oblast names, and settlements of the
bundled gazetteer ranked by population, each from the zoom at which its size earns it a name
(cities first, villages when zoomed in), never two names over each other.

The names travel once with the base map, packed (a few hundred kilobytes for 34,000 places), and
the browser places them on every move or zoom: the visible ones, largest first, skipping a name
that would overlap one already placed. They sit in a pane that lets clicks through to the claims.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import geopandas
from branca.element import Template

from dashboard.rawelement import RawMacroElement, script_json

from geodata import Gazetteer, PlaceKind
from geodata.boundaries import OBLASTS_FILE
from geodata.gazetteer import DATA_DIR, GAZETTEER_FILE

__all__ = ["PlaceLabels", "place_labels", "cached_labels", "PlaceNames", "MIN_ZOOM", "label_zoom"]

#: From which zoom a settlement is named, by population (the largest first at each zoom).
MIN_ZOOM = ((200_000, 5), (50_000, 6), (10_000, 7), (2_000, 8), (500, 9), (0, 10))
# 64 digits, three per coordinate; no "_" (streamlit-folium rewrites "_name" patterns in scripts)
_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+!"
_SCALE = 1000  # coordinates to a thousandth of a degree (about 100 m)


def label_zoom(population: int) -> int:
    return next(zoom for floor, zoom in MIN_ZOOM if population >= floor)


@dataclass(frozen=True, slots=True)
class PlaceLabels:
    """Names and where they go, packed for the page: ``names`` joined by newlines, ``coords``
    three characters per latitude and longitude (thousandths of a degree from ``origin``),
    ``zooms`` the first zoom of each place; largest places first. ``oblasts`` are
    [name, lat, lon] at a point inside each oblast."""

    names: str
    coords: str
    zooms: str
    origin: tuple[float, float]
    oblasts: list[list]

    @property
    def count(self) -> int:
        return len(self.zooms)


def _pack(value: int) -> str:
    return _DIGITS[value >> 12 & 63] + _DIGITS[value >> 6 & 63] + _DIGITS[value & 63]


def place_labels(gazetteer: Gazetteer, oblasts: geopandas.GeoDataFrame | None) -> PlaceLabels:
    """The names of every settlement of the gazetteer and of the oblasts, largest first."""
    places = sorted(gazetteer.places(PlaceKind.PLACE), key=lambda p: (-p.population, p.name))
    origin = (min(p.lat for p in places), min(p.lon for p in places)) if places else (0.0, 0.0)
    names, coords, zooms = [], [], []
    for p in places:
        lat, lon = round((p.lat - origin[0]) * _SCALE), round((p.lon - origin[1]) * _SCALE)
        if not (0 <= lat < 64 ** 3 and 0 <= lon < 64 ** 3) or "\n" in p.name:
            continue
        names.append(p.name)
        coords.append(_pack(lat) + _pack(lon))
        zooms.append(str(label_zoom(p.population) % 10))  # 10 is written 0
    regions = []
    if oblasts is not None:
        for name, point in zip(oblasts["name"], oblasts.representative_point()):
            if name:
                regions.append([str(name), round(point.y, 3), round(point.x, 3)])
    return PlaceLabels("\n".join(names), "".join(coords), "".join(zooms), origin, regions)


def _cache_file() -> Path:
    """Where the labels of this gazetteer and these boundaries are kept between server starts."""
    digest = hashlib.sha256()
    for source in (DATA_DIR / GAZETTEER_FILE, OBLASTS_FILE, Path(__file__)):
        digest.update(source.read_bytes() if source.exists() else b"")
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "frontline-claims"
    return folder / f"place-labels-{digest.hexdigest()[:16]}.json"


def cached_labels(make: Callable[[], PlaceLabels]) -> PlaceLabels:
    """The labels from the cache folder, else made by ``make()`` and kept there (a cache that
    cannot be read or written is only slower)."""
    try:
        path = _cache_file()
        data = json.loads(path.read_text(encoding="utf-8"))
        return PlaceLabels(data["names"], data["coords"], data["zooms"], tuple(data["origin"]), data["oblasts"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    labels = make()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps({"names": labels.names, "coords": labels.coords, "zooms": labels.zooms,
                                         "origin": labels.origin, "oblasts": labels.oblasts}), encoding="utf-8")
        temporary.replace(path)  # whole or not at all, whatever other servers do meanwhile
    except OSError:
        pass
    return labels


class PlaceNames(RawMacroElement):
    """The names layer of a folium map (see the module's docstring). Names are set as text,
    never as HTML."""

    _template = Template("""
        {% macro header(this, kwargs) %}
        <style>
          .fc-name { font: 11px/13px sans-serif; color: #333; white-space: nowrap; pointer-events: none;
                     text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff; }
          .fc-name::before { content: ""; position: absolute; left: -3px; top: 5px; width: 3px; height: 3px;
                             border-radius: 2px; background: #555; }
          .fc-name.fc-big { font-weight: 600; font-size: 12px; }
          .fc-region { font: italic 13px/15px sans-serif; color: #777; letter-spacing: 0.04em; white-space: nowrap;
                       text-shadow: 0 0 2px #fff, 0 0 3px #fff; pointer-events: none; }
        </style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }}, started = performance.now();
            var DIGITS = {{ this.digits_json }}, origin = {{ this.origin_json }};
            var names = {{ this.names_json }}.split("\\n"), coords = {{ this.coords_json }};
            var zooms = {{ this.zooms_json }}, regions = {{ this.regions_json }};
            var value = function (s, i) {
                return DIGITS.indexOf(s[i]) * 4096 + DIGITS.indexOf(s[i + 1]) * 64 + DIGITS.indexOf(s[i + 2]);
            };
            var points = names.map(function (name, i) {
                return [origin[0] + value(coords, 6 * i) / 1000, origin[1] + value(coords, 6 * i + 3) / 1000,
                        zooms.charCodeAt(i) === 48 ? 10 : zooms.charCodeAt(i) - 48];
            });
            var pane = map.createPane("fcNames");
            pane.style.zIndex = 450;  // over the claims, letting clicks through to them
            pane.style.pointerEvents = "none";
            var layer = L.layerGroup().addTo(map), MAX = {{ this.max_names }};
            // widths measured in the labels' fonts, once per name: names never overlap
            var ruler = document.createElement("canvas").getContext("2d"), widths = {};
            var measure = function (text, font, key) {
                if (!(key in widths)) { ruler.font = font; widths[key] = Math.ceil(ruler.measureText(text).width) + 4; }
                return widths[key];
            };
            function label(latlng, text, cls, width, anchor) {
                var div = document.createElement("div");
                div.className = cls;
                div.textContent = text;  // text, never HTML
                return L.marker(latlng, {pane: "fcNames", interactive: false, keyboard: false,
                    icon: L.divIcon({className: "", html: div, iconSize: [width, 14], iconAnchor: anchor || [-4, 7]})});
            }
            function draw() {
                layer.clearLayers();
                var zoom = map.getZoom(), bounds = map.getBounds(), size = map.getSize(), taken = [], placed = 0;
                var free = function (box) {
                    for (var k = 0; k < taken.length; k++) {
                        var t = taken[k];
                        if (box[0] < t[2] && t[0] < box[2] && box[1] < t[3] && t[1] < box[3]) { return false; }
                    }
                    return true;
                };
                if (zoom <= 8) {  // oblasts: the largest names, placed first
                    regions.forEach(function (r) {
                        var p = map.latLngToContainerPoint([r[1], r[2]]);
                        var w = measure(r[0], "italic 13px sans-serif", "r" + r[0]) + 0.52 * r[0].length;
                        var box = [p.x - w / 2, p.y - 9, p.x + w / 2, p.y + 9];
                        if (bounds.contains([r[1], r[2]]) && box[0] > 0 && box[2] < size.x && free(box)) {
                            taken.push(box);
                            label([r[1], r[2]], r[0], "fc-region", w, [w / 2, 7]).addTo(layer);
                        }
                    });
                }
                for (var i = 0; i < points.length && placed < MAX; i++) {
                    var pt = points[i];
                    if (pt[2] > zoom || !bounds.contains([pt[0], pt[1]])) { continue; }
                    var p = map.latLngToContainerPoint([pt[0], pt[1]]);
                    var big = pt[2] <= zoom - 3, w = measure(names[i], big ? "600 12px sans-serif" : "11px sans-serif",
                                                              (big ? "b" : "n") + i);
                    var box = [p.x - 4, p.y - 8, p.x + 4 + w, p.y + 8];
                    if (box[2] > size.x) { continue; }  // no name cut at the edge
                    if (!free(box)) { continue; }
                    taken.push(box);
                    label([pt[0], pt[1]], names[i], big ? "fc-name fc-big" : "fc-name", w).addTo(layer);
                    placed++;
                }
                document.body.dataset.fcNames = String(placed);  // read by tests
            }
            map.on("zoomend moveend resize", draw);
            map.whenReady(draw);
            document.body.dataset.fcNamesMs = String(Math.round(performance.now() - started));
        })();
        {% endmacro %}
    """)

    def __init__(self, labels: PlaceLabels, max_names: int = 220) -> None:
        super().__init__()
        self._name = "PlaceNames"
        self.max_names, self.digits_json, self.origin_json = max_names, script_json(_DIGITS), script_json(labels.origin)
        self.names_json, self.coords_json = script_json(labels.names), script_json(labels.coords)
        self.zooms_json, self.regions_json = script_json(labels.zooms), script_json(labels.oblasts)

    @staticmethod
    def payload_bytes(labels: PlaceLabels) -> int:
        return len(json.dumps([labels.names, labels.coords, labels.zooms, labels.oblasts]))
