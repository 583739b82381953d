"""Hostile input (issue 11): one bad file, name or date never spoils the rest of a batch.

Every hostile file is written here, in tmp_path; nothing outside it is read but what the test
points a link at (a file the test wrote, /dev/zero).
"""

import csv
import datetime as dt
import os
import sqlite3
import subprocess
import sys

import pytest

from events import DatePrecision, LoadOptions, PublishedDate, Skipped, Store, load_bytes, load_paths
from events import cli, store as store_module
from events.dates import find_dates
from events.export import export
from events.pipeline import ingest, ingest_paths
from events.query import claims_frame
from events.textsafe import clean_line, clean_text, printable
from tests.conftest import ROOT, SAMPLES

TODAY = dt.date(2026, 11, 22)
OPTIONS = LoadOptions(today=TODAY)
BODY = "Ukrainian troops withdrew from Vovchansk on Tuesday, the General Staff of Ukraine said.\n"
GOOD = "published: 2024-05-14\nsource: Test Wire\n---\n" + BODY


def reasons(items):
    return {item.path.rsplit("/", 1)[-1]: item.reason for item in items if isinstance(item, Skipped)}


# -- batches stop on one file -------------------------------------------------------------------
def test_deeply_nested_json_and_front_matter_are_refused_and_the_batch_goes_on(rules, tmp_path):
    (tmp_path / "a_deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "b_deep.md").write_text("---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n" + BODY)
    (tmp_path / "c_good.txt").write_text(GOOD)
    out = list(load_paths([tmp_path], rules, OPTIONS))
    assert [type(x).__name__ for x in out] == ["Skipped", "Skipped", "Article"]
    assert "nested too deeply" in out[0].reason and "nested too deeply" in out[1].reason


@pytest.mark.parametrize("published", ["0001-01-01", "1812-09-07", "0001"])
def test_a_publication_date_before_1991_is_refused(rules, published):
    (item,) = load_bytes(f"published: {published}\n---\n{BODY}".encode(), "old.txt", rules, OPTIONS)
    assert isinstance(item, Skipped) and "before 1991" in item.reason


def test_a_user_supplied_date_outside_1991_to_today_is_refused(rules):
    options = LoadOptions(today=TODAY, published=PublishedDate(dt.date(1, 1, 1)))
    (item,) = load_bytes(BODY.encode(), "a.txt", rules, options)
    assert isinstance(item, Skipped) and "before 1991" in item.reason
    out = subprocess.run([sys.executable, "-m", "events", "ingest", "x.txt", "--published", "0001-01-01"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 2 and "between 1991-01-01 and today" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.parametrize("published", [PublishedDate(dt.date(1, 1, 1)), PublishedDate(dt.date(1, 1, 3)),
                                       PublishedDate(dt.date(1, 1, 1), DatePrecision.YEAR),
                                       PublishedDate(dt.date(9999, 12, 31)),
                                       PublishedDate(dt.date(9999, 12, 1), DatePrecision.MONTH)])
@pytest.mark.parametrize("sentence", ["Shelling hit the town yesterday.", "The town fell on Wednesday.",
                                      "Troops left in December.", "It was retaken last summer.",
                                      "They entered it in summer last year and on March 3."])
def test_the_date_resolver_is_total_at_the_ends_of_the_calendar(rules, published, sentence):
    for found in find_dates(sentence, published, rules):
        assert dt.date.min <= found.date <= dt.date.max


def test_a_file_name_that_is_not_utf8_is_stored_and_printed(rules, gazetteer, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    os.mkdir(os.path.join(bytes(folder), b"sub"))
    with open(os.path.join(bytes(folder), b"sub", b"caf\xe9\x1b[31m.txt"), "wb") as f:
        f.write(GOOD.replace("Tuesday", "Monday").encode())
    with Store(tmp_path / "c.sqlite") as store:
        summary = ingest_paths([folder], store, gazetteer, rules, OPTIONS)
        paths = [row[0] for row in store.db.execute("SELECT path FROM articles ORDER BY path")]
    assert (summary.new, summary.skipped) == (2, [])
    assert paths[1].endswith("caf\ufffd\\x1b[31m.txt")
    out = subprocess.run([sys.executable, "-m", "events", "ingest", str(folder), "--db", str(tmp_path / "d.sqlite"),
                          "--published", "2024-05-14"], cwd=ROOT, capture_output=True, timeout=120)
    assert out.returncode == 0, out.stderr.decode(errors="replace")
    assert b"\x1b" not in out.stderr + out.stdout and "caf\ufffd\\x1b[31m.txt" in out.stderr.decode()


def test_the_progress_line_prints_no_control_characters():
    import io

    out = io.StringIO()
    cli.Progress(1, out)(1, "in/\x1b]0;pwned\x07\u202etxt.exe", "1 claims (new)")
    assert out.getvalue() == "[1/1] in/\\x1b]0;pwned\\x07\\u202etxt.exe: 1 claims (new)\n"


def test_an_error_in_one_article_is_contained_to_it(rules, gazetteer, tmp_path, monkeypatch):
    import events.pipeline as pipeline

    real = pipeline.extract_claims

    def fragile(article, *args, **kwargs):
        if "Robotyne" in article.text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(article, *args, **kwargs)

    monkeypatch.setattr(pipeline, "extract_claims", fragile)
    items = load_bytes(GOOD.encode(), "first.txt", rules, OPTIONS)
    items += load_bytes(GOOD.replace("Vovchansk", "Robotyne").encode(), "bad.txt", rules, OPTIONS)
    items += load_bytes(GOOD.replace("Tuesday", "Monday").encode(), "last.txt", rules, OPTIONS)
    seen = []
    with Store(tmp_path / "c.sqlite") as store:
        summary = ingest(items, store, gazetteer, rules, lambda n, path, what: seen.append((path, what)))
        stored = store.counts()["articles"]
    assert (summary.read, summary.new, stored) == (2, 2, 2)
    assert [s.path for s in summary.skipped] == ["bad.txt"]
    assert "RecursionError" in summary.skipped[0].reason and "the other files go on" in summary.skipped[0].reason
    assert [path for path, _ in seen] == ["first.txt", "bad.txt", "last.txt"]


def test_a_database_locked_too_long_is_a_message_and_exit_code_1(tmp_path, monkeypatch, capsys):
    db = tmp_path / "c.sqlite"
    Store(db).close()
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program is writing, and keeps at it
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT", 0.2)
    try:
        assert cli.main(["ingest", str(SAMPLES), "--db", str(db)]) == 1
    finally:
        other.execute("ROLLBACK")
        other.close()
    err = capsys.readouterr().err
    assert "is locked by another program" in err and "run again" in err and "Traceback" not in err


# -- files that are not what they seem ----------------------------------------------------------
def test_links_out_of_a_folder_pipes_and_devices_are_listed_not_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET: Russian troops captured Vovchansk, the ministry said.\n")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a_good.txt").write_text(GOOD)
    (folder / "b_inside.txt").symlink_to(folder / "a_good.txt")  # inside the folder: read (the same article)
    (folder / "c_passwd.txt").symlink_to(secret)
    (folder / "d_zero.txt").symlink_to("/dev/zero")
    (folder / "e_dangling.txt").symlink_to(tmp_path / "gone.txt")
    (folder / "f_outside").symlink_to(tmp_path, target_is_directory=True)
    os.mkfifo(folder / "g_pipe.txt")
    db = tmp_path / "c.sqlite"
    # a FIFO once blocked for ever, /dev/zero read until memory ran out: the timeout says it ends
    out = subprocess.run([sys.executable, "-m", "events", "ingest", str(folder), "--db", str(db)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    lines = out.stdout
    assert "c_passwd.txt: a link to a file outside the folder: not followed" in lines
    assert "d_zero.txt: a link to a file outside the folder: not followed" in lines
    assert "e_dangling.txt: a broken link" in lines
    assert "f_outside: a link to a folder: not followed" in lines
    assert "g_pipe.txt: not a regular file (a named pipe): not read" in lines
    assert "articles read: 2 (new 1" in lines and "skipped: 5" in lines
    with sqlite3.connect(db) as check:
        assert "TOP SECRET" not in " ".join(r[0] for r in check.execute("SELECT text FROM articles"))


def test_a_device_or_pipe_named_on_the_command_line_is_not_read(rules, tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    out = list(load_paths(["/dev/zero", tmp_path / "pipe.txt"], rules, LoadOptions(max_bytes=1000, today=TODAY)))
    assert [x.reason for x in out] == ["not a regular file (a device): not read",
                                       "not a regular file (a named pipe): not read"]


def test_a_file_that_grows_past_the_limit_is_read_only_to_it(rules, tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 5000)
    real_fstat = os.fstat

    class Shrunk:  # /proc files and files still being written claim a size smaller than they are
        def __init__(self, info):
            self.st_mode, self.st_size = info.st_mode, 10

    monkeypatch.setattr(os, "fstat", lambda fd: Shrunk(real_fstat(fd)))
    (item,) = load_paths([path], rules, LoadOptions(max_bytes=1000, today=TODAY))
    assert "too large (over 0.0 MB; the limit is 0.0 MB)" in item.reason


def test_nul_bytes_anywhere_make_a_file_binary(rules):
    raw = (GOOD + "More text. " * 1000).encode() + b"\x00\x00\x00 hidden"
    assert len(raw) > 8192 and raw.index(b"\x00") > 8192
    (item,) = load_bytes(raw, "late_nul.txt", rules, OPTIONS)
    assert isinstance(item, Skipped) and "NUL" in item.reason


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(rules, encoding):
    text = "Російські війська захопили Вовчанськ у вівторок, заявили в міністерстві оборони Росії 14 травня 2024.\n"
    (item,) = load_bytes(("published: 2024-05-14\n---\n" + text).encode(encoding), "ua.txt", rules, OPTIONS)
    assert not isinstance(item, Skipped), item.reason
    assert item.text == text and item.encoding == "utf-16" and "byte-order mark" in item.notes[0]


def test_control_and_bidi_characters_are_removed_at_ingestion(rules):
    raw = ("published: 2024-05-14\nsource: Evil\u202eeriW\u202c Wire\ntitle: Head\u2066line\x1b[2J\n---\n"
           "Ukrainian troops withdrew from Vovchansk\u202e on Tuesday\x07, the General Staff of Ukraine said.\n")
    (item,) = load_bytes(raw.encode(), "bidi.txt", rules, OPTIONS)
    assert item.source == "EvileriW Wire" and item.title == "Headline[2J"
    assert item.text == BODY
    assert clean_text("a\x00b\u200fc\ud800d\te\n") == "abc\ufffdd\te\n"
    assert clean_line(" a\n b\t\u202ec ", 4) == "a b "
    assert printable(printable("x\x1by\udce9")) == "x\\x1by\ufffd"


# -- exports --------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def claims(tmp_path_factory, gazetteer, rules):
    with Store(tmp_path_factory.mktemp("db") / "c.sqlite") as store:
        ingest_paths([SAMPLES], store, gazetteer, rules)
        frame = claims_frame(store)
    frame.loc[0, "source"] = '=HYPERLINK("http://127.0.0.1/x","click")'
    frame.loc[0, "claimant"] = "@SUM(1+1)*cmd|' /C calc'!A0"
    frame.loc[0, "evidence"] = "-2+3 troops"
    frame.loc[0, "title"] = "+7 villages"
    frame.loc[1, "evidence"] = "\t=1+1"
    return frame


@pytest.mark.parametrize("fmt, columns", [("csv", ("source", "claimant", "evidence", "title")),
                                          ("acled", ("source", "claimant", "evidence"))])
def test_csv_exports_never_start_a_cell_with_a_formula(claims, tmp_path, fmt, columns):
    path = tmp_path / f"{fmt}.csv"
    export(claims, fmt, path)
    rows = list(csv.DictReader(path.open(encoding="utf-8-sig")))
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    first = rows[0] if fmt == "csv" else next(r for r in rows if r["claim_id"] == claims.iloc[0]["claim_id"])
    assert [first[c] for c in columns][:3] == ["'" + claims.iloc[0][c] for c in columns][:3]
    if fmt == "csv":
        assert rows[1]["evidence"] == "'\t=1+1"
        assert float(rows[0]["lat"]) == claims.iloc[0]["lat"]  # numbers stay numbers
