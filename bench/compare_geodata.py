"""Compare the geocoder's speed in two checkouts, on a shared machine, fairly.

    python bench/compare_geodata.py OLD_ROOT NEW_ROOT [--rounds 3]

Wall-clock figures on a shared 2-core VM move by ±40 % with the neighbours' load; this runs both
checkouts in turn, ``--rounds`` times, each in a fresh process, and times CPU (process time, best
of several runs) on the inputs of bench_geodata.py and bench_ingest.py: text scanning of
place-dense text and of the seed articles, resolve() of 50,000 names, and finding and resolving
the places of 600 ingest-like articles (a fresh gazetteer, as ingestion sees it). Prints the
best of each figure per checkout and the ratio new/old. Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

_MEASURE = r'''
import json, random, sys, tempfile, time, importlib.util
from pathlib import Path
root = sys.argv[1]
sys.path.insert(0, root)
sys.path.insert(0, root + "/bench")
def load(name):
    spec = importlib.util.spec_from_file_location(name, f"{root}/bench/{name}.py")
    module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module); return module
bench_geodata, bench_ingest = load("bench_geodata"), load("bench_ingest")
from geodata import Gazetteer, PlaceKind, find_places, resolve, resolve_mentions
def best(f, n):
    f(); out = []
    for _ in range(n):
        t = time.process_time(); f(); out.append(time.process_time() - t)
    return min(out)
g = Gazetteer.load()
dense = bench_geodata.corpus(g, 1.0, random.Random(7))
seeds = "\n".join(p.read_text(encoding="utf-8") for p in sorted(Path(root, "events", "samples").glob("*.txt"))) * 60
figures = {
    "scan dense (MB/s)": len(dense.encode()) / 1e6 / best(lambda: find_places(dense, g), 9),
    "scan seeds (MB/s)": len(seeds.encode()) / 1e6 / best(lambda: find_places(seeds, g), 9),
}
places = list(g.places(PlaceKind.PLACE))
names = [p.name for p in places] + [p.geonames_name for p in places]
random.Random(7).shuffle(names)
t = time.process_time()
for n in names[:50_000]:
    resolve(n, g, fuzzy=False)
figures["resolve() (names/s)"] = 50_000 / (time.process_time() - t)
fresh = Gazetteer.load()
with tempfile.TemporaryDirectory() as tmp:
    bench_ingest.make_corpus(Path(tmp), 600, fresh, random.Random(11))
    texts = [p.read_text(encoding="utf-8").split("\n---\n", 1)[1] for p in sorted(Path(tmp).glob("*.txt"))]
t = time.process_time()
for text in texts:
    resolve_mentions(find_places(text, fresh), fresh)
figures["ingest geocoding (articles/s)"] = len(texts) / (time.process_time() - t)
print(json.dumps(figures))
'''


def measure(root: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", _MEASURE, str(root)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    best: dict[str, dict[str, float]] = {"old": {}, "new": {}}
    for _ in range(args.rounds):
        for label, root in (("old", args.old), ("new", args.new)):
            for name, value in measure(root.resolve()).items():
                best[label][name] = max(value, best[label].get(name, 0.0))
    print(f"{'':32}{'old':>12}{'new':>12}{'new/old':>10}")
    for name, old in best["old"].items():
        new = best["new"][name]
        print(f"{name:32}{old:>12,.1f}{new:>12,.1f}{new / old:>10.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
