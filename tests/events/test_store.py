"""The claims database: idempotent, one transaction per article, reviews that outlive re-extraction."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from events import Store, StoreError, extract_claims
from events.pipeline import ingest_paths
from events.query import claims_frame
from events.store import Review
from tests.conftest import ROOT, SAMPLES

TEMPLATE = ("published: 2024-05-{day:02d}\nsource: Test Wire\n---\n"
            "Russian forces captured {a} on Monday, the Russian defence ministry said in report {n}.\n"
            "Ukrainian troops withdrew from {b}, the General Staff of Ukraine said.\n")
PAIRS = [("Robotyne", "Vovchansk"), ("Krynky", "Lukyantsi"), ("Soledar", "Avdiivka"), ("Vuhledar", "Marinka")]


def write_corpus(folder, n):
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        a, b = PAIRS[i % len(PAIRS)]
        (folder / f"art{i:04d}.txt").write_text(TEMPLATE.format(day=1 + i % 28, a=a, b=b, n=i), encoding="utf-8")


def test_ingesting_twice_changes_nothing(tmp_path, gazetteer, rules):
    with Store(tmp_path / "c.sqlite") as store:
        first = ingest_paths([SAMPLES], store, gazetteer, rules)
        counts = store.counts()
        again = ingest_paths([SAMPLES], store, gazetteer, rules)
        assert (first.new, again.new, again.unchanged, again.claims) == (5, 0, 5, 0)
        assert store.counts() == counts and counts["claims"] == first.claims > 15


def test_the_same_text_under_another_name_is_the_same_article(tmp_path, gazetteer, rules):
    copy = tmp_path / "copy"
    copy.mkdir()
    text = (SAMPLES / "003_ada23af045bcfabe.txt").read_text(encoding="utf-8")
    (copy / "renamed.txt").write_text(text + "\n\n", encoding="utf-8")
    with Store(tmp_path / "c.sqlite") as store:
        ingest_paths([SAMPLES], store, gazetteer, rules)
        summary = ingest_paths([copy], store, gazetteer, rules)
        assert (summary.new, summary.unchanged) == (0, 1)


def test_reextraction_replaces_machine_claims_but_keeps_reviews(tmp_path, gazetteer, rules, sample_articles):
    article = sample_articles["003"]
    claims = list(extract_claims(article, gazetteer, rules).claims)
    with Store(tmp_path / "c.sqlite") as store:
        store.ingest(article, claims, {}, "old-version")
        target = claims[0]
        store.add_review(Review(target.id, "reject", reviewer="analyst A", note="misread"))
        store.add_review(Review(claims[1].id, "fix_date", reviewer="analyst B", event_date=target.event_date.replace(day=10),
                                date_precision="day"))
        result = store.ingest(article, claims[:3], {}, rules.version)  # a newer extractor finds fewer claims
        assert result.outcome == "re-extracted"
        assert store.counts() == {"articles": 1, "claims": 3, "reviews": 2}
        frame = claims_frame(store).set_index("claim_id")
        assert frame.loc[target.id, "review"] == "reject" and frame.loc[target.id, "status"] == "rejected"
        assert frame.loc[claims[1].id, "event_date"] == "2023-11-10" and "analyst B" in frame.loc[claims[1].id, "date_basis"]


def test_a_move_review_re_places_a_claim(tmp_path, gazetteer, rules, sample_articles):
    article = sample_articles["000"]
    claims = list(extract_claims(article, gazetteer, rules).claims)
    kupiansk = gazetteer.place(703656)
    with Store(tmp_path / "c.sqlite") as store:
        store.ingest(article, claims, {}, rules.version)
        store.add_review(Review(claims[0].id, "move", reviewer="analyst", geonameid=kupiansk.geonameid,
                                place_name=kupiansk.name, admin1=kupiansk.admin1, lat=kupiansk.lat, lon=kupiansk.lon))
        row = claims_frame(store).set_index("claim_id").loc[claims[0].id]
        assert (row["place_name"], row["geonameid"], row["place_status"]) == ("Kupiansk", 703656, "reviewed")


@pytest.mark.parametrize("kwargs, message", [
    ({"action": "approve"}, "confirm, reject, move, fix_date"),
    ({"action": "reject", "reviewer": " "}, "reviewer"),
    ({"action": "move"}, "new place"),
    ({"action": "fix_date"}, "new date"),
])
def test_reviews_check_themselves(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Review(claim_id="x", **{"reviewer": "a", **kwargs})


def test_a_file_that_is_not_a_database_is_refused_clearly(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="not a usable claims database"):
        Store(path)
    assert path.read_text().startswith("these are my notes")  # nothing lost


def test_a_kill_in_the_middle_of_a_batch_leaves_no_half_article(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "c.sqlite"
    write_corpus(corpus, 400)
    process = subprocess.Popen([sys.executable, "-m", "events", "ingest", str(corpus), "--db", str(db)], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline:
        time.sleep(0.05)
        try:
            with sqlite3.connect(db, timeout=1) as probe:
                stored = probe.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        except sqlite3.Error:
            continue
        if stored >= 20:
            break
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert 20 <= stored < 400, "the batch must be killed in the middle"
    with sqlite3.connect(db) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        per_article = check.execute("SELECT a.id, COUNT(c.id) FROM articles a LEFT JOIN claims c ON c.article_id = a.id "
                                    "GROUP BY a.id").fetchall()
    assert len(per_article) >= 20
    assert {n for _, n in per_article} == {2}  # every stored article has both of its claims
    rerun = subprocess.run([sys.executable, "-m", "events", "ingest", str(corpus), "--db", str(db)], cwd=ROOT,
                           capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0 and f"already in the database {len(per_article)}" in rerun.stdout
