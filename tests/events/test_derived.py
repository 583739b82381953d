"""The map's columns (events.derived): the same claims, reviews and events as events.query's
claims_frame, kept up to date place by place as articles, reviews and extractions change."""

import datetime as dt
import shutil
import sqlite3

import numpy as np
import pandas as pd
import pytest

from events import Store, derived, extract_claims
from events.pipeline import ingest_paths
from events.query import CLAIM_COLUMNS, claims_frame
from events.store import Review
from tests.conftest import SAMPLES

EXTRA = ("published: 2024-05-20\nsource: Test Wire\n---\nRussian troops captured Krynky on Monday, the Russian "
         "defence ministry said. Heavy fighting in Andriivka continued, officials said. Ukrainian forces retook "
         "Robotyne, the General Staff of Ukraine said.\n")


def as_read(store):
    """Every claim as the columns give it, in claims_frame's columns, by claim id."""
    snapshot = derived.load(store)
    frame = derived.frame(store, snapshot, np.arange(len(snapshot)))
    return frame[list(CLAIM_COLUMNS)].set_index("claim_id").sort_index()


def reference(store):
    return claims_frame(store).set_index("claim_id").sort_index()


def assert_same(left: pd.DataFrame, right: pd.DataFrame) -> None:
    assert list(left.index) == list(right.index)
    for column in right.columns:
        a, b = left[column].astype(object), right[column].astype(object)
        same = (a == b) | (a.isna() & b.isna())
        assert same.all(), (column, a[~same].head(3).tolist(), b[~same].head(3).tolist())


@pytest.fixture
def store(tmp_path, gazetteer, rules):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "extra.txt").write_text(EXTRA, encoding="utf-8")
    with Store(tmp_path / "c.sqlite") as store:
        ingest_paths([SAMPLES, tmp_path / "in"], store, gazetteer, rules)
        yield store


def test_the_columns_hold_what_claims_frame_reads(store):
    assert derived.needs_refresh(store)
    report = derived.refresh(store)
    assert report.full and report.claims == store.counts()["claims"] > 20
    assert not derived.needs_refresh(store)
    assert_same(as_read(store), reference(store))


def test_reviews_and_new_articles_refresh_only_their_places(store, gazetteer, tmp_path, rules):
    derived.refresh(store)
    ids = reference(store)
    robotyne = ids[ids["place_name"] == "Robotyne"].index
    krynky = ids[ids["settlement"] == "Krynky"].index[0]
    place = next(c.place for c in gazetteer.exact("Krynky") if c.place.admin1 == "Kherson Oblast")
    store.add_review(Review(robotyne[0], "reject", "analyst A"))
    store.add_review(Review(robotyne[1], "fix_date", "analyst B", event_date=dt.date(2024, 5, 1), date_precision="month"))
    store.add_review(Review(krynky, "move", "analyst C", geonameid=place.geonameid, place_name=place.name,
                            admin1=place.admin1, lat=place.lat, lon=place.lon))
    report = derived.refresh(store)
    # only the places of the articles the reviews touched
    assert not report.full and 0 < report.places < len(set(derived.load(store)["key"].tolist()))
    assert_same(as_read(store), reference(store))
    assert store.undo_rejection(robotyne[0]) and not store.undo_rejection(robotyne[0])
    derived.refresh(store)
    assert_same(as_read(store), reference(store))
    read = as_read(store)
    assert read.loc[robotyne[0], "status"] != "rejected" and read.loc[krynky, "place_status"] == "reviewed"


def test_re_extraction_and_a_changed_source_refresh_the_columns(store, sample_articles, gazetteer, rules):
    derived.refresh(store)
    article = sample_articles["003"]
    claims = list(extract_claims(article, gazetteer, rules).claims)
    store.ingest(article, claims[:2], {}, "a newer extractor")  # fewer claims now
    derived.refresh(store)
    assert_same(as_read(store), reference(store))
    with store.transaction() as db:
        db.execute("UPDATE articles SET source = 'Renamed Wire' WHERE id = ?", (article.id,))
    assert derived.needs_refresh(store)
    derived.refresh(store)
    assert_same(as_read(store), reference(store))


def test_a_refresh_gives_what_a_build_from_scratch_gives(store, tmp_path):
    derived.refresh(store)
    ids = reference(store).index
    for claim_id in ids[:6:2]:
        store.add_review(Review(claim_id, "confirm", "analyst D"))
    derived.refresh(store)
    copy = tmp_path / "copy.sqlite"
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(store.path, copy)
    with sqlite3.connect(copy) as db:
        db.execute("DELETE FROM v_meta")  # as if never built
    with Store(copy) as fresh:
        assert derived.refresh(fresh).full
        assert_same(as_read(fresh), as_read(store))


def test_another_layout_of_the_columns_is_rebuilt(store, monkeypatch):
    derived.refresh(store)
    monkeypatch.setattr(derived, "DERIVED_VERSION", "999")
    assert derived.needs_refresh(store) and derived.refresh(store).full
    assert_same(as_read(store), reference(store))
