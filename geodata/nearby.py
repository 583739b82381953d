"""Distances between the places of one text, in great-circle kilometres.

Choosing among namesakes asks again and again how far each lies from the other places a text
names. The text's places are put in arrays once (``TextPlaces``), the namesakes of a name once
(``Coordinates``, kept with them by the resolver), so each choice costs one small array
operation, and what a text asks about one place more than once (how far it lies from the others,
whether the others lie in one area) is worked out once.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence

import numpy as np

from geodata.records import Place, PlaceKind

__all__ = ["distance_km", "km_matrix", "nearest_anchor", "one_area", "Coordinates", "TextPlaces", "Reach",
           "MAJOR_CITY_POPULATION"]

#: Cities this large are landmarks a text names in passing, not part of the area it is about.
MAJOR_CITY_POPULATION = 100_000


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance in kilometres."""
    return _km(a.lat, a.lon, b.lat, b.lon)


def _km(lat_a: float, lon_a: float, lat_b: float, lon_b: float) -> float:
    p1, p2 = math.radians(lat_a), math.radians(lat_b)
    dp, dl = p2 - p1, math.radians(lon_b - lon_a)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


class Coordinates:
    """Latitudes and longitudes of some places in radians, and the cosines of the latitudes."""

    __slots__ = ("lat", "lon", "cos")

    def __init__(self, places: Sequence[Place]) -> None:
        self.lat = np.radians([p.lat for p in places])
        self.lon = np.radians([p.lon for p in places])
        self.cos = np.cos(self.lat)

    def take(self, columns: list[int]) -> Coordinates:
        out = Coordinates.__new__(Coordinates)
        out.lat, out.lon, out.cos = self.lat[columns], self.lon[columns], self.cos[columns]
        return out


def _matrix(a: Coordinates, b: Coordinates) -> np.ndarray:
    """Distances in km, one row per place of ``a``, one column per place of ``b``."""
    lat1, lon1, lat2, lon2 = a.lat[:, None], a.lon[:, None], b.lat[None, :], b.lon[None, :]
    h = np.sin((lat2 - lat1) / 2) ** 2 + a.cos[:, None] * b.cos[None, :] * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * np.arcsin(np.minimum(1.0, np.sqrt(h)))


def km_matrix(places: Sequence[Place], anchors: Sequence[Place]) -> np.ndarray:
    """Distances in km, one row per place, one column per anchor (all at once: texts name dozens
    of places, names have dozens of namesakes)."""
    return _matrix(Coordinates(places), Coordinates(anchors))


def nearest_anchor(places: Sequence[Place], anchors: Sequence[Place]) -> tuple[list[float], list[Place]]:
    """For each place, the distance to the nearest anchor and that anchor."""
    if len(places) * len(anchors) <= 16:  # a few pairs: plain floats beat numpy's set-up cost
        out_km, out_anchor = [], []
        for p in places:
            d, a = min(((distance_km(p, a), a) for a in anchors), key=lambda pair: pair[0])
            out_km.append(d)
            out_anchor.append(a)
        return out_km, out_anchor
    km = km_matrix(places, anchors)
    idx = km.argmin(axis=1)
    return [float(km[i, j]) for i, j in enumerate(idx)], [anchors[int(j)] for j in idx]


def one_area(anchors: Sequence[Place], far_km: float) -> bool:
    """Whether the villages and towns a text names lie in one area: half of them or more within
    ``far_km`` of their middle (a capital named in passing does not count)."""
    local = [p for p in anchors if p.population < MAJOR_CITY_POPULATION]
    if len(local) < 2:
        return False
    # the median point: one far place (the one in question, say) does not drag the middle away
    lat, lon = statistics.median(p.lat for p in local), statistics.median(p.lon for p in local)
    return sum(_km(p.lat, p.lon, lat, lon) <= far_km for p in local) * 2 >= len(local)


class TextPlaces:
    """The settlements a text names that resolved on their own: the anchors of every choice made
    in their light. Coordinates are put in arrays once; how far a place lies from the others,
    and whether the others lie in one area, once per place."""

    def __init__(self, context: Sequence[Place]) -> None:
        self.places = list({p.geonameid: p for p in context if p.kind is PlaceKind.PLACE}.values())
        self.ids = [p.geonameid for p in self.places]
        self._coords: Coordinates | None = None
        self._far: dict[int, tuple[float, Place] | None] = {}
        self._area: dict[int, bool] = {}

    def __bool__(self) -> bool:
        return bool(self.places)

    def coordinates(self) -> Coordinates:
        if self._coords is None:
            self._coords = Coordinates(self.places)
        return self._coords

    def others(self, place: Place) -> list[Place]:
        """The places of the text but ``place``."""
        return [p for p in self.places if p.geonameid != place.geonameid]

    def nearest_other(self, place: Place) -> tuple[float, Place] | None:
        """How far ``place`` lies from the nearest other place of the text, and which (None: the
        text names no other)."""
        if place.geonameid not in self._far:
            anchors = self.others(place)
            found = None
            if anchors:
                (km,), (near,) = nearest_anchor([place], anchors)
                found = (km, near)
            self._far[place.geonameid] = found
        return self._far[place.geonameid]

    def one_area_without(self, place: Place, far_km: float) -> bool:
        """one_area() of the text's places but ``place``."""
        if place.geonameid not in self._area:
            self._area[place.geonameid] = one_area(self.others(place), far_km)
        return self._area[place.geonameid]


class Reach:
    """How far each namesake lies from the nearest other settlement of the text, and from the
    nearest village or town of it (leaving out the cities it names as landmarks): all worked out
    at once, in one array operation, when a choice first needs them. ``coords`` are those of
    ``places`` (the namesakes, one per id)."""

    def __init__(self, places: Sequence[Place], coords: Coordinates | None, text: TextPlaces) -> None:
        ids = {p.geonameid for p in places}
        self.places = places
        self._coords = coords
        self._text = text
        # the anchors: the text's places but the namesakes themselves
        self._columns = [j for j, i in enumerate(text.ids) if i not in ids]
        self.anchors = [text.places[j] for j in self._columns]
        self.local = [i for i, a in enumerate(self.anchors) if a.population < MAJOR_CITY_POPULATION]
        self._near: dict[int, tuple[float, Place]] | None = None
        self._near_local: dict[int, float] = {}

    def __bool__(self) -> bool:
        return bool(self.anchors)

    def _work_out(self) -> dict[int, tuple[float, Place]]:
        if self._near is None:
            self._near = {}
            if self.anchors:
                coords = self._text.coordinates()
                if len(self._columns) < len(self._text.ids):
                    coords = coords.take(self._columns)
                km = _matrix(self._coords or Coordinates(self.places), coords)
                best = km.argmin(axis=1)
                dist = km[np.arange(len(self.places)), best].tolist()
                self._near = {p.geonameid: (d, self.anchors[j]) for p, d, j in zip(self.places, dist, best.tolist())}
                if self.local:
                    local = km[:, self.local].min(axis=1).tolist()
                    self._near_local = {p.geonameid: d for p, d in zip(self.places, local)}
        return self._near

    def of(self, places: Sequence[Place]) -> tuple[list[float], list[Place | None]]:
        near = self._work_out()
        found = [near.get(p.geonameid, (math.inf, None)) for p in places]
        return [d for d, _ in found], [a for _, a in found]

    def local_of(self, places: Sequence[Place]) -> list[float]:
        self._work_out()
        return [self._near_local.get(p.geonameid, math.inf) for p in places]
