"""python -m events, as a script would run it."""

import csv
import subprocess
import sys

from tests.conftest import ROOT


def run(*args):
    return subprocess.run([sys.executable, "-m", "events", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_ingest_reports_progress_and_a_summary_with_skipped_files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Russian troops entered Vovchansk on Monday, the ministry in Moscow said.\n")
    (folder / "empty.txt").write_text("")
    (folder / "notes.pdf").write_bytes(b"%PDF")
    (folder / "maybe.txt").write_text("Fighting raged near Andriivka, officials said.\n")
    db = tmp_path / "c.sqlite"
    out = run("ingest", str(folder), "--db", str(db), "--source", "Test Wire", "--published", "2024-05-15")
    assert out.returncode == 0, out.stderr
    assert "[4/4]" in out.stderr  # progress, one line per file when not on a terminal
    assert "articles read: 2" in out.stdout and "skipped: 2" in out.stdout
    assert "empty.txt: empty file" in out.stdout and "notes.pdf: unsupported file type" in out.stdout
    assert "ambiguous places: 1" in out.stdout and "'Andriivka' could be 74 places" in out.stdout


def test_export_writes_every_format(tmp_path):
    db = tmp_path / "c.sqlite"
    assert run("ingest", "events/samples", "--db", str(db)).returncode == 0
    for fmt in ("csv", "geojson", "parquet", "acled"):
        out = run("export", "--db", str(db), "--format", fmt, "--out", str(tmp_path / f"x.{fmt}"))
        assert out.returncode == 0 and "claims to" in out.stdout
        assert (tmp_path / f"x.{fmt}").stat().st_size > 1000


def test_errors_are_messages_with_exit_codes(tmp_path):
    missing = run("export", "--db", str(tmp_path / "none.sqlite"), "--format", "csv", "--out", str(tmp_path / "x.csv"))
    assert missing.returncode == 1 and "ingest articles first" in missing.stderr
    bad_date = run("ingest", "events/samples", "--published", "May 15")
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr
    notdb = tmp_path / "x.sqlite"
    notdb.write_text("not a database" * 100)
    out = run("ingest", "events/samples", "--db", str(notdb))
    assert out.returncode == 1 and "not a usable claims database" in out.stderr and "Traceback" not in out.stderr


def test_an_article_of_unknown_date_is_read_and_dated_when_its_date_is_given_later(tmp_path):
    body = ("Ukrainian troops withdrew from Krynky on Tuesday, the General Staff said.\n\n"
            "Russian forces captured Avdiivka on February 17, 2024, the ministry in Moscow said.\n")
    article = tmp_path / "report.txt"
    article.write_text("source: Test Wire\npublished: unknown\n---\n" + body, encoding="utf-8")
    db, out_csv = tmp_path / "c.sqlite", tmp_path / "c.csv"
    first = run("ingest", str(article), "--db", str(db))
    assert first.returncode == 0 and "new 1" in first.stdout and "skipped: 0" in first.stdout, first.stdout
    run("export", "--db", str(db), "--format", "csv", "--out", str(out_csv))
    dates = {r["settlement"]: (r["event_date"], r["date_precision"]) for r in csv.DictReader(open(out_csv, encoding="utf-8-sig"))}
    assert dates["Avdiivka"] == ("2024-02-17", "day")  # a date written out needs no publication date
    assert dates["Krynky"] == ("", "unknown")  # "on Tuesday" of an unknown week
    # the same text again with its date: the article is updated and its claims re-read
    article.write_text("source: Test Wire\npublished: 2024-07-18\n---\n" + body, encoding="utf-8")
    again = run("ingest", str(article), "--db", str(db))
    assert "updated 1" in again.stdout, again.stdout
    run("export", "--db", str(db), "--format", "csv", "--out", str(out_csv))
    dates = {r["settlement"]: (r["event_date"], r["date_precision"]) for r in csv.DictReader(open(out_csv, encoding="utf-8-sig"))}
    assert dates["Krynky"] == ("2024-07-16", "day")
    # and the bare text once more keeps the date the database knows
    article.write_text(body, encoding="utf-8")
    third = run("ingest", str(article), "--db", str(db))
    assert "already in the database 1" in third.stdout, third.stdout
