"""The ingestion loop shared by the CLI and the app: load -> extract -> store, article by article.

Pure stages (articles.load_bytes, extract.extract_claims) do the work; this module only drives
them, times them and tallies what happened, so one bad file is a line in the summary, not a
stopped batch.

With ``workers`` > 1 the pure stages (geocoding and extraction, about 85 % of the time) run in a
pool of processes, each with its own copy of the gazetteer and rules; this process stays the one
writer: it loads the files, stores each article in its own transaction in the order they were
read, reports progress and tallies, exactly as with one worker. Ctrl-C stops the workers and keeps
every article stored so far.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

from events.articles import LoadOptions, Skipped, load_paths
from events.errors import StoreError
from events.extract import extract_claims, geocode
from events.records import Article, Claim
from events.rules import Rules
from events.store import Store
from geodata import Gazetteer

__all__ = ["IngestSummary", "ingest", "ingest_paths", "default_workers"]

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


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def ingest(items: Iterable[Article | Skipped], store: Store, gazetteer: Gazetteer, rules: Rules,
           progress: Callable[[int, str, str], None] | None = None, *, workers: int = 1) -> IngestSummary:
    """Extract and store each article (one transaction each); ``progress(n, path, what)``.
    ``workers`` > 1 extracts in that many processes (where the platform can fork them)."""
    if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        return _ingest_pooled(items, store, gazetteer, rules, progress, workers)
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
            what = _failed(item, exc, summary)
        if progress:
            progress(n, item.path, what)
        clock = time.perf_counter()
    return summary


def _failed(item: Article, exc: BaseException | str, summary: IngestSummary) -> str:
    """Count an article whose extraction failed as skipped; returns the progress line."""
    problem = exc if isinstance(exc, str) else f"{type(exc).__name__} while extracting its claims ({str(exc)[:160]})"
    skipped = Skipped(item.path, f"not ingested: {problem}; the other files go on")
    summary.skipped.append(skipped)
    return f"skipped: {skipped.reason}"


def _ingest_one(item: Article, store: Store, gazetteer: Gazetteer, rules: Rules, summary: IngestSummary) -> str:
    """Extract and store one article; tallies it in ``summary`` only once it is stored, and
    returns what the progress line says."""
    item = store.complete(item)  # what the database knows of it and this copy lacks
    if store.has_article(item, rules.version):
        summary.read += 1
        summary.unchanged += 1
        return "already in the database"
    return _store(item, _extract(item, gazetteer, rules), store, rules, summary)


@dataclass(frozen=True, slots=True)
class _Extracted:
    """What the pure stages made of one article (a worker process sends it back)."""

    claims: list[Claim]
    places: dict[int, tuple[str, str, str, float, float]]
    ambiguous: list[tuple[str, int]]  # (name as written, how many places it could be)
    unknown: list[str]
    seconds: dict[str, float]


def _extract(item: Article, gazetteer: Gazetteer, rules: Rules) -> _Extracted:
    t = time.perf_counter()
    places = geocode(item, gazetteer)
    geocoded = time.perf_counter()
    extraction = extract_claims(item, gazetteer, rules, places)
    done = time.perf_counter()
    return _Extracted(list(extraction.claims), _places(gazetteer, (c.geonameid for c in extraction.claims)),
                      [(m.text, len(r.candidates)) for m, r in extraction.ambiguous],
                      [m.text for m in extraction.unknown], {"geocode": geocoded - t, "extract": done - geocoded})


def _store(item: Article, extracted: _Extracted, store: Store, rules: Rules, summary: IngestSummary) -> str:
    """Store one extracted article and tally it; returns the progress line."""
    for stage, seconds in extracted.seconds.items():
        summary.seconds[stage] += seconds
    t = time.perf_counter()
    result = store.ingest(item, extracted.claims, extracted.places, rules.version)
    summary.seconds["store"] += time.perf_counter() - t
    summary.read += 1
    summary.new += result.outcome == "new"
    summary.reextracted += result.outcome == "re-extracted"
    summary.updated += result.outcome == "updated"
    summary.unchanged += result.outcome == "unchanged"
    summary.claims += result.claims
    summary.ambiguous += [(item.path, name, n) for name, n in extracted.ambiguous]
    summary.unknown += [(item.path, name) for name in extracted.unknown]
    return f"{result.claims} claims ({result.outcome})"


# -- the pool -------------------------------------------------------------------------------------
#: The gazetteer and rules of the pool's workers, set before the pool forks: each worker starts
#: with its own copy (one gazetteer per worker), and nothing large is sent to it.
_WORKER: dict[str, object] = {}


def _worker_init(writer: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the writer's to handle

    def watch() -> None:  # a writer killed outright (SIGKILL) leaves no worker behind
        while os.getppid() == writer:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _worker_extract(item: Article) -> _Extracted | str:
    """In a worker: the article's claims, or what went wrong (one article's failure is a line)."""
    try:
        return _extract(item, _WORKER["gazetteer"], _WORKER["rules"])  # type: ignore[arg-type]
    except Exception as exc:  # noqa: BLE001
        return f"{type(exc).__name__} while extracting its claims ({str(exc)[:160]})"


def _ingest_pooled(items: Iterable[Article | Skipped], store: Store, gazetteer: Gazetteer, rules: Rules,
                   progress: Callable[[int, str, str], None] | None, workers: int) -> IngestSummary:
    """As ingest(), with extraction in ``workers`` processes; this process reads the files and
    writes the articles, in the order they come."""
    summary = IngestSummary()
    window = 8 * workers  # articles in flight: every worker busy, little memory
    # (n, item, job): the future of its extraction, a finished progress line, or None to do it
    # here when its turn comes (a skipped file; the same text as one in flight, which must be
    # stored first, as with one worker)
    pending: deque[tuple[int, Article | Skipped, Future | str | None]] = deque()
    in_flight: Counter[str] = Counter()

    def finish() -> None:
        n, item, job = pending.popleft()
        if isinstance(item, Skipped):
            summary.skipped.append(item)
            what = f"skipped: {item.reason}"
        elif job is None:
            try:
                what = _ingest_one(item, store, gazetteer, rules, summary)
            except StoreError:
                raise
            except Exception as exc:  # noqa: BLE001 - one article's failure is a line in the summary
                what = _failed(item, exc, summary)
        elif isinstance(job, str):
            what = job
        else:
            extracted = job.result()
            in_flight[item.id] -= 1
            what = _failed(item, extracted, summary) if isinstance(extracted, str) else \
                _store(item, extracted, store, rules, summary)
        if progress:
            progress(n, item.path, what)

    _WORKER.update(gazetteer=gazetteer, rules=rules)
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=_worker_init,
                               initargs=(os.getpid(),))
    try:
        clock = time.perf_counter()
        for n, item in enumerate(items, start=1):
            summary.seconds["load"] += time.perf_counter() - clock
            if isinstance(item, Skipped) or in_flight[item.id]:
                pending.append((n, item, None))
            else:
                item = store.complete(item)  # what the database knows of it and this copy lacks
                if store.has_article(item, rules.version):
                    summary.read += 1
                    summary.unchanged += 1
                    pending.append((n, item, "already in the database"))
                else:
                    in_flight[item.id] += 1
                    pending.append((n, item, pool.submit(_worker_extract, item)))
            while pending and (len(pending) > window or not isinstance(pending[0][2], Future)
                               or pending[0][2].done()):
                finish()
            clock = time.perf_counter()
        while pending:
            finish()
    finally:
        # an error or Ctrl-C: what is not stored yet is dropped; every stored article is whole
        pool.shutdown(wait=True, cancel_futures=True)
        _WORKER.clear()
    return summary


def ingest_paths(paths: Iterable[str], store: Store, gazetteer: Gazetteer, rules: Rules,
                 options: LoadOptions = LoadOptions(),
                 progress: Callable[[int, str, str], None] | None = None, *, workers: int = 1) -> IngestSummary:
    """Ingest files and folders."""
    return ingest(load_paths(paths, rules, options), store, gazetteer, rules, progress, workers=workers)
