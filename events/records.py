"""Records of the events package: articles, claims, events. Frozen dataclasses that check themselves."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

__all__ = ["Article", "Claim", "Event", "EventType", "Side", "DatePrecision", "EventStatus", "PublishedDate",
           "period_end", "format_date"]


class EventType(enum.StrEnum):
    CAPTURE = "capture"
    WITHDRAWAL = "withdrawal"
    RECAPTURE = "recapture"
    PARTIAL = "partial"  # part of a town, "gray zone", troops entered
    CONTESTED = "contested"  # assault, street fighting, "success in the area": no change claimed
    DENIAL = "denial"  # a side denies another's claim


class Side(enum.StrEnum):
    RU = "RU"
    UA = "UA"
    NONE = "none"

    def opponent(self) -> Side:
        return {Side.RU: Side.UA, Side.UA: Side.RU}.get(self, Side.NONE)


class DatePrecision(enum.StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"  # "summer 2023": three months
    YEAR = "year"
    UNKNOWN = "unknown"


class EventStatus(enum.StrEnum):
    CORROBORATED = "corroborated"  # the other side agrees
    DISPUTED = "disputed"  # the other side denies it or claims the opposite
    SINGLE_SOURCE = "single-source"
    SUPERSEDED = "superseded"  # a later claim reverses it


_SEASON_NAMES = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.month - 1 + months
    return dt.date(day.year + index // 12, index % 12 + 1, 1)


def period_end(day: dt.date, precision: DatePrecision) -> dt.date:
    """The last day a date of this precision may mean (2025-11 -> 2025-11-30)."""
    if precision is DatePrecision.WEEK:
        return day + dt.timedelta(days=6)
    if precision is DatePrecision.MONTH:
        return _add_months(day, 1) - dt.timedelta(days=1)
    if precision is DatePrecision.SEASON:
        return _add_months(day, 3) - dt.timedelta(days=1)
    if precision is DatePrecision.YEAR:
        return day.replace(month=12, day=31)
    return day


def format_date(day: dt.date | None, precision: DatePrecision | str) -> str:
    """A date as precisely as it is known: "2024-05-15", "week of 2024-05-08", "2025-11",
    "summer 2023", "2022", "unknown"."""
    precision = DatePrecision(precision)
    if day is None or precision is DatePrecision.UNKNOWN:
        return "unknown"
    if precision is DatePrecision.WEEK:
        return f"week of {day.isoformat()}"
    if precision is DatePrecision.MONTH:
        return day.strftime("%Y-%m")
    if precision is DatePrecision.SEASON:
        return f"{_SEASON_NAMES.get(day.month, 'season')} {day.year}"
    if precision is DatePrecision.YEAR:
        return str(day.year)
    return day.isoformat()


@dataclass(frozen=True, slots=True)
class PublishedDate:
    """When an article was published, as precisely as known, and how we know it."""

    date: dt.date
    precision: DatePrecision = DatePrecision.DAY
    basis: str = "header"  # header, dateline, date line, meta, manifest, user

    def __post_init__(self) -> None:
        if self.precision not in (DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR):
            raise ValueError(f"a publication date is known to the day, month or year, not {self.precision}")

    @property
    def latest(self) -> dt.date:
        """The last day the article can have been published on."""
        return period_end(self.date, self.precision)

    def __str__(self) -> str:
        return format_date(self.date, self.precision)


@dataclass(frozen=True, slots=True)
class Article:
    """One article as ingested. ``id`` is a hash of the normalised text: the same text twice is
    the same article, whatever its file name."""

    id: str
    path: str  # file name as ingested ("folder/a.json#2" for the third object of a JSON list)
    text: str
    title: str = ""
    source: str = ""  # publishing outlet ("AFP", "dpa"); "" when unattributed
    source_basis: str = ""  # how the source was found: header, credit line, meta, manifest, user
    url: str = ""
    published: PublishedDate | None = None
    encoding: str = "utf-8"
    notes: tuple[str, ...] = ()  # what the loader noticed: legacy encoding, header fixes ...

    def __post_init__(self) -> None:
        if not self.text.strip():
            raise ValueError(f"article {self.path} has no text")
        if len(self.id) < 12:
            raise ValueError("article id must be a hash of its text")


@dataclass(frozen=True, slots=True)
class Claim:
    """One control-change event as one claimant tells it in one article."""

    id: str
    article_id: str
    settlement: str  # as written in the article
    settlement_start: int  # character span of the settlement mention in the article text
    settlement_end: int
    geonameid: int | None  # None when the place is ambiguous or unknown
    place_name: str  # canonical name, "" when not resolved
    place_status: str  # resolved / ambiguous / unknown
    place_candidates: tuple[int, ...]  # geonameids the name could be
    event_type: EventType
    gaining_side: Side  # for a denial: the side whose gain is denied (as denied_side)
    claimant: str
    claimant_side: Side
    claimant_kind: str  # official, military, anonymous, analyst, media, local authorities, journalist
    via: str  # channel that carried the claim: "RIA Novosti", "AFP"; "" when direct
    hedged: bool
    event_date: dt.date | None
    date_precision: DatePrecision
    date_basis: str  # the expression that dated it ("on Wednesday") or "published date" / "earlier sentence"
    evidence: str
    evidence_start: int
    evidence_end: int
    confidence: float
    extractor_version: str
    denied_side: Side = Side.NONE  # for a denial: whose gain is denied
    background: bool = False  # told as history ("captured in February"), not the article's news
    evidence_spans: tuple[tuple[int, int], ...] = ()  # every sentence telling this claim (headline, lead, body)

    def __post_init__(self) -> None:
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence must lie in 0..1, not {self.confidence}")
        if not 0 <= self.evidence_start < self.evidence_end:
            raise ValueError("evidence span is empty")
        if (self.event_date is None) != (self.date_precision is DatePrecision.UNKNOWN):
            raise ValueError("an event date goes with a precision, and no date with 'unknown'")
        if self.event_type is EventType.DENIAL and self.gaining_side not in (Side.NONE, self.denied_side):
            raise ValueError("a denial's gaining side is the side whose gain it denies")


@dataclass(frozen=True, slots=True)
class Event:
    """Claims about one settlement close in time, grouped; ``status`` is derived, never stored."""

    id: str
    geonameid: int | None
    place_name: str
    event_type: EventType
    gaining_side: Side
    first_date: dt.date | None
    last_date: dt.date | None
    status: EventStatus
    claim_ids: tuple[str, ...]
    sources: tuple[str, ...] = field(default=())
    claimant_sides: tuple[Side, ...] = field(default=())
    note: str = ""
