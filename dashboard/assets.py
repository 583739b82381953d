"""Serve folium's JavaScript and CSS from this machine instead of public CDNs.

folium writes <script>/<link> tags for Leaflet, jQuery, Bootstrap, Font Awesome and each plugin,
pointing at CDNs. streamlit-folium loads them one by one and gives up on the whole map when one
fails, so with no network the map would stay blank. The README's set-up command installs exact
versions of those packages from the npm registry into ``static/vendor`` (``npm ci --prefix
static/vendor``), Streamlit serves ``static/`` at ``/app/static/``, and ``use_local_assets()``
points folium's classes at those copies.
"""

from __future__ import annotations

from pathlib import Path

import folium
from branca.element import MacroElement
from folium.elements import JSCSSMixin

__all__ = ["use_local_assets", "assets_installed", "LOCAL_ASSETS", "VENDOR_DIR", "VENDOR_URL"]

VENDOR_DIR = Path(__file__).resolve().parent.parent / "static" / "vendor" / "node_modules"
VENDOR_URL = "/app/static/vendor/node_modules"

#: CDN address in folium 0.20 -> file under static/vendor/node_modules (versions in package.json).
LOCAL_ASSETS: dict[str, str] = {
    "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js": "leaflet/dist/leaflet.js",
    "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css": "leaflet/dist/leaflet.css",
    "https://code.jquery.com/jquery-3.7.1.min.js": "jquery/dist/jquery.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/jquery/3.7.1/jquery.min.js": "jquery/dist/jquery.min.js",
    "https://cdn.jsdelivr.net/npm/bootstrap@5.2.2/dist/js/bootstrap.bundle.min.js": "bootstrap/dist/js/bootstrap.bundle.min.js",
    "https://cdn.jsdelivr.net/npm/bootstrap@5.2.2/dist/css/bootstrap.min.css": "bootstrap/dist/css/bootstrap.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.js":
        "leaflet.awesome-markers/dist/leaflet.awesome-markers.js",
    "https://cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.css":
        "leaflet.awesome-markers/dist/leaflet.awesome-markers.css",
    "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@6.2.0/css/all.min.css":
        "@fortawesome/fontawesome-free/css/all.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/leaflet.markercluster.js":
        "leaflet.markercluster/dist/leaflet.markercluster.js",
    "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.css":
        "leaflet.markercluster/dist/MarkerCluster.css",
    "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.Default.css":
        "leaflet.markercluster/dist/MarkerCluster.Default.css",
    "https://cdn.jsdelivr.net/npm/leaflet.timeline@1.6.0/dist/leaflet.timeline.min.js": "leaflet.timeline/dist/leaflet.timeline.js",
    "https://cdnjs.cloudflare.com/ajax/libs/moment.js/2.18.1/moment.min.js": "moment/min/moment.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/jqueryui/1.10.2/jquery-ui.min.js": "jquery-ui-dist/jquery-ui.min.js",
    "https://cdn.jsdelivr.net/npm/iso8601-js-period@0.2.1/iso8601.min.js": "iso8601-js-period/iso8601.js",
    "https://cdn.jsdelivr.net/npm/leaflet-timedimension@1.1.1/dist/leaflet.timedimension.min.js":
        "leaflet-timedimension/dist/leaflet.timedimension.min.js",
    "https://cdn.jsdelivr.net/npm/leaflet-timedimension@1.1.1/dist/leaflet.timedimension.control.css":
        "leaflet-timedimension/dist/leaflet.timedimension.control.css",
}


def assets_installed(vendor_dir: Path = VENDOR_DIR) -> bool:
    """True when the npm packages are installed where Streamlit serves them."""
    return all((vendor_dir / path).is_file() for path in set(LOCAL_ASSETS.values()))


def _subclasses(cls: type) -> list[type]:
    out = []
    for sub in cls.__subclasses__():
        out.append(sub)
        out.extend(_subclasses(sub))
    return out


def _localise(entries: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out = []
    for name, url in entries:
        if url.startswith(VENDOR_URL):  # already local: the patch must survive Streamlit reruns
            out.append((name, url))
        elif url in LOCAL_ASSETS:
            out.append((name, f"{VENDOR_URL}/{LOCAL_ASSETS[url]}"))
        # Anything else is dropped: one unreachable file makes streamlit-folium give up on the
        # whole map. Only plugins this app does not use, folium's rotate CSS and Bootstrap 3
        # glyphicons have no local copy.
    return out


def use_local_assets() -> bool:
    """Point every folium element class at the local copies. Idempotent; returns False (and
    changes nothing) when the packages are not installed, so the CDNs stay as a fallback."""
    if not assets_installed():
        return False
    for cls in {folium.Map, *_subclasses(JSCSSMixin), *_subclasses(MacroElement)}:
        for attribute in ("default_js", "default_css"):
            entries = cls.__dict__.get(attribute)
            if entries:
                setattr(cls, attribute, _localise(entries))
    return True
