"""Ingestion on every core: a pool of extracting processes, one writer, the same result and the
same behaviour (progress, skipped files, Ctrl-C) as one process."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

import events.pipeline
from events import Store
from events.pipeline import ingest_paths
from tests.conftest import ROOT, SAMPLES
from tests.events.test_store import write_corpus

COLUMNS = "id, article_id, settlement, geonameid, event_type, gaining_side, claimant, event_date, evidence, background"


def stored(db):
    with sqlite3.connect(db) as check:
        return (sorted(check.execute(f"SELECT {COLUMNS} FROM claims").fetchall()),
                sorted(check.execute("SELECT id, path, source, published FROM articles").fetchall()))


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    write_corpus(folder, 30)
    for sample in SAMPLES.glob("*.txt"):
        (folder / sample.name).write_text(sample.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "zz_copy_of_003.txt").write_text((SAMPLES / "003_ada23af045bcfabe.txt").read_text(encoding="utf-8"))
    (folder / "empty.txt").write_text("")
    (folder / "boom.txt").write_text("Russian forces captured Soledar on Monday, the ministry said.\n")
    return folder


def test_a_pool_of_workers_stores_what_one_process_stores_and_says_the_same(corpus, tmp_path, gazetteer, rules,
                                                                          monkeypatch):
    real = events.pipeline.extract_claims

    def fragile(article, *args, **kwargs):  # one article breaks the extractor: a line, not a stop
        if article.path.endswith("boom.txt"):
            raise RuntimeError("the extractor tripped")
        return real(article, *args, **kwargs)

    monkeypatch.setattr(events.pipeline, "extract_claims", fragile)  # forked workers inherit it
    runs = {}
    for workers in (1, 2):
        lines = []
        with Store(tmp_path / f"w{workers}.sqlite") as store:
            summary = ingest_paths([corpus], store, gazetteer, rules, progress=lambda n, path, what: lines.append((n, path, what)),
                                   workers=workers)
        runs[workers] = summary, lines, stored(tmp_path / f"w{workers}.sqlite")
    (one, one_lines, one_db), (two, two_lines, two_db) = runs[1], runs[2]
    assert two_db == one_db and len(one_db[0]) > 60
    assert two_lines == one_lines  # progress in the order of the files, with the same words
    assert (two.read, two.new, two.unchanged, two.claims) == (one.read, one.new, one.unchanged, one.claims)
    assert two.unchanged == 1  # the copy of 003 under another name
    assert two.skipped == one.skipped and len(two.skipped) == 2
    assert any("boom.txt" in s.path and "RuntimeError while extracting its claims (the extractor tripped)" in s.reason
               for s in two.skipped)
    assert sorted(two.ambiguous) == sorted(one.ambiguous) and sorted(two.unknown) == sorted(one.unknown)


def test_ctrl_c_stops_every_worker_and_keeps_every_finished_article(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "c.sqlite"
    write_corpus(corpus, 400)
    # (Ctrl-C as on a terminal: a child of a process that ignores SIGINT would inherit that, so it
    # gets the default action back)
    process = subprocess.Popen([sys.executable, "-m", "events", "ingest", str(corpus), "--db", str(db),
                                "--workers", "2"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    # wait for 20 articles stored, as the progress lines tell it (a probe of the database may find it
    # locked until the very end on a busy machine, and then the signal comes too late)
    stored_lines = []
    while len(stored_lines) < 20:
        line = process.stderr.readline()
        if not line:
            break  # the ingestion ended
        if "claims (new)" in line:
            stored_lines.append(line)
    os.killpg(process.pid, signal.SIGINT)  # Ctrl-C reaches the whole group, as on a terminal
    _, err = process.communicate(timeout=60)
    assert len(stored_lines) == 20, "the ingestion ended before 20 articles were stored"
    assert process.returncode == 130
    assert "interrupted: every article finished so far is stored" in err and "Traceback" not in err
    time.sleep(0.5)
    with pytest.raises(ProcessLookupError):
        os.killpg(process.pid, 0)  # no worker left behind
    with sqlite3.connect(db) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        per_article = check.execute("SELECT a.id, COUNT(c.id) FROM articles a LEFT JOIN claims c ON c.article_id = a.id "
                                    "GROUP BY a.id").fetchall()
    assert 20 <= len(per_article) < 400 and {n for _, n in per_article} == {2}


def test_a_writer_killed_outright_leaves_no_worker_behind(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "c.sqlite"
    write_corpus(corpus, 400)
    process = subprocess.Popen([sys.executable, "-m", "events", "ingest", str(corpus), "--db", str(db),
                                "--workers", "2"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    deadline = time.monotonic() + 120
    count = 0
    while time.monotonic() < deadline and count < 10:
        time.sleep(0.05)
        try:
            with sqlite3.connect(db, timeout=1) as probe:
                count = probe.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        except sqlite3.Error:
            continue
    os.kill(process.pid, signal.SIGKILL)  # the writer only, as the OOM killer would
    process.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.2)
    else:
        os.killpg(process.pid, signal.SIGKILL)
        pytest.fail("workers outlived the writer")
