"""The offline gazetteer: every known spelling of every place, loaded from one compact file.

The file (``data/gazetteer.tsv.gz``, written by ``python -m geodata.build``) has three sections:
one row per place; every normalised name key, one per line; and, line for line, the rows each
key names. A row reference prefixed with ``~`` is a *secondary* name (an alternate name of GeoNames, not the
place's own official, Ukrainian or Russian name), which the resolver trusts less.
"""

from __future__ import annotations

import csv
import gzip
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from geodata.errors import GazetteerCorrupt, GazetteerMissing
from geodata.near_keys import KeyIndex
from geodata.normalize import MAX_NAME_LENGTH, cyrillic_language, is_cyrillic, normalize_name
from geodata.records import Place, PlaceKind

__all__ = ["Gazetteer", "Candidate", "DATA_DIR", "GAZETTEER_FILE", "FORMAT_VERSION", "COLUMNS", "REGION_SUFFIXES",
           "POSTAL_FEATURE", "POSTAL_ID_BASE"]

DATA_DIR = Path(__file__).resolve().parent / "data"
GAZETTEER_FILE = "gazetteer.tsv.gz"
FORMAT_VERSION = "v1"
#: a village placed by the GeoNames postal-code export (data/ru_border_villages.csv), not a GeoNames
#: place row; its id is POSTAL_ID_BASE plus its post office's code (GeoNames ids stay far below)
POSTAL_FEATURE = "PPLPOST"
POSTAL_ID_BASE = 900_000_000
COLUMNS = ("kind", "geonameid", "name", "geonames_name", "country", "admin1_code", "admin2_code", "lat", "lon",
           "population", "feature_code", "name_uk", "name_ru", "aliases", "in_oblast")
KEYS_MARKER = "#keys"
REFS_MARKER = "#refs"
#: Words that turn a name into a region name ("Kharkiv region", "Donetsk Oblast", "Bakhmut raion").
REGION_SUFFIXES = frozenset({
    "oblast", "oblasts", "oblasti", "obl", "region", "regions", "province", "provinces", "raion", "raions",
    "rayon", "rajon", "district", "districts", "область", "обл", "областi", "район", "регион", "регіон",
})
RAION_SUFFIXES = frozenset({"raion", "raions", "rayon", "rajon", "district", "districts", "район"})
_SETTLEMENTS = frozenset({PlaceKind.PLACE})
#: Fuzzy matching never considers queries shorter than this: short words collide with everything.
FUZZY_MIN_LENGTH = 7


#: normalize_name, remembered: official names come up once per namesake.
_name_key = lru_cache(maxsize=100_000)(normalize_name)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a name may refer to; ``primary`` when the name is one of the place's own names."""

    place: Place
    primary: bool


class Gazetteer:
    """Name -> places look-ups over the shipped gazetteer. Load once and share: it is read-only."""

    def __init__(self, rows: list[list[str]], index: dict[str, str], source: str = "") -> None:
        self._rows = rows
        self._index = index
        self._places: dict[int, Place] = {}
        self._by_id: dict[int, int] | None = None
        self._fuzzy_keys: KeyIndex | None = None
        self._iso: dict[str, tuple[str, ...]] | None = None
        self._multiword: frozenset[str] | None = None
        self._memos: dict[str, dict] = {}  # type: ignore[type-arg]
        self._fuzzy_memo: dict[tuple[str, int, float], list[tuple[str, float]]] = {}
        self._candidates: dict[str, tuple[Candidate, ...]] = {}  # parsed index entries, filled on demand
        self._settlements: dict[str, tuple[Candidate, ...]] = {}  # the same, settlements only
        self._cyrillic_keys: list[str] | None = None
        self._cyrillic_first: list[str] | None = None
        self._named: dict[str, tuple[Candidate, ...]] = {}
        self._by_ref: dict[str, Candidate] = {}
        self._primary: dict[int, Candidate] = {}
        self._former: dict[str, frozenset[int]] | None = None
        self.source = source
        codes = {(r[0], r[5] if r[0] == "oblast" else r[6]): i for i, r in enumerate(rows) if r[0] != "place"}
        self._region_rows = codes

    # -- loading -----------------------------------------------------------------------------
    @classmethod
    def load(cls, path: Path | str | None = None) -> Gazetteer:
        """Read the gazetteer file; raises GazetteerMissing or GazetteerCorrupt with the fix."""
        path = Path(path) if path is not None else DATA_DIR / GAZETTEER_FILE
        try:
            raw = path.read_bytes()
        except FileNotFoundError as exc:
            raise GazetteerMissing(
                f"gazetteer file {path} is missing; restore it from git (git checkout -- {path.name}) "
                "or rebuild it with: python -m geodata.build") from exc
        except OSError as exc:
            raise GazetteerMissing(f"gazetteer file {path} cannot be read: {exc}") from exc
        try:
            text = gzip.decompress(raw).decode("utf-8")
        except (OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:
            raise GazetteerCorrupt(
                f"gazetteer file {path} is damaged ({exc}); restore it from git or rebuild it with: "
                "python -m geodata.build") from exc
        return cls.parse(text, source=str(path))

    @classmethod
    def parse(cls, text: str, source: str = "<text>") -> Gazetteer:
        """Build a gazetteer from the text of a gazetteer file."""
        header, sep, rest = text.partition("\n")
        if not header.startswith(f"# frontline-claims gazetteer {FORMAT_VERSION}"):
            raise GazetteerCorrupt(f"{source} is not a gazetteer file of format {FORMAT_VERSION} (first line: {header[:80]!r}); "
                                   "rebuild it with: python -m geodata.build")
        body, marker, index_text = rest.partition(f"\n{KEYS_MARKER}\n")
        keys_text, marker2, refs_text = index_text.partition(f"\n{REFS_MARKER}\n")
        if not marker or not marker2:
            raise GazetteerCorrupt(f"{source} lacks its name index; the file is truncated. Rebuild it with: "
                                   "python -m geodata.build")
        lines = body.split("\n")
        if tuple(lines[0].split("\t")) != COLUMNS:
            raise GazetteerCorrupt(f"{source}: unexpected columns {lines[0][:120]!r}")
        rows = [line.split("\t") for line in lines[1:]]
        width = len(COLUMNS)
        for n, row in enumerate(rows, start=3):
            if len(row) != width:
                raise GazetteerCorrupt(f"{source}: line {n} has {len(row)} fields instead of {width}")
        keys = keys_text.split("\n")
        refs = refs_text.rstrip("\n").split("\n")
        if len(keys) != len(refs):
            raise GazetteerCorrupt(f"{source}: {len(keys)} name keys but {len(refs)} reference lines; rebuild it")
        index = dict(zip(keys, refs))
        return cls(rows, index, source)

    # -- records -----------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._rows)

    def _place(self, i: int) -> Place:
        place = self._places.get(i)
        if place is None:
            r = self._rows[i]
            try:
                region = self._region_rows.get(("raion", r[6])) if r[6] else None
                oblast = self._region_rows.get(("oblast", r[5]))
                place = Place(
                    geonameid=int(r[1]), name=r[2], kind=PlaceKind(r[0]), country=r[4],
                    admin1_code=r[5], admin1=self._rows[oblast][2] if oblast is not None else "",
                    admin2_code=r[6], admin2=self._rows[region][2] if region is not None else "",
                    lat=float(r[7]), lon=float(r[8]), population=int(r[9]), feature_code=r[10],
                    geonames_name=r[3], name_uk=r[11], name_ru=r[12],
                    source="geonames postal codes" if r[10] == POSTAL_FEATURE else "geonames")
            except ValueError as exc:
                raise GazetteerCorrupt(f"{self.source}: row {i + 3} is malformed ({exc})") from exc
            self._places[i] = place
        return place

    def place(self, geonameid: int) -> Place:
        """The place with this GeoNames id (also the id of a duplicate row merged into it)."""
        if self._by_id is None:
            by_id: dict[int, int] = {}
            for i, r in enumerate(self._rows):
                try:
                    by_id[int(r[1])] = i
                    for alias in filter(None, r[13].split("|")):
                        by_id[int(alias)] = i
                except ValueError as exc:
                    raise GazetteerCorrupt(f"{self.source}: row {i + 3} has a malformed id ({exc}); rebuild it with: "
                                           "python -m geodata.build") from exc
            self._by_id = by_id
        if geonameid not in self._by_id:
            raise KeyError(f"no place with geonameid {geonameid} in the gazetteer")
        return self._place(self._by_id[geonameid])

    def places(self, kind: PlaceKind = PlaceKind.PLACE) -> Iterator[Place]:
        """Every place of one kind, in file order."""
        for i, r in enumerate(self._rows):
            if r[0] == kind:
                yield self._place(i)

    def region(self, code: str) -> Place:
        """The oblast ("UA.05") or raion ("UA.05.1402") with this code."""
        kind = "raion" if code.count(".") == 2 else "oblast"
        i = self._region_rows.get((kind, code))
        if i is None:
            raise KeyError(f"no {kind} with code {code!r} in the gazetteer")
        return self._place(i)

    def iso_codes(self) -> dict[str, tuple[str, ...]]:
        """ISO 3166-2 code ("UA-14") -> GeoNames admin1 codes, from ``data/admin1.csv``."""
        if self._iso is None:
            with open(DATA_DIR / "admin1.csv", encoding="utf-8", newline="") as fh:
                self._iso = {row["iso_3166_2"]: (row["code"],) for row in csv.DictReader(fh)}
        return self._iso

    def in_oblast(self, place: Place) -> bool | None:
        """Whether the build found the place inside its oblast's polygon (None: not checked)."""
        return self._flag(place, 14)

    def _row_of(self, place: Place) -> int:
        self.place(place.geonameid)  # builds the id map
        return self._by_id[place.geonameid]  # type: ignore[index]

    def _flag(self, place: Place, column: int) -> bool | None:
        flag = self._rows[self._row_of(place)][column]
        return None if flag == "" else flag == "1"

    # -- look-ups ----------------------------------------------------------------------------
    def multiword_starts(self) -> frozenset[str]:
        """First words of the multi-word keys ("nova" for "nova kakhovka"), for the text scanner."""
        if self._multiword is None:
            self._multiword = frozenset(k.split(" ", 1)[0] for k in self._index if " " in k)
        return self._multiword

    def memo(self, name: str, limit: int = 100_000) -> dict:  # type: ignore[type-arg]
        """A cache that lives as long as this gazetteer, for results computed from it alone
        (bulk ingestion resolves the same names again and again); emptied when it grows past ``limit``."""
        cache = self._memos.setdefault(name, {})
        if len(cache) > limit:
            cache.clear()
        return cache

    def has_key(self, key: str) -> bool:
        """True when ``key`` (already normalised) names something in the gazetteer."""
        return key in self._index

    def lookup(self, key: str, kinds: frozenset[PlaceKind] = _SETTLEMENTS) -> list[Candidate]:
        """Candidates under a normalised key, restricted to ``kinds``."""
        found = self._candidates.get(key)
        if found is None:
            refs = self._index.get(key)
            if not refs:
                return []
            found = tuple(self._candidate(ref) for ref in refs.split(","))
            self._candidates[key] = found
            # settlements only, the look-up the text scanner and resolver make most
            self._settlements[key] = tuple(c for c in found if c.place.kind is PlaceKind.PLACE)
        if kinds == _SETTLEMENTS:
            return list(self._settlements[key])
        return [c for c in found if c.place.kind in kinds]

    def _candidate(self, ref: str) -> Candidate:
        """The candidate a row reference of the index stands for ("123", "~123" for a secondary
        name): one object per reference, shared by every key that names it (a place has many)."""
        found = self._by_ref.get(ref)
        if found is None:
            primary = not ref.startswith("~")
            found = self._by_ref[ref] = Candidate(self._place(int(ref if primary else ref[1:])), primary)
        return found

    def as_primary(self, candidate: Candidate) -> Candidate:
        """The same place as a primary candidate (one object per place)."""
        found = self._primary.get(candidate.place.geonameid)
        if found is None:
            found = self._primary[candidate.place.geonameid] = Candidate(candidate.place, True)
        return found

    def exact(self, name: str, kinds: frozenset[PlaceKind] = _SETTLEMENTS) -> list[Candidate]:
        """Candidates whose known names include ``name`` after normalisation."""
        if len(name) > MAX_NAME_LENGTH:
            return []
        return self.lookup(normalize_name(name), kinds)

    def fuzzy(self, name: str, limit: int = 5, cutoff: float = 88.0,
              min_length: int = FUZZY_MIN_LENGTH) -> list[tuple[str, float]]:
        """Name keys close to ``name``: (key, score) best first; only Latin keys with the same
        first letter and a similar length are compared (geodata.near_keys: a fraction of a ms). Names
        shorter than ``min_length`` get nothing: short words come close to everything (the
        resolver lowers it only where the text's context bounds the candidates)."""
        key = normalize_name(name) if len(name) <= MAX_NAME_LENGTH else ""
        if len(key) < min_length or not key[0].isascii():
            return []
        if self._fuzzy_keys is None:
            self._fuzzy_keys = KeyIndex(self._index)
        memo = (key, limit, cutoff)  # min_length only refuses; it does not change the answer
        if memo not in self._fuzzy_memo:
            if len(self._fuzzy_memo) > 100_000:  # bulk ingestion of odd text must not grow without bound
                self._fuzzy_memo.clear()
            self._fuzzy_memo[memo] = self._fuzzy_keys.closest(key, limit, cutoff)
        return list(self._fuzzy_memo[memo])

    def cyrillic_keys(self) -> list[str]:
        """Every Cyrillic name key, sorted: what a press spelling is read back into (geodata.spelling)."""
        if self._cyrillic_keys is None:
            self._cyrillic_keys = sorted(k for k in self._index if not k[0].isascii())
        return self._cyrillic_keys

    def cyrillic_first_words(self) -> list[str]:
        """The first words of the Cyrillic names of several words ("мала" of "мала токмачка"), sorted."""
        if self._cyrillic_first is None:
            self._cyrillic_first = sorted({k.split(" ", 1)[0] for k in self.cyrillic_keys() if " " in k})
        return self._cyrillic_first

    def officially_named(self, key: str) -> list[Candidate]:
        """Settlements whose official (display) name has the normalised key ``key``: every
        Ivanivka, whichever of them GeoNames also lists as Ivanovka."""
        found = self._named.get(key)
        if found is None:
            # the build lists every place under the key of its own official name, so the places of
            # that name are among those the key names: no table of every name to build first
            refs = self._index.get(key, "")
            rows = sorted({int(ref.lstrip("~")) for ref in refs.split(",") if ref})
            found = self._named[key] = tuple(self._candidate(str(i)) for i in rows
                                             if self._rows[i][0] == "place" and _name_key(self._rows[i][2]) == key)
        return list(found)

    def former_names(self) -> dict[str, frozenset[int]]:
        """Former names of renamed places (``data/renames.csv``): name key -> GeoNames ids of
        today's places (Artemivsk -> Bakhmut). Such a name is first-class, but only where it fits."""
        if self._former is None:
            from geodata.translit import transliterate_variants  # the build's romanisations of each old name

            former: dict[str, set[int]] = {}
            try:
                with open(DATA_DIR / "renames.csv", encoding="utf-8", newline="") as fh:
                    rows = [(row["old_name"], int(row["geonameid"])) for row in csv.DictReader(fh)]
            except (OSError, KeyError, ValueError):
                rows = []
            for name, geonameid in rows:
                keys = {normalize_name(name)}
                if is_cyrillic(name):
                    keys |= {normalize_name(v) for v in transliterate_variants(name, cyrillic_language(name))}
                for key in keys - {""}:
                    former.setdefault(key, set()).add(geonameid)
            self._former = {k: frozenset(v) for k, v in former.items()}
        return self._former

    def variants(self, place: Place) -> list[str]:
        """Every name key the gazetteer knows ``place`` by (slow: scans the index)."""
        i = str(self._row_of(place))
        return sorted(k for k, refs in self._index.items() if i in refs.replace("~", "").split(","))
