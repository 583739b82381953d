"""The one place that caches. Resources (gazetteer, rules, boundaries, place names) load once per
server process; the claims' columns (events.derived) are read once per change of the database and
shared by every session (a few dozen bytes per claim, never copied per session)."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

import geopandas
import numpy as np
import pandas as pd
import streamlit as st

from dashboard import selection
from dashboard.filters import FilterState
from dashboard.mapbuild import MarkerPayload, marker_payload
from dashboard.labels import PlaceLabels, cached_labels, place_labels
from events import Store, derived, load_rules
from events.derived import Snapshot
from events.pipeline import IngestSummary, ingest_paths
from events.rules import Rules
from events.store import DEFAULT_DB
from geodata import Gazetteer
from geodata.boundaries import load_oblasts

SAMPLES = Path(__file__).resolve().parent.parent / "events" / "samples"


def db_path() -> Path:
    """The claims database: $FRONTLINE_DB, else data/claims.sqlite."""
    return Path(os.environ.get("FRONTLINE_DB") or DEFAULT_DB)


@st.cache_resource(show_spinner="Loading the gazetteer…")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@st.cache_resource(show_spinner=False)
def rules() -> Rules:
    return load_rules()


@st.cache_resource(show_spinner=False)
def oblasts() -> geopandas.GeoDataFrame:
    return load_oblasts()


@st.cache_resource(show_spinner=False)
def labels() -> PlaceLabels:
    """Oblast and settlement names for the map, largest first: made once per gazetteer and kept in
    the user's cache folder (~/.cache/frontline-claims), so that a new server starts at once."""
    return cached_labels(lambda: place_labels(gazetteer(), oblasts()))


@st.cache_resource(show_spinner=False)
def towns(min_population: int = 50_000) -> list[tuple[str, float, float]]:
    """Towns named on a briefing PNG for orientation, largest first."""
    from geodata import PlaceKind

    places = sorted((p for p in gazetteer().places(PlaceKind.PLACE) if p.population >= min_population),
                    key=lambda p: -p.population)
    return [(p.name, p.lat, p.lon) for p in places]


@st.cache_resource(show_spinner="Reading the sample articles…")
def samples_loaded(path: str) -> IngestSummary | None:
    """On the first start with an empty database, ingest the bundled sample articles."""
    with Store(path) as store:
        if store.counts()["articles"]:
            return None
        return ingest_paths([SAMPLES], store, gazetteer(), rules())


def _state(path: str) -> tuple[int, bool]:
    """(generation of the columns, whether claims changed since): two indexed look-ups, read only."""
    if not Path(path).exists():
        return 0, True
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30) as db:
            row = db.execute("SELECT (SELECT value FROM v_meta WHERE key = 'generation'), "
                             "(SELECT value FROM v_meta WHERE key = 'version'), "
                             "EXISTS (SELECT 1 FROM v_dirty)").fetchone()
    except sqlite3.Error:  # no derived tables yet
        return 0, True
    generation = int(row[0]) if row[0] and row[1] == derived.DERIVED_VERSION else 0
    return generation, generation == 0 or bool(row[2])


def snapshot(path: str) -> Snapshot:
    """The claims as the map reads them, brought up to date first if anything changed."""
    generation, stale = _state(path)
    if stale:
        with st.spinner("Bringing the map up to date with the new claims…"), Store(path) as store:
            derived.refresh(store)
            generation = derived.generation(store)
    return _load(path, generation)


@st.cache_resource(show_spinner="Reading the claims…", max_entries=2)
def _load(path: str, generation: int) -> Snapshot:
    with Store(path) as store:
        snap = derived.load(store)
    snap.by_day  # noqa: B018 - computed once here, shared by every session
    return snap


@st.cache_data(show_spinner=False, max_entries=16, hash_funcs={np.ndarray: lambda _: 0})
def places(path: str, generation: int, state: FilterState, keep: np.ndarray) -> pd.DataFrame:
    """One row per settlement on the map for these filters (``keep``: their mask, which the
    generation and the filters determine, so it is not hashed)."""
    snap = _load(path, generation)
    rows = selection.place_rows(snap, keep)
    with Store(path) as store:
        frame = derived.frame(store, snap, rows.rows)
    return frame.assign(claims=rows.claims, disputed=rows.disputed)


@st.cache_resource(show_spinner=False, max_entries=16, hash_funcs={np.ndarray: lambda _: 0})
def layer(path: str, generation: int, state: FilterState, keep: np.ndarray) -> MarkerPayload:
    """The claims layer's data for these filters (shared: it is never changed)."""
    return marker_payload(places(path, generation, state, keep))


_LIKE_SPECIAL = re.compile(r"([%_\\])")


@st.cache_resource(show_spinner="Searching…", max_entries=16)
def text_matches(path: str, generation: int, needle: str) -> np.ndarray:
    """The claims whose settlement (as written or its official name) or evidence contains
    ``needle``, ignoring case: a mask over the snapshot's rows."""
    snap = _load(path, generation)
    needle = needle.strip()
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30) as db:
        if needle.isascii():  # LIKE ignores the case of ASCII letters, in C
            pattern = "%" + _LIKE_SPECIAL.sub(r"\\\1", needle) + "%"
            rows = db.execute("SELECT rowid FROM claims WHERE settlement LIKE ?1 ESCAPE '\\' OR evidence LIKE ?1 "
                              "ESCAPE '\\'", (pattern,)).fetchall()
        else:
            folded = needle.casefold()
            db.create_function("has", 1, lambda text: folded in text.casefold() if text else False, deterministic=True)
            rows = db.execute("SELECT rowid FROM claims WHERE has(settlement) OR has(evidence)").fetchall()
    found = np.isin(snap["rid"], np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows)))
    folded = needle.casefold()
    named = np.fromiter((folded in name.casefold() for name in snap.places.name), dtype=bool,
                        count=len(snap.places.name))
    return found | named[snap["key"]]
