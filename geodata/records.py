"""Records of the geodata package: places, resolutions of a name, mentions found in text."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

__all__ = ["Place", "PlaceKind", "Resolution", "Status", "Mention"]


class PlaceKind(enum.StrEnum):
    PLACE = "place"  # a populated place: city, town, village
    OBLAST = "oblast"  # first-level region: oblast, Crimea, Kyiv and Sevastopol cities, RU oblast
    RAION = "raion"  # second-level region of Ukraine


class Status(enum.StrEnum):
    RESOLVED = "resolved"
    AMBIGUOUS = "ambiguous"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Place:
    """One place of the gazetteer. ``name`` is the current official Latin spelling."""

    geonameid: int
    name: str
    kind: PlaceKind
    country: str  # ISO 3166-1 alpha-2: UA or RU
    admin1_code: str  # GeoNames style, "UA.05"
    admin1: str  # English name of the oblast/region, "Donetsk Oblast"
    admin2_code: str  # "UA.05.1402" or "" when unknown
    admin2: str  # English raion name or ""
    lat: float
    lon: float
    population: int
    feature_code: str  # GeoNames feature code: PPL, PPLA2, ADM1 ...
    geonames_name: str  # the GeoNames main name, which may be an older spelling
    name_uk: str = ""  # Ukrainian Cyrillic name where known
    name_ru: str = ""  # Russian Cyrillic name where known
    source: str = "geonames"  # "geonames" or "nominatim" for places found online

    def __post_init__(self) -> None:
        if not -90.0 <= self.lat <= 90.0 or not -180.0 <= self.lon <= 180.0:
            raise ValueError(f"place {self.name!r} has impossible coordinates {self.lat}, {self.lon}")
        if self.population < 0:
            raise ValueError(f"place {self.name!r} has a negative population {self.population}")
        if not self.name:
            raise ValueError(f"place {self.geonameid} has no name")


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a name resolves to.

    ``status`` is ``resolved`` with exactly one ``place``; ``ambiguous`` when several places fit
    and nothing in the context picks one (``candidates`` lists them); ``unknown`` when none fits.
    ``score`` is 100 for an exact variant match and the rapidfuzz score for a fuzzy one.
    """

    query: str
    status: Status
    place: Place | None = None
    score: float = 0.0
    reason: str = ""
    candidates: tuple[Place, ...] = ()
    warnings: tuple[str, ...] = ()
    hint: str | None = None

    def __post_init__(self) -> None:
        if (self.status is Status.RESOLVED) != (self.place is not None):
            raise ValueError(f"a {self.status} resolution must {'' if self.status is Status.RESOLVED else 'not '}carry a place")
        if not 0.0 <= self.score <= 100.0:
            raise ValueError(f"score must lie in 0..100, not {self.score}")


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that names a known place or region.

    ``key`` is the normalised name under which the gazetteer knows it; ``kind`` tells a
    settlement from an oblast or raion ("Kharkiv region", "the Donetsk People's Republic" and
    "DPR" are oblast mentions, never the city of Donetsk). A settlement named in a foreign press
    form ("Staryj Saltiw") has the key of the Cyrillic name it reads as ("старий салтів").
    """

    start: int
    end: int
    text: str
    key: str
    kind: PlaceKind
    region_codes: tuple[str, ...] = field(default=())  # for oblast/raion mentions: the codes named
    score: float = 100.0  # 100 for a known spelling, the fuzzy score for a misspelling
    # for settlements: the regions the text names for this one ("Kirovo in the Donetsk People's
    # Republic" -> ("UA.05",)) and how it names them (geodata.context: right after it, earlier in
    # its sentence, in the sentence before); empty when the text names none near it
    context_regions: tuple[str, ...] = field(default=())
    context_how: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"mention span {self.start}..{self.end} is empty or negative")
