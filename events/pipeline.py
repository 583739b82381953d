"""The ingestion loop shared by the CLI and the app: load -> extract -> store, article by article.

Pure stages (articles.load_bytes, extract.extract_claims) do the work; this module only drives
them, times them and tallies what happened, so one bad file is a line in the summary, not a
stopped batch.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from events.articles import LoadOptions, Skipped, load_paths
from events.errors import StoreError
from events.extract import extract_claims, geocode
from events.records import Article
from events.rules import Rules
from events.store import Store
from geodata import Gazetteer

__all__ = ["IngestSummary", "ingest", "ingest_paths"]


@dataclass
class IngestSummary:
    read: int = 0
    new: int = 0
    unchanged: int = 0
    reextracted: int = 0
    updated: int = 0  # read again with a date, source, url or title the database lacked
    claims: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    ambiguous: list[tuple[str, str, int]] = field(default_factory=list)  # (article, name as written, candidates)
    unknown: list[tuple[str, str]] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))  # per stage

    def lines(self) -> list[str]:
        """The closing summary, as printed by the CLI and shown by the app."""
        out = [f"articles read: {self.read} (new {self.new}, re-extracted {self.reextracted}, "
               f"updated {self.updated}, already in the database {self.unchanged})",
               f"claims stored: {self.claims}",
               f"skipped: {len(self.skipped)}"]
        out += [f"  {s.path}: {s.reason}" for s in self.skipped]
        out.append(f"ambiguous places: {len(self.ambiguous)}")
        out += [f"  {path}: {name!r} could be {n} places{_times(k)}" for (path, name, n), k in Counter(self.ambiguous).items()]
        out.append(f"unknown places: {len(self.unknown)}")
        out += [f"  {path}: {name!r}{_times(k)}" for (path, name), k in Counter(self.unknown).items()]
        return out


def _times(count: int) -> str:
    return f" ({count} mentions)" if count > 1 else ""


def _places(gazetteer: Gazetteer, ids: Iterable[int | None]) -> dict[int, tuple[str, str, str, float, float]]:
    out = {}
    for geonameid in ids:
        if geonameid is not None and geonameid not in out:
            p = gazetteer.place(geonameid)
            out[geonameid] = (p.country, p.admin1, p.admin2, p.lat, p.lon)
    return out


def ingest(items: Iterable[Article | Skipped], store: Store, gazetteer: Gazetteer, rules: Rules,
           progress: Callable[[int, str, str], None] | None = None) -> IngestSummary:
    """Extract and store each article (one transaction each); ``progress(n, path, what)``."""
    summary = IngestSummary()
    clock = time.perf_counter()
    for n, item in enumerate(items, start=1):
        summary.seconds["load"] += time.perf_counter() - clock
        if isinstance(item, Skipped):
            summary.skipped.append(item)
            if progress:
                progress(n, item.path, f"skipped: {item.reason}")
            clock = time.perf_counter()
            continue
        try:
            what = _ingest_one(item, store, gazetteer, rules, summary)
        except StoreError:
            raise  # the database itself cannot be used: stop here; every finished article is kept
        except Exception as exc:  # noqa: BLE001 - one article's failure is a line in the summary
            skipped = Skipped(item.path, f"not ingested: {type(exc).__name__} while extracting its claims "
                                         f"({str(exc)[:160]}); the other files go on")
            summary.skipped.append(skipped)
            what = f"skipped: {skipped.reason}"
        if progress:
            progress(n, item.path, what)
        clock = time.perf_counter()
    return summary


def _ingest_one(item: Article, store: Store, gazetteer: Gazetteer, rules: Rules, summary: IngestSummary) -> str:
    """Extract and store one article; tallies it in ``summary`` only once it is stored, and
    returns what the progress line says."""
    item = store.complete(item)  # what the database knows of it and this copy lacks
    if store.has_article(item, rules.version):
        summary.read += 1
        summary.unchanged += 1
        return "already in the database"
    t = time.perf_counter()
    places = geocode(item, gazetteer)
    summary.seconds["geocode"] += time.perf_counter() - t
    t = time.perf_counter()
    extraction = extract_claims(item, gazetteer, rules, places)
    summary.seconds["extract"] += time.perf_counter() - t
    t = time.perf_counter()
    result = store.ingest(item, list(extraction.claims), _places(gazetteer, (c.geonameid for c in extraction.claims)),
                          rules.version)
    summary.seconds["store"] += time.perf_counter() - t
    summary.read += 1
    summary.new += result.outcome == "new"
    summary.reextracted += result.outcome == "re-extracted"
    summary.updated += result.outcome == "updated"
    summary.unchanged += result.outcome == "unchanged"
    summary.claims += result.claims
    summary.ambiguous += [(item.path, m.text, len(r.candidates)) for m, r in extraction.ambiguous]
    summary.unknown += [(item.path, m.text) for m in extraction.unknown]
    return f"{result.claims} claims ({result.outcome})"


def ingest_paths(paths: Iterable[str], store: Store, gazetteer: Gazetteer, rules: Rules,
                 options: LoadOptions = LoadOptions(),
                 progress: Callable[[int, str, str], None] | None = None) -> IngestSummary:
    """Ingest files and folders."""
    return ingest(load_paths(paths, rules, options), store, gazetteer, rules, progress)
