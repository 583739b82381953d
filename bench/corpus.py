"""Generated news articles and the claims databases the benchmarks read, built by the project's own
ingestion (load -> geocode -> extract -> store), cached under /tmp between runs.

    python bench/corpus.py --claims 1000000     # build (or reuse) the database of about a million claims

Articles are made from template sentences and places of the gazetteer (about 3 KB each: a
dateline, claims, filler): about 9 claims per article, many naming a village that shares its name
with others (the analyst has to choose), over 600 days.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from events import Store, derived, load_rules  # noqa: E402
from events.pipeline import default_workers, ingest_paths  # noqa: E402
from geodata import Gazetteer, PlaceKind  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "frontline-bench"
CLAIMS_PER_ARTICLE = 9.0  # measured on this generator (26,976 claims from 3,000 articles)

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
SOURCES = ["Bench Wire", "Front Daily", "Kyiv Evening", "Moscow Courier", "Steppe News"]


def make_corpus(folder: Path, n: int, gazetteer: Gazetteer, rng: random.Random, start: int = 0) -> int:
    """Write ``n`` articles into ``folder``; returns their size in bytes."""
    front = [p.name for p in gazetteer.places(PlaceKind.PLACE)
             if p.admin1_code in ("UA.05", "UA.07", "UA.26", "UA.14") and " " not in p.name]
    total = 0
    for i in range(start, start + n):
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(600))
        parts = [f"published: {day.isoformat()}\nsource: {SOURCES[i % len(SOURCES)]}\n---",
                 f"KYIV, Ukraine ({day:%B} {day.day}, {day.year}) – " + rng.choice(FILLER)]
        while sum(len(p) for p in parts) < 3000:
            if rng.random() < 0.35:
                parts.append(rng.choice(CLAIMS).format(p=rng.choice(front), weekday=rng.choice(WEEKDAYS)))
            else:
                parts.append(rng.choice(FILLER))
        text = "\n".join(parts) + f"\nReport {i}.\n"
        sub = folder / f"{i // 10_000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"article{i:07d}.txt").write_text(text, encoding="utf-8")
        total += len(text.encode())
    return total


def cached_db(claims: int, workers: int | None = None, log=print) -> tuple[Path, dict]:
    """A database of about ``claims`` claims from generated articles, built once by the project's
    ingestion and kept in CACHE; returns its path and how it was built."""
    CACHE.mkdir(parents=True, exist_ok=True)
    db = CACHE / f"claims-{claims}.sqlite"
    info_file = db.with_suffix(".json")
    if db.exists() and info_file.exists():
        info = json.loads(info_file.read_text())
        if "refresh_seconds" not in info:  # built before the map's columns existed
            info["refresh_seconds"] = _refresh(db, log)
            info_file.write_text(json.dumps(info, indent=1))
        return db, info
    db.unlink(missing_ok=True)
    articles = max(1, round(claims / CLAIMS_PER_ARTICLE))
    gazetteer, rules = Gazetteer.load(), load_rules()
    workers = workers or default_workers()
    with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
        log(f"  building {db.name}: {articles:,} generated articles, {workers} worker(s)…")
        size = make_corpus(Path(tmp), articles, gazetteer, random.Random(claims))
        started = time.perf_counter()
        with Store(db) as store:
            summary = ingest_paths([tmp], store, gazetteer, rules, workers=workers)
        seconds = time.perf_counter() - started
    info = {"articles": summary.read, "claims": summary.claims, "megabytes": round(size / 1e6, 1),
            "ingest_seconds": round(seconds, 1), "workers": workers,
            "built": dt.datetime.now().isoformat(timespec="seconds"), "refresh_seconds": _refresh(db, log)}
    info_file.write_text(json.dumps(info, indent=1))
    return db, info


def _refresh(db: Path, log) -> float:
    """Build the map's columns (events.derived), as `python -m events ingest` does at its end."""
    started = time.perf_counter()
    with Store(db) as store:
        report = derived.refresh(store)
    log(f"  map columns: {report.claims:,} claims of {report.places:,} places in {report.seconds:.1f} s")
    return round(time.perf_counter() - started, 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, nargs="+", default=[10_000])
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    for n in args.claims:
        db, info = cached_db(n, args.workers)
        print(f"{db}: {info}")


if __name__ == "__main__":
    main()
