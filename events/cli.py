"""Command line: ``python -m events ingest ...``, ``python -m events export ...`` and
``python -m events evaluate GOLD.csv ...``.

Other tools script against this; keep flags, columns and exit codes stable: 0 done (skipped files
are reported, not errors), 1 the database, gazetteer or rules could not be used, 2 bad usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TextIO

from events.derived import refresh
from events.articles import DEFAULT_MAX_BYTES, EARLIEST_PUBLISHED, LoadOptions, list_files, load_paths
from events.errors import EventsError
from events.evaluate import CLAIM_COLUMNS, GOLD_COLUMNS, evaluate, read_rows, report
from events.export import EXPORTERS, export
from events.pipeline import default_workers, ingest
from events.query import claims_frame
from events.records import DatePrecision, PublishedDate
from events.rules import load_rules
from events.store import DEFAULT_DB, Store
from events.textsafe import printable
from geodata import Gazetteer, GeodataError

__all__ = ["main", "build_parser"]


class Progress:
    """A one-line bar on a terminal; a line per file otherwise (CI logs, pipes)."""

    def __init__(self, total: int, out: TextIO = sys.stderr) -> None:
        self.total, self.out, self.tty = max(total, 1), out, out.isatty()
        self.files: set[str] = set()

    def __call__(self, n: int, path: str, what: str) -> None:
        path, what = printable(path), printable(what)  # a file name's escape codes never reach the terminal
        # the total counts files; a JSON list holds several articles ("a.json#2"), each reported
        self.files.add(path.split("#", 1)[0])
        done = min(len(self.files), self.total)
        if self.tty:
            bar = "#" * (30 * done // self.total)
            self.out.write(f"\r[{bar:<30}] {done}/{self.total} {Path(path).name[:40]:<40} {what[:40]:<40}")
            if done == self.total:
                self.out.write("\n")
        else:
            self.out.write(f"[{done}/{self.total}] {path}: {what}\n")
        self.out.flush()


def _published(value: str) -> PublishedDate:
    try:
        if len(value) == 7:
            published = PublishedDate(dt.date.fromisoformat(value + "-01"), DatePrecision.MONTH, "user")
        else:
            published = PublishedDate(dt.date.fromisoformat(value), DatePrecision.DAY, "user")
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date: write YYYY-MM-DD or YYYY-MM") from exc
    if not EARLIEST_PUBLISHED <= published.date <= dt.date.today():
        raise argparse.ArgumentTypeError(f"{value!r} is not a publication date: it must lie between "
                                         f"{EARLIEST_PUBLISHED} and today")
    return published


def _workers(value: str) -> int:
    try:
        n = int(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of processes") from exc
    if n < 1:
        raise argparse.ArgumentTypeError("--workers takes 1 or more")
    return n


def _cmd_ingest(args: argparse.Namespace) -> int:
    rules = load_rules()
    gazetteer = Gazetteer.load()
    options = LoadOptions(max_bytes=int(args.max_mb * 1_000_000), source=args.source or "", published=args.published)
    with Store(args.db) as store:
        files = len(list_files(args.paths))
        progress = Progress(files)
        workers = max(1, min(args.workers or default_workers(), files))
        summary = ingest(load_paths(args.paths, rules, options), store, gazetteer, rules, progress, workers=workers)
        totals = store.counts()
        prepared = refresh(store)  # the map's columns, so that the dashboard starts at once
    for line in summary.lines():
        print(line)
    if prepared.claims:
        print(f"map: {prepared.claims} claims of {prepared.places} places brought up to date in {prepared.seconds:.1f} s")
    print(f"database {args.db}: {totals['articles']} articles, {totals['claims']} claims, {totals['reviews']} reviews")
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    if not Path(args.db).exists():
        print(f"error: no database at {args.db}; ingest articles first (python -m events ingest PATH --db {args.db})",
              file=sys.stderr)
        return 1
    with Store(args.db) as store:
        claims = claims_frame(store)
    export(claims, args.format, args.out)
    print(f"wrote {len(claims)} claims to {args.out} ({args.format})")
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    gold = read_rows(args.gold, GOLD_COLUMNS, "gold")
    negatives = read_rows(args.negatives, ("article", "settlement"), "negatives") if args.negatives else []
    if args.export is not None:
        claims = read_rows(args.export, CLAIM_COLUMNS, "claims")
    else:
        if not Path(args.db).exists():
            print(f"error: no database at {args.db}; ingest the articles first (python -m events ingest PATH "
                  f"--db {args.db}) or pass --export CLAIMS.csv", file=sys.stderr)
            return 1
        with Store(args.db) as store:
            frame = claims_frame(store)
        claims = [{k: "" if v is None else str(v) for k, v in row.items()}
                  for row in frame.astype(object).where(frame.notna(), None).to_dict("records")]
    if args.no_background:
        claims = [c for c in claims if c.get("background", "").lower() not in ("true", "1")]
        gold = [g for g in gold if "background" not in g.get("notes", "")]
    result = evaluate(gold, negatives, claims)
    lines = report(result, kinds=args.only) if args.report or args.only else result.figures()
    text = "\n".join(lines) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print("\n".join(result.figures()))
        print(f"report written to {args.out}")
    else:
        print(text, end="")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m events", description="Extract dated, attributed control-change "
                                     "claims from news articles and export them.")
    sub = parser.add_subparsers(dest="command", required=True)
    ing = sub.add_parser("ingest", help="read articles into the claims database",
                         description="Read article files or folders (.txt, .md, .html, .json) into the database.")
    ing.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders (searched recursively)")
    ing.add_argument("--db", type=Path, default=DEFAULT_DB, help="claims database (default: %(default)s)")
    ing.add_argument("--source", metavar="NAME", help="publishing outlet of articles that do not name one")
    ing.add_argument("--published", type=_published, metavar="YYYY-MM-DD",
                     help="publication date of articles whose header does not give one")
    ing.add_argument("--max-mb", type=float, default=DEFAULT_MAX_BYTES / 1e6, help="skip files larger than this")
    ing.add_argument("--workers", type=_workers, default=0, metavar="N",
                     help="processes extracting claims (default: one per core)")
    exp = sub.add_parser("export", help="write the claims to a file",
                         description="Write every claim, one row each, with its event and status.")
    exp.add_argument("--db", type=Path, default=DEFAULT_DB, help="claims database (default: %(default)s)")
    exp.add_argument("--format", required=True, choices=sorted(EXPORTERS), help="csv, geojson, parquet or acled")
    exp.add_argument("--out", type=Path, required=True, metavar="FILE")
    ev = sub.add_parser("evaluate", help="score the claims against hand-coded gold claims",
                        description="Score extracted claims against a gold CSV (the dev set's format) with the "
                                    "dev set's matching, and list what went wrong where.")
    ev.add_argument("gold", type=Path, metavar="GOLD.csv", help="gold claims: article, settlement, canonical_name, "
                    "event_type, gaining_side, claimant, event_date, date_precision, evidence, notes")
    ev.add_argument("--negatives", type=Path, metavar="NEG.csv", help="settlement mentions that are not claims")
    source = ev.add_mutually_exclusive_group()
    source.add_argument("--db", type=Path, default=DEFAULT_DB, help="claims database (default: %(default)s)")
    source.add_argument("--export", type=Path, metavar="CLAIMS.csv", help="a CSV written by `export --format csv`")
    ev.add_argument("--report", action="store_true", help="list every missed, spurious and wrong claim with its "
                    "sentence after the figures")
    ev.add_argument("--only", nargs="+", choices=("missed", "spurious", "type", "side", "date", "claimant side"),
                    help="list only these kinds of error (implies --report)")
    ev.add_argument("--no-background", action="store_true", help="leave out background claims on both sides "
                    "(gold rows whose notes say 'background')")
    ev.add_argument("--out", type=Path, metavar="FILE", help="write the report to FILE, print only the figures")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        commands = {"ingest": _cmd_ingest, "export": _cmd_export, "evaluate": _cmd_evaluate}
        return commands[args.command](args)
    except (EventsError, GeodataError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\ninterrupted: every article finished so far is stored; run the command again to go on",
              file=sys.stderr)
        return 130
