"""Benchmark ingestion: thousands of generated articles through load -> geocode -> extract -> store.

    python bench/bench_ingest.py [--articles 2000] [--workers 1 2]

Articles are made by bench/corpus.py from template sentences and places of the gazetteer (about
3 KB each: a dateline, claims, filler). Prints articles/s, claims/s, peak memory and the time spent
per stage, for each number of worker processes in turn on the same corpus, and the speed-up over
one worker. Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_geodata import machine  # noqa: E402
from corpus import make_corpus  # noqa: E402
from events import Store, load_rules  # noqa: E402
from events.pipeline import default_workers, ingest_paths  # noqa: E402
from geodata import Gazetteer  # noqa: E402


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the pool's workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def children_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=sorted({1, default_workers()}))
    parser.add_argument("--rounds", type=int, default=1, help="alternate the worker counts this many times")
    args = parser.parse_args()
    rng = random.Random(11)
    print(f"machine: {machine()}; load average {os.getloadavg()[0]:.1f} at the start (other work on the cores "
          "slows the workers)")
    gazetteer, rules = Gazetteer.load(), load_rules()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        size = make_corpus(folder, args.articles, gazetteer, rng)
        print(f"corpus: {args.articles:,} articles, {size / 1e6:.1f} MB ({size / args.articles / 1000:.1f} KB each)")
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        rates: dict[int, list[float]] = {}
        for round_ in range(args.rounds):
            for workers in args.workers:
                db = Path(tmp) / f"bench-{workers}-{round_}.sqlite"
                cpu_before = cpu_seconds()
                started = time.perf_counter()
                with Store(db) as store:
                    summary = ingest_paths([folder], store, gazetteer, rules, workers=workers)
                elapsed = time.perf_counter() - started
                cores = (cpu_seconds() - cpu_before) / elapsed
                rates.setdefault(workers, []).append(summary.read / elapsed)
                print(f"ingest, {workers} worker{'s' if workers > 1 else ''}: {summary.read / elapsed:,.0f} articles/s, "
                      f"{summary.claims / elapsed:,.0f} claims/s ({summary.read:,} articles, {summary.claims:,} claims "
                      f"in {elapsed:.1f} s; {cores:.2f} cores busy on average: CPU time / wall time)")
                stages = ", ".join(f"{k} {v:.1f} s" for k, v in sorted(summary.seconds.items()))
                print(f"  per stage (CPU seconds summed over workers): {stages}")
        again = time.perf_counter()
        with Store(db) as store:
            ingest_paths([folder], store, gazetteer, rules)
        again = time.perf_counter() - again
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    best = {w: max(r) for w, r in rates.items()}
    if 1 in best:
        for workers in sorted(best):
            if workers > 1:
                print(f"speed-up, {workers} workers over one: {best[workers] / best[1]:.2f}x "
                      f"(best of {len(rates[workers])} run{'s' if len(rates[workers]) > 1 else ''} each)")
    print(f"re-ingesting the same corpus (all unchanged): {args.articles / again:,.0f} articles/s")
    print(f"peak RSS {peak / 1024:.0f} MB (+{(peak - rss_before) / 1024:.0f} MB during ingestion); "
          f"largest worker {children_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
