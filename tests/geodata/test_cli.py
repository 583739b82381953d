"""python -m geodata, run as a user or a script would run it."""

import csv
import io
import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "geodata", *args], cwd=ROOT, capture_output=True, text=True,
                          input=stdin, timeout=60)


def test_resolve_prints_one_line_per_name():
    out = run("resolve", "Volchansk", "Andriivka", "Xyzzyville")
    assert out.returncode == 0
    lines = out.stdout.splitlines()
    assert lines[0].startswith("Volchansk: resolved -> Vovchansk (") and "Kharkiv Oblast" in lines[0]
    assert lines[1].startswith("Andriivka: ambiguous, 74 candidates")
    assert lines[2].startswith("Xyzzyville: unknown")


def test_resolve_json_with_hint():
    out = run("resolve", "Andriivka", "--hint", "Bakhmut Raion", "--json")
    row = json.loads(out.stdout)
    assert (row["status"], row["geonameid"], row["admin1"], row["place_name"]) == ("resolved", 9114136, "Donetsk Oblast",
                                                                                 "Andriivka")
    assert row["candidates"] == 74 and len(row["candidate_places"]) == 74


def test_resolve_file_writes_the_documented_columns(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("name,hint\nKupyansk,\nAndriivka,Donetsk Oblast\nAndriivka,UA.05.1402\n,\nZzzz,\n", encoding="utf-8")
    out_csv = tmp_path / "out.csv"
    done = run("resolve", "--file", str(src), "--out", str(out_csv))
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(out_csv.open(encoding="utf-8")))
    assert list(rows[0])[:11] == ["name", "hint", "status", "place_name", "geonameid", "admin1", "lat", "lon", "score",
                                  "reason", "candidates"]
    assert [r["status"] for r in rows] == ["resolved", "ambiguous", "resolved", "unknown", "unknown"]
    assert rows[0]["place_name"] == "Kupiansk" and rows[0]["geonameid"] == "703656"
    assert rows[2]["geonameid"] == "9114136" and rows[2]["candidates"] == "74"
    assert rows[3]["reason"] == "empty name"


def test_resolve_file_to_stdout_accepts_a_bom_and_no_hint_column(tmp_path):
    src = tmp_path / "in.csv"
    src.write_bytes("\ufeffname\nВовчанськ\n".encode("utf-8"))
    rows = list(csv.DictReader(io.StringIO(run("resolve", "--file", str(src)).stdout)))
    assert rows[0]["geonameid"] == "689304" and rows[0]["hint"] == ""


@pytest.mark.parametrize("content, message", [
    (b"place,oblast\nVovchansk,Kharkiv\n", "needs a column 'name'"),
    ("name\nВовчанськ\n".encode("cp1251"), "not UTF-8"),
    (b"", "needs a column 'name'"),
])
def test_bad_csv_gets_a_clear_error_and_writes_nothing(tmp_path, content, message):
    src, dst = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_bytes(content)
    done = run("resolve", "--file", str(src), "--out", str(dst))
    assert done.returncode == 1
    assert message in done.stderr
    assert not dst.exists()


def test_missing_or_corrupt_gazetteer_is_an_error_not_a_traceback(tmp_path):
    broken = tmp_path / "g.tsv.gz"
    broken.write_bytes(b"not gzip")
    for path in (broken, tmp_path / "missing.tsv.gz"):
        done = run("--gazetteer", str(path), "resolve", "Vovchansk")
        assert done.returncode == 1
        assert "error:" in done.stderr and "Traceback" not in done.stderr


def test_a_malformed_row_in_a_gazetteer_is_an_error_not_a_traceback(tmp_path):
    import gzip

    from geodata.gazetteer import DATA_DIR, GAZETTEER_FILE

    lines = gzip.decompress((DATA_DIR / GAZETTEER_FILE).read_bytes()).decode().split("\n")
    fields = lines[49].split("\t")
    lines[49] = "\t".join([fields[0], "x", *fields[2:]])
    damaged = tmp_path / "g.tsv.gz"
    damaged.write_bytes(gzip.compress("\n".join(lines).encode()))
    done = run("resolve", "Bakhmut", "--gazetteer", str(damaged))  # also accepted after the command
    assert done.returncode == 1
    assert "row 50 has a malformed id" in done.stderr and "Traceback" not in done.stderr


def test_an_unwritable_output_file_is_an_error_not_a_traceback(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("name\nBakhmut\n", encoding="utf-8")
    done = run("resolve", "--file", str(src), "--out", str(tmp_path / "no" / "such" / "dir" / "out.csv"))
    assert done.returncode == 1
    assert "cannot write" in done.stderr and "Traceback" not in done.stderr


def test_usage_errors_exit_2():
    assert run("resolve").returncode == 2
    assert run("frobnicate").returncode == 2
    out = run("resolve", "Bakhmut", "--out", "x.csv")  # --out would be silently ignored
    assert out.returncode == 2 and "--out goes with --file" in out.stderr


def test_control_characters_are_shown_escaped_one_line_per_name():
    out = run("resolve", "\x1b[2JKyiv", "Bakhmut\n")
    lines = out.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("\\x1b[2JKyiv: ") and "\x1b" not in out.stdout
    assert lines[1].startswith("Bakhmut\\n: resolved -> Bakhmut")


def test_a_huge_name_in_a_csv_is_one_unknown_row_not_a_failed_file(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("name\n" + "a" * 2_000_000 + "\nBakhmut\n", encoding="utf-8")
    out = run("resolve", "--file", str(src))
    assert out.returncode == 0
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert rows[0]["status"] == "unknown" and "too long" in rows[0]["reason"] and len(rows[0]["name"]) < 1000
    assert rows[1]["place_name"] == "Bakhmut"


def test_huge_and_control_character_names_do_not_crash():
    out = run("resolve", "x" * 100_000, "Vov\x07chansk")
    assert out.returncode == 0
    first, second = out.stdout.splitlines()[:2]
    assert "too long" in first and len(first) < 300
    assert "unknown" in second or "resolved" in second


def test_scan_lists_mentions_with_their_places():
    out = run("scan", "events/samples/003_ada23af045bcfabe.txt")
    assert "Andriyivka\tAndriivka, Donetsk Oblast" in out.stdout
    assert "Klishchiyevka\tKlishchiivka, Donetsk Oblast" in out.stdout
