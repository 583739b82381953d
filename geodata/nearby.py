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
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

import numpy as np

from geodata.records import Place, PlaceKind

__all__ = ["distance_km", "km_between", "km_matrix", "nearest_anchor", "nearest_rows", "one_area", "Coordinates", "Nearest",
           "TextPlaces", "Reach", "MAJOR_CITY_POPULATION"]

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

    @staticmethod
    def join(parts: Sequence[Coordinates]) -> Coordinates:
        out = Coordinates.__new__(Coordinates)
        out.lat, out.lon, out.cos = (np.concatenate([getattr(c, a) for c in parts]) for a in ("lat", "lon", "cos"))
        return out


def km_between(a: Coordinates, b: Coordinates) -> np.ndarray:
    """Distances in km, one row per place of ``a``, one column per place of ``b``."""
    lat1, lon1, lat2, lon2 = a.lat[:, None], a.lon[:, None], b.lat[None, :], b.lon[None, :]
    h = np.sin((lat2 - lat1) / 2) ** 2 + a.cos[:, None] * b.cos[None, :] * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * np.arcsin(np.minimum(1.0, np.sqrt(h)))


def km_matrix(places: Sequence[Place], anchors: Sequence[Place]) -> np.ndarray:
    """Distances in km, one row per place, one column per anchor (all at once: texts name dozens
    of places, names have dozens of namesakes)."""
    return km_between(Coordinates(places), Coordinates(anchors))


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


class Nearest(NamedTuple):
    """For each of some places, in their order: the km to the nearest anchor, that anchor's index,
    and the km to the nearest village or town among the anchors (inf when there is none)."""

    km: list[float]
    anchor: list[int]
    local: list[float]


def nearest_rows(places: Coordinates, anchors: Coordinates, local: Sequence[int]) -> Nearest:
    """Nearest for every place at once (``local``: the indices of the villages and towns among the anchors)."""
    km = km_between(places, anchors)
    near_local = km[:, local].min(axis=1).tolist() if local else [math.inf] * len(km)
    return Nearest(km.min(axis=1).tolist(), km.argmin(axis=1).tolist(), near_local)


class TextPlaces:
    """The settlements a text names that resolved on their own: the anchors of every choice made
    in their light. Coordinates are put in arrays once; how far a place lies from the others,
    and whether the others lie in one area, once per place; how far the namesakes of a name lie
    from them, once per name (several names at once when asked together)."""

    def __init__(self, context: Sequence[Place]) -> None:
        self.places = list({p.geonameid: p for p in context if p.kind is PlaceKind.PLACE}.values())
        self.ids = [p.geonameid for p in self.places]
        self.local = [j for j, p in enumerate(self.places) if p.population < MAJOR_CITY_POPULATION]
        self._coords: Coordinates | None = None
        self._far: dict[int, tuple[float, Place] | None] = {}
        self._area: dict[int, bool] = {}
        self._rows: dict[object, Nearest] = {}  # per owner of some places (the resolver's namesakes of a name)

    def __bool__(self) -> bool:
        return bool(self.places)

    def coordinates(self) -> Coordinates:
        if self._coords is None:
            self._coords = Coordinates(self.places)
        return self._coords

    def rows(self, owner: object, coords: Coordinates) -> Nearest:
        """Nearest of the places ``owner`` stands for (``coords`` theirs) to the text's places."""
        found = self._rows.get(owner)
        if found is None:
            found = self._rows[owner] = nearest_rows(coords, self.coordinates(), self.local)
        return found

    def rows_together(self, owners: Sequence[tuple[object, Coordinates]]) -> None:
        """rows() of several owners in one array operation rather than one each."""
        todo = [(owner, coords) for owner, coords in owners if owner not in self._rows]
        if len(todo) < 2 or not self.places:
            return
        rows = nearest_rows(Coordinates.join([coords for _, coords in todo]), self.coordinates(), self.local)
        at = 0
        for owner, coords in todo:
            end = at + len(coords.lat)
            self._rows[owner] = Nearest(rows.km[at:end], rows.anchor[at:end], rows.local[at:end])
            at = end

    def reach(self, owner: object, places: Sequence[Place], positions: Mapping[int, int],
              coords: Callable[[], Coordinates]) -> Reach:
        """The Reach of the namesakes ``places`` of one name (``positions``: geonameid -> index in
        ``places``; ``coords``: their coordinates, asked for only when needed): the anchors are
        the text's places but those namesakes."""
        if not any(i in positions for i in self.ids):  # the common case: rows kept per owner
            return Reach(positions, self.places, self.local, lambda: self.rows(owner, coords()))
        columns = [j for j, i in enumerate(self.ids) if i not in positions]
        anchors = [self.places[j] for j in columns]
        local = [k for k, a in enumerate(anchors) if a.population < MAJOR_CITY_POPULATION]
        return Reach(positions, anchors, local, lambda: nearest_rows(coords(), self.coordinates().take(columns), local))

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
    """How far each namesake of a name lies from the nearest other settlement of the text, and
    from the nearest village or town of it (leaving out the cities it names as landmarks): worked
    out when a choice first needs them (``work_out``), for all the namesakes at once."""

    def __init__(self, positions: Mapping[int, int], anchors: Sequence[Place], local: Sequence[int],
                 work_out: Callable[[], Nearest]) -> None:
        self.anchors, self.local = anchors, local
        self._positions = positions
        self._work_out = work_out
        self._rows: Nearest | None = None

    def __bool__(self) -> bool:
        return bool(self.anchors)

    def _get(self) -> Nearest | None:
        if self._rows is None and self.anchors:
            self._rows = self._work_out()
        return self._rows

    def km(self, rows: Sequence[int] | None = None) -> list[float]:
        """The km to the nearest anchor of the namesakes at these indices (None: all, in order;
        the list is then the one kept, not to be changed)."""
        found = self._get()
        if found is None:
            return [math.inf] * (len(self._positions) if rows is None else len(rows))
        return found.km if rows is None else [found.km[i] for i in rows]

    def local_km(self, rows: Sequence[int] | None = None) -> list[float]:
        """The same, to the nearest village or town among the anchors."""
        found = self._get()
        if found is None:
            return [math.inf] * (len(self._positions) if rows is None else len(rows))
        return found.local if rows is None else [found.local[i] for i in rows]

    def anchor(self, row: int) -> Place:
        """The anchor nearest to the namesake at this index."""
        return self.anchors[self._get().anchor[row]]  # type: ignore[union-attr]

    def of(self, places: Sequence[Place]) -> tuple[list[float], list[Place | None]]:
        rows, at = self._get(), self._positions
        if rows is None:
            return [math.inf] * len(places), [None] * len(places)
        km, near = rows.km, rows.anchor
        rows_of = [at.get(p.geonameid) for p in places]
        return ([math.inf if i is None else km[i] for i in rows_of],
                [None if i is None else self.anchors[near[i]] for i in rows_of])

    def local_of(self, places: Sequence[Place]) -> list[float]:
        rows, at = self._get(), self._positions
        if rows is None:
            return [math.inf] * len(places)
        local = rows.local
        return [math.inf if i is None else local[i] for i in (at.get(p.geonameid) for p in places)]
