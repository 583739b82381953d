"""Build the shipped gazetteer from the GeoNames extracts: ``python -m geodata.build``.

Reads ``../shared/data`` (or ``--source``) once and writes ``geodata/data/gazetteer.tsv.gz`` and
``geodata/data/oblasts.geojson``; the app and the CLI read only those. Prints what it did: rows
read, near-duplicates merged, display names taken from Ukrainian Cyrillic, places outside the
polygon of their oblast.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import math
import re
import shutil
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from geodata.gazetteer import (COLUMNS, DATA_DIR, FORMAT_VERSION, GAZETTEER_FILE, KEYS_MARKER, POSTAL_FEATURE, POSTAL_ID_BASE,
                               REFS_MARKER, REGION_SUFFIXES)
from geodata.normalize import cyrillic_language, is_cyrillic, normalize_name
from geodata.resolve import fuzzy_blocklist
from geodata.translit import transliterate, transliterate_variants

DEFAULT_SOURCE = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
#: Rows of one village closer than this and sharing a name are one place (GeoNames duplicates).
DUPLICATE_KM = 2.0
#: A Cyrillic name becomes the display name only if its romanisation resembles the GeoNames name.
DISPLAY_MIN_SIMILARITY = 60.0
FEATURE_RANK = {"PPLC": 6, "PPLA": 5, "PPLA2": 4, "PPLA3": 3, "PPLA4": 2, "PPL": 1}


@dataclass
class Row:
    kind: str  # place / oblast / raion
    geonameid: int
    geonames_name: str
    ascii_name: str
    country: str
    admin1_code: str
    admin2_code: str
    lat: float
    lon: float
    population: int
    feature_code: str
    latin: list[str]
    cyrillic: list[str]
    name: str = ""
    name_uk: str = ""
    name_ru: str = ""
    tier0: set[str] = field(default_factory=set)
    tier1: set[str] = field(default_factory=set)
    aliases: list[int] = field(default_factory=list)
    in_oblast: str = ""


def _useful_alternate(name: str) -> bool:
    """Latin or Cyrillic names worth matching; drops airport codes and other scripts."""
    if len(name) < 3 or (name.isupper() and len(name) <= 4):
        return False
    return all(ch.isascii() or "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff"
               or "\u0400" <= ch <= "\u04ff" or ch in " -'’ʼ”\"." for ch in name)


def _read_geonames(path: Path, country: str) -> list[Row]:
    rows: list[Row] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            feature_class, code = f[6], f[7]
            if feature_class == "P":
                kind = "place"
            elif code == "ADM1":
                kind = "oblast"
            elif code == "ADM2":
                kind = "raion"
            else:
                continue
            alternates = [a for a in f[3].split(",") if a and _useful_alternate(a)] if f[3] else []
            names = [f[1], f[2], *alternates]
            admin1 = f"{country}.{f[10]}" if f[10] else ""
            admin2 = f"{admin1}.{f[11]}" if f[11] and admin1 else ""
            rows.append(Row(
                kind=kind, geonameid=int(f[0]), geonames_name=f[1], ascii_name=f[2], country=country,
                admin1_code=admin1, admin2_code=admin2 if kind != "oblast" else "",
                lat=float(f[4]), lon=float(f[5]), population=int(f[14] or 0), feature_code=code,
                latin=[n for n in dict.fromkeys(names) if not is_cyrillic(n)],
                cyrillic=[n for n in dict.fromkeys(names) if is_cyrillic(n)],
            ))
    return rows


def _similarity(a: str, b: str) -> float:
    return fuzz.ratio(normalize_name(a), normalize_name(b))


def _pick_cyrillic(row: Row, language: str, exclude: str = "") -> str:
    """The row's Cyrillic name in ``language``, or "" when none resembles the GeoNames name.

    Names marked as ``language`` by their letters get a small bonus over names that fit either
    language; names marked as another language are never chosen.
    """
    system = "uk_national_2010" if language == "uk" else "bgn_pcgn_ru"
    best, best_score = "", DISPLAY_MIN_SIMILARITY
    for name in row.cyrillic:
        detected = cyrillic_language(name)
        if name == exclude or detected not in (language, "either"):
            continue
        score = _similarity(transliterate(name, system), row.geonames_name) + (5 if detected == language else 0)
        if score >= best_score and (score > best_score or not best):
            best, best_score = name, score
    return best


def _variant_keys(name: str, language: str | None = None) -> set[str]:
    keys = {normalize_name(name)}
    if is_cyrillic(name):
        for latin in transliterate_variants(name, language or cyrillic_language(name)):
            keys.add(normalize_name(latin))
    keys.discard("")
    return keys


def _strip_region_words(key: str) -> str:
    words = [w for w in key.split() if w not in REGION_SUFFIXES]
    return " ".join(words)


def _name_row(row: Row) -> None:
    """Choose display and Cyrillic names and sort every variant into tier 0 or tier 1."""
    if row.country == "UA":
        row.name_uk = _pick_cyrillic(row, "uk")
    row.name_ru = _pick_cyrillic(row, "ru", exclude=row.name_uk)
    # Settlements take the official romanisation of their Ukrainian name; regions keep the
    # English form of GeoNames ("Bakhmut Raion"; oblasts are renamed from admin1.csv later).
    row.name = transliterate(row.name_uk) if row.name_uk and row.kind == "place" else row.geonames_name
    primary = {row.geonames_name, row.ascii_name, row.name}
    for name in primary:
        row.tier0 |= _variant_keys(name)
    if row.name_uk:
        row.tier0 |= _variant_keys(row.name_uk, "uk")
    if row.name_ru:
        row.tier0 |= _variant_keys(row.name_ru, "ru")
    for name in row.latin + row.cyrillic:
        row.tier1 |= _variant_keys(name)
    if row.kind != "place":
        row.tier0 = {_strip_region_words(k) for k in row.tier0} - {""}
        row.tier1 = {_strip_region_words(k) for k in row.tier1} - {""}
    row.tier1 -= row.tier0


def _km(a: Row, b: Row) -> float:
    dlat = math.radians(b.lat - a.lat)
    dlon = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


def _rank(row: Row) -> tuple[int, int, int, int]:
    return (row.population, FEATURE_RANK.get(row.feature_code, 0), len(row.cyrillic) + len(row.latin), -row.geonameid)


def merge_duplicates(rows: list[Row]) -> int:
    """Fold rows of one place (same name, under DUPLICATE_KM apart) into the best-ranked row."""
    places = [r for r in rows if r.kind == "place"]
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(places):
        for key in row.tier0:
            by_key[key].append(i)
    parent = list(range(len(places)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for members in by_key.values():
        if 1 < len(members) < 200:
            for x, i in enumerate(members):
                for j in members[x + 1:]:
                    if places[i].country == places[j].country and _km(places[i], places[j]) < DUPLICATE_KM:
                        parent[find(i)] = find(j)
    groups: dict[int, list[Row]] = defaultdict(list)
    for i, row in enumerate(places):
        groups[find(i)].append(row)
    dropped: set[int] = set()
    for group in groups.values():
        if len(group) < 2:
            continue
        group.sort(key=_rank, reverse=True)
        keep = group[0]
        for other in group[1:]:
            keep.aliases.append(other.geonameid)
            keep.tier0 |= other.tier0
            keep.tier1 |= other.tier1
            dropped.add(other.geonameid)
        keep.tier1 -= keep.tier0
    rows[:] = [r for r in rows if not (r.kind == "place" and r.geonameid in dropped)]
    return len(dropped)


def _read_curated(data_dir: Path, file: str) -> list[dict[str, str]]:
    with open(data_dir / file, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _row_by_id(rows: list[Row], geonameid: str, file: str) -> Row:
    for row in rows:
        if row.geonameid == int(geonameid):
            return row
    raise SystemExit(f"{file}: geonameid {geonameid} is not in the gazetteer")


def _add_extra_names(rows: list[Row], data_dir: Path) -> None:
    """Names GeoNames lacks (Tymkivka); added before naming so they can become display names."""
    for entry in _read_curated(data_dir, "extra_names.csv"):
        row = _row_by_id(rows, entry["geonameid"], "extra_names.csv")
        (row.cyrillic if is_cyrillic(entry["name"]) else row.latin).append(entry["name"])


def _add_renames(rows: list[Row], data_dir: Path) -> None:
    """Former names (Artemivsk -> Bakhmut) point to the current place as first-class names."""
    for entry in _read_curated(data_dir, "renames.csv"):
        row = _row_by_id(rows, entry["geonameid"], "renames.csv")
        if row.name != entry["new_name"]:
            print(f"renames.csv: {entry['old_name']} -> {entry['new_name']}, but the place is named {row.name}")
        row.tier0 |= _variant_keys(entry["old_name"])
        row.tier1 -= row.tier0


BORDER_VILLAGE_SAME_KM = 5.0  # a known place of the same name this close is the same village
BORDER_VILLAGE_NAMESAKE_KM = 60.0  # a Ukrainian place of the name this close: no telling them apart (as the tool)
BORDER_VILLAGE_MIN_LETTERS = 5  # "Vet", "Uzha", "Sula": shorter names are words more often than villages
#: surnames of people war reporting quotes, also the names of border villages (Vladimir Rogov)
NOT_VILLAGE_NAMES = frozenset({"rogov", "sereda", "lukin", "kister", "baklan", "chausy", "amon"})


def _add_border_villages(rows: list[Row], data_dir: Path) -> int:
    """Russian border villages cities500 lacks (``ru_border_villages.csv``, from the GeoNames postal
    export by ``tools/ru_border_villages.py``). Left out: one the gazetteer has already (a place of
    the same name within a few km); one whose name a Ukrainian place nearby bears (Volfino, Volfyne
    across the border: a text on either names places near both); and names that are words or surnames
    more often than villages (Rogov, Vet). A Ukrainian namesake further off stays beside the village,
    for the region a text names and its other places to choose."""
    by_key: dict[str, list[Row]] = defaultdict(list)
    ukrainian: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        if r.kind == "place":
            for key in r.tier0:
                by_key[key].append(r)
            if r.country == "UA":
                for key in r.tier0 | r.tier1:
                    ukrainian[key].append(r)
    words = fuzzy_blocklist(data_dir / "english_words.txt")  # English words that are also place names
    added = 0
    for entry in _read_curated(data_dir, "ru_border_villages.csv"):
        name = entry["name"]
        latin = transliterate(name, "bgn_pcgn_ru").replace("'", "")  # "Lyubostan", as the press writes it
        row = Row(kind="place", geonameid=POSTAL_ID_BASE + int(entry["postal_code"]),
                  geonames_name=latin, ascii_name=latin,
                  country="RU", admin1_code=entry["admin1_code"], admin2_code="", lat=float(entry["lat"]),
                  lon=float(entry["lon"]), population=0, feature_code=POSTAL_FEATURE, latin=[], cyrillic=[name])
        _name_row(row)
        key = normalize_name(latin)
        if len(key) < BORDER_VILLAGE_MIN_LETTERS or key in words or key in NOT_VILLAGE_NAMES:
            continue
        if any(_km(row, other) <= BORDER_VILLAGE_SAME_KM for key in row.tier0 for other in by_key.get(key, ())):
            continue
        if any(_km(row, other) <= BORDER_VILLAGE_NAMESAKE_KM for key in row.tier0 for other in ukrainian.get(key, ())):
            continue
        rows.append(row)
        added += 1
    return added


def _raion_name(row: Row, curated: dict[str, str]) -> str:
    """English raion name: "Bakhmut Raion". GeoNames reuses old city-council rows for some of the
    2020 raions ("Chuhuiv City Council"); their "X Raion" alternate or a curated name fixes that."""
    if row.admin2_code in curated:
        return curated[row.admin2_code]
    if row.geonames_name.endswith(" Raion"):
        return row.geonames_name
    for name in row.latin:
        if re.fullmatch(r"[A-Z][\w’' -]+ Raion", name):
            return name
    council = re.fullmatch(r"(.+) City Council", row.geonames_name)
    return f"{council.group(1)} Raion" if council else row.geonames_name.replace(" Rayon", " Raion")


def _add_region_rows(rows: list[Row], data_dir: Path) -> None:
    """Russian border oblasts have no ADM1 row in the extract: add them from admin1.csv."""
    have = {r.admin1_code for r in rows if r.kind == "oblast"}
    for entry in _read_curated(data_dir, "admin1.csv"):
        aliases = [entry["name"], *entry["aliases"].split("|")]
        keys = {_strip_region_words(k) for a in aliases for k in _variant_keys(a)} - {""}
        if entry["code"] in have:
            row = next(r for r in rows if r.kind == "oblast" and r.admin1_code == entry["code"])
            row.tier0 |= keys
            row.tier1 -= row.tier0
            row.name = entry["name"]
            continue
        members = [r for r in rows if r.kind == "place" and r.admin1_code == entry["code"]]
        lat = sum(r.lat for r in members) / len(members)
        lon = sum(r.lon for r in members) / len(members)
        rows.append(Row(kind="oblast", geonameid=-len(rows), geonames_name=entry["name"], ascii_name=entry["name"], country=entry["country"],
                        admin1_code=entry["code"], admin2_code="", lat=lat, lon=lon, population=0,
                        feature_code="ADM1", latin=[entry["name"]], cyrillic=[], name=entry["name"], tier0=keys))


def _check_oblasts(rows: list[Row], boundaries: Path, data_dir: Path) -> int:
    """Mark each Ukrainian place inside (1) or outside (0) its oblast's polygon (1 km slack)."""
    import geopandas
    import shapely

    by_shape = {e["boundary_name"]: e["code"] for e in _read_curated(data_dir, "admin1.csv") if e["boundary_name"]}
    shapes = geopandas.read_file(boundaries)
    polygons = {by_shape[n]: shapely.prepared.prep(g.buffer(0.01)) for n, g in zip(shapes["shapeName"], shapes.geometry)}
    outside = 0
    for row in rows:
        if row.kind == "place" and row.country == "UA" and row.admin1_code in polygons:
            inside = polygons[row.admin1_code].contains(shapely.Point(row.lon, row.lat))
            row.in_oblast = "1" if inside else "0"
            outside += not inside
    return outside


def write(rows: list[Row], path: Path) -> int:
    """Write rows and the name index; returns the number of distinct keys."""
    rows.sort(key=lambda r: ({"oblast": 0, "raion": 1, "place": 2}[r.kind], r.geonameid))
    index: dict[str, list[str]] = defaultdict(list)
    for i, r in enumerate(rows):
        for key in r.tier0:
            index[key].append(str(i))
        for key in r.tier1:
            index[key].append(f"~{i}")
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9, newline="\n") as fh:
        fh.write(f"# frontline-claims gazetteer {FORMAT_VERSION}; built by python -m geodata.build from GeoNames (CC BY 4.0)\n")
        fh.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            fields = [r.kind, str(r.geonameid), r.name, r.geonames_name, r.country, r.admin1_code, r.admin2_code,
                      f"{r.lat:.5f}", f"{r.lon:.5f}", str(r.population), r.feature_code, r.name_uk, r.name_ru,
                      "|".join(map(str, r.aliases)), r.in_oblast]
            if any("\t" in f or "\n" in f for f in fields):
                raise SystemExit(f"row {r.geonameid} holds a tab or newline; refusing to write a broken file")
            fh.write("\t".join(fields) + "\n")
        keys = sorted(index)
        if any("\n" in key or "#" in key for key in keys):
            raise SystemExit("a name key holds a newline or #; refusing to write a broken file")
        # keys and their row references as two parallel blocks: loading is two splits and a zip
        fh.write(f"{KEYS_MARKER}\n" + "\n".join(keys) + "\n")
        fh.write(f"{REFS_MARKER}\n" + "\n".join(",".join(index[k]) for k in keys) + "\n")
    return len(index)


def write_english_words(words_file: Path, gazetteer_file: Path, out: Path) -> int:
    """List the common English words that name a place exactly or come within fuzzy reach of one.

    ``words_file`` holds one word per line, most common first (made at development time, e.g.
    from wordfreq's top 50,000 English words); only the colliding words are written.
    """
    from geodata.gazetteer import FUZZY_MIN_LENGTH, Gazetteer
    from geodata.resolve import FUZZY_CUTOFF

    gazetteer = Gazetteer.load(gazetteer_file)
    words = [w.strip().lower() for w in words_file.read_text(encoding="utf-8").splitlines()]
    found: list[str] = []
    for word in dict.fromkeys(w for w in words if w.isalpha() and w.isascii()):
        if gazetteer.lookup(word):
            found.append(f"{word}\texact")
        elif len(word) >= FUZZY_MIN_LENGTH and gazetteer.fuzzy(word, limit=1, cutoff=FUZZY_CUTOFF):
            found.append(f"{word}\tfuzzy")
    header = ("# Common English words that are also place names (exact) or within fuzzy reach of one (fuzzy).\n"
              "# The resolver never fuzzy-matches these; the text scanner skips the exact ones unless a cue\n"
              "# makes them a settlement (scan_cues.toml). Generated by python -m geodata.build --english-words\n"
              f"# from the {len(words):,} most frequent English words (wordfreq); regenerate after a rebuild.\n")
    out.write_text(header + "\n".join(found) + "\n", encoding="utf-8")
    return len(found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geodata.build", description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="the shared data folder (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=DATA_DIR / GAZETTEER_FILE)
    parser.add_argument("--without-border-villages", action="store_true",
                        help="leave out data/ru_border_villages.csv (what tools/ru_border_villages.py checks names against)")
    parser.add_argument("--english-words", type=Path, metavar="FILE",
                        help="word list (one per line, most frequent first) to refresh data/english_words.txt from")
    args = parser.parse_args(argv)
    src: Path = args.source
    rows = _read_geonames(src / "geonames" / "UA_populated_and_admin.txt.gz", "UA")
    rows += _read_geonames(src / "geonames" / "RU_border_oblasts_cities500.txt.gz", "RU")
    print(f"read {sum(r.kind == 'place' for r in rows)} populated places, "
          f"{sum(r.kind == 'oblast' for r in rows)} oblasts, {sum(r.kind == 'raion' for r in rows)} raions")
    _add_extra_names(rows, DATA_DIR)
    for row in rows:
        _name_row(row)
    _add_renames(rows, DATA_DIR)
    villages = 0 if args.without_border_villages else _add_border_villages(rows, DATA_DIR)
    curated_raions = {e["code"]: e["name"] for e in _read_curated(DATA_DIR, "raion_names.csv")}
    for row in rows:
        if row.kind == "raion":
            row.name = _raion_name(row, curated_raions)
            row.tier0 |= {_strip_region_words(k) for k in _variant_keys(row.name)} - {""}
    _add_region_rows(rows, DATA_DIR)
    renamed = sum(1 for r in rows if r.kind == "place" and r.name != r.geonames_name)
    merged = merge_duplicates(rows)
    outside = _check_oblasts(rows, src / "boundaries" / "geoBoundaries-UKR-ADM1_simplified.geojson", DATA_DIR)
    n_keys = write(rows, args.out)
    shutil.copyfile(src / "boundaries" / "geoBoundaries-UKR-ADM1_simplified.geojson", DATA_DIR / "oblasts.geojson")
    print(f"added {villages} Russian border villages from the GeoNames postal export under names not known yet")
    print(f"display name from Ukrainian Cyrillic differs from the GeoNames name for {renamed} places")
    print(f"merged {merged} near-duplicate rows (same name, under {DUPLICATE_KM} km apart)")
    print(f"{outside} Ukrainian places lie outside the polygon of their oblast (1 km slack)")
    print(f"wrote {len(rows)} rows, {n_keys} distinct name keys to {args.out} ({args.out.stat().st_size:,} bytes)")
    if args.english_words:
        n = write_english_words(args.english_words, args.out, DATA_DIR / "english_words.txt")
        print(f"wrote {n} colliding English words to {DATA_DIR / 'english_words.txt'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
