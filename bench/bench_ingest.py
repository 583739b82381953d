"""Benchmark ingestion: thousands of generated articles through load -> geocode -> extract -> store.

    python bench/bench_ingest.py [--articles 2000]

Articles are made here from our own template sentences and places of the gazetteer (about 3 KB
each: a dateline, claims, filler). Prints articles/s, claims/s, peak memory and the time spent
per stage, on one core (the pipeline is single-threaded). Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_geodata import machine  # noqa: E402
from events import Store, load_rules  # noqa: E402
from events.pipeline import ingest_paths  # noqa: E402
from geodata import Gazetteer, PlaceKind  # noqa: E402

CLAIMS = [
    "Russian forces captured {p} on {weekday}, the Russian defence ministry said.",
    "Ukrainian troops withdrew from {p} to more advantageous positions, the General Staff of Ukraine said on {weekday}.",
    "The Ukrainian General Staff reported success in the {p} area.",
    "Units of the Center group of forces have completely liberated the village of {p}, the ministry in Moscow said.",
    "Ukrainian forces retook {p} after a week of heavy fighting, Kyiv said.",
    "Fierce fighting continues in {p}, local authorities said, as Russian forces pushed from the north.",
    "Military analyst Andrei Marochko claimed Russian troops had entered {p}.",
    "Russia's Defence Ministry denied reports that Ukrainian troops had recaptured {p}.",
]
FILLER = [
    "The situation along the front line remains difficult, officials said, as both sides brought up reserves.",
    "Western partners promised further deliveries of air defence systems at a meeting in Brussels.",
    "Independent verification of battlefield claims remains difficult because of restrictions on reporting.",
    "Shelling damaged a school and several houses, regional authorities said in a statement on social media.",
    "Analysts said the pace of the advance had slowed in recent weeks because of heavy losses on both sides.",
    "Drones struck energy infrastructure overnight, leaving thousands of households without electricity.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def make_corpus(folder: Path, n: int, gazetteer: Gazetteer, rng: random.Random) -> int:
    front = [p.name for p in gazetteer.places(PlaceKind.PLACE)
             if p.admin1_code in ("UA.05", "UA.07", "UA.26", "UA.14") and " " not in p.name]
    total = 0
    for i in range(n):
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(600))
        parts = [f"published: {day.isoformat()}\nsource: Bench Wire\n---",
                 f"KYIV, Ukraine ({day:%B} {day.day}, {day.year}) – " + rng.choice(FILLER)]
        while sum(len(p) for p in parts) < 3000:
            if rng.random() < 0.35:
                parts.append(rng.choice(CLAIMS).format(p=rng.choice(front), weekday=rng.choice(WEEKDAYS)))
            else:
                parts.append(rng.choice(FILLER))
        text = "\n".join(parts) + f"\nReport {i}.\n"
        (folder / f"article{i:05d}.txt").write_text(text, encoding="utf-8")
        total += len(text.encode())
    return total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    rng = random.Random(11)
    print(f"machine: {machine()}")
    gazetteer, rules = Gazetteer.load(), load_rules()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        size = make_corpus(folder, args.articles, gazetteer, rng)
        print(f"corpus: {args.articles:,} articles, {size / 1e6:.1f} MB ({size / args.articles / 1000:.1f} KB each)")
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        with Store(Path(tmp) / "bench.sqlite") as store:
            summary = ingest_paths([folder], store, gazetteer, rules)
        elapsed = time.perf_counter() - started
        again = time.perf_counter()
        with Store(Path(tmp) / "bench.sqlite") as store:
            ingest_paths([folder], store, gazetteer, rules)
        again = time.perf_counter() - again
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"ingest: {summary.read / elapsed:,.0f} articles/s, {summary.claims / elapsed:,.0f} claims/s "
          f"({summary.read:,} articles, {summary.claims:,} claims in {elapsed:.1f} s, one process, one core)")
    stages = ", ".join(f"{k} {v:.1f} s ({100 * v / elapsed:.0f}%)" for k, v in sorted(summary.seconds.items()))
    print(f"per stage: {stages}")
    print(f"re-ingesting the same corpus (all unchanged): {args.articles / again:,.0f} articles/s")
    print(f"peak RSS {peak / 1024:.0f} MB (+{(peak - rss_before) / 1024:.0f} MB during ingestion)")


if __name__ == "__main__":
    main()
