"""Claims as the map reads them, kept in the claims database: every claim with the analysts'
reviews applied, its event and the event's status, as compact columns, brought up to date place by
place.

Events are derived, never stored as facts: this is a cache of them, rebuilt from the claims and
reviews whenever those change. Reading a million claims into Python objects on every change would
take minutes and gigabytes; instead

- triggers on ``claims``, ``reviews`` and ``articles`` note which articles changed (``v_dirty``);
- ``refresh(store)`` recomputes only the places those articles' claims are (or were) at, with the
  same functions as ``events.query`` (reviews applied, ``events.status.group_events``), and
  rewrites the columns: one array per field (``v_columns``, numpy arrays as blobs), texts as
  numbers into a dictionary (``v_codes``), places in ``v_places``;
- ``load(store)`` reads the columns back in a fraction of a second (a few dozen bytes per claim),
  for the dashboard to filter and aggregate with numpy, sending to the page only what it draws;
- ``frame(store, snapshot, rows)`` gives chosen claims as the rows of ``events.query.claims_frame``.

A first refresh (or one after DERIVED_VERSION changes) builds everything: about a minute per
million claims. Nothing here imports Streamlit.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd

from events.query import CLAIM_COLUMNS
from events.records import Claim, DatePrecision, EventType, Side
from events.status import group_events
from events.store import Store

__all__ = ["DERIVED_VERSION", "Snapshot", "RefreshReport", "refresh", "load", "frame", "generation", "needs_refresh",
           "RANK", "NO_DATE", "CHANGE_TYPES"]

DERIVED_VERSION = "1"
#: Which claim stands for an event on the map: a change, then fighting, then a denial (as
#: dashboard.filters._RANK).
RANK = {"denial": 1, "contested": 2, "partial": 3, "withdrawal": 4, "recapture": 5, "capture": 5}
CHANGE_TYPES = ("capture", "withdrawal", "recapture", "partial")
NO_DATE = 0  # the "day" of a claim of unknown date (days are proleptic Gregorian ordinals)
_EPOCH = dt.date(1800, 1, 1).toordinal()  # ranks count days from here (17 bits reach 2158)
_CHUNK = 20_000  # claims computed at once

_SCHEMA = """
CREATE TABLE IF NOT EXISTS v_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS v_dirty (article_id TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS v_codes (field TEXT NOT NULL, code INTEGER NOT NULL, value TEXT NOT NULL,
                                    PRIMARY KEY (field, code)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS v_places (id INTEGER PRIMARY KEY, keytext TEXT NOT NULL UNIQUE, geonameid INTEGER,
                                     name TEXT NOT NULL, admin1 TEXT NOT NULL, lat REAL, lon REAL);
CREATE TABLE IF NOT EXISTS v_columns (name TEXT PRIMARY KEY, dtype TEXT NOT NULL, data BLOB NOT NULL);
CREATE TRIGGER IF NOT EXISTS v_claim_in AFTER INSERT ON claims
    BEGIN INSERT OR IGNORE INTO v_dirty VALUES (new.article_id); END;
CREATE TRIGGER IF NOT EXISTS v_claim_out AFTER DELETE ON claims
    BEGIN INSERT OR IGNORE INTO v_dirty VALUES (old.article_id); END;
CREATE TRIGGER IF NOT EXISTS v_claim_change AFTER UPDATE ON claims
    BEGIN INSERT OR IGNORE INTO v_dirty VALUES (old.article_id); INSERT OR IGNORE INTO v_dirty VALUES (new.article_id); END;
CREATE TRIGGER IF NOT EXISTS v_review_in AFTER INSERT ON reviews
    BEGIN INSERT OR IGNORE INTO v_dirty VALUES (new.article_id); END;
CREATE TRIGGER IF NOT EXISTS v_review_out AFTER DELETE ON reviews
    BEGIN INSERT OR IGNORE INTO v_dirty VALUES (old.article_id); END;
CREATE TRIGGER IF NOT EXISTS v_article_change AFTER UPDATE ON articles
    BEGIN INSERT OR IGNORE INTO v_dirty VALUES (new.id); END;
"""
_DROP = """
DROP TABLE IF EXISTS v_dirty; DROP TABLE IF EXISTS v_codes; DROP TABLE IF EXISTS v_places; DROP TABLE IF EXISTS v_columns;
DROP TABLE IF EXISTS v_meta;
"""

#: One array per field, in this order; texts are codes into Snapshot.codes[field].
COLUMNS: dict[str, str] = {
    "rid": "int64",  # claims.rowid
    "key": "int32",  # v_places.id: the settlement (or, unplaced, the name as written)
    "article": "int32",  # articles.rowid
    "day": "int32",  # the event date (as reviewed) as a date ordinal; NO_DATE when unknown
    "rank": "int64",  # which claim stands for its place on the map (the largest); -1: not on the map
    "event": "int32",  # code of the event id; -1: rejected, in no event
    "status": "int16", "note": "int32", "source": "int32", "claimant": "int32", "claimant_side": "int16",
    "gaining_side": "int16", "event_type": "int16", "admin1": "int32", "precision": "int16", "review": "int16",
    "reviewer": "int32", "date_by": "int32",  # who fixed the date ("" when nobody)
    "background": "bool", "hedged": "bool", "located": "bool", "ambiguous": "bool", "moved": "bool",
}
_CODED = ("status", "note", "source", "claimant", "claimant_side", "gaining_side", "event_type", "admin1", "precision",
          "review", "reviewer", "date_by", "event")


@dataclass
class Places:
    """The settlements claims are at, by v_places.id (index into each array)."""

    keytext: list[str]
    geonameid: np.ndarray  # float: NaN when none
    name: list[str]
    admin1: list[str]
    lat: np.ndarray
    lon: np.ndarray


@dataclass
class Snapshot:
    """Every claim as compact columns, sorted by place and map rank, with the texts they code."""

    generation: int
    columns: dict[str, np.ndarray]
    codes: dict[str, list[str]]
    places: Places
    _lookup: dict[str, dict[str, int]] = field(default_factory=dict, repr=False)
    #: what readers compute once per snapshot (the options of a filter, the names awaiting a place)
    memo: dict[object, object] = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.columns["rid"])

    def __getitem__(self, name: str) -> np.ndarray:
        return self.columns[name]

    def key_of(self, keytext: str) -> int | None:
        """The place number of a key ("695586": a geonameid; "?yampolivka": a name not yet placed)."""
        if "_keys" not in self._lookup:
            self._lookup["_keys"] = {k: i for i, k in enumerate(self.places.keytext) if k}
        return self._lookup["_keys"].get(keytext)

    def code(self, column: str, value: str) -> int:
        """The code of a text in a column (-2 when no claim has it)."""
        if column not in self._lookup:
            self._lookup[column] = {v: i for i, v in enumerate(self.codes.get(column, []))}
        return self._lookup[column].get(value, -2)

    def values(self, column: str, rows: np.ndarray | slice = slice(None)) -> np.ndarray:
        """The texts of a coded column (for ``rows``), as an object array."""
        table = np.array(self.codes.get(column, []) + [""], dtype=object)  # -1 reads as ""
        return table[self.columns[column][rows]]

    @property
    def nbytes(self) -> int:
        return sum(a.nbytes for a in self.columns.values())

    @cached_property
    def by_day(self) -> np.ndarray:
        """The rows by event date, newest first (claims of one day in reading order)."""
        return np.argsort(-self.columns["day"].astype(np.int64), kind="stable")


@dataclass
class RefreshReport:
    places: int = 0  # recomputed
    claims: int = 0
    full: bool = False
    seconds: float = 0.0


# -- schema and state ----------------------------------------------------------------------------
def _meta(db: sqlite3.Connection, key: str) -> str | None:
    try:
        row = db.execute("SELECT value FROM v_meta WHERE key = ?", (key,)).fetchone()
    except sqlite3.OperationalError:  # no derived tables yet
        return None
    return row[0] if row else None


def generation(store: Store) -> int:
    """Changes whenever the columns change (0: never built)."""
    value = _meta(store.db, "generation")
    return int(value) if value and _meta(store.db, "version") == DERIVED_VERSION else 0


def needs_refresh(store: Store) -> bool:
    """True when claims, reviews or articles changed since the last refresh (one indexed look-up)."""
    if generation(store) == 0:
        return True
    return store.db.execute("SELECT EXISTS (SELECT 1 FROM v_dirty)").fetchone()[0] == 1


# -- reviews, as events.query.apply_reviews applies them ----------------------------------------------
@dataclass
class _ReviewState:
    action: str = ""
    reviewer: str = ""
    move: tuple[int, str, str, float, float] | None = None  # geonameid, place_name, admin1, lat, lon
    date: tuple[str, str] | None = None  # event_date, precision
    date_by: str = ""


def _review_states(db: sqlite3.Connection) -> dict[int, _ReviewState]:
    """Each reviewed claim's state (by claims.rowid): the latest review's action and reviewer, the
    latest move and date fix. A review follows its claim through re-extraction by the claim's
    article and place in the text when its id changed."""
    states: dict[int, _ReviewState] = defaultdict(_ReviewState)
    for r in db.execute("SELECT claim_id, article_id, settlement_start, action, geonameid, place_name, admin1, lat, "
                        "lon, event_date, date_precision, reviewer FROM reviews ORDER BY id").fetchall():
        found = db.execute("SELECT rowid FROM claims WHERE id = ?", (r[0],)).fetchone() or db.execute(
            "SELECT c.rowid FROM claims c WHERE c.article_id = ? AND c.settlement_start = ? "
            "ORDER BY c.evidence_start DESC, c.rowid DESC LIMIT 1", (r[1], r[2])).fetchone()
        if found is None:
            continue
        state = states[found[0]]
        state.action, state.reviewer = r[3], r[11]
        if r[3] == "move":
            state.move = (int(r[4]), r[5], r[6], float(r[7]), float(r[8]))
        elif r[3] == "fix_date":
            state.date, state.date_by = (r[9], r[10] or "day"), r[11]
    return dict(states)


def _key(geonameid: int | None, settlement: str) -> str:
    return str(geonameid) if geonameid is not None else f"?{settlement.lower()}"


# -- computing rows ------------------------------------------------------------------------------
_ROW_SQL = """
SELECT c.rowid, c.id, c.article_id, a.rowid, COALESCE(a.published, ''), a.path, c.evidence_start, c.settlement,
       c.settlement_start, c.settlement_end, c.geonameid, c.place_name, c.place_status, c.admin1, c.lat, c.lon,
       c.event_type, c.gaining_side, c.claimant, c.claimant_side, c.hedged, c.event_date, c.date_precision,
       c.evidence_end, c.denied_side, c.background, a.source
FROM claims c JOIN articles a ON a.id = c.article_id
WHERE c.rowid IN (SELECT value FROM json_each(?))
"""


class _Codes:
    """Texts as numbers, append-only; new ones are written with the columns."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.values: dict[str, list[str]] = defaultdict(list)
        self.index: dict[str, dict[str, int]] = defaultdict(dict)
        for name, code, value in db.execute("SELECT field, code, value FROM v_codes ORDER BY field, code"):
            self.values[name].append(value)
            self.index[name][value] = code
        self.new: list[tuple[str, int, str]] = []

    def __call__(self, name: str, value: str) -> int:
        index = self.index[name]
        code = index.get(value)
        if code is None:
            code = index[value] = len(self.values[name])
            self.values[name].append(value)
            self.new.append((name, code, value))
        return code


class _PlaceIds:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.ids = dict(db.execute("SELECT keytext, id FROM v_places"))
        self.new: list[tuple[int, str, int | None, str, str, float | None, float | None]] = []

    def __call__(self, keytext: str, geonameid: int | None, name: str, admin1: str, lat: float | None,
                 lon: float | None) -> int:
        found = self.ids.get(keytext)
        if found is None:
            found = self.ids[keytext] = len(self.ids) + 1
            self.new.append((found, keytext, geonameid, name, admin1, lat, lon))
        return found


def _rank(event_end: int, kind: str, day: int, seq: int) -> int:
    return ((((max(event_end - _EPOCH, 0) << 3) | RANK.get(kind, 0)) << 17 | max(day - _EPOCH, 0)) << 24) | seq


def _compute(db: sqlite3.Connection, rowids: Sequence[int], reviews: dict[int, _ReviewState], codes: _Codes,
             places: _PlaceIds) -> dict[str, list]:
    """The columns of these claims (every claim of their places must be among them)."""
    rows = db.execute(_ROW_SQL, (json.dumps(list(rowids)),)).fetchall()
    # the order events.query.claims_frame reads claims in: it decides ties, as there
    rows.sort(key=lambda r: (r[4], r[5], r[6], r[0]))
    out: dict[str, list] = {name: [] for name in COLUMNS}
    claims: list[Claim] = []
    keys: list[int] = []
    sources: dict[str, str] = {}
    for r in rows:
        (rid, cid, article_id, article, _, _, evidence_start, settlement, settlement_start, settlement_end, geonameid,
         place_name, place_status, admin1, lat, lon, event_type, gaining_side, claimant, claimant_side, hedged,
         event_date, precision, evidence_end, denied_side, background, source) = r
        state = reviews.get(rid) or _ReviewState()
        if state.move is not None:
            geonameid, place_name, admin1, lat, lon = state.move
        if state.date is not None:
            event_date, precision = state.date
        key = places(_key(geonameid, settlement), geonameid, place_name or settlement, admin1, lat, lon)
        day = dt.date.fromisoformat(event_date).toordinal() if event_date else NO_DATE
        rejected = state.action == "reject"
        out["rid"].append(rid)
        out["key"].append(key)
        out["article"].append(article)
        out["day"].append(day)
        out["source"].append(codes("source", source or ""))
        out["claimant"].append(codes("claimant", claimant))
        out["claimant_side"].append(codes("claimant_side", claimant_side))
        out["gaining_side"].append(codes("gaining_side", gaining_side))
        out["event_type"].append(codes("event_type", event_type))
        out["admin1"].append(codes("admin1", admin1 or ""))
        out["precision"].append(codes("precision", precision if event_date else "unknown"))
        out["review"].append(codes("review", state.action))
        out["reviewer"].append(codes("reviewer", state.reviewer))
        out["date_by"].append(codes("date_by", state.date_by))
        out["background"].append(bool(background))
        out["hedged"].append(bool(hedged))
        out["located"].append(lat is not None and lon is not None)
        out["ambiguous"].append(place_status == "ambiguous" and state.move is None and not rejected)
        out["moved"].append(state.move is not None)
        keys.append(key)
        sources[article_id] = source or ""
        if rejected:
            claims.append(None)  # type: ignore[arg-type]
            continue
        date = dt.date.fromisoformat(event_date) if event_date else None
        claims.append(Claim(
            id=cid, article_id=article_id, settlement=settlement, settlement_start=settlement_start,
            settlement_end=settlement_end, geonameid=geonameid, place_name=place_name, place_status=place_status,
            place_candidates=(), event_type=EventType(event_type), gaining_side=Side(gaining_side), claimant=claimant,
            claimant_side=Side(claimant_side), claimant_kind="", via="", hedged=bool(hedged), event_date=date,
            date_precision=DatePrecision(precision) if date else DatePrecision.UNKNOWN, date_basis="", evidence="",
            evidence_start=evidence_start, evidence_end=evidence_end, confidence=0.5, extractor_version="",
            denied_side=Side(denied_side), background=bool(background)))
    events = group_events((c for c in claims if c is not None), sources)
    by_claim = {cid: e for e in events for cid in e.claim_ids}
    # the map's rank: the latest event (its last date), then the kind of claim, its date, its order
    event_end: dict[str, int] = {}
    for claim, day in zip(claims, out["day"]):
        if claim is not None and day != NO_DATE:
            event = by_claim[claim.id].id
            event_end[event] = max(event_end.get(event, 0), day)
    seq: dict[int, int] = defaultdict(int)
    for claim, key, day, located in zip(claims, keys, out["day"], out["located"]):
        seq[key] += 1
        if claim is None:
            out["event"].append(-1)
            out["status"].append(codes("status", "rejected"))
            out["note"].append(codes("note", ""))
            out["rank"].append(-1)
            continue
        event = by_claim[claim.id]
        out["event"].append(codes("event", event.id))
        out["status"].append(codes("status", str(event.status)))
        out["note"].append(codes("note", event.note))
        on_map = located and day != NO_DATE
        out["rank"].append(_rank(event_end[event.id], str(claim.event_type), day, seq[key]) if on_map else -1)
    return out


# -- refreshing ----------------------------------------------------------------------------------
def _read_columns(db: sqlite3.Connection) -> dict[str, np.ndarray]:
    found = {name: np.frombuffer(data, dtype=dtype).copy() if data else np.empty(0, dtype=dtype)
             for name, dtype, data in db.execute("SELECT name, dtype, data FROM v_columns")}
    if set(found) != set(COLUMNS):
        return {name: np.empty(0, dtype=dtype) for name, dtype in COLUMNS.items()}
    return found


def _write(db: sqlite3.Connection, columns: dict[str, np.ndarray], codes: _Codes, places: _PlaceIds) -> None:
    order = np.lexsort((columns["rank"], columns["key"]))
    db.executemany("INSERT OR REPLACE INTO v_columns VALUES (?, ?, ?)",
                   [(name, dtype, np.ascontiguousarray(columns[name][order], dtype=dtype).tobytes())
                    for name, dtype in COLUMNS.items()])
    db.executemany("INSERT INTO v_codes VALUES (?, ?, ?)", codes.new)
    db.executemany("INSERT INTO v_places VALUES (?, ?, ?, ?, ?, ?, ?)", places.new)
    db.execute("DELETE FROM v_dirty")
    current = int(_meta(db, "generation") or 0)
    db.executemany("INSERT OR REPLACE INTO v_meta VALUES (?, ?)",
                   [("generation", str(current + 1)), ("version", DERIVED_VERSION)])


def _chunks(groups: Iterable[list[int]], size: int = _CHUNK) -> Iterator[list[int]]:
    """Whole places at a time, about ``size`` claims each."""
    chunk: list[int] = []
    for group in groups:
        chunk += group
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _as_arrays(parts: list[dict[str, list]]) -> dict[str, np.ndarray]:
    return {name: np.concatenate([np.asarray(p[name], dtype=dtype) for p in parts] or [np.empty(0, dtype=dtype)])
            for name, dtype in COLUMNS.items()}


def refresh(store: Store, progress: Callable[[int], None] | None = None) -> RefreshReport:
    """Bring the columns up to date with the claims, reviews and articles; returns what it did
    (``progress(claims)`` after each chunk). One write transaction: readers see the old columns
    until it commits, and an interrupted refresh leaves them as they were."""
    started = time.perf_counter()
    report = RefreshReport()
    if not needs_refresh(store):
        return report
    db = store.db
    if _meta(db, "version") not in (None, DERIVED_VERSION):  # another layout: build anew
        db.executescript(_DROP)
    db.executescript(_SCHEMA)
    with store.transaction():
        full = int(_meta(db, "generation") or 0) == 0
        if not full and db.execute("SELECT EXISTS (SELECT 1 FROM v_dirty)").fetchone()[0] == 0:
            return report  # another process refreshed meanwhile
        reviews = _review_states(db)
        codes, places = _Codes(db), _PlaceIds(db)
        if full:
            keep, groups = None, _all_groups(db, reviews)
        else:
            keep, groups = _dirty_groups(db, _read_columns(db), reviews, places)
        parts = []
        for chunk in _chunks(groups):
            parts.append(_compute(db, chunk, reviews, codes, places))
            report.claims += len(chunk)
            if progress:
                progress(report.claims)
        new = _as_arrays(parts)
        report.full, report.places = full, len(np.unique(new["key"]))
        if keep is not None:
            new = {name: np.concatenate([keep[name], new[name]]) for name in COLUMNS}
        _write(db, new, codes, places)
    report.seconds = time.perf_counter() - started
    return report


def _effective_keys(db: sqlite3.Connection, sql: str, params: tuple, reviews: dict[int, _ReviewState]
                    ) -> Iterator[tuple[int, str]]:
    for rid, geonameid, settlement in db.execute(sql, params):
        state = reviews.get(rid)
        yield rid, _key(state.move[0], settlement) if state and state.move else _key(geonameid, settlement)


def _all_groups(db: sqlite3.Connection, reviews: dict[int, _ReviewState]) -> list[list[int]]:
    by_key: dict[str, list[int]] = defaultdict(list)
    for rid, key in _effective_keys(db, "SELECT rowid, geonameid, settlement FROM claims", (), reviews):
        by_key[key].append(rid)
    return [by_key[k] for k in sorted(by_key)]


def _dirty_groups(db: sqlite3.Connection, old: dict[str, np.ndarray], reviews: dict[int, _ReviewState],
                  places: _PlaceIds) -> tuple[dict[str, np.ndarray], list[list[int]]]:
    """The rows that stay as they are, and the claims to compute, place by place: every claim of
    every place that a changed article's claims are at, or were at."""
    dirty = np.asarray([r[0] for r in db.execute(
        "SELECT a.rowid FROM v_dirty d JOIN articles a ON a.id = d.article_id")], dtype=np.int32)
    gone = np.isin(old["article"], dirty)  # rows of changed articles: read again from the claims table
    fresh: dict[str, list[int]] = defaultdict(list)
    for rid, key in _effective_keys(db, "SELECT c.rowid, c.geonameid, c.settlement FROM claims c JOIN articles a "
                                        "ON a.id = c.article_id WHERE a.rowid IN (SELECT value FROM json_each(?))",
                                    (json.dumps(dirty.tolist()),), reviews):
        fresh[key].append(rid)
    touched = set(old["key"][gone].tolist()) | {places.ids[k] for k in fresh if k in places.ids}
    in_touched = np.isin(old["key"], np.asarray(sorted(touched), dtype=np.int32))
    keytext = {i: k for k, i in places.ids.items()}
    groups: dict[str, list[int]] = defaultdict(list)
    others = in_touched & ~gone
    for rid, key in zip(old["rid"][others].tolist(), old["key"][others].tolist()):
        groups[keytext[key]].append(rid)
    for key, rids in fresh.items():
        groups[key] += rids
    stays = ~in_touched & ~gone
    return {name: column[stays] for name, column in old.items()}, list(groups.values())


# -- reading -------------------------------------------------------------------------------------
def load(store: Store) -> Snapshot:
    """The columns as last refreshed (empty before the first refresh)."""
    db = store.db
    gen = generation(store)
    if gen == 0:
        columns = {name: np.empty(0, dtype=dtype) for name, dtype in COLUMNS.items()}
        return Snapshot(0, columns, {}, Places([], np.empty(0), [], [], np.empty(0), np.empty(0)))
    columns = {name: np.frombuffer(data, dtype=dtype)
               for name, dtype, data in db.execute("SELECT name, dtype, data FROM v_columns")}
    codes: dict[str, list[str]] = defaultdict(list)
    for name, value in db.execute("SELECT field, value FROM v_codes ORDER BY field, code"):
        codes[name].append(value)
    rows = db.execute("SELECT id, keytext, geonameid, name, admin1, lat, lon FROM v_places ORDER BY id").fetchall()
    size = (rows[-1][0] + 1) if rows else 1
    keytext, name, admin1 = [""] * size, [""] * size, [""] * size
    geonameid, lat, lon = np.full(size, np.nan), np.full(size, np.nan), np.full(size, np.nan)
    for i, k, g, n, a, la, lo in rows:
        keytext[i], name[i], admin1[i] = k, n, a
        geonameid[i] = np.nan if g is None else g
        lat[i] = np.nan if la is None else la
        lon[i] = np.nan if lo is None else lo
    return Snapshot(gen, columns, dict(codes), Places(keytext, geonameid, name, admin1, lat, lon))


_FRAME_SQL = """
SELECT c.rowid AS rid, c.id AS claim_id, a.path AS article, a.source AS source, a.published AS published,
       a.published_precision AS published_precision, a.url AS url, a.title AS title, c.settlement, c.place_name,
       c.geonameid, c.admin1, c.lat, c.lon, c.place_status, c.place_candidates, c.event_type, c.gaining_side,
       c.claimant, c.claimant_side, c.hedged, c.event_date, c.date_precision, c.date_basis, c.evidence, c.background,
       c.claimant_kind, c.via, c.admin2, c.country, c.confidence, c.article_id, c.evidence_start, c.evidence_end,
       c.evidence_spans, c.extractor_version
FROM json_each(?) j CROSS JOIN claims c ON c.rowid = j.value JOIN articles a ON a.id = c.article_id
"""


def _spans(text: str) -> str:
    """ "[[12, 80], [300, 412]]" (as the store writes it) -> "12-80; 300-412"."""
    if text.startswith("[[") and text.endswith("]]"):
        return text[2:-2].replace("], [", "; ").replace(", ", "-")
    return "; ".join(f"{a}-{b}" for a, b in json.loads(text))


def _ids(text: str) -> str:
    """ "[1, 2, 3]" -> "1;2;3"."""
    return text[1:-1].replace(", ", ";") if text.startswith("[") else ";".join(map(str, json.loads(text)))


def frame(store: Store, snapshot: Snapshot, rows: np.ndarray | Sequence[int]) -> pd.DataFrame:
    """The claims at these snapshot rows, in this order, as events.query.claims_frame gives them
    (columns CLAIM_COLUMNS, then ``key``, the place's number in the snapshot)."""
    rows = np.asarray(rows, dtype=np.int64)
    if len(rows) == 0:
        return pd.DataFrame(columns=[*CLAIM_COLUMNS, "key"])
    s, places = snapshot, snapshot.places
    rids = s["rid"][rows]
    cursor = store.db.execute(_FRAME_SQL, (json.dumps(rids.tolist()),))
    out = pd.DataFrame.from_records(cursor.fetchall(), columns=[d[0] for d in cursor.description])
    out = out.set_index("rid").reindex(rids).reset_index(drop=True)
    keys = s["key"][rows]
    out["published"] = [pub[:7] if prec == "month" else pub[:4] if prec == "year" else pub for pub, prec in
                        zip(out["published"].fillna("").tolist(), out["published_precision"].fillna("").tolist())]
    moved = s["moved"][rows]
    if moved.any():  # an analyst's move: the place chosen
        out.loc[moved, "geonameid"] = places.geonameid[keys[moved]]
        out.loc[moved, "place_name"] = np.asarray(places.name, dtype=object)[keys[moved]]
        out.loc[moved, "admin1"] = np.asarray(places.admin1, dtype=object)[keys[moved]]
        out.loc[moved, "lat"] = places.lat[keys[moved]]
        out.loc[moved, "lon"] = places.lon[keys[moved]]
        out.loc[moved, "place_status"] = "reviewed"
    fixed = s.values("date_by", rows) != ""
    if fixed.any():  # an analyst's date
        out.loc[fixed, "event_date"] = [dt.date.fromordinal(int(d)).isoformat() for d in s["day"][rows][fixed]]
        out.loc[fixed, "date_precision"] = s.values("precision", rows)[fixed]
        out.loc[fixed, "date_basis"] = ["set by " + name for name in s.values("date_by", rows)[fixed]]
    out["geonameid"] = out["geonameid"].astype("Int64")
    out["hedged"] = out["hedged"].astype(bool)
    out["background"] = out["background"].astype(bool)
    out["evidence_spans"] = [_spans(x) for x in out["evidence_spans"].tolist()]
    out["place_candidates"] = [_ids(x) for x in out["place_candidates"].tolist()]
    out["review"] = s.values("review", rows)
    out["reviewer"] = s.values("reviewer", rows)
    out["event_id"] = s.values("event", rows)
    out["status"] = s.values("status", rows)
    out["status_note"] = s.values("note", rows)
    out["key"] = keys
    return out[[*CLAIM_COLUMNS, "key"]]
