"""Which village a name means: the places it could be, described for an analyst's choice (raion,
population, distance to the other places the same article names), nearest first. Pure."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from geodata.records import Place

__all__ = ["Candidate", "describe", "distance_km", "Context"]

#: A place the article names for sure: (name, lat, lon).
Context = tuple[str, float, float]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True, slots=True)
class Candidate:
    place: Place
    nearest: str  # the closest place the article names, "" when it names none
    km: float | None

    @property
    def label(self) -> str:
        """ "Andriivka — Bakhmut Raion, Donetsk Oblast · no recorded population · 3 km from Klishchiivka"."""
        p = self.place
        people = f"{p.population:,} people" if p.population else "no recorded population"
        where = ", ".join(x for x in (p.admin2, p.admin1) if x)
        near = f" · {self.km:,.0f} km from {self.nearest}" if self.km is not None else ""
        return f"{p.name} — {where} · {people}{near}"


def describe(places: Iterable[Place], context: Sequence[Context]) -> list[Candidate]:
    """Each place with its distance to the nearest of ``context``; nearest first (then the most
    people), or the most people first when the article names no other place."""
    out = []
    for place in places:
        best: tuple[float, str] | None = None
        for name, lat, lon in context:
            km = distance_km(place.lat, place.lon, lat, lon)
            if best is None or km < best[0]:
                best = (km, name)
        out.append(Candidate(place, best[1] if best else "", best[0] if best else None))
    return sorted(out, key=lambda c: (c.km if c.km is not None else math.inf, -c.place.population, c.place.name))
