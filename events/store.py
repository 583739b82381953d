"""The claims database: one SQLite file, schema versioned, one transaction per article.

- An article's id is a hash of its normalised text: ingesting it again changes nothing.
- Each article and its claims are written in one transaction: a crash or a kill in the middle of
  a batch leaves every finished article whole and no half article.
- Re-extraction with a newer extractor version replaces the machine's claims of an article; the
  analysts' reviews live in their own table and are never touched by it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from pathlib import Path

from events.errors import StoreError
from events.records import Article, Claim, DatePrecision, PublishedDate

__all__ = ["Store", "DEFAULT_DB", "SCHEMA_VERSION", "IngestResult", "REVIEW_ACTIONS", "Review"]

SCHEMA_VERSION = 2
DEFAULT_DB = Path(os.environ.get("FRONTLINE_DB", Path(__file__).resolve().parent.parent / "data" / "claims.sqlite"))
REVIEW_ACTIONS = ("confirm", "reject", "move", "fix_date")
#: Seconds to wait for another program's write to end before giving up with a message.
BUSY_TIMEOUT = 30.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, path TEXT NOT NULL, title TEXT NOT NULL, source TEXT NOT NULL, source_basis TEXT NOT NULL,
    url TEXT NOT NULL, published TEXT, published_precision TEXT, published_basis TEXT, encoding TEXT NOT NULL,
    notes TEXT NOT NULL, text TEXT NOT NULL, extractor_version TEXT NOT NULL, ingested_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS claims (
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    settlement TEXT NOT NULL, settlement_start INTEGER NOT NULL, settlement_end INTEGER NOT NULL,
    geonameid INTEGER, place_name TEXT NOT NULL, place_status TEXT NOT NULL, place_candidates TEXT NOT NULL,
    country TEXT NOT NULL, admin1 TEXT NOT NULL, admin2 TEXT NOT NULL, lat REAL, lon REAL,
    event_type TEXT NOT NULL, gaining_side TEXT NOT NULL, claimant TEXT NOT NULL, claimant_side TEXT NOT NULL,
    claimant_kind TEXT NOT NULL, via TEXT NOT NULL, hedged INTEGER NOT NULL, event_date TEXT,
    date_precision TEXT NOT NULL, date_basis TEXT NOT NULL, evidence TEXT NOT NULL, evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL, confidence REAL NOT NULL, extractor_version TEXT NOT NULL, denied_side TEXT NOT NULL,
    background INTEGER NOT NULL DEFAULT 0, evidence_spans TEXT NOT NULL DEFAULT '[]');
CREATE INDEX IF NOT EXISTS claims_article ON claims(article_id);
CREATE INDEX IF NOT EXISTS claims_place ON claims(geonameid);
CREATE TABLE IF NOT EXISTS reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT, claim_id TEXT NOT NULL, article_id TEXT NOT NULL,
    settlement_start INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('confirm', 'reject', 'move', 'fix_date')),
    geonameid INTEGER, place_name TEXT, admin1 TEXT, lat REAL, lon REAL,
    event_date TEXT, date_precision TEXT, reviewer TEXT NOT NULL, note TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS reviews_claim ON reviews(claim_id);
"""


_CLAIM_FIELDS = 32
#: columns added after version 1, as (name, declaration): added in place by _migrate
_ADDED_COLUMNS = (("background", "INTEGER NOT NULL DEFAULT 0"), ("evidence_spans", "TEXT NOT NULL DEFAULT '[]'"))


@dataclass(frozen=True, slots=True)
class IngestResult:
    article_id: str
    outcome: str  # new | unchanged | re-extracted (newer extractor) | updated (newer date, source, url or title)
    claims: int


@dataclass(frozen=True, slots=True)
class Review:
    claim_id: str
    action: str
    reviewer: str
    note: str = ""
    geonameid: int | None = None  # for "move"
    place_name: str = ""
    admin1: str = ""
    lat: float | None = None
    lon: float | None = None
    event_date: dt.date | None = None  # for "fix_date"
    date_precision: str = ""

    def __post_init__(self) -> None:
        if self.action not in REVIEW_ACTIONS:
            raise ValueError(f"review action must be one of {', '.join(REVIEW_ACTIONS)}, not {self.action!r}")
        if not self.reviewer.strip():
            raise ValueError("a review needs the reviewer's name")
        if self.action == "move" and (self.geonameid is None or self.lat is None or self.lon is None):
            raise ValueError("moving a claim needs the new place (geonameid and coordinates)")
        if self.action == "fix_date" and self.event_date is None:
            raise ValueError("fixing a date needs the new date")


def _metadata_changes(article: Article, row: sqlite3.Row) -> dict[str, object]:
    """The article columns this copy of the article would change (only with something known)."""
    changes: dict[str, object] = {}
    p = article.published
    if p is not None and (p.date.isoformat(), str(p.precision)) != (row["published"], row["published_precision"]):
        changes.update(published=p.date.isoformat(), published_precision=str(p.precision), published_basis=p.basis)
    if article.source and article.source != row["source"]:
        changes.update(source=article.source, source_basis=article.source_basis)
    for key in ("url", "title"):
        if getattr(article, key) and getattr(article, key) != row[key]:
            changes[key] = getattr(article, key)
    return changes


def _claim_row(c: Claim, places: dict[int, tuple[str, str, str, float, float]]) -> tuple[object, ...]:
    country, admin1, admin2, lat, lon = places.get(c.geonameid or -1, ("", "", "", None, None))
    return (c.id, c.article_id, c.settlement, c.settlement_start, c.settlement_end, c.geonameid, c.place_name,
            c.place_status, json.dumps(list(c.place_candidates)), country, admin1, admin2, lat, lon,
            str(c.event_type), str(c.gaining_side), c.claimant, str(c.claimant_side), c.claimant_kind, c.via,
            int(c.hedged), c.event_date.isoformat() if c.event_date else None, str(c.date_precision),
            c.date_basis, c.evidence, c.evidence_start, c.evidence_end, c.confidence, c.extractor_version,
            str(c.denied_side), int(c.background), json.dumps([list(span) for span in c.evidence_spans]))


def _busy(exc: sqlite3.Error) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


class Store:
    """A claims database. Use as a context manager, or call close()."""

    def __init__(self, path: Path | str = DEFAULT_DB) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            if _busy(exc):
                raise self._locked() from exc
            raise StoreError(f"{self.path} is not a usable claims database ({exc}); move it away or pick another "
                             "with --db") from exc
        except OSError as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from exc

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def _migrate(self) -> None:
        self.db.executescript("BEGIN;" + _SCHEMA + "COMMIT;")
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            self.db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        elif int(row[0]) > SCHEMA_VERSION:
            raise StoreError(f"{self.path} has schema version {row[0]}, newer than this program's {SCHEMA_VERSION}; "
                             "update the program")
        elif int(row[0]) < SCHEMA_VERSION:
            # version 1 lacks the background flag and the evidence spans: add them; the articles
            # are re-extracted (their extractor version is older) when next ingested
            have = {r[1] for r in self.db.execute("PRAGMA table_info(claims)")}
            with self.transaction() as db:
                for name, declaration in _ADDED_COLUMNS:
                    if name not in have:
                        db.execute(f"ALTER TABLE claims ADD COLUMN {name} {declaration}")
                db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),))

    def _locked(self) -> StoreError:
        return StoreError(f"{self.path} is locked by another program (waited {BUSY_TIMEOUT:g} s): let it finish or "
                          "close it, then run again; every article finished so far is stored")

    def _write_error(self, exc: sqlite3.Error) -> StoreError:
        return self._locked() if _busy(exc) else StoreError(f"cannot write to {self.path}: {exc}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise self._write_error(exc) from exc
        try:
            yield self.db
        except BaseException as exc:
            with suppress(sqlite3.Error):  # SQLite may have rolled back already (disk full)
                self.db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError):  # locked, disk full, read-only: the database, not the article
                raise self._write_error(exc) from exc
            raise
        try:
            self.db.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            with suppress(sqlite3.Error):
                self.db.execute("ROLLBACK")
            raise self._write_error(exc) from exc

    # -- writing --------------------------------------------------------------------------------
    def _stored(self, article_id: str) -> sqlite3.Row | None:
        self.db.row_factory = sqlite3.Row
        try:
            return self.db.execute("SELECT extractor_version, published, published_precision, published_basis, source, "
                                   "source_basis, url, title FROM articles WHERE id = ?", (article_id,)).fetchone()
        finally:
            self.db.row_factory = None

    def complete(self, article: Article) -> Article:
        """The article with what the database already knows of it and this copy lacks (a date
        given once with --published is not lost when the bare file is read again)."""
        row = self._stored(article.id)
        if row is None:
            return article
        changes: dict[str, object] = {}
        if article.published is None and row["published"]:
            changes["published"] = PublishedDate(dt.date.fromisoformat(row["published"]),
                                                 DatePrecision(row["published_precision"]), row["published_basis"])
        if not article.source and row["source"]:
            changes["source"], changes["source_basis"] = row["source"], row["source_basis"]
        for key in ("url", "title"):
            if not getattr(article, key) and row[key]:
                changes[key] = row[key]
        return replace(article, **changes) if changes else article

    def has_article(self, article: Article, extractor_version: str) -> bool:
        """True when the article is stored, read by this extractor, with the same date, source,
        url and title: reading it again would change nothing."""
        row = self._stored(article.id)
        return row is not None and row["extractor_version"] == extractor_version and not _metadata_changes(article, row)

    def ingest(self, article: Article, claims: list[Claim], places: dict[int, tuple[str, str, str, float, float]],
               extractor_version: str) -> IngestResult:
        """Store one article and its claims in one transaction. ``places`` maps geonameids to
        (country, admin1, admin2, lat, lon). Idempotent: the same text again changes nothing."""
        with self.transaction() as db:
            row = self._stored(article.id)
            changes = _metadata_changes(article, row) if row is not None else {}
            if row is not None and row["extractor_version"] == extractor_version and not changes:
                return IngestResult(article.id, "unchanged", 0)
            outcome = "new" if row is None else "re-extracted" if row["extractor_version"] != extractor_version \
                else "updated"
            if row is not None:
                db.execute("DELETE FROM claims WHERE article_id = ?", (article.id,))
                changes["extractor_version"] = extractor_version
                db.execute(f"UPDATE articles SET {', '.join(f'{k} = ?' for k in changes)} WHERE id = ?",  # noqa: S608
                           (*changes.values(), article.id))
            else:
                p = article.published
                db.execute("INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", (
                    article.id, article.path, article.title, article.source, article.source_basis, article.url,
                    p.date.isoformat() if p else None, str(p.precision) if p else None, p.basis if p else None,
                    article.encoding, json.dumps(list(article.notes)), article.text, extractor_version,
                    dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")))
            db.executemany(f"INSERT OR REPLACE INTO claims VALUES ({', '.join('?' * _CLAIM_FIELDS)})",
                           [_claim_row(c, places) for c in claims])
            return IngestResult(article.id, outcome, len(claims))

    def add_review(self, review: Review) -> None:
        """Record an analyst's decision on a claim; it outlives any re-extraction."""
        row = self.db.execute("SELECT article_id, settlement_start FROM claims WHERE id = ?", (review.claim_id,)).fetchone()
        if row is None:
            raise StoreError(f"no claim {review.claim_id} in {self.path}")
        with self.transaction() as db:
            db.execute(_INSERT_REVIEW, _review_row(review, row, _now()))

    def add_reviews(self, reviews: list[Review]) -> int:
        """Record several decisions at once, all or none (an analyst's pick among namesakes applied
        to every claim of that name); claims no longer in the database are skipped. Returns how
        many were recorded."""
        now = _now()
        written = 0
        with self.transaction() as db:
            for review in reviews:
                row = db.execute("SELECT article_id, settlement_start FROM claims WHERE id = ?",
                                 (review.claim_id,)).fetchone()
                if row is None:
                    continue
                db.execute(_INSERT_REVIEW, _review_row(review, row, now))
                written += 1
        return written

    # -- reading --------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return {table: self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608 (fixed names)
                for table in ("articles", "claims", "reviews")}

    def rows(self, sql: str, params: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        self.db.row_factory = sqlite3.Row
        try:
            return self.db.execute(sql, params).fetchall()
        finally:
            self.db.row_factory = None

    # -- an analyst's rejections, listed and undone ---------------------------------------------
    def rejections(self, claim_ids: list[str]) -> dict[str, tuple[str, str]]:
        """Who rejected each of these claims, and when (the latest rejection of each)."""
        out: dict[str, tuple[str, str]] = {}
        for claim_id, reviewer, created in self.db.execute(
                "SELECT claim_id, reviewer, created_at FROM reviews WHERE action = 'reject' AND claim_id IN "
                "(SELECT value FROM json_each(?)) ORDER BY id", (json.dumps(claim_ids),)):
            out[claim_id] = (reviewer, created)
        return out

    def undo_rejection(self, claim_id: str) -> bool:
        """Withdraw the latest rejection of a claim, as if it had not been made (the review before
        it, if any, holds again); False when the claim has no rejection to withdraw."""
        row = self.db.execute("SELECT article_id, settlement_start FROM claims WHERE id = ?", (claim_id,)).fetchone()
        with self.transaction() as db:
            found = db.execute("SELECT id FROM reviews WHERE action = 'reject' AND (claim_id = ? OR (article_id = ? "
                               "AND settlement_start = ?)) ORDER BY id DESC LIMIT 1",
                               (claim_id, *(row or ("", -1)))).fetchone()
            if found is None:
                return False
            db.execute("DELETE FROM reviews WHERE id = ?", (found[0],))
        return True


_INSERT_REVIEW = ("INSERT INTO reviews (claim_id, article_id, settlement_start, action, geonameid, place_name, admin1, "
                  "lat, lon, event_date, date_precision, reviewer, note, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _review_row(review: Review, claim: tuple, now: str) -> tuple:
    """The row of ``review`` for the claim found as (article_id, settlement_start)."""
    return (review.claim_id, claim[0], claim[1], review.action, review.geonameid, review.place_name, review.admin1,
            review.lat, review.lon, review.event_date.isoformat() if review.event_date else None,
            review.date_precision, review.reviewer, review.note, now)
