"""Resolve a settlement name to one place, or say honestly that it cannot.

Order of evidence, as an analyst would weigh it (the README lists it with the reasons it gives):
1. the name itself: an exact variant (any spelling, transliteration or former name) with every
   place officially named what that spelling names (Ivanovka: every Ivanivka, not only those
   GeoNames lists as Ivanovka); else a foreign press form read back into Cyrillic (Staryj
   Saltiw, Bakhmout, Bajmut); else a bounded fuzzy match;
2. an explicit oblast or raion hint (a misspelling is looked for inside it when no place of the
   spelling lies there);
3. a major city against hamlets of its own name (never through a former or secondary name);
4. the regions the text names for this place (right after it, earlier in its sentence, in the
   sentence before), then the regions named anywhere in the text;
5. the distance to the other places of the text: the nearest namesake when it is clearly nearest,
   else those within ``far_km`` of them;
6. the war-zone prior: the namesakes in the oblasts where fighting is reported;
7. population: the largest namesake, if it has 2,000 people and ten times the next, first among
   the places whose own current name this is;
and only when one candidate clearly wins. Otherwise the answer is ``ambiguous`` with every
candidate, those still in the running first, for a human to choose.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz

from geodata.context import BOUND_AFTER, BOUND_SENTENCE, ContextRules, load_context
from geodata.gazetteer import DATA_DIR, POSTAL_FEATURE, RAION_SUFFIXES, REGION_SUFFIXES, Candidate, Gazetteer
from geodata.nearby import (MAJOR_CITY_POPULATION, Coordinates, Reach, TextPlaces, distance_km, km_between,
                            nearest_anchor, one_area)
from geodata.normalize import MAX_NAME_LENGTH, cyrillic_language, is_cyrillic, normalize_name
from geodata.records import Mention, Place, PlaceKind, Resolution, Status
from geodata.spelling import Reading, load_spellings, read_spelling
from geodata.translit import transliterate_variants

__all__ = ["resolve", "resolve_mentions", "spellings_of_one_place", "choose", "parse_hint", "distance_km", "read_foreign",
           "FUZZY_CUTOFF"]

#: Lowest rapidfuzz ratio accepted for a misspelt name.
FUZZY_CUTOFF = 88.0
#: Fuzzy keys scoring this close to the best one count as equally likely.
FUZZY_TIE = 1.0
#: A misspelling is looked for down to this score, and in names this short, only among the places
#: the context supports (the hinted oblast, the regions the text names, near its other places).
CONTEXT_FUZZY_CUTOFF = 80.0
CONTEXT_FUZZY_MIN_LENGTH = 5
#: A candidate this close to another place of the same text, and clearly closer than the rest, wins.
CONTEXT_MAX_KM = 60.0
#: A place smaller than this, far from every other place of a text, gives way to a near spelling
#: beside them; towns and cities stand on their own name.
FAR_VILLAGE_POPULATION = 10_000
CLEAR_WIN_POPULATION = 2_000
CLEAR_WIN_RATIO = 10
#: GeoNames records no population for two villages in three; such a namesake counts as this many
#: people (two in three of the villages it does record are smaller), so that 2,070 people do not
#: outweigh a namesake of unknown size.
UNRECORDED_POPULATION = 700
#: A spelling names the same place as an official name this similar to it (Ivanovka, Ivanivka;
#: Svetloye, Svitle); Mykolaiv and Mykolaivka stay apart because both are official names.
NAMESAKE_SIMILARITY = 55.0
#: A place that merely lists a spelling among its alternates counts as named so when its official
#: name is this similar (Kiev for Kyiv 75, Zaporozhye for Zaporizhzhia 73; not Druzhkovka for
#: Oleksiievo-Druzhkivka 61).
SPELLING_SIMILARITY = 68.0
#: Two spellings in one text name one place when the namesakes of one are nearly all the other's
#: (GeoNames lists a few Ivanivkas without the Russian form Ivanovka).
SHARED_NAMESAKES = 0.9
#: ... and when the two spellings are this similar: Ivanovka and Ivanivka 88, Gorlovka and Horlivka 75, not
#: Ivanovka and Kalynivka 59 (most Kalynivkas list Ivanovka as a former name)
TWO_SPELLINGS_SIMILARITY = 75.0
#: Records of one place: GeoNames lists some villages twice, under two names, a few hundred metres apart.
DUPLICATE_KM = 3.0
#: ... or further apart when one record's coordinates are only given to the whole minute of arc (an old
#: row under the Russian name: Novoekonomicheskoye at 48.30000, 37.25000 beside Novoekonomichne).
ROUGH_DUPLICATE_KM = 8.0
#: Readings of a foreign spelling at most this much rarer than the likeliest one are kept.
READING_SPREAD = 1
FEATURE_RANK = {"PPLC": 6, "PPLA": 5, "PPLA2": 4, "PPLA3": 3, "PPLA4": 2, "PPL": 1}
_PLACES = frozenset({PlaceKind.PLACE})
_REGIONS = frozenset({PlaceKind.OBLAST, PlaceKind.RAION})
_CODE = re.compile(r"^(?:(UA|RU)\.)?(\d{2})(?:\.(\d{4}|\d{6}))?$", re.IGNORECASE)  # GeoNames: UA.05, UA.05.1402
_ISO = re.compile(r"^(UA|RU)-([0-9A-Z]{2,3})$", re.IGNORECASE)

_Choice = tuple[Place | None, str, list[Candidate], list[str]]


@cache
def fuzzy_blocklist(path: Path = DATA_DIR / "english_words.txt") -> frozenset[str]:
    """Common English words that must never be fuzzily matched to a place name."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return frozenset()
    return frozenset(normalize_name(w.split("\t")[0]) for w in lines if w and not w.startswith("#"))


def parse_hint(hint: str, gazetteer: Gazetteer) -> tuple[str, ...]:
    """Region codes named by a hint: "Donetsk", "Donetsk Oblast", "Донецька область", "UA.05",
    "05", "UA-14" (ISO 3166-2) or a raion ("Bakhmut Raion"). Empty when it names nothing."""
    text = hint.strip()
    if not text or len(text) > MAX_NAME_LENGTH:
        return ()
    code = _CODE.match(text)
    if code:
        country = (code.group(1) or "UA").upper()
        full = f"{country}.{code.group(2)}" + (f".{code.group(3)}" if code.group(3) else "")
        try:
            return (gazetteer.region(full).admin2_code or full,) if code.group(3) else (gazetteer.region(full).admin1_code,)
        except KeyError:
            return ()
    iso = _ISO.match(text)
    if iso:
        return tuple(c for c in gazetteer.iso_codes().get(text.upper(), ()) if c)
    words = normalize_name(text).split()
    wants_raion = bool(words) and words[-1] in RAION_SUFFIXES
    key = " ".join(w for w in words if w not in REGION_SUFFIXES)
    found = gazetteer.lookup(key, _REGIONS)
    oblasts = [c.place for c in found if c.place.kind is PlaceKind.OBLAST]
    raions = [c.place for c in found if c.place.kind is PlaceKind.RAION]
    chosen = (raions or oblasts) if wants_raion else (oblasts or raions)
    return tuple(dict.fromkeys(p.admin2_code if p.kind is PlaceKind.RAION else p.admin1_code for p in chosen))


@lru_cache(maxsize=200_000)
def _key(name: str) -> str:
    """normalize_name, remembered: the same official names come up again and again."""
    return normalize_name(name)


def _unknown(query: str, reason: str, hint: str | None, warnings: Sequence[str] = ()) -> Resolution:
    return Resolution(query=query, status=Status.UNKNOWN, reason=reason, hint=hint, warnings=tuple(warnings))


def _unique(candidates: Sequence[Candidate]) -> list[Candidate]:
    best: dict[int, Candidate] = {}
    for c in candidates:
        seen = best.get(c.place.geonameid)
        if seen is None or (c.primary and not seen.primary):
            best[c.place.geonameid] = c
    return list(best.values())


def _weight(place: Place) -> tuple[int, int]:
    return place.population, FEATURE_RANK.get(place.feature_code, 0)


def _in(place: Place, codes: Sequence[str]) -> bool:
    return place.admin1_code in codes or (bool(place.admin2_code) and place.admin2_code in codes)


def _region_names(codes: Sequence[str], gazetteer: Gazetteer | None) -> str:
    names = []
    for code in codes:
        try:
            names.append(gazetteer.region(code).name if gazetteer is not None else code)
        except KeyError:
            names.append(code)
    return " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1]


def _top_two(candidates: Sequence[Candidate]) -> tuple[Candidate, Candidate | None]:
    """The largest candidate and the next (by population, then feature rank)."""
    if len(candidates) == 1:
        return candidates[0], None
    # one pass, as heapq.nlargest(2, ...) would pick them (the first of equals first), without a
    # key function per candidate
    first = second = None
    top = runner_up = (0, 0)
    for c in candidates:
        weight = (c.place.population, FEATURE_RANK.get(c.place.feature_code, 0))
        if first is None or weight > top:
            first, top, second, runner_up = c, weight, first, top
        elif second is None or weight > runner_up:
            second, runner_up = c, weight
    return first, second  # type: ignore[return-value]


def _clear_winner(candidates: Sequence[Candidate], among: str = "namesakes") -> tuple[Place, str] | None:
    """The one candidate much larger than every other, if there is one."""
    if not candidates:
        return None
    first, second = _top_two(candidates)
    top = first.place
    runner_up = second.place.population if second is not None else 0
    floor = max(runner_up, UNRECORDED_POPULATION) if second is not None else 0
    if top.population >= CLEAR_WIN_POPULATION and top.population >= CLEAR_WIN_RATIO * floor:
        return top, f"largest of {len(candidates)} {among} (population {top.population:,} against {runner_up:,})"
    return None


def _major_city(candidates: Sequence[Candidate], named: Callable[[Candidate], bool]) -> tuple[Place, str] | None:
    """A city against hamlets and towns of its name (Kiev, Zaporozhye, Mykolaiv). A city that only
    had the name (Kirovo for Kropyvnytskyi) or lists it among unrelated alternates never wins this way."""
    first, second = _top_two(candidates)
    top = first.place
    big = top.population >= MAJOR_CITY_POPULATION or top.feature_code in ("PPLC", "PPLA")
    if not big or not named(first):
        return None
    if second is None or second.place.population * CLEAR_WIN_RATIO <= top.population:
        return top, (f"major city (population {top.population:,}); the {len(candidates) - 1} namesakes are "
                     "far smaller or only had the name")
    return None


def _nearest(candidates: Sequence[Candidate], reach: Reach, rows: list[int] | None) -> tuple[Place, str] | None:
    """The namesake clearly nearest to the text's other places (``rows``: the candidates' indices
    among the namesakes reach knows, None when they are all of them, in order)."""
    if not reach:
        return None
    km = reach.km(rows)
    d1 = min(km)
    if d1 > CONTEXT_MAX_KM:
        return None  # the common case, told without ordering them
    first = km.index(d1)  # the first of equals, as a stable sort would have it
    d2 = min(km[:first] + km[first + 1:]) if len(km) > 1 else math.inf
    if d2 >= max(2 * d1, d1 + 15):
        near = reach.anchor(first if rows is None else rows[first])
        return candidates[first].place, (f"nearest to {near.name} mentioned alongside ({d1:.0f} km; "
                                         f"next namesake {d2:.0f} km)")
    return None


class _Start:
    """A choice as far as it goes without the text's other places: the namesakes (one per place,
    with their coordinates), and either the answer or the ones left with the reasons so far. It
    does not depend on the text's other places, so resolve_mentions works it out once per name
    and the regions named with it, for both of its passes and for every text; so are the last
    steps (war zone, own names, size) when the text's places leave the same namesakes."""

    __slots__ = ("every", "places", "positions", "key", "former_ids", "hinted", "final", "remaining", "reasons",
                 "warnings", "dropped", "narrowed", "_naming", "_coords", "_ranked", "_last", "_orders", "_rows", "city",
                 "capital_raions")

    def __init__(self, every: list[Candidate], key: str, former_ids: frozenset[int], hinted: bool) -> None:
        self.every = every
        self.places = [c.place for c in every]
        self.positions = {p.geonameid: i for i, p in enumerate(self.places)}
        self.key, self.former_ids, self.hinted = key, former_ids, hinted
        self.final: _Choice | None = None
        self.remaining = every
        self.reasons: list[str] = []
        self.warnings: list[str] = []
        self.dropped: list[Candidate] = []
        self.narrowed = ""
        self._naming: tuple[bool, frozenset[int]] | None = None
        self._coords: Coordinates | None = None
        self._ranked: list[Place] | None = None
        self._last: tuple[Place | None, str, list[Candidate], list[str]] | None = None
        self._orders: dict[int, tuple[list[Candidate], tuple[Place, ...]]] = {}
        self._rows: list[int] | None = None
        self.city: _Choice | None = None  # a major city that a namesake near the text's villages may beat
        self.capital_raions: frozenset[str] = frozenset()  # the raions of the capitals of the regions the text names

    def naming(self) -> tuple[bool, frozenset[int]]:
        """Whether the name is an official (Ukrainian) name of some candidates (Orlivka, not Horlivka;
        Mykolaiv, not Mykolaivka), and the candidates whose own current name it is; GeoNames'
        legacy names of places without a Ukrainian one ("Konstantinovka") do not count."""
        if self._naming is None:
            key, every, former_ids = self.key, self.every, self.former_ids
            exact = key.isascii() and any(c.place.name_uk and _key(c.place.name) == key for c in every)
            spelling = frozenset(c.place.geonameid for c in every if _key(c.place.name) == key
                                 and c.place.geonameid not in former_ids) if exact else _spelling_of(key, every, former_ids)
            self._naming = (exact, spelling)
        return self._naming

    def own(self, c: Candidate) -> bool:
        """The name is this place's own current name (Mykolaiv, not Mykolaivka)."""
        return c.place.geonameid in self.naming()[1]

    def remaining_rows(self) -> list[int] | None:
        """The indices of ``remaining`` among the namesakes (None when they are all of them)."""
        if self.remaining is self.every:
            return None
        if self._rows is None:
            self._rows = [self.positions[c.place.geonameid] for c in self.remaining]
        return self._rows

    def coordinates(self) -> Coordinates:
        if self._coords is None:
            self._coords = Coordinates(self.places)
        return self._coords

    def reach(self, context: Sequence[Place] | TextPlaces) -> Reach:
        text = context if isinstance(context, TextPlaces) else TextPlaces(context)
        return text.reach(self, self.places, self.positions, self.coordinates)

    def last_steps(self, rules: ContextRules) -> tuple[Place | None, str, list[Candidate], list[str]]:
        """_last_steps() of the namesakes left by _narrow(), once."""
        if self._last is None:
            self._last = _last_steps(self.remaining, self, rules)
        return self._last

    def ordered(self, remaining: list[Candidate], war_zone: frozenset[str]) -> tuple[Place, ...]:
        """Every namesake: those in ``remaining`` first, then those in the war zone, the largest
        first; remembered for the lists of namesakes this start keeps."""
        found = self._orders.get(id(remaining))
        if found is not None and found[0] is remaining:
            return found[1]
        if self._ranked is None:
            self._ranked = sorted(self.places, key=lambda p: (p.admin1_code not in war_zone, -p.population, p.geonameid))
        kept = {c.place.geonameid for c in remaining}
        out = tuple([p for p in self._ranked if p.geonameid in kept] + [p for p in self._ranked if p.geonameid not in kept])
        if remaining is self.remaining or remaining is self.every or (self.final is not None and remaining is self.final[2]) \
                or (self._last is not None and remaining is self._last[2]):
            self._orders[id(remaining)] = (remaining, out)
        return out


def choose(candidates: Sequence[Candidate], *, hint_codes: Sequence[str] = (), region_codes: Sequence[str] = (),
           context: Sequence[Place] = (), local_codes: Sequence[str] = (), local_how: str = "",
           former_ids: frozenset[int] = frozenset(), key: str = "", gazetteer: Gazetteer | None = None,
           rules: ContextRules | None = None) -> _Choice:
    """Pick one place among candidates: (place or None, reason, remaining candidates, warnings).

    ``hint_codes`` come from an explicit hint and warn when no candidate lies there;
    ``local_codes`` are the regions the text names for this place (``local_how``: how, see
    geodata.context) and ``region_codes`` those named anywhere in the text; ``context`` the other
    places the text names. ``former_ids`` are the candidates the name reaches only as a former
    name (Artemivsk for Bakhmut); ``key``, the normalised name, tells the places it is a spelling
    of (Kiev for Kyiv) from those that merely list it (Kirovo for Kropyvnytskyi).
    """
    rules = rules or load_context()
    start = _narrow(candidates, hint_codes=hint_codes, region_codes=region_codes, local_codes=local_codes,
                    local_how=local_how, former_ids=former_ids, key=key, gazetteer=gazetteer, rules=rules)
    place, reason, remaining, warnings = _settle(start, context, rules)
    return place, reason, list(remaining), list(warnings)  # the start's own lists stay its own


def _narrow(candidates: Sequence[Candidate], *, hint_codes: Sequence[str], region_codes: Sequence[str],
            local_codes: Sequence[str], local_how: str, former_ids: frozenset[int], key: str,
            gazetteer: Gazetteer | None, rules: ContextRules) -> _Start:
    """The steps of choose() that the text's other places play no part in: the hint, one place
    recorded twice, the major city, the regions the text names."""
    start = _Start(_unique(candidates), key, former_ids, bool(hint_codes))
    remaining, reasons, warnings, own = start.every, start.reasons, start.warnings, start.own

    def done(place: Place | None, why: str) -> _Start:
        start.final = place, "; ".join(reasons + [why]), remaining, warnings
        return start

    if hint_codes:
        inside = [c for c in remaining if _in(c.place, hint_codes)]
        if inside and len(inside) < len(remaining):
            reasons.append(f"{len(inside)} of {len(remaining)} namesakes in the hinted region")
            remaining = inside
        elif not inside:
            warnings.append(f"none of the {len(remaining)} places of this name lies in the hinted region; hint ignored")
    twin = _one_place(remaining)
    if twin is not None:
        reasons.append(f"the {len(remaining)} places of this name lie within {_duplicate_reach(remaining):.0f} km of each other: "
                       "one place recorded twice")
        remaining = [twin]
    named = (local_codes if local_how else ()) or region_codes
    gap = bool(named) and all(code in rules.partial_coverage for code in named)
    if len(remaining) == 1:
        lone = remaining[0]
        if gap and not _in(lone.place, named) and lone.place.population < FAR_VILLAGE_POPULATION:
            return done(None, f"the text names {_region_names(named, gazetteer)}, whose villages under 500 people the "
                              f"gazetteer lacks; the only place of this spelling, {lone.place.name}, lies in "
                              f"{lone.place.admin1}")
        if local_how == BOUND_AFTER and not _in(lone.place, local_codes) and not own(lone):
            # "Gaponovka in the Kursk region" is not Haponivka of Sumy Oblast, which merely lists
            # a similar alternate name: the gazetteer lacks the place
            return done(None, f"the only place of this spelling, {lone.place.name} in {lone.place.admin1}, does not lie in "
                              f"{_region_names(local_codes, gazetteer)}, which the text names for it")
        if local_how and local_codes and not _in(lone.place, local_codes):
            warnings.append(f"{lone.place.name} lies in {lone.place.admin1}, not in {_region_names(local_codes, gazetteer)}, "
                            "which the text names for it")
        return done(lone.place, "only place of this name" + (" there" if reasons else ""))
    # a city against hamlets of its name wins before the regions a text names ("Sumy" in a report
    # on the Donetsk region is still the city of Sumy), unless the text names the region right
    # after the name and a namesake lies there ("Poltava in the Luhansk region")
    city = _major_city(remaining, own)
    if city and not (local_how == BOUND_AFTER and not _in(city[0], local_codes)
                     and any(_in(c.place, local_codes) for c in remaining)):
        if not (region_codes and not _in(city[0], region_codes) and any(_in(c.place, region_codes) for c in remaining)):
            return done(*city)
        # the text names another region, which holds a namesake: the city still, unless that
        # namesake lies beside the text's villages and the city far from them (Makiivka of the
        # Luhansk region in a report on the Kreminna front): _settle() weighs the distances
        start.city = (city[0], "; ".join(reasons + [city[1]]), remaining, warnings)

    dropped: list[Candidate] = []
    narrowed = ""
    if local_codes:
        inside = [c for c in remaining if _in(c.place, local_codes)]
        where = _region_names(local_codes, gazetteer)
        if inside and len(inside) < len(remaining):
            reasons.append(f"{len(inside)} of {len(remaining)} namesakes in {where}, {local_how}")
            dropped, remaining, narrowed = [c for c in remaining if c not in inside], inside, local_how
        elif not inside and local_how == BOUND_AFTER:
            return done(None, f"none of the {len(remaining)} places of this name lies in {where}, which the text names "
                              "for it; the gazetteer may lack the place")
    if region_codes and not narrowed:
        # a region named somewhere in the text narrows the places whose own current name this is
        # (a text on the Khmelnytskyi region still means the city of Mykolaiv, not a Mykolaiv there)
        pool = [c for c in remaining if own(c)] or remaining
        inside = [c for c in pool if _in(c.place, region_codes)]
        if inside and len(inside) < len(remaining):
            reasons.append(f"{len(inside)} of {len(remaining)} namesakes in a region named in the text")
            dropped, remaining, narrowed = [c for c in remaining if c not in inside], inside, "text"
    if gap:
        # the text names only regions whose small villages the gazetteer lacks (Kursk Oblast): a
        # small namesake elsewhere (Haponivka in Sumy Oblast for "Gaponovka") is a false match
        kept = [c for c in remaining if _in(c.place, named) or c.place.population >= FAR_VILLAGE_POPULATION]
        if not kept:
            return done(None, f"the text names {_region_names(named, gazetteer)}, whose villages under 500 people the "
                              f"gazetteer lacks, and none of the {len(remaining)} places of this name lies there")
        if len(kept) < len(remaining):
            reasons.append(f"{len(kept)} of {len(remaining)} namesakes in or near {_region_names(named, gazetteer)}")
            remaining = kept
    start.remaining, start.dropped, start.narrowed = remaining, dropped, narrowed
    # (not when the text names a raion for it: "Zhuravka in the Shostka district" is not Sumy Raion's)
    tie_regions = [code for code in named if code in rules.capital_raion_regions]
    if tie_regions and not any(code.count(".") > 1 for code in [*named, *hint_codes]) and gazetteer is not None and len(remaining) > 1:
        start.capital_raions = _capital_raions(tie_regions, gazetteer)
    return start


def _capital_raions(codes: Sequence[str], gazetteer: Gazetteer) -> frozenset[str]:
    """The raions of the capitals of the regions ``codes`` (Sumy Raion for Sumy Oblast)."""
    capitals = gazetteer.memo("capital raions")
    if not capitals:
        capitals.update({p.admin1_code: p.admin2_code for p in gazetteer.places() if p.feature_code == "PPLA" and p.admin2_code})
    return frozenset(capitals[code] for code in codes if code in capitals)


def _settle(start: _Start, context: Sequence[Place] | TextPlaces, rules: ContextRules) -> _Choice:
    """The rest of choose(), in the light of the text's other places: the nearest namesake, those
    near the others, then the last steps. ``start`` is shared and only read; so are the lists
    returned."""
    if start.final is not None:
        return start.final
    remaining, dropped, narrowed = start.remaining, start.dropped, start.narrowed
    reach = start.reach(context)
    if start.city is not None:
        city = start.city[0]
        if not reach.local or city.geonameid in {c.place.geonameid for c in remaining}:
            return start.city
        near = min(reach.local_km(start.remaining_rows()))
        if city.feature_code in ("PPLA", "PPLC") or not (
                near <= CONTEXT_MAX_KM / 2 and reach.local_km([start.positions[city.geonameid]])[0] > max(3 * near, CONTEXT_MAX_KM)):
            return start.city  # a regional capital, or no namesake right beside the text's villages
    nearby: list[str] = []  # a reason the text's places add

    def done(place: Place | None, why: str, more: Sequence[str] = ()) -> _Choice:
        return place, "; ".join([*start.reasons, *nearby, *more, why]), remaining, start.warnings

    if len(remaining) == 1:
        conflict = _far_against_near(remaining[0].place, dropped, reach, rules.far_km) \
            if narrowed and narrowed != BOUND_AFTER else ""
        if conflict:
            remaining = remaining + dropped
            return done(None, conflict)
        return done(remaining[0].place, "only place of this name there")

    rows = start.remaining_rows()
    found = _nearest(remaining, reach, rows)
    if found:
        return done(*found)
    # the villages and towns of the text, not the cities it names as landmarks or for their region
    if reach.local:
        km = reach.local_km(rows)
        near = [(c, d) for c, d in zip(remaining, km) if d <= rules.far_km] if min(km) <= rules.far_km else []
        # one namesake left within far_km stands only when it is as close as the nearest rule asks
        if near and len(near) < len(remaining) and (len(near) > 1 or near[0][1] <= CONTEXT_MAX_KM):
            nearby.append(f"{len(near)} of {len(remaining)} namesakes within {rules.far_km:.0f} km of the other places "
                          "the text names")
            remaining = [c for c, _ in near]
            if len(remaining) == 1:
                return done(remaining[0].place, f"the only one near them ({near[0][1]:.0f} km)")
    # the same namesakes as without the text's places: the same last steps, worked out once
    place, why, remaining, more = start.last_steps(rules) if remaining is start.remaining \
        else _last_steps(remaining, start, rules)
    if place is None and start.city is not None:
        return start.city  # nothing picks a namesake: the city
    return done(place, why, more)


def _last_steps(remaining: list[Candidate], start: _Start,
                rules: ContextRules) -> tuple[Place | None, str, list[Candidate], list[str]]:
    """The war zone, own names and size among ``remaining``: (place or None, why, the namesakes
    left, the reasons added on the way)."""
    more: list[str] = []
    fighting = [c for c in remaining if c.place.admin1_code in rules.war_zone]
    if fighting and len(fighting) < len(remaining):
        if len(fighting) == 1:
            return fighting[0].place, (f"the only one of {len(remaining)} namesakes in the oblasts where fighting is "
                                       f"reported ({fighting[0].place.admin1})"), remaining, more
        more.append(f"{len(fighting)} of {len(remaining)} namesakes in the oblasts where fighting is reported")
        remaining = fighting
    mine = [c for c in remaining if start.own(c)]
    if start.naming()[0] and len(mine) == 1 and len(remaining) > 1:
        # Artemivske the village, not Khromove, which GeoNames also lists as Artemivske
        return mine[0].place, (f"the only one of {len(remaining)} whose own name this is; the others only had "
                               "it or list it among alternates"), remaining, more
    if len(mine) == 1 and len(remaining) > 1 and mine[0].place.population >= CLEAR_WIN_POPULATION:
        # Bakhmut (80,500 people) for "Bakhmout", not a hamlet that lists the spelling
        return mine[0].place, (f"the only one of {len(remaining)} whose own name this is (population "
                               f"{mine[0].place.population:,}); the others only list it"), remaining, more
    by_capital = [c for c in remaining if c.place.admin2_code in start.capital_raions]
    if len(by_capital) == 1 and len(remaining) > 1:
        # "Zhuravka", named by the Sumy regional administration, of three in the Sumy region: the one in
        # the raion of the regional capital, which the region's reports are most often about
        return by_capital[0].place, (f"the only one of {len(remaining)} namesakes in the raion of the capital of the "
                                     f"region the text names ({by_capital[0].place.admin2})"), remaining, more
    if mine:
        # a name that is some places' own current name never goes by size to one that only had it
        found = _clear_winner(mine, "places whose own name this is" if len(mine) < len(remaining) else "namesakes")
    else:
        found = _clear_winner(remaining) or _clear_winner([c for c in remaining if c.primary],
                                                          "places whose own name this is")
    if found:
        return found[0], found[1], remaining, more
    advice = "add a raion hint or more context" if start.hinted else "add an oblast hint or more context"
    return None, f"{len(remaining)} places share this name and nothing picks one; {advice}", remaining, more


# Endings that tell a neuter (Umanske, Umanskoye), masculine (Prymorskyi) or feminine (Mala
# Kamyshuvakha, -aya) name apart: Prymorskoye is a spelling of Prymorske, not of Prymorskyi.
_NEUTER = ("oye", "oe", "eye", "ye", "ie", "je", "e", "o", "ое", "е", "є", "о", "ье")
_MASCULINE = ("yi", "iy", "ij", "ii", "yy", "yj", "ий", "ій", "ый", "ой")
_FEMININE = ("aya", "aja", "a", "ая", "а")
_EITHER = ("ia", "ya", "ja", "я")  # Zaporizhzhia (neuter), Mariia (feminine)


def _gender(key: str) -> str:
    if key.endswith(_EITHER):
        return ""
    for label, endings in (("m", _MASCULINE), ("f", _FEMININE), ("n", _NEUTER)):
        if key.endswith(endings):
            return label
    return ""


@lru_cache(maxsize=200_000)
def _same_name(key: str, official: str, similarity: float = NAMESAKE_SIMILARITY) -> bool:
    """``key`` may be another spelling of ``official``: similar enough, and not a different gender
    of the same adjective (Prymorskoye / Prymorskyi). Remembered: namesakes share their
    official name, so the same pair comes up once per namesake."""
    if abs(len(key) - len(official)) > 3 or fuzz.ratio(key, official) < similarity:
        return False  # Novoivanivka is no spelling of Ivanovka
    a, b = _gender(key), _gender(official)
    return not (a and b and a != b)


def _one_place(candidates: Sequence[Candidate]) -> Candidate | None:
    """The record to keep when every candidate lies within DUPLICATE_KM of the first: the one with
    a Ukrainian name, then the largest."""
    if len(candidates) < 2:
        return None
    first = candidates[0].place
    if any(distance_km(first, c.place) > _duplicate_reach(candidates) for c in candidates[1:]):
        return None
    return max(candidates, key=lambda c: (bool(c.place.name_uk), not _rough(c.place), c.primary, _weight(c.place)))


def _duplicate_reach(candidates: Sequence[Candidate]) -> float:
    """How far apart two records of one place may lie: further when one of a pair in one oblast is rough."""
    pair = len(candidates) == 2 and candidates[0].place.admin1_code == candidates[1].place.admin1_code
    return ROUGH_DUPLICATE_KM if pair and any(_rough(c.place) for c in candidates) else DUPLICATE_KM


def _rough(place: Place) -> bool:
    """Coordinates given only to the whole minute of arc, and no population: an old, rough record."""
    return place.population == 0 and all(abs(v * 60 - round(v * 60)) < 0.01 for v in (place.lat, place.lon))


def _spelling_of(key: str, candidates: Sequence[Candidate], former_ids: frozenset[int]) -> frozenset[int]:
    """The candidates ``key`` is a current name of: their own names, or a spelling of their official
    name (Kiev, Zaporozhye), never a former one (Artemivsk) or an unrelated alternate (Kirovo for
    Kropyvnytskyi)."""
    out = set()
    for c in candidates:
        if c.place.geonameid in former_ids:
            continue
        if c.primary or not key:
            out.add(c.place.geonameid)
            continue
        targets = [_key(c.place.name)] if key.isascii() else \
            [_key(n) for n in (c.place.name_uk, c.place.name_ru) if n]
        if any(_same_name(key, t, SPELLING_SIMILARITY) for t in targets):
            out.add(c.place.geonameid)
    return frozenset(out)


def _far_against_near(place: Place, others: Sequence[Candidate], reach: Reach, far_km: float) -> str:
    """Why ``place`` (the one namesake left in a region the text names) should not be taken: it
    lies far from every other place of the text while a namesake outside that region lies beside
    one. Empty when nothing speaks against it."""
    if not reach or not others:
        return ""
    (km,), _ = reach.of([place])
    if km <= far_km:
        return ""
    dist, near = reach.of([c.place for c in others])
    best = min(range(len(dist)), key=dist.__getitem__)
    if dist[best] > CONTEXT_MAX_KM:
        return ""
    other = others[best].place
    return (f"the one in the region the text names lies {km:.0f} km from the other places it names, while "
            f"{other.name} in {other.admin1} lies {dist[best]:.0f} km from {near[best].name}; pick one")


def _typo_score(a: str, b: str) -> float:
    """rapidfuzz's ratio, except that two neighbouring letters swapped ("Pokrovks") count as one
    slip, like a letter dropped, rather than two."""
    score = fuzz.ratio(a, b)
    if len(a) == len(b) and a != b:
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]:
            score = max(score, 100.0 * (1 - 1 / (2 * len(a))))
    return score


def _readings(key: str, gazetteer: Gazetteer, spread: int | None = READING_SPREAD) -> list[Reading]:
    """The Cyrillic gazetteer names a Latin spelling reads as (see geodata.spelling), the
    likeliest ones; remembered per gazetteer."""
    memo = gazetteer.memo("readings")
    if key not in memo:
        memo[key] = read_spelling(key, gazetteer.cyrillic_keys(), load_spellings())
    found: list[Reading] = memo[key]
    if found and spread is not None:
        found = [r for r in found if r.cost <= found[0].cost + spread][:4]
    return found


def read_foreign(key: str, gazetteer: Gazetteer) -> list[str]:
    """The Cyrillic gazetteer keys a normalised Latin spelling the gazetteer lacks reads as, in a
    press language's transcription, likeliest first (empty for Cyrillic or unreadable names)."""
    return [r.key for r in _readings(key, gazetteer)] if key.isascii() else []


def _describe_reading(reading: Reading) -> str:
    """ "read as 'старий салтів' (a German press form)"; the languages from the tables' names."""
    tables = load_spellings()
    languages = [tables.names.get(code, code).split()[0] for code in reading.languages]
    if len(languages) >= 4:
        which = "a press form of most languages"
    else:
        article = "an" if languages[0][0] in "AEIOU" else "a"
        which = f"{article} {' or '.join(languages)} press form"
    return f"read as {reading.key!r} ({which})"


def _with_namesakes(key: str, found: Sequence[Candidate], gazetteer: Gazetteer) -> tuple[list[Candidate], str]:
    """Add every place officially named what ``key`` names, when ``key`` is another spelling of that
    official name: GeoNames lists the Russian form Ivanovka for some Ivanivkas only, and an
    oblast hint must not pick the one that happens to carry it."""
    latin = key.isascii()
    if latin and any(c.place.name_uk and _key(c.place.name) == key for c in found):
        return list(found), ""  # an official name already: its namesakes are all here
    if gazetteer.former_names().get(key, frozenset()) & {c.place.geonameid for c in found}:
        return list(found), ""  # a city's former name (Artemovsk), not a spelling of some village's
    official: dict[str, None] = {}
    names = [_key(c.place.name) for c in found]
    for c, name in zip(found, names):
        if c.place.kind is not PlaceKind.PLACE:
            continue
        # a Latin spelling is compared with the official name, a Cyrillic one with the Cyrillic names;
        # a place that only lists the spelling among its alternates counts when the names agree
        # (Dmytriwka for a Dmytrivka), not otherwise (Kirovo for Kropyvnytskyi)
        targets = [name] if latin else [_key(n) for n in (c.place.name_uk, c.place.name_ru) if n]
        if key in targets and c.place.name_uk:
            return list(found), ""
        if name not in official and any(_same_name(key, t) for t in targets):
            official[name] = None
    if not official:
        return list(found), ""
    have = {c.place.geonameid for c in found}
    extra = [c for name in official for c in gazetteer.officially_named(name) if c.place.geonameid not in have]
    # a place officially named what the spelling names is named so, whichever list GeoNames put it in
    found = [gazetteer.as_primary(c) if not c.primary and name in official else c for c, name in zip(found, names)]
    if not extra:
        return found, ""
    names_of = ", ".join(gazetteer.officially_named(n)[0].place.name for n in official)
    return found + extra, f"with {len(extra)} more place{'s' if len(extra) > 1 else ''} officially named {names_of}"


def _lookup(key: str, gazetteer: Gazetteer, fuzzy: bool) -> tuple[list[Candidate], float, str]:
    """Candidates for a normalised key: (candidates, score, how they were found)."""
    words = key.split()
    if len(words) > 1 and words[-1] in REGION_SUFFIXES:
        kind = PlaceKind.RAION if words[-1] in RAION_SUFFIXES else PlaceKind.OBLAST
        regions = gazetteer.lookup(" ".join(words[:-1]), _REGIONS)
        return [c for c in regions if c.place.kind is kind] or regions, 100.0, f"{kind} name"
    found = gazetteer.lookup(key, _PLACES)
    if found:
        how = "exact name"
        if key.isascii() and not any(c.primary for c in found):
            # only an alternate of some places (Borowa for a Borove): the press form it may be
            # counts too
            readings = _readings(key, gazetteer)
            read = [c for r in readings for c in gazetteer.lookup(r.key, _PLACES)]
            if read:
                found = _unique(found + read)
                how += f", or {_describe_reading(readings[0])}"
        found, more = _with_namesakes(key, found, gazetteer)
        found, beside = _beside_border_villages(key, found, gazetteer)
        return found, 100.0, how + (f" ({more})" if more else "") + beside
    found = gazetteer.lookup(key, _REGIONS)
    if found:
        return found, 100.0, "region name"
    found, how = _read_otherwise(key, gazetteer)
    if how:
        return found, 100.0, how
    if fuzzy and key not in fuzzy_blocklist():
        matches = [(k, _typo_score(key, k)) for k, _ in gazetteer.fuzzy(key, limit=10, cutoff=FUZZY_CUTOFF - 8)]
        matches = sorted((m for m in matches if m[1] >= FUZZY_CUTOFF), key=lambda m: -m[1])
        if matches:
            score = matches[0][1]
            close = [k for k, s in matches if s >= score - FUZZY_TIE]
            found = [c for k in close for c in gazetteer.lookup(k, _PLACES)]
            # A misspelling is a guess already: when it comes close to a place's own name, ignore
            # places that merely list a similar alternate name.
            found = [c for c in found if c.primary] or found
            return found, score, f"fuzzy match to {close[0]!r} (score {score:.0f})"
    return [], 0.0, ""


def _read_otherwise(key: str, gazetteer: Gazetteer, skip: frozenset[str] = frozenset()) -> tuple[list[Candidate], str]:
    """The places a key no place bears may name: a Cyrillic spelling the data lacks (Новопрокоповка) by a
    known romanisation (Novoprokopovka), a Latin one as a foreign press form; (candidates, how), how
    empty when neither applies. Places of a feature code in ``skip`` count as none."""
    if is_cyrillic(key):
        language = cyrillic_language(key)
        for variant in transliterate_variants(key, language if language in ("uk", "ru") else "either"):
            latin = normalize_name(variant)
            found = [c for c in gazetteer.lookup(latin, _PLACES) if c.place.feature_code not in skip] if latin else []
            if found:
                found, more = _with_namesakes(latin, found, gazetteer)
                return found, f"romanised as {variant!r}" + (f" ({more})" if more else "")
    readings = _readings(key, gazetteer) if key.isascii() else []
    if readings:
        found = _unique([c for r in readings for c in gazetteer.lookup(r.key, _PLACES) if c.place.feature_code not in skip])
        found, more = _with_namesakes(readings[0].key, found, gazetteer)
        return found, _describe_reading(readings[0]) + (f" ({more})" if more else "")
    return [], ""


def _beside_border_villages(key: str, found: list[Candidate], gazetteer: Gazetteer) -> tuple[list[Candidate], str]:
    """A name only Russian border villages of the postal export bear (data/ru_border_villages.csv) still
    names what it named without them: a Ukrainian place its romanisation or press form reads as (Krupets
    of Sumy Oblast for "Крупец", Zybyne for "Zybino") stays in the running beside them, for the text's
    regions and places to choose; (candidates, what is added to how they were found)."""
    if not found or any(c.place.feature_code != POSTAL_FEATURE for c in found):
        return found, ""
    memo = gazetteer.memo("beside_border_villages")
    if key not in memo:
        memo[key] = _read_otherwise(key, gazetteer, skip=frozenset({POSTAL_FEATURE}))
    more, how = memo[key]
    more = [c for c in more if c.place.feature_code != POSTAL_FEATURE]
    if not more:
        return found, ""
    return _unique(found + more), f", or {how}"


def _near_spellings(key: str, gazetteer: Gazetteer) -> list[tuple[float, Candidate, str]]:
    """Every place whose name comes close to ``key``, whatever the context: a looser fuzzy match
    (down to CONTEXT_FUZZY_CUTOFF, names of 5 letters and more) with the places officially named
    so, and every reading of a foreign form; (score, candidate, how), remembered per gazetteer."""
    memo = gazetteer.memo("near_spellings")
    if key in memo:
        return memo[key]
    found: list[tuple[float, Candidate, str]] = []
    if key.isascii():
        for k, _ in gazetteer.fuzzy(key, limit=6, cutoff=CONTEXT_FUZZY_CUTOFF - 4, min_length=CONTEXT_FUZZY_MIN_LENGTH):
            score = _typo_score(key, k)
            if score < CONTEXT_FUZZY_CUTOFF:
                continue
            # with the places officially named what that spelling names (ivanovka: every Ivanivka)
            how = f"spelling close to {k!r} (score {score:.0f})"
            found.extend((score, c, how) for c in _with_namesakes(k, gazetteer.lookup(k, _PLACES), gazetteer)[0])
        for reading in _readings(key, gazetteer, spread=2):
            how = _describe_reading(reading)
            found.extend((100.0, c, how) for c in gazetteer.lookup(reading.key, _PLACES))
    memo[key] = found
    return found


def _near_spelling(key: str, gazetteer: Gazetteer, supported: Callable[[list[Place]], list[bool]],
                   exclude: frozenset[int] = frozenset()) -> tuple[list[Candidate], float, str]:
    """The places the context supports (``supported`` judges a list of places at once) among the
    near spellings of ``key``, those of the best score only: (candidates, score, how)."""
    found = [f for f in _near_spellings(key, gazetteer) if f[1].place.geonameid not in exclude]
    if not found:
        return [], 0.0, ""
    scored: dict[int, tuple[float, Candidate, str]] = {}
    for (score, c, how), ok in zip(found, supported([c.place for _, c, _ in found])):
        seen = scored.get(c.place.geonameid)
        if ok and (seen is None or seen[0] < score):
            scored[c.place.geonameid] = (score, c, how)
    if not scored:
        return [], 0.0, ""
    best = max(s for s, _, _ in scored.values())
    top = [(c, how) for s, c, how in scored.values() if s >= best - FUZZY_TIE]
    # near spellings of a name whose places the context supports are guesses: never "own" names
    return [Candidate(c.place, False) for c, _ in top], min(best, 99.0), top[0][1]


def _former_ids(key: str, gazetteer: Gazetteer) -> frozenset[int]:
    return gazetteer.former_names().get(key, frozenset())


def _decide(query: str, gazetteer: Gazetteer, candidates: Sequence[Candidate], score: float, how: str, *,
            hint: str | None,
            hint_codes: Sequence[str], region_codes: Sequence[str], context: Sequence[Place] | TextPlaces,
            warnings: list[str], local_codes: Sequence[str] = (), local_how: str = "",
            former_ids: frozenset[int] = frozenset(), key: str = "") -> Resolution:
    if not candidates:
        return _unknown(query, "no place of this name in the gazetteer", hint, warnings)
    rules = load_context()
    start = _narrow(candidates, hint_codes=hint_codes, region_codes=region_codes, local_codes=local_codes,
                    local_how=local_how, former_ids=former_ids, key=key, gazetteer=gazetteer, rules=rules)
    return _resolution(query, gazetteer, start, score, how, hint=hint, context=context, warnings=warnings)


def _resolution(query: str, gazetteer: Gazetteer, start: _Start, score: float, how: str, *, hint: str | None,
                context: Sequence[Place] | TextPlaces, warnings: list[str]) -> Resolution:
    """The Resolution of a choice begun with _narrow(), settled in the light of ``context``."""
    rules = load_context()
    text = context if isinstance(context, TextPlaces) else TextPlaces(context)
    place, reason, remaining, more = _settle(start, text, rules)
    warnings = warnings + more
    # every namesake: those still in the running first, then those in the war zone, largest first
    places = start.ordered(remaining, rules.war_zone)
    status = Status.RESOLVED if place is not None else Status.AMBIGUOUS
    if place is not None and place.kind is PlaceKind.PLACE:
        if gazetteer.in_oblast(place) is False:
            warnings.append(f"GeoNames puts {place.name} in {place.admin1}, but its coordinates lie outside that oblast")
        nearest = text.nearest_other(place)
        if nearest is not None and nearest[0] > rules.far_km:
            reason += f"; {nearest[0]:.0f} km from {nearest[1].name}, the nearest other place the text names"
    return Resolution(query=query, status=status, place=place, score=score, reason=f"{how}; {reason}",
                      candidates=places, warnings=tuple(warnings), hint=hint)


def resolve(name: str, gazetteer: Gazetteer, *, hint: str | None = None, context: Sequence[Place] = (),
            regions: Sequence[str] = (), fuzzy: bool = True) -> Resolution:
    """Resolve one settlement (or region) name.

    ``hint`` names an oblast or raion (explicit: a warning when no namesake lies there, after a
    look for a near spelling inside it); ``regions`` are region codes the same text names and
    ``context`` the places already resolved in it. Never raises for bad names: empty, huge or
    letterless names come back ``unknown`` with the reason.
    """
    query = name if len(name) <= MAX_NAME_LENGTH else name[:MAX_NAME_LENGTH] + "…"
    if len(name) > MAX_NAME_LENGTH:
        return _unknown(query, f"name too long ({len(name):,} characters; place names are under {MAX_NAME_LENGTH})", hint)
    key = normalize_name(name)
    if not key:
        return _unknown(query, "empty name" if not name.strip() else "name has no letters", hint)
    memo = gazetteer.memo("resolve") if not context and not regions else None
    if memo is not None and (key, hint, fuzzy) in memo:  # a name without context resolves the same way every time
        return replace(memo[(key, hint, fuzzy)], query=query)
    result = _resolve(query, key, gazetteer, hint, context, regions, fuzzy)
    if memo is not None:
        memo[(key, hint, fuzzy)] = result
    return result


def _resolve(query: str, key: str, gazetteer: Gazetteer, hint: str | None, context: Sequence[Place],
             regions: Sequence[str], fuzzy: bool) -> Resolution:
    warnings: list[str] = []
    hint_codes: tuple[str, ...] = ()
    if hint:
        hint_codes = parse_hint(hint, gazetteer)
        if not hint_codes:
            warnings.append(f"hint {hint[:80]!r} names no oblast or raion the gazetteer knows; ignored")
    candidates, score, how = _lookup(key, gazetteer, fuzzy)
    settlements = [c for c in candidates if c.place.kind is PlaceKind.PLACE]
    if hint_codes and fuzzy and not any(_in(c.place, hint_codes) for c in candidates) \
            and (settlements or not candidates) and key not in fuzzy_blocklist():
        # no place of this spelling lies in the hinted region: a misspelling of one that does?
        near, near_score, near_how = _near_spelling(key, gazetteer, lambda ps: [_in(p, hint_codes) for p in ps])
        if near:
            elsewhere = f"no place of this spelling lies in the hinted region; {near_how}" if candidates else near_how
            return _decide(query, gazetteer, near, near_score, elsewhere, hint=hint, hint_codes=hint_codes,
                           region_codes=regions, context=context, warnings=warnings)
    return _decide(query, gazetteer, candidates, score, how, hint=hint, hint_codes=hint_codes, region_codes=regions,
                   context=context, warnings=warnings, former_ids=_former_ids(key, gazetteer), key=key)


def resolve_mentions(mentions: Sequence[Mention], gazetteer: Gazetteer) -> list[Resolution]:
    """Resolve the mentions found in one text, each in the light of the others.

    Regions the text names for a settlement (``Mention.context_regions``), then those it names
    anywhere, narrow its namesakes; settlements that resolve on their own then serve as context
    (distance) for the ambiguous ones, and for those that landed far from all of them: a small
    place far from every other place of the text gives way to a near spelling beside them
    (Volodyno for the Volodyne next to the villages named with it).
    """
    region_codes = tuple(dict.fromkeys(c for m in mentions if m.kind is not PlaceKind.PLACE for c in m.region_codes))
    rules = load_context()
    memo: dict[tuple[object, ...], Resolution] = {}
    shared = gazetteer.memo("resolve_mentions")

    found_before = gazetteer.memo("mention_candidates")

    def candidates_of(mention: Mention) -> tuple[list[Candidate], str]:
        # the same spelling has the same candidates in every text: worked out once
        memo_key = (mention.key, mention.kind, mention.region_codes, mention.score, mention.text)
        if memo_key not in found_before:
            found_before[memo_key] = _candidates_of(mention)
        return found_before[memo_key]

    def _candidates_of(mention: Mention) -> tuple[list[Candidate], str]:
        kinds = _PLACES if mention.kind is PlaceKind.PLACE else frozenset({mention.kind})
        candidates = gazetteer.lookup(mention.key, kinds)
        if mention.kind is not PlaceKind.PLACE:
            candidates = [c for c in candidates if (c.place.admin2_code or c.place.admin1_code) in mention.region_codes
                          or c.place.admin1_code in mention.region_codes] or candidates
            if not candidates and mention.region_codes:  # "DPR", "Донецкой области", "Donbas"
                candidates = [Candidate(gazetteer.region(code), True) for code in mention.region_codes
                              if code.count(".") == 1]
                return candidates, "region form"
            return candidates, "exact name"
        if mention.score < 100:
            # a misspelling: no candidate's own name
            return [Candidate(c.place, False) for c in candidates], \
                f"fuzzy match to {mention.key!r} (score {mention.score:.0f})"
        how = "exact name"
        if candidates and mention.key.isascii() and not any(c.primary for c in candidates):
            # only an alternate name of some places (Pleshcheyevka of a Mykolaiv village): the press
            # form it may be counts too (Pleshchiivka), as in _lookup
            readings = _readings(mention.key, gazetteer)
            read = [c for r in readings for c in gazetteer.lookup(r.key, kinds)]
            if read:
                candidates = _unique(candidates + read)
                how += f", or {_describe_reading(readings[0])}"
        candidates, more = _with_namesakes(mention.key, candidates, gazetteer)
        candidates, beside = _beside_border_villages(mention.key, candidates, gazetteer)
        how += beside
        if normalize_name(mention.text) != mention.key and not is_cyrillic(mention.text) and is_cyrillic(mention.key):
            reading = next((r for r in _readings(normalize_name(mention.text), gazetteer, spread=None)
                            if r.key == mention.key), None)
            how = _describe_reading(reading) if reading else f"read as {mention.key!r}"
        return candidates, how + (f" ({more})" if more else "")

    started = gazetteer.memo("mention_choices")

    def key_of(mention: Mention) -> tuple[object, ...]:
        return (mention.key, mention.kind, mention.region_codes, mention.score, mention.context_regions,
                mention.context_how, region_codes)

    def one(mention: Mention, context: TextPlaces) -> Resolution:
        # the same name resolves the same way within a text, and without context (the first pass)
        # across texts that name the same regions: work each out once
        memo_key = key_of(mention)
        cache = shared if not context else memo
        if memo_key in cache:
            return _as_query(cache[memo_key], mention.text)
        candidates, how = candidates_of(mention)
        if not candidates:
            result = _unknown(mention.text, "no place of this name in the gazetteer", None)
        else:
            # the choice as far as the text's other places play no part: once for both passes
            start = started.get(memo_key)
            if start is None:
                start = started[memo_key] = _narrow(
                    candidates, hint_codes=(), region_codes=region_codes, local_codes=mention.context_regions,
                    local_how=mention.context_how, key=mention.key if mention.score >= 100 else "", gazetteer=gazetteer,
                    former_ids=_former_ids(mention.key, gazetteer) if mention.kind is PlaceKind.PLACE else frozenset(),
                    rules=rules)
            result = _resolution(mention.text, gazetteer, start, mention.score, how, hint=None, context=context,
                                 warnings=[])
        if context and mention.kind is PlaceKind.PLACE:
            result = _named_otherwise(mention, result, context) or _nearer_spelling(mention, result, context)
        cache[memo_key] = result
        return result

    def _named_otherwise(mention: Mention, result: Resolution, context: TextPlaces) -> Resolution | None:
        """A name several places bear is the one the text resolves under another name too: a former
        name (Artemovsk) the place it names by its name of today (Bakhmut); "Lyman" the Lyman it
        names as Krasny Liman."""
        if result.status is not Status.AMBIGUOUS or mention.score < 100:
            return None
        former_ids = _former_ids(mention.key, gazetteer)
        # (not one a region named with it places elsewhere: "the village of Poltava in the
        # Luhansk region" is no other name of the city the text also names)
        named = [p for p in result.candidates if p.geonameid in context.ids
                 and (p.geonameid in former_ids or not mention.context_regions)]
        if len(named) != 1:
            return None
        former = named[0].geonameid in former_ids
        return Resolution(query=mention.text, status=Status.RESOLVED, place=named[0], score=result.score,
                          reason=f"{result.reason}; " + (f"a former name of {named[0].name}, which the text also names"
                                                         if former else f"{named[0].name}, which the text also names otherwise"),
                          candidates=result.candidates, warnings=result.warnings)

    def _nearer_spelling(mention: Mention, result: Resolution, context: TextPlaces) -> Resolution:
        """A small place far from every other place of the text, reached by a spelling that comes
        close to a place beside them: take that one (the text's own evidence), saying why."""
        place = result.place
        if place is None or place.population >= FAR_VILLAGE_POPULATION or not _is_far(place, context):
            return result
        if not context.one_area_without(place, rules.far_km):
            return result  # a text on several fronts: nothing to say a place must lie by the others
        anchors = context.others(place)

        # a box around the anchors turns most far candidates away before any distance is computed
        reach = CONTEXT_MAX_KM / 111.0
        lat_lo, lat_hi = min(a.lat for a in anchors) - reach, max(a.lat for a in anchors) + reach
        lon_lo, lon_hi = min(a.lon for a in anchors) - 2 * reach, max(a.lon for a in anchors) + 2 * reach

        def supported(places: list[Place]) -> list[bool]:
            ok = [(not mention.context_regions or _in(p, mention.context_regions))
                  and lat_lo <= p.lat <= lat_hi and lon_lo <= p.lon <= lon_hi for p in places]
            inside = [p for p, good in zip(places, ok) if good]
            if not inside:
                return ok
            near = iter(km <= CONTEXT_MAX_KM for km in nearest_anchor(inside, anchors)[0])
            return [good and next(near) for good in ok]

        key = normalize_name(mention.text.removesuffix("'s").removesuffix("’s"))
        near, score, how = _near_spelling(key, gazetteer, supported,
                                          exclude=frozenset(p.geonameid for p in result.candidates))
        if len({c.place.geonameid for c in near}) != 1:
            return result
        km = context.nearest_other(place)[0]  # type: ignore[index]
        chosen = near[0].place
        (near_km,), (near_anchor,) = nearest_anchor([chosen], anchors)
        why = (f"{how}; {chosen.name} lies {near_km:.0f} km from {near_anchor.name}, while the place spelt "
               f"{mention.text!r}, {place.name} in {place.admin1}, lies {km:.0f} km from the nearest other place "
               "the text names")
        return Resolution(query=mention.text, status=Status.RESOLVED, place=chosen, score=min(score, 99.0), reason=why,
                          candidates=(chosen, *result.candidates), warnings=result.warnings)

    def _is_far(place: Place, context: TextPlaces) -> bool:
        nearest = context.nearest_other(place)
        return nearest is not None and nearest[0] > rules.far_km

    alone = TextPlaces(())
    results = [one(m, alone) for m in mentions]
    # again in the light of the places that resolved: the ambiguous ones, and, in a text about one
    # area, the small places far from it
    context = TextPlaces([r.place for r in results if r.place is not None and r.place.kind is PlaceKind.PLACE])
    area = one_area(context.places, rules.far_km)
    again = [m.kind is PlaceKind.PLACE and (
        r.status is Status.AMBIGUOUS
        or (area and r.place is not None and r.place.population < FAR_VILLAGE_POPULATION and _is_far(r.place, context))
        or getattr(started.get(key_of(m)), "city", None) is not None)  # a city a namesake near the text may beat
        for m, r in zip(mentions, results)]
    if context:
        # the namesakes of every name looked at again, against the text's places at once
        starts = [started.get(key_of(m)) for m, a in zip(mentions, again) if a]
        _work_out_together(context, [s for s in {id(s): s for s in starts if s is not None}.values() if s.final is None])
    results = [one(m, context) if a else r for m, r, a in zip(mentions, results, again)]
    return _say_far(mentions, _consistent(mentions, results), rules.far_km)


def spellings_of_one_place(mentions: Sequence[Mention], results: Sequence[Resolution]
                           ) -> tuple[list[Mention], list[Resolution]]:
    """One place spelt two ways in one text ("Ivanovka, south-east of Kupiansk (Ukrainian name: Ivanivka)"):
    a spelling that stays ambiguous takes the place another spelling resolved to, the nearest before it
    first, when that place is among its namesakes; when both stay ambiguous and the namesakes of one are
    nearly all the other's, it takes the earlier spelling's key, so that a denial of the one answers a
    claim on the other. A name the text puts in a region whose villages the gazetteer lacks keeps its own."""
    out_mentions, out_results = list(mentions), list(results)
    places = [i for i, m in enumerate(mentions) if m.kind is PlaceKind.PLACE]
    gap_regions = load_context().partial_coverage
    for i in places:
        m, r = mentions[i], results[i]
        if r.status is not Status.AMBIGUOUS or not r.candidates:
            continue
        if m.context_regions and all(code in gap_regions for code in m.context_regions) \
                and not any(_in(p, m.context_regions) for p in r.candidates):
            # (put in a region whose villages the gazetteer lacks, where none of its namesakes lies: "a different
            # village from Melovoy in the Kursk region" is not the Melovoye of the Kharkiv region)
            continue
        others = [j for j in reversed(places) if j < i] + [j for j in places if j > i]
        spelt = [j for j in others
                 if mentions[j].key != m.key and _same_name(mentions[j].key, m.key, TWO_SPELLINGS_SIMILARITY)]
        if not spelt:
            continue  # (most names: spelt one way only)
        mine = {p.geonameid for p in r.candidates}
        placed = next((j for j in spelt if results[j].place is not None and results[j].place.geonameid in mine), None)
        if placed is not None:
            out_results[i] = replace(results[placed], query=r.query, reason=f"{r.reason.split('; ', 1)[0]}; the text "
                                     f"spells it {mentions[placed].text} elsewhere, placed there")
            continue
        for j in (j for j in spelt if j < i and results[j].status is Status.AMBIGUOUS):
            theirs = {p.geonameid for p in results[j].candidates}
            if len(mine & theirs) >= SHARED_NAMESAKES * min(len(mine), len(theirs)):
                out_mentions[i] = replace(m, key=out_mentions[j].key)
                break
    return out_mentions, out_results


#: the reason of a place listed_beside_gap turns away (the regions it reads are Russia's: context.toml partial_coverage)
LISTED_BESIDE_GAP = "listed with a town of a region the gazetteer covers only in part"
#: the reason of a place _spelt_far_in_gap_text turns away (read as the same: a village of that region)
SPELT_FAR_IN_GAP_TEXT = "spelt as a village of a region the gazetteer covers only in part, in a text on it"
# what stands between two settlements of one list: "A, B", "A and B", "A, as well as the villages of B"
_LIST_GLUE = re.compile(r"\s*(?:,\s*|\s+)(?:(?:and|or|as\s+well\s+as|together\s+with|plus)\s+)?"
                        r"(?:(?:the\s+)?(?:(?:nearby|neighbouring|neighboring|small)\s+)?(?:settlements?|villages?|towns?|hamlets?|localities)"
                        r"(?:\s+of)?\s+)?", re.I)


def listed_beside_gap(text: str, mentions: Sequence[Mention], results: Sequence[Resolution],
                      gazetteer: Gazetteer) -> list[Resolution]:
    """A small place listed with a town or village of a region whose villages the gazetteer lacks
    ("took Sudzha, Melovoye and Podol" in the Kursk region), and lying far from it, is a false match:
    the village meant is one the gazetteer lacks, not a namesake in another country's far corner.
    Then the same for the places a text on such a region spells as that region's (_spelt_far_in_gap_text)."""
    rules = load_context()
    out = list(results)
    if not any(r.place is not None and _in(r.place, rules.partial_coverage) for r in results) and not any(
            m.kind is not PlaceKind.PLACE and any(c in rules.partial_coverage for c in m.region_codes) for m in mentions):
        return out  # (most texts: no place of such a region, nothing to weigh)

    def settle(chain: list[int]) -> None:
        # (a town or village there, not its regional capital)
        anchors = [out[i].place for i in chain if out[i].place is not None and _in(out[i].place, rules.partial_coverage)
                   and out[i].place.population < MAJOR_CITY_POPULATION]
        if not anchors:
            return
        # (a list that also names places elsewhere, "took Sudzha, Kurakhove and Novodmytrivka", mixes fronts:
        # a namesake near one of those is the one meant)
        others = [out[i].place for i in chain if out[i].place is not None and not _in(out[i].place, rules.partial_coverage)]
        for i in chain:
            places = (out[i].place,) if out[i].place is not None else out[i].candidates
            if not places or any(_in(p, rules.partial_coverage) or p.population >= FAR_VILLAGE_POPULATION
                                 or min(distance_km(p, a) for a in anchors) <= rules.far_km
                                 or any(o is not p and distance_km(p, o) <= rules.far_km for o in others) for p in places):
                continue
            nearest = min(places, key=lambda p: min(distance_km(p, a) for a in anchors))
            anchor = min(anchors, key=lambda a: distance_km(nearest, a))
            out[i] = Resolution(query=out[i].query, status=Status.UNKNOWN, warnings=out[i].warnings,
                                reason=f"{LISTED_BESIDE_GAP} ({anchor.name}, {_region_names((anchor.admin1_code,), gazetteer)}, "
                                       f"whose villages under 500 people the gazetteer lacks); the nearest place of this spelling, "
                                       f"{nearest.name} in {nearest.admin1}, lies {distance_km(nearest, anchor):.0f} km from it")

    chain: list[int] = []
    for i, mention in enumerate(mentions):
        if mention.kind is not PlaceKind.PLACE:
            continue
        if chain and not _LIST_GLUE.fullmatch(text, mentions[chain[-1]].end, mention.start):
            settle(chain)
            chain = []
        chain.append(i)
    settle(chain)
    return _spelt_far_in_gap_text(mentions, out, rules, gazetteer)


_BESIDE_CHARS = 40  # (a place named this close to another in its sentence is placed by it)


def _tied_to_its_region(mention: Mention, mentions: Sequence[Mention], results: Sequence[Resolution],
                        rules: ContextRules) -> bool:
    """Whether the mention's own sentence binds it to the region named there ("in Kursk region ... liberated
    A and B"; not a region the sentence before named), with no place of elsewhere spelt as the gazetteer
    names it right beside it ("captured Orlivka west of Avdiivka" in a sentence on Kursk)."""
    if not mention.context_regions or mention.context_how not in (BOUND_AFTER, BOUND_SENTENCE):
        return False
    return mention.context_how == BOUND_AFTER or not any(
        abs(m.start - mention.start) <= _BESIDE_CHARS and r.place is not None and not _in(r.place, rules.partial_coverage)
        and normalize_name(r.place.name) == normalize_name(m.text)
        for m, r in zip(mentions, results) if m is not mention)


def _spelt_far_in_gap_text(mentions: Sequence[Mention], results: list[Resolution], rules: ContextRules,
                           gazetteer: Gazetteer) -> list[Resolution]:
    """In a text on a region whose villages the gazetteer lacks (Kursk: it names the region, or two of
    its towns and villages), a small place spelt otherwise than its namesakes are named ("Novenkoye"
    for Novenke, "Olgovka" for Olhivka), with no other region named for it and every namesake far from
    all the text's other places, is a village the gazetteer lacks: the Russian spelling of a Russian
    village, not a Ukrainian namesake."""
    placed = [(m.key, r.place) for m, r in zip(mentions, results) if m.kind is PlaceKind.PLACE and r.place is not None]
    settled = [place for _, place in placed]
    anchors = [p for p in settled if _in(p, rules.partial_coverage) and p.population < MAJOR_CITY_POPULATION]
    # (a text on that region: it names the region, or two of its towns and villages; not a Russian bulletin
    # that names one Kursk town and then, in Moscow's spelling, a Donetsk village)
    region_named = any(m.kind is not PlaceKind.PLACE and any(code in rules.partial_coverage for code in m.region_codes)
                       for m in mentions)
    if not region_named and len({p.geonameid for p in anchors}) < 2:
        return results
    codes = tuple(dict.fromkeys(c for m in mentions if m.kind is not PlaceKind.PLACE for c in m.region_codes
                                if c in rules.partial_coverage)) or tuple(dict.fromkeys(p.admin1_code for p in anchors))
    out = list(results)
    for i, (mention, result) in enumerate(zip(mentions, results)):
        places = (result.place,) if result.place is not None else result.candidates
        # (no other region named for it: "Yevgenovka in the DPR" is the Donetsk village)
        if mention.kind is not PlaceKind.PLACE or not places \
                or any(code not in rules.partial_coverage for code in mention.context_regions):
            continue
        # (a name its own sentence ties to the region is that region's whatever its namesakes' size and neighbours)
        tied = _tied_to_its_region(mention, mentions, results, rules)
        # (nor a namesake the text names under its own name too: "Novenkoye" beside "Novenke" is that village)
        named_otherwise = {place.geonameid for key, place in placed if key != mention.key}
        if any(_in(p, rules.partial_coverage) or p.geonameid in named_otherwise
               or normalize_name(p.name) == normalize_name(mention.text.removesuffix("'s").removesuffix("’s"))
               or not tied and (p.population >= FAR_VILLAGE_POPULATION
                                or any(o.geonameid != p.geonameid and distance_km(p, o) <= rules.far_km for o in settled))
               for p in places):
            continue
        others = [o for o in settled if all(o.geonameid != p.geonameid for p in places)]
        nearest = min(places, key=lambda p: min((distance_km(p, o) for o in others), default=0.0))
        far = f", lies {min(distance_km(nearest, o) for o in others):.0f} km from the text's other places" if others else ""
        out[i] = Resolution(query=result.query, status=Status.UNKNOWN, warnings=result.warnings,
                            reason=f"{SPELT_FAR_IN_GAP_TEXT} ({_region_names(codes, gazetteer)}); the place named so "
                                   f"otherwise, {nearest.name} in {nearest.admin1}{far}")
    return out


def _work_out_together(text: TextPlaces, starts: Sequence[_Start]) -> None:
    """The distances of the namesakes of several names to the text's places, in one array
    operation rather than one per name (TextPlaces keeps them for each choice)."""
    text.rows_together([(start, start.coordinates()) for start in starts
                        if not any(i in start.positions for i in text.ids)])


def _as_query(result: Resolution, query: str) -> Resolution:
    """A remembered resolution as the text at hand spells the name."""
    if result.query == query:
        return result  # frozen: shared as it is
    return Resolution(query=query, status=result.status, place=result.place, score=result.score, reason=result.reason,
                      candidates=result.candidates, warnings=result.warnings, hint=result.hint)


def _say_far(mentions: Sequence[Mention], results: list[Resolution], far_km: float) -> list[Resolution]:
    """Every settlement placed more than ``far_km`` from all the other places of the text says so
    in its reason (the small ones were looked at again in the light of them already)."""
    settled = [(i, r.place) for i, (m, r) in enumerate(zip(mentions, results))
               if m.kind is PlaceKind.PLACE and r.place is not None and r.place.kind is PlaceKind.PLACE]
    places = list({p.geonameid: p for _, p in settled}.values())
    if len(places) < 2:
        return results
    nearest: dict[int, tuple[float, Place]] = {}
    coords = Coordinates(places)
    for lo in range(0, len(places), 512):  # in blocks: a huge text names thousands of places
        block = places[lo:lo + 512]
        km = km_between(coords if len(block) == len(places) else coords.take(list(range(lo, lo + len(block)))), coords)
        km[np.arange(len(block)), np.arange(lo, lo + len(block))] = np.inf  # not itself
        for p, d, j in zip(block, km.min(axis=1).tolist(), km.argmin(axis=1).tolist()):
            nearest[p.geonameid] = (d, places[j])
    out = list(results)
    for i, place in settled:
        d, other = nearest[place.geonameid]
        if d > far_km and "km from" not in out[i].reason:
            out[i] = replace(out[i], reason=f"{out[i].reason}; {d:.0f} km from {other.name}, the nearest other place "
                                             "the text names")
    return out


def _consistent(mentions: Sequence[Mention], results: list[Resolution]) -> list[Resolution]:
    """One name, one place per text: where the text places a name explicitly ("Novovorontsovka, in the
    north of Kherson Oblast"), its other mentions without such a region follow; where that
    explicit mention stays ambiguous among the namesakes of its region, the others do not land
    outside it (a "Poltava" of a list is not the city when the text puts it in the
    Luhansk region)."""
    placed: dict[str, dict[int, Place]] = {}
    open_: dict[str, tuple[Resolution, frozenset[str]]] = {}
    for m, r in zip(mentions, results):
        if m.kind is PlaceKind.PLACE and m.context_how == BOUND_AFTER:
            if r.place is not None:
                placed.setdefault(m.key, {})[r.place.geonameid] = r.place
            elif r.status is Status.AMBIGUOUS:
                open_[m.key] = (r, frozenset(m.context_regions))
    out = list(results)
    for i, (m, r) in enumerate(zip(mentions, results)):
        if m.kind is not PlaceKind.PLACE or m.context_how == BOUND_AFTER:
            continue
        there = placed.get(m.key, {})
        how = r.reason.split("; ", 1)[0]
        if len(there) == 1:
            (place,) = there.values()
            if r.place == place or place.geonameid not in {p.geonameid for p in r.candidates}:
                continue
            out[i] = Resolution(query=r.query, status=Status.RESOLVED, place=place, score=r.score,
                                reason=f"{how}; the text names {place.admin1} for {m.text} elsewhere",
                                candidates=(place, *(p for p in r.candidates if p != place)), warnings=r.warnings)
        elif not there and m.key in open_ and r.place is not None:
            explicit, codes = open_[m.key]
            if _in(r.place, tuple(codes)):
                continue
            out[i] = replace(explicit, query=r.query,
                             reason=f"{how}; where the text names its region, {explicit.reason.split('; ', 1)[-1]}")
    return out
