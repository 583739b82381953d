"""Oblast polygons for the map's offline base layer (geoBoundaries, ODbL 1.0).

Ukraine's outline is the union of these polygons, with Crimea and Sevastopol in Ukraine; the
Natural Earth countries file draws Crimea inside Russia and is not used.
"""

from __future__ import annotations

import csv
from pathlib import Path

import geopandas

from geodata.errors import GazetteerCorrupt, GazetteerMissing
from geodata.gazetteer import DATA_DIR

__all__ = ["load_oblasts", "OBLASTS_FILE", "ATTRIBUTION"]

OBLASTS_FILE = DATA_DIR / "oblasts.geojson"
ATTRIBUTION = ("Boundaries © OpenStreetMap contributors (ODbL) via geoBoundaries; "
               "places: GeoNames (CC BY 4.0)")


def load_oblasts(path: Path = OBLASTS_FILE, simplify_degrees: float = 0.01) -> geopandas.GeoDataFrame:
    """Oblast polygons with columns ``admin1_code``, ``name``, ``iso_3166_2``, ``geometry``
    (EPSG:4326), simplified by ``simplify_degrees`` (0.01 deg is about 1 km) for light maps."""
    if not path.is_file():
        raise GazetteerMissing(f"oblast boundaries {path} are missing; restore them from git")
    try:
        shapes = geopandas.read_file(path)
    except Exception as exc:  # pyogrio raises several unrelated types for a damaged file
        raise GazetteerCorrupt(f"oblast boundaries {path} cannot be read: {exc}") from exc
    with open(DATA_DIR / "admin1.csv", encoding="utf-8", newline="") as fh:
        by_shape = {row["boundary_name"]: row for row in csv.DictReader(fh) if row["boundary_name"]}
    rows = [by_shape.get(name) for name in shapes["shapeName"]]
    shapes["admin1_code"] = [r["code"] if r else "" for r in rows]
    shapes["name"] = [r["name"] if r else n for r, n in zip(rows, shapes["shapeName"])]
    shapes["iso_3166_2"] = shapes["shapeISO"]
    shapes = shapes[["admin1_code", "name", "iso_3166_2", "geometry"]]
    if simplify_degrees:
        shapes = shapes.set_geometry(shapes.geometry.simplify(simplify_degrees, preserve_topology=True))
    return shapes.set_crs(4326, allow_override=True)
