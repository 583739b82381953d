"""Resolve a settlement name to one place, or say honestly that it cannot.

Order of evidence, as an analyst would weigh it:
1. the name itself: an exact variant (any spelling, transliteration or former name), else a
   bounded fuzzy match (rapidfuzz; never for common English words or short names);
2. an explicit oblast or raion hint ("Donetsk region", "--hint Donetsk");
3. a major city against hamlets of the same name (Kyiv the capital, not Kyiv the village);
4. distance to the other places resolved in the same text (Andriivka beside Klishchiivka);
5. population and feature rank, first among all namesakes, then among those for which the name
   is their own (not a GeoNames alternate);
and only when one candidate clearly wins. Otherwise the answer is ``ambiguous`` with every
candidate, for a human to choose.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path

import numpy as np

from geodata.gazetteer import DATA_DIR, RAION_SUFFIXES, REGION_SUFFIXES, Candidate, Gazetteer
from geodata.normalize import MAX_NAME_LENGTH, cyrillic_language, is_cyrillic, normalize_name
from geodata.records import Mention, Place, PlaceKind, Resolution, Status
from geodata.translit import transliterate_variants

__all__ = ["resolve", "resolve_mentions", "choose", "parse_hint", "distance_km", "FUZZY_CUTOFF"]

#: Lowest rapidfuzz ratio accepted for a misspelt name.
FUZZY_CUTOFF = 88.0
#: Fuzzy keys scoring this close to the best one count as equally likely.
FUZZY_TIE = 1.0
#: A candidate this close to another place of the same text, and clearly closer than the rest, wins.
CONTEXT_MAX_KM = 60.0
MAJOR_CITY_POPULATION = 100_000
CLEAR_WIN_POPULATION = 2_000
CLEAR_WIN_RATIO = 10
FEATURE_RANK = {"PPLC": 6, "PPLA": 5, "PPLA2": 4, "PPLA3": 3, "PPLA4": 2, "PPL": 1}
_PLACES = frozenset({PlaceKind.PLACE})
_REGIONS = frozenset({PlaceKind.OBLAST, PlaceKind.RAION})
_CODE = re.compile(r"^(?:(UA|RU)\.)?(\d{2})(?:\.(\d{4}|\d{6}))?$", re.IGNORECASE)  # GeoNames: UA.05, UA.05.1402
_ISO = re.compile(r"^(UA|RU)-([0-9A-Z]{2,3})$", re.IGNORECASE)


@cache
def fuzzy_blocklist(path: Path = DATA_DIR / "english_words.txt") -> frozenset[str]:
    """Common English words that must never be fuzzily matched to a place name."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return frozenset()
    return frozenset(normalize_name(w.split("\t")[0]) for w in lines if w and not w.startswith("#"))


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


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


def _clear_winner(candidates: Sequence[Candidate], among: str = "namesakes") -> tuple[Place, str] | None:
    """The one candidate much larger than every other, if there is one."""
    ranked = sorted(candidates, key=lambda c: _weight(c.place), reverse=True)
    top = ranked[0].place
    runner_up = ranked[1].place.population if len(ranked) > 1 else 0
    if top.population >= CLEAR_WIN_POPULATION and top.population >= CLEAR_WIN_RATIO * runner_up:
        return top, f"largest of {len(ranked)} {among} (population {top.population:,} against {runner_up:,})"
    return None


def _major_city(candidates: Sequence[Candidate]) -> tuple[Place, str] | None:
    ranked = sorted(candidates, key=lambda c: _weight(c.place), reverse=True)
    top = ranked[0].place
    big = top.population >= MAJOR_CITY_POPULATION or top.feature_code in ("PPLC", "PPLA")
    if big and all(c.place.population * 100 <= top.population for c in ranked[1:]):
        return top, f"major city (population {top.population:,}); the {len(ranked) - 1} namesakes are hamlets"
    return None


def _nearest(candidates: Sequence[Candidate], context: Sequence[Place]) -> tuple[Place, str] | None:
    ids = {c.place.geonameid for c in candidates}
    anchors = [p for p in context if p.geonameid not in ids and p.kind is PlaceKind.PLACE]
    if not anchors:
        return None
    # every candidate against every anchor at once: texts name dozens of places, names have
    # dozens of namesakes
    lat1 = np.radians([c.place.lat for c in candidates])[:, None]
    lon1 = np.radians([c.place.lon for c in candidates])[:, None]
    lat2 = np.radians([a.lat for a in anchors])[None, :]
    lon2 = np.radians([a.lon for a in anchors])[None, :]
    h = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    km = 2 * 6371.0 * np.arcsin(np.minimum(1.0, np.sqrt(h)))
    nearest_anchor = km.argmin(axis=1)
    per_candidate = km[np.arange(len(candidates)), nearest_anchor]
    order = np.argsort(per_candidate, kind="stable")
    d1 = float(per_candidate[order[0]])
    d2 = float(per_candidate[order[1]]) if len(order) > 1 else math.inf
    if d1 <= CONTEXT_MAX_KM and d2 >= max(2 * d1, d1 + 15):
        anchor = anchors[int(nearest_anchor[order[0]])].name
        return candidates[int(order[0])].place, f"nearest to {anchor} mentioned alongside ({d1:.0f} km; next namesake {d2:.0f} km)"
    return None


def choose(candidates: Sequence[Candidate], *, hint_codes: Sequence[str] = (), region_codes: Sequence[str] = (),
           context: Sequence[Place] = ()) -> tuple[Place | None, str, list[Candidate], list[str]]:
    """Pick one place among candidates: (place or None, reason, remaining candidates, warnings).

    ``hint_codes`` come from an explicit hint and warn when no candidate lies there;
    ``region_codes`` are regions the same text names and narrow the choice silently.
    """
    remaining = _unique(candidates)
    warnings: list[str] = []
    reasons: list[str] = []
    if hint_codes:
        inside = [c for c in remaining if c.place.admin1_code in hint_codes or c.place.admin2_code in hint_codes]
        if inside and len(inside) < len(remaining):
            reasons.append(f"{len(inside)} of {len(remaining)} namesakes in the hinted region")
            remaining = inside
        elif not inside:
            warnings.append(f"none of the {len(remaining)} places of this name lies in the hinted region; hint ignored")

    def done(place: Place | None, why: str) -> tuple[Place | None, str, list[Candidate], list[str]]:
        return place, "; ".join(reasons + [why]), remaining, warnings

    if len(remaining) == 1:
        return done(remaining[0].place, "only place of this name" + (" there" if reasons else ""))
    # a city against hamlets of its name wins before the regions a text names: "Sumy" in a report
    # on the Donetsk region is still the city of Sumy
    city = _major_city(remaining)
    if city:
        return done(*city)
    if region_codes:
        inside = [c for c in remaining if c.place.admin1_code in region_codes or c.place.admin2_code in region_codes]
        if inside and len(inside) < len(remaining):
            reasons.append(f"{len(inside)} of {len(remaining)} namesakes in a region named in the text")
            remaining = inside
            if len(remaining) == 1:
                return done(remaining[0].place, "only place of this name there")
    primaries = [c for c in remaining if c.primary]
    rules = (lambda: _nearest(remaining, context), lambda: _clear_winner(remaining),
             lambda: _clear_winner(primaries, "places whose own name this is") if primaries else None)
    for rule in rules:
        found = rule()
        if found:
            return done(*found)
    advice = "add a raion hint or more context" if hint_codes else "add an oblast hint or more context"
    return done(None, f"{len(remaining)} places share this name and nothing picks one; {advice}")


def _lookup(key: str, gazetteer: Gazetteer, fuzzy: bool) -> tuple[list[Candidate], float, str]:
    """Candidates for a normalised key: (candidates, score, how they were found)."""
    words = key.split()
    if len(words) > 1 and words[-1] in REGION_SUFFIXES:
        kind = PlaceKind.RAION if words[-1] in RAION_SUFFIXES else PlaceKind.OBLAST
        regions = gazetteer.lookup(" ".join(words[:-1]), _REGIONS)
        return [c for c in regions if c.place.kind is kind] or regions, 100.0, f"{kind} name"
    found = gazetteer.lookup(key, _PLACES)
    if found:
        return found, 100.0, "exact name"
    found = gazetteer.lookup(key, _REGIONS)
    if found:
        return found, 100.0, "region name"
    if is_cyrillic(key):
        # a Cyrillic spelling the data lacks (Работино) may match a known romanisation (Rabotino)
        language = cyrillic_language(key)
        for variant in transliterate_variants(key, language if language in ("uk", "ru") else "either"):
            latin = normalize_name(variant)
            found = gazetteer.lookup(latin, _PLACES) if latin else []
            if found:
                return found, 100.0, f"romanised as {variant!r}"
    if fuzzy and key not in fuzzy_blocklist():
        matches = gazetteer.fuzzy(key, limit=10, cutoff=FUZZY_CUTOFF)
        if matches:
            score = matches[0][1]
            close = [k for k, s in matches if s >= score - FUZZY_TIE]
            found = [c for k in close for c in gazetteer.lookup(k, _PLACES)]
            # A misspelling is a guess already: when it comes close to a place's own name, ignore
            # places that merely list a similar alternate name.
            found = [c for c in found if c.primary] or found
            return found, score, f"fuzzy match to {close[0]!r} (score {score:.0f})"
    return [], 0.0, ""


def _decide(query: str, gazetteer: Gazetteer, candidates: Sequence[Candidate], score: float, how: str, *,
            hint: str | None,
            hint_codes: Sequence[str], region_codes: Sequence[str], context: Sequence[Place],
            warnings: list[str]) -> Resolution:
    if not candidates:
        return _unknown(query, "no place of this name in the gazetteer", hint, warnings)
    place, reason, remaining, more = choose(candidates, hint_codes=hint_codes, region_codes=region_codes,
                                            context=context)
    warnings = warnings + more
    # every namesake, those still in the running first, largest first
    kept = {c.place.geonameid for c in remaining}
    places = tuple(sorted((c.place for c in _unique(candidates)),
                          key=lambda p: (p.geonameid not in kept, -p.population, p.geonameid)))
    status = Status.RESOLVED if place is not None else Status.AMBIGUOUS
    if place is not None and place.kind is PlaceKind.PLACE and gazetteer.in_oblast(place) is False:
        warnings.append(f"GeoNames puts {place.name} in {place.admin1}, but its coordinates lie outside that oblast")
    return Resolution(query=query, status=status, place=place, score=score, reason=f"{how}; {reason}",
                      candidates=places, warnings=tuple(warnings), hint=hint)


def resolve(name: str, gazetteer: Gazetteer, *, hint: str | None = None, context: Sequence[Place] = (),
            regions: Sequence[str] = (), fuzzy: bool = True) -> Resolution:
    """Resolve one settlement (or region) name.

    ``hint`` names an oblast or raion (explicit: a warning when no namesake lies there);
    ``regions`` are region codes the same text names and ``context`` the places already resolved
    in it. Never raises for bad names: empty, huge or letterless names come back ``unknown``
    with the reason.
    """
    query = name if len(name) <= MAX_NAME_LENGTH else name[:MAX_NAME_LENGTH] + "…"
    if len(name) > MAX_NAME_LENGTH:
        return _unknown(query, f"name too long ({len(name):,} characters; place names are under {MAX_NAME_LENGTH})", hint)
    key = normalize_name(name)
    if not key:
        return _unknown(query, "empty name" if not name.strip() else "name has no letters", hint)
    warnings: list[str] = []
    hint_codes: tuple[str, ...] = ()
    if hint:
        hint_codes = parse_hint(hint, gazetteer)
        if not hint_codes:
            warnings.append(f"hint {hint[:80]!r} names no oblast or raion the gazetteer knows; ignored")
    candidates, score, how = _lookup(key, gazetteer, fuzzy)
    return _decide(query, gazetteer, candidates, score, how, hint=hint, hint_codes=hint_codes, region_codes=regions,
                   context=context, warnings=warnings)


def resolve_mentions(mentions: Sequence[Mention], gazetteer: Gazetteer) -> list[Resolution]:
    """Resolve the mentions found in one text, each in the light of the others.

    Regions the text names narrow every settlement's namesakes; settlements that resolve on their
    own then serve as context (distance) for the ambiguous ones.
    """
    region_codes = tuple(dict.fromkeys(c for m in mentions if m.kind is not PlaceKind.PLACE for c in m.region_codes))

    memo: dict[tuple[object, ...], Resolution] = {}
    shared = gazetteer.memo("resolve_mentions")

    def one(mention: Mention, context: Sequence[Place]) -> Resolution:
        # the same name resolves the same way within a text, and without context (the first pass)
        # across texts that name the same regions: work each out once
        memo_key = (mention.key, mention.kind, mention.region_codes, mention.score, region_codes)
        cache = shared if not context else memo
        if memo_key in cache:
            return replace(cache[memo_key], query=mention.text)
        kinds = _PLACES if mention.kind is PlaceKind.PLACE else frozenset({mention.kind})
        candidates = gazetteer.lookup(mention.key, kinds)
        if mention.kind is not PlaceKind.PLACE:
            candidates = [c for c in candidates if (c.place.admin2_code or c.place.admin1_code) in mention.region_codes
                          or c.place.admin1_code in mention.region_codes] or candidates
        how = "exact name" if mention.score >= 100 else f"fuzzy match to {mention.key!r} (score {mention.score:.0f})"
        cache[memo_key] = result = _decide(mention.text, gazetteer, candidates, mention.score, how, hint=None,
                                           hint_codes=(), region_codes=region_codes, context=context, warnings=[])
        return result

    first = [one(m, ()) for m in mentions]
    context = list({r.place.geonameid: r.place for r in first
                    if r.place is not None and r.place.kind is PlaceKind.PLACE}.values())
    return [one(m, context) if r.status is Status.AMBIGUOUS else r for m, r in zip(mentions, first)]
