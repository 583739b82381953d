"""The one place that caches. Resources (gazetteer, rules, boundaries) load once per server
process; the claims table is re-read only when the database changed (its fingerprint)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import geopandas
import pandas as pd
import streamlit as st

from events import Store, load_rules
from events.pipeline import IngestSummary, ingest_paths
from events.query import claims_frame
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


@st.cache_resource(show_spinner="Reading the sample articles…")
def samples_loaded(path: str) -> IngestSummary | None:
    """On the first start with an empty database, ingest the bundled sample articles."""
    with Store(path) as store:
        if store.counts()["articles"]:
            return None
        return ingest_paths([SAMPLES], store, gazetteer(), rules())


def fingerprint(path: str) -> tuple[int, ...]:
    """Changes whenever articles, claims or reviews change: the key of the claims cache."""
    if not Path(path).exists():
        return (0,)
    with sqlite3.connect(path) as db:
        # re-extraction deletes and re-inserts claims: their largest rowid moves even if counts do not
        return tuple(db.execute(
            "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM claims), "
            "(SELECT COALESCE(MAX(rowid), 0) FROM claims), (SELECT COALESCE(MAX(id), 0) FROM reviews)").fetchone())


@st.cache_data(show_spinner="Reading the claims…", max_entries=4)
def claims(path: str, version: tuple[int, ...]) -> pd.DataFrame:
    """Every claim with events and reviews applied (version: fingerprint(path))."""
    with Store(path) as store:
        return claims_frame(store)
