"""Command line: ``python -m geodata resolve ...`` and ``python -m geodata scan ...``.

Other tools script against this; keep the flags, columns and exit codes stable:
0 done (whatever the statuses), 1 the gazetteer or an input file could not be read,
2 bad usage.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from geodata.errors import GeodataError
from geodata.gazetteer import Gazetteer
from geodata.normalize import MAX_NAME_LENGTH
from geodata.records import PlaceKind, Resolution
from geodata.resolve import resolve

__all__ = ["main", "CSV_COLUMNS", "resolution_row"]

#: Columns of ``resolve --file`` output, in order. The first eleven are the stable contract.
CSV_COLUMNS = ("name", "hint", "status", "place_name", "geonameid", "admin1", "lat", "lon", "score", "reason",
               "candidates", "country", "admin2", "candidate_ids", "warnings")
MAX_LISTED_CANDIDATES = 8
#: Names up to this size are read from a CSV (and come back "too long"); bigger fields stop the file.
MAX_CSV_FIELD = 64 * 1024 * 1024


def _printable(text: str) -> str:
    """``text`` with control characters shown as escapes, so one result stays one line and a name
    cannot drive the terminal."""
    return "".join(ch if unicodedata.category(ch) != "Cc" else ch.encode("unicode_escape").decode("ascii")
                   for ch in text)


def resolution_row(resolution: Resolution, name: str, hint: str | None) -> dict[str, Any]:
    """One output row (CSV or JSON) for a resolution."""
    place = resolution.place
    return {
        "name": name if len(name) <= MAX_NAME_LENGTH else resolution.query,  # a 10 MB "name" is not echoed back
        "hint": hint or "", "status": str(resolution.status),
        "place_name": place.name if place else "",
        "geonameid": place.geonameid if place and place.geonameid else "",
        "admin1": place.admin1 if place else "",
        "lat": place.lat if place else "", "lon": place.lon if place else "",
        "score": round(resolution.score, 1), "reason": resolution.reason,
        "candidates": len(resolution.candidates),
        "country": place.country if place else "", "admin2": place.admin2 if place else "",
        "candidate_ids": ";".join(str(p.geonameid) for p in resolution.candidates),
        "warnings": "; ".join(resolution.warnings),
    }


def _describe(resolution: Resolution, name: str) -> str:
    shown = _printable(name if len(name) <= 60 else name[:57] + "...")
    place = resolution.place
    if place is not None:
        where = ", ".join(x for x in (place.admin2, place.admin1, place.country) if x)
        ident = f"geonameid {place.geonameid}" if place.geonameid else place.source
        line = f"{shown}: resolved -> {place.name} ({where}; {ident}; {place.lat:.5f}, {place.lon:.5f}) [{resolution.reason}]"
    elif resolution.candidates:
        listed = ", ".join(f"{p.name} ({p.admin1}, {p.geonameid})" for p in resolution.candidates[:MAX_LISTED_CANDIDATES])
        more = len(resolution.candidates) - MAX_LISTED_CANDIDATES
        line = (f"{shown}: ambiguous, {len(resolution.candidates)} candidates: {listed}"
                f"{f' and {more} more' if more > 0 else ''} [{resolution.reason}]")
    else:
        line = f"{shown}: unknown [{resolution.reason}]"
    return line + "".join(f"\n  warning: {w}" for w in resolution.warnings)


def _read_names(path: Path) -> Iterator[tuple[str, str | None]]:
    try:
        fh = open(path, encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise GeodataError(f"cannot open {path}: {exc.strerror or exc}") from exc
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CSV_FIELD))
    with fh:
        try:
            reader = csv.DictReader(fh)
            if reader.fieldnames is None or "name" not in reader.fieldnames:
                found = ", ".join(reader.fieldnames or []) or "none (empty file)"
                raise GeodataError(f"{path} needs a column 'name' (and optionally 'hint'); columns found: {found}")
            for row in reader:
                yield (row.get("name") or "").strip(), (row.get("hint") or "").strip() or None
        except UnicodeDecodeError as exc:
            raise GeodataError(f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8 CSV") from exc
        except csv.Error as exc:
            raise GeodataError(f"{path} is not a readable CSV file: {exc}") from exc


def _resolver(args: argparse.Namespace, gazetteer: Gazetteer) -> Any:
    if not args.online:
        return lambda name, hint: resolve(name, gazetteer, hint=hint)
    from geodata.online import NominatimResolver, OnlineSettings

    settings = OnlineSettings(user_agent=args.user_agent) if args.user_agent else OnlineSettings()
    online = NominatimResolver(gazetteer, settings)
    return lambda name, hint: online.resolve(name, hint=hint)


def _write(rows: Iterable[dict[str, Any]], out: TextIO, as_json: bool) -> None:
    if as_json:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def _cmd_resolve(args: argparse.Namespace) -> int:
    gazetteer = Gazetteer.load(args.gazetteer)
    lookup = _resolver(args, gazetteer)
    if args.file:
        pairs = list(_read_names(args.file))  # read (and validate) all input before writing any output
        try:
            out = open(args.out, "w", encoding="utf-8", newline="") if args.out else sys.stdout
        except OSError as exc:
            raise GeodataError(f"cannot write {args.out}: {exc.strerror or exc}") from exc
        try:
            _write((resolution_row(lookup(n, h or args.hint), n, h or args.hint) for n, h in pairs), out, args.json)
        finally:
            if args.out:
                out.close()
        if args.out:
            print(f"wrote {args.out}", file=sys.stderr)
        return 0
    for name in args.names:
        resolution = lookup(name, args.hint)
        if args.json:
            row = resolution_row(resolution, name, args.hint)
            row["candidate_places"] = [{"geonameid": p.geonameid, "name": p.name, "admin1": p.admin1, "lat": p.lat,
                                        "lon": p.lon, "population": p.population} for p in resolution.candidates]
            print(json.dumps(row, ensure_ascii=False))
        else:
            print(_describe(resolution, name))
    return 0


def _cmd_scan(args: argparse.Namespace) -> int:
    from geodata.resolve import resolve_mentions
    from geodata.scan import find_places

    gazetteer = Gazetteer.load(args.gazetteer)
    try:
        text = args.file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise GeodataError(f"cannot read {args.file} as UTF-8 text: {exc}") from exc
    mentions = find_places(text, gazetteer)
    for mention, resolution in zip(mentions, resolve_mentions(mentions, gazetteer)):
        place = resolution.place
        if place is None:
            target = f"{resolution.status} ({len(resolution.candidates)} candidates)"
        else:
            target = f"{place.name}, {place.admin1}" if place.kind is PlaceKind.PLACE else place.name
        print(f"{mention.start}-{mention.end}\t{mention.kind}\t{mention.text}\t{target}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m geodata", description="Offline geocoding of Ukrainian and Russian "
                                     "border settlement names (GeoNames, CC BY 4.0).")
    parser.add_argument("--gazetteer", type=Path, default=None, help="gazetteer file (default: the bundled one)")
    # also accepted after the command; SUPPRESS keeps a value given before it
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--gazetteer", type=Path, default=argparse.SUPPRESS, help="gazetteer file (default: the bundled one)")
    sub = parser.add_subparsers(dest="command", required=True)
    res = sub.add_parser("resolve", help="resolve place names", description="Resolve names to places: one result per name.",
                         parents=[common])
    res.add_argument("names", nargs="*", metavar="NAME", help="names to resolve (any spelling, Latin or Cyrillic)")
    res.add_argument("--hint", metavar="OBLAST", help="oblast or raion the places lie in: 'Donetsk', 'Donetsk Oblast', UA.05")
    res.add_argument("--json", action="store_true", help="print one JSON object per name")
    res.add_argument("--file", type=Path, metavar="IN.csv", help="CSV with a column 'name' and optionally 'hint'")
    res.add_argument("--out", type=Path, metavar="OUT.csv", help="where --file writes its CSV (default: stdout)")
    res.add_argument("--online", action="store_true", help="ask Nominatim for names unknown offline (needs network)")
    res.add_argument("--user-agent", help="user agent for Nominatim (identify yourself)")
    scan = sub.add_parser("scan", help="list the places named in a text file", parents=[common])
    scan.add_argument("file", type=Path, metavar="FILE")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "resolve" and not args.names and not args.file:
        parser.error("resolve needs NAME... or --file IN.csv")
    if args.command == "resolve" and args.names and args.file:
        parser.error("give either NAME... or --file, not both")
    if args.command == "resolve" and args.out and not args.file:
        parser.error("--out goes with --file IN.csv; names given on the command line print to the screen")
    try:
        return _cmd_resolve(args) if args.command == "resolve" else _cmd_scan(args)
    except GeodataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `... | head`
        return 0
